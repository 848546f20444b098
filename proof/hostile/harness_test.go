package hostile_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/model"
	"ikplan/internal/session"
	"ikplan/proof/testapp"
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
	drawSample(t, app, f)
	defineCommon(t, app)
	return &server{app: app, mux: mux, f: f}
}

// hostileCommon is the id of the common control newServer defines, for a
// year without plans, so that its text fields have a host.
const hostileCommon = "hostilecommon01"

// defineCommon defines a common control (kommungemensam kontroll) of 2023.
func defineCommon(t testing.TB, app core.App) {
	t.Helper()
	col, err := app.FindCollectionByNameOrId(model.CommonControls)
	if err != nil {
		t.Fatal(err)
	}
	k := model.AsCommonControl(core.NewRecord(col))
	k.Id = hostileCommon
	k.SetYear(2023)
	k.SetTitle("Efterlevnad av attestreglementet")
	k.SetFrequency(model.FreqYearly)
	k.SetTargetMetric("Andel fel")
	k.SetTargetOperator("<=")
	k.SetTargetValue("5")
	k.SetTargetUnit("%")
	if err := app.Save(k); err != nil {
		t.Fatal(err)
	}
}

// hostileSample is the id of the sample newServer draws of control 9's
// 2024 period (its result removed first): a host of the items' notes.
const hostileSample = "hostilesample01"

// drawSample draws ten invoices of control 9's 2024 period as its owner.
func drawSample(t testing.TB, app core.App, f *testapp.Fixture) {
	t.Helper()
	data, err := os.ReadFile("../../internal/sample/testdata/leverantorsfakturor.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := testapp.Delete(app, model.Results, f.Results["9"]); err != nil {
		t.Fatal(err)
	}
	u := testapp.Find(t, app, model.Users, f.Users["ansvarig"])
	err = model.RunAs(app, model.ActorFromAuth(u), func(tx core.App) error {
		col, err := tx.FindCachedCollectionByNameOrId(model.Samples)
		if err != nil {
			return err
		}
		s := core.NewRecord(col)
		s.Id = hostileSample
		s.Set("control", f.Controls["9"])
		s.Set("period", "2024")
		s.Set("size", 10)
		file, err := filesystem.NewFileFromBytes(data, "leverantorsfakturor.csv")
		if err != nil {
			return err
		}
		s.Set("population", file)
		return tx.Save(s)
	})
	if err != nil {
		t.Fatalf("failed to draw the sample: %v", err)
	}
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
				_, token, err = session.NewSession(s.app, user, testapp.Clock())
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
