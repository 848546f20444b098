package perf

import (
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"

	"github.com/maypok86/otter/v2"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// The page cache's bounds.
const (
	PageCacheBytes = 32 << 20  // at most this much HTML in memory
	PageCacheMax   = 512 << 10 // larger pages are not kept
)

// Cache is the page cache and the caches of values beside it (Values),
// valid while the database's data version is unchanged. A nil *Cache (the
// machinery off) keeps nothing.
//
// A page is a function of the signed-in user, the address, the language,
// the day and the data: the caller makes the key of all but the data and
// the day, and the cache serves a page again only at the same data version
// on the same day. Reads still go through the API rules: the cache only
// repeats what the rules let this very user see, to this very user.
type Cache struct {
	pages *otter.Cache[string, cachedPage]

	mu     sync.Mutex
	db     *sql.DB
	conn   *sql.Conn // reads the data version; never writes
	last   int64     // the data version read last
	values []interface {
		InvalidateAll()
		Len() int
	}
}

type cachedPage struct {
	version int64
	day     string
	header  http.Header
	body    []byte
}

// EnvPageCache is the environment variable whose value "off" turns off the
// page cache alone, leaving the rest on: for measuring the pages as they
// are computed after every write (the page benchmarks).
const EnvPageCache = "IKPLAN_PAGE_CACHE"

// NewCache is an empty page cache; nil when not Enabled, or when
// IKPLAN_PAGE_CACHE is "off". It is called once when a server is set up,
// not per request, and reads IKPLAN_PAGE_CACHE then: the page benchmarks
// set it for one run and build their server after.
func NewCache() *Cache {
	if !Enabled() || os.Getenv(EnvPageCache) == "off" {
		return nil
	}
	return &Cache{pages: otter.Must(&otter.Options[string, cachedPage]{
		MaximumWeight: PageCacheBytes,
		Weigher:       func(key string, p cachedPage) uint32 { return uint32(len(key) + len(p.body)) },
	})}
}

// Version is the database's data version, which changes whenever any
// connection other than the cache's own commits a write; false when it
// cannot be read (then nothing is served from the cache) or the cache is
// nil. When it has changed, everything kept is let go at once: it is of an
// older version and would never be served again.
func (c *Cache) Version(app core.App) (int64, bool) {
	if c == nil {
		return 0, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	db, ok := app.ConcurrentDB().(*dbx.DB)
	if !ok {
		return 0, false
	}
	if c.conn == nil || c.db != db.DB() {
		if c.conn != nil {
			c.conn.Close()
		}
		conn, err := db.DB().Conn(context.Background())
		if err != nil {
			c.conn = nil
			return 0, false
		}
		c.db, c.conn = db.DB(), conn
	}
	var v int64
	if err := c.conn.QueryRowContext(context.Background(), "PRAGMA data_version").Scan(&v); err != nil {
		c.conn.Close()
		c.conn = nil
		return 0, false
	}
	if v != c.last {
		c.last = v
		c.pages.InvalidateAll()
		for _, vs := range c.values {
			vs.InvalidateAll()
		}
	}
	return v, true
}

// Serve answers the request with the page kept under key at version on
// day, if there is one; otherwise it computes the page (e.Next) and keeps
// it when it is a whole HTML page answered 200 and not too large.
func (c *Cache) Serve(e *core.RequestEvent, key string, version int64, day string) error {
	if c == nil {
		return e.Next()
	}
	if p, hit := c.pages.GetIfPresent(key); hit && p.version == version && p.day == day {
		out := e.Response.Header()
		for k, v := range p.header {
			out[k] = v
		}
		e.Response.WriteHeader(http.StatusOK)
		_, err := e.Response.Write(p.body)
		return err
	}
	rec := &recorder{ResponseWriter: e.Response}
	e.Response = rec
	err := e.Next()
	e.Response = rec.ResponseWriter
	if err == nil && rec.status == http.StatusOK && len(rec.body) <= PageCacheMax &&
		strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
		c.Keep(key, version, day, rec.header, rec.body)
	} else if err == nil && rec.status == http.StatusOK && len(rec.body) > PageCacheMax {
		e.App.Logger().Debug("page too large for the page cache", slog.String("path", e.Request.URL.Path), slog.Int("bytes", len(rec.body)))
	}
	return err
}

// Keep keeps a page under key at version for day.
func (c *Cache) Keep(key string, version int64, day string, header http.Header, body []byte) {
	if c != nil {
		c.pages.Set(key, cachedPage{version: version, day: day, header: header, body: body})
	}
}

// Kept is about how many pages and values the cache holds.
func (c *Cache) Kept() int {
	if c == nil {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	n := c.pages.EstimatedSize()
	for _, vs := range c.values {
		n += vs.Len()
	}
	return n
}

// recorder passes a response through and keeps a copy of it.
type recorder struct {
	http.ResponseWriter
	status int
	header http.Header
	body   []byte
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
		r.header = r.ResponseWriter.Header().Clone()
		r.header.Del("Set-Cookie") // a renewed session belongs to its own response
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.WriteHeader(http.StatusOK)
	}
	if len(r.body) <= PageCacheMax {
		r.body = append(r.body, b...)
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets PocketBase's router see the status and whether it was written.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Values is a cache of values beside the pages, each kept for the data
// version it was read at and let go with the pages. A nil *Values keeps
// nothing.
type Values[V any] struct {
	kept *otter.Cache[string, versioned[V]]
}

type versioned[V any] struct {
	version int64
	value   V
}

// NewValues is a cache of at most size values emptied with c; nil when c
// is nil. Make them before the cache serves its first request.
func NewValues[V any](c *Cache, size int) *Values[V] {
	if c == nil {
		return nil
	}
	v := &Values[V]{kept: otter.Must(&otter.Options[string, versioned[V]]{MaximumSize: size})}
	c.mu.Lock()
	c.values = append(c.values, v)
	c.mu.Unlock()
	return v
}

// Get is the value kept under key at version, if any.
func (v *Values[V]) Get(key string, version int64) (V, bool) {
	var zero V
	if v == nil {
		return zero, false
	}
	got, hit := v.kept.GetIfPresent(key)
	if !hit || got.version != version {
		return zero, false
	}
	return got.value, true
}

// Set keeps value under key at version.
func (v *Values[V]) Set(key string, version int64, value V) {
	if v != nil {
		v.kept.Set(key, versioned[V]{version: version, value: value})
	}
}

// Len is about how many values are kept.
func (v *Values[V]) Len() int { return v.kept.EstimatedSize() }

// InvalidateAll lets every value go.
func (v *Values[V]) InvalidateAll() { v.kept.InvalidateAll() }
