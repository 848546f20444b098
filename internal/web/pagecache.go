package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/perf"
	"ikplan/internal/session"
)

// pageCache is the web UI's use of perf's page cache (internal/perf
// describes it, and when it empties): the pages, and beside them the
// menu's count of each user's items overdue or due today and the session
// and user of a session cookie. nil when the machinery is off.
type pageCache struct {
	*perf.Cache
	counts   *perf.Values[int]           // user id and day → the menu's count
	sessions *perf.Values[cachedSession] // cookie token → its session and user, as last read
}

func newPageCache() *pageCache {
	c := perf.NewCache()
	if c == nil {
		return nil
	}
	return &pageCache{Cache: c, counts: perf.NewValues[int](c, 10000), sessions: perf.NewValues[cachedSession](c, 10000)}
}

type cachedSession struct {
	session *session.Session
	user    *core.Record
}

// versionKey is where a request keeps the data version it was served at.
const versionKey = "ikplanDataVersion"

// requestVersion is the data version for this request, read once.
func (s *server) requestVersion(e *core.RequestEvent) (int64, bool) {
	if v, ok := e.Get(versionKey).(int64); ok {
		return v, true
	}
	if s.cache == nil {
		return 0, false
	}
	v, ok := s.cache.Version(e.App)
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
	c, hit := s.cache.sessions.Get(token, version)
	if !hit || c.session.Expired(now) || c.session.DueRenewal(now) {
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
		s.cache.sessions.Set(token, version, cachedSession{session: sess, user: user.Clone()})
	}
}

// cachedCount is the user's menu count, computed by compute once per data
// version and day.
func (s *server) cachedCount(e *core.RequestEvent, compute func() int) int {
	if s.cache == nil {
		return compute()
	}
	version, ok := s.requestVersion(e)
	if !ok {
		return compute()
	}
	key := e.Auth.Id + "\x00" + model.Today(s.now()).Format(time.DateOnly)
	if n, hit := s.cache.counts.Get(key, version); hit {
		return n
	}
	n := compute()
	s.cache.counts.Set(key, version, n)
	return n
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
	return s.cache.Serve(e, key, version, model.Today(s.now()).Format(time.DateOnly))
}
