package web

import (
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/maypok86/otter/v2"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/session"
)

// The page cache keeps each rendered page for as long as nothing in the
// database has changed: a page is a function of the signed-in user, the
// address, the language, the day and the data, so a page computed once is
// served again until any write anywhere — through the web UI, the REST API,
// the dashboard, a job, or an `ikplan` command run in another process —
// changes the database. The change is read from SQLite itself (PRAGMA
// data_version on a connection of its own, which changes whenever any
// other connection commits), so no write can be missed by a hook that was
// forgotten. Reads still go through the API rules: the cache only repeats
// what the rules let this very user see, to this very user.
const (
	pageCacheBytes = 32 << 20  // at most this much HTML in memory
	pageCacheMax   = 512 << 10 // larger pages are not kept
)

type pageCache struct {
	pages *otter.Cache[string, cachedPage]
	// the menu's count of each user's items overdue or due today, which
	// every page shows: user id → count
	counts *otter.Cache[string, cachedCount]
	// the session and user of a session cookie, as last read: valid while
	// the database is unchanged (a sign-out or a password change is a
	// change)
	sessions *otter.Cache[string, cachedSession]

	mu   sync.Mutex
	db   *sql.DB
	conn *sql.Conn // reads the data version; never writes
	last int64     // the data version read last
}

type cachedPage struct {
	version int64
	day     string
	header  http.Header
	body    []byte
}

type cachedCount struct {
	version int64
	day     string
	n       int
}

func newPageCache() *pageCache {
	return &pageCache{
		pages: otter.Must(&otter.Options[string, cachedPage]{
			MaximumWeight: pageCacheBytes,
			Weigher:       func(key string, p cachedPage) uint32 { return uint32(len(key) + len(p.body)) },
		}),
		counts:   otter.Must(&otter.Options[string, cachedCount]{MaximumSize: 10000}),
		sessions: otter.Must(&otter.Options[string, cachedSession]{MaximumSize: 10000}),
	}
}

type cachedSession struct {
	version int64
	session *session.Session
	user    *core.Record
}

// requestVersion is the data version for this request, read once.
func (s *server) requestVersion(e *core.RequestEvent) (int64, bool) {
	if v, ok := e.Get(versionKey).(int64); ok {
		return v, true
	}
	v, ok := s.cache.version(e.App)
	if ok {
		e.Set(versionKey, v)
	}
	return v, ok
}

// cachedSession is the user of a session cookie read earlier, if nothing
// in the database has changed since, the session has not ended and it is
// not due to be renewed (which writes).
func (s *server) cachedSession(e *core.RequestEvent, token string, now time.Time) (*core.Record, *session.Session, bool) {
	if s.cache == nil {
		return nil, nil, false
	}
	version, ok := s.requestVersion(e)
	if !ok {
		return nil, nil, false
	}
	c, hit := s.cache.sessions.GetIfPresent(token)
	if !hit || c.version != version || c.session.Expired(now) || c.session.DueRenewal(now) {
		return nil, nil, false
	}
	return c.user.Clone(), c.session, true
}

// keepSession remembers the session and user of a cookie just read.
func (s *server) keepSession(e *core.RequestEvent, token string, sess *session.Session, user *core.Record) {
	if s.cache == nil {
		return
	}
	if version, ok := e.Get(versionKey).(int64); ok {
		s.cache.sessions.Set(token, cachedSession{version: version, session: sess, user: user.Clone()})
	}
}

// versionKey is where a request keeps the data version it was served at.
const versionKey = "ikplanDataVersion"

// count is the user's menu count, computed by compute once per data
// version and day.
func (s *server) cachedCount(e *core.RequestEvent, compute func() int) int {
	if s.cache == nil {
		return compute()
	}
	version, ok := s.requestVersion(e)
	if !ok {
		return compute()
	}
	day := model.Today(s.now()).Format(time.DateOnly)
	if c, hit := s.cache.counts.GetIfPresent(e.Auth.Id); hit && c.version == version && c.day == day {
		return c.n
	}
	n := compute()
	s.cache.counts.Set(e.Auth.Id, cachedCount{version: version, day: day, n: n})
	return n
}

// version is the database's data version, which changes whenever any
// connection other than the cache's own commits a write; false when it
// cannot be read (then nothing is served from the cache).
func (c *pageCache) version(app core.App) (int64, bool) {
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
		// what was kept is of an older version and will never be served:
		// let it go now rather than hold it until it is pushed out (under
		// a steady stream of writes the cache was mostly such pages)
		c.last = v
		c.pages.InvalidateAll()
		c.counts.InvalidateAll()
		c.sessions.InvalidateAll()
	}
	return v, true
}

// cachePages serves a signed-in user's GET pages from the page cache, and
// keeps the ones it renders.
func (s *server) cachePages(e *core.RequestEvent) error {
	if s.cache == nil || e.Request.Method != http.MethodGet || e.Auth == nil {
		return e.Next()
	}
	if pending, _ := e.Get(flashPendingKey).(bool); pending {
		return e.Next() // the page shows a confirmation once: never kept, never repeated
	}
	version, ok := s.requestVersion(e)
	if !ok {
		return e.Next()
	}
	h := e.Request.Header
	// (the address the links on a page start with is the request's own
	// while no application URL is set)
	key := strings.Join([]string{e.Auth.Id, lang(e), h.Get("HX-Request"), h.Get("HX-Boosted"),
		h.Get("HX-Target"), h.Get("HX-History-Restore-Request"), e.Request.URL.RequestURI(), baseURL(e)}, "\x00")
	day := model.Today(s.now()).Format(time.DateOnly)
	if p, hit := s.cache.pages.GetIfPresent(key); hit && p.version == version && p.day == day {
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
	if err == nil && rec.status == http.StatusOK && len(rec.body) <= pageCacheMax &&
		strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
		s.cache.pages.Set(key, cachedPage{version: version, day: day, header: rec.header, body: rec.body})
	} else if err == nil && rec.status == http.StatusOK && len(rec.body) > pageCacheMax {
		e.App.Logger().Debug("page too large for the page cache", slog.String("path", e.Request.URL.Path), slog.Int("bytes", len(rec.body)))
	}
	return err
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
	if len(r.body) <= pageCacheMax {
		r.body = append(r.body, b...)
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets PocketBase's router see the status and whether it was written.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
