package hostile_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/internal/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

// server is a test app with the web UI's routes built once, so a test can
// send it many requests.
type server struct {
	app *tests.TestApp
	mux http.Handler
	f   *testapp.Fixture
}

// newServer starts a fresh copy of the fixture with the web UI bound. The
// rate limits are off: the tests send far more requests than a person.
func newServer(t testing.TB) *server {
	t.Helper()
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	app.Settings().RateLimits.Enabled = false
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	se := &core.ServeEvent{App: app, Router: r}
	var mux http.Handler
	err = app.OnServe().Trigger(se, func(e *core.ServeEvent) error {
		m, err := e.Router.BuildMux()
		mux = m
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return &server{app: app, mux: mux, f: f}
}

// request is one request to send.
type request struct {
	method, target, contentType, as string
	body                            io.Reader
	header                          map[string]string
}

// do sends the request and returns the answer.
func (s *server) do(r request) *httptest.ResponseRecorder {
	method := r.method
	if method == "" {
		method = http.MethodGet
	}
	req := httptest.NewRequest(method, "http://localhost"+strings.TrimPrefix(r.target, "http://localhost"), r.body)
	if r.as != "" {
		token := s.f.Sessions[r.as]
		if path := req.URL.Path; path == "/logout" || path == "/login" {
			// signing out (or in again) ends the session on the server:
			// such a request gets a session of its own
			user, err := s.app.FindRecordById(model.Users, s.f.Users[r.as])
			if err == nil {
				_, token, err = model.NewSession(s.app, user, testapp.Clock())
			}
			if err != nil {
				panic(err)
			}
		}
		req.Header.Set("Cookie", "ikplan_session="+token)
	}
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	s.mux.ServeHTTP(rec, req)
	return rec
}

// get fetches a page as the account.
func (s *server) get(as, target string, header map[string]string) *httptest.ResponseRecorder {
	return s.do(request{target: target, as: as, header: header})
}
