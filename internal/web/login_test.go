package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/internal/session"
	"ikplan/proof/testapp"
)

// handler is the app's whole HTTP stack, for tests that send several
// requests to one app.
func handler(t testing.TB, app *tests.TestApp) http.Handler {
	t.Helper()
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	se := &core.ServeEvent{App: app, Router: r}
	if err := app.OnServe().Trigger(se, func(e *core.ServeEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	mux, err := r.BuildMux()
	if err != nil {
		t.Fatal(err)
	}
	return mux
}

func TestSignIn(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	formPost := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
	scenarios := []tests.ApiScenario{
		{
			Name: "the sign-in form", Method: http.MethodGet, URL: "/login?next=%2Fplans",
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`<label for="email">E-postadress</label>`, `<label for="password">Lösenord</label>`, `name="next" value="/plans"`, `href="/forgot"`},
		},
		{
			Name: "a signed-in user skips the form", Method: http.MethodGet, URL: "/login", Headers: testapp.Cookie(f, "lasare"),
			ExpectedStatus: http.StatusSeeOther,
		},
		{
			Name: "a wrong password is refused", Method: http.MethodPost, URL: "/login", Headers: formPost,
			Body:            form("email", "lasare@ikplan.test", "password", "fel-lösenord"),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: Logga in – ikplan</title>", "Fel e-postadress eller lösenord.", `aria-invalid="true"`},
		},
		{
			Name: "empty fields are named", Method: http.MethodPost, URL: "/login", Headers: formPost, Body: form(),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{`href="#email"`, `href="#password"`, "Skriv din e-postadress.", "Skriv ditt lösenord."},
		},
		{
			Name: "signing in sets the session cookie and goes on", Method: http.MethodPost, URL: "/login", Headers: formPost,
			Body:           form("email", "lasare@ikplan.test", "password", testapp.Password, "next", "/plans"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/plans" {
					t.Fatalf("Expected /plans, got %q", loc)
				}
				c := res.Header.Get("Set-Cookie")
				if !strings.HasPrefix(c, "ikplan_session=") || !strings.Contains(c, "HttpOnly") || !strings.Contains(c, "SameSite=Lax") {
					t.Fatalf("Expected an HttpOnly SameSite=Lax session cookie, got %q", c)
				}
			},
		},
		{
			Name: "next never leaves the site", Method: http.MethodPost, URL: "/login", Headers: formPost,
			Body:           form("email", "lasare@ikplan.test", "password", testapp.Password, "next", "//evil.example/x"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/" {
					t.Fatalf("Expected /, got %q", loc)
				}
			},
		},
		{
			Name: "a superuser is not a staff user", Method: http.MethodPost, URL: "/login", Headers: formPost,
			Body: form("email", "admin@ikplan.test", "password", testapp.Password), ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"Fel e-postadress eller lösenord."},
		},
		{
			Name: "signing out clears the cookie", Method: http.MethodPost, URL: "/logout", Headers: testapp.Cookie(f, "lasare"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if c := res.Header.Get("Set-Cookie"); !strings.Contains(c, "ikplan_session=;") || !strings.Contains(c, "Max-Age=0") {
					t.Fatalf("Expected the cookie cleared, got %q", c)
				}
			},
		},
		{
			Name: "a guest is sent to sign in with the page to come back to", Method: http.MethodGet, URL: "/plans/" + f.Plan,
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/login?next=%2Fplans%2F"+f.Plan {
					t.Fatalf("Expected the sign-in page with next, got %q", loc)
				}
			},
		},
		{
			Name: "an htmx request of a guest is redirected by header", Method: http.MethodGet, URL: "/plans",
			Headers: map[string]string{"HX-Request": "true"}, ExpectedStatus: http.StatusUnauthorized,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if h := res.Header.Get("HX-Redirect"); h != "/login?next=%2Fplans" {
					t.Fatalf("Expected HX-Redirect to sign in, got %q", h)
				}
			},
		},
		{
			Name: "a garbage cookie is a guest", Method: http.MethodGet, URL: "/", Headers: map[string]string{"Cookie": "ikplan_session=garbage"},
			ExpectedStatus: http.StatusSeeOther,
		},
		{
			Name: "the REST API does not take the cookie", Method: http.MethodGet, URL: "/api/collections/plans/records",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"totalItems":0`},
		},
		{
			Name: "pages carry the security headers", Method: http.MethodGet, URL: "/login", ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<form"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				h := res.Header
				if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
					t.Fatalf("Expected a strict CSP, got %q", csp)
				}
				if h.Get("Referrer-Policy") == "" || h.Get("X-Frame-Options") != "DENY" || !strings.Contains(h.Get("Vary"), "HX-Request") {
					t.Fatalf("Expected Referrer-Policy, X-Frame-Options DENY and Vary: HX-Request, got %v", h)
				}
				if h.Get("Strict-Transport-Security") != "" {
					t.Fatalf("Expected no HSTS over plain HTTP")
				}
			},
		},
		{
			Name: "the language switch remembers English", Method: http.MethodPost, URL: "/lang", Headers: formPost,
			Body: form("lang", "en", "back", "/login"), ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if c := res.Header.Get("Set-Cookie"); !strings.HasPrefix(c, "ikplan_lang=en") || res.Header.Get("Location") != "/login" {
					t.Fatalf("Expected the language cookie and a way back, got %q %q", c, res.Header.Get("Location"))
				}
			},
		},
		{
			Name: "English pages", Method: http.MethodGet, URL: "/login", Headers: map[string]string{"Cookie": "ikplan_lang=en"},
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`<html lang="en">`, "Sign in", "Email address"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}

func TestSessionRenewalAndExpiry(t *testing.T) {
	t.Parallel()
	app := testapp.NewWeb(t)
	f := testapp.Fix(t)
	h := handler(t, app)
	user := testapp.Find(t, app, model.Users, f.Users["lasare"])
	now := testapp.Today

	get := func(token string) *http.Response {
		req := httptest.NewRequest(http.MethodGet, "/plans", nil)
		req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: token})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Result()
	}
	started := func(at time.Time) (*session.Session, string) {
		s, token, err := session.NewSession(app, user, at)
		if err != nil {
			t.Fatal(err)
		}
		return s, token
	}
	// a session last used ten minutes ago slides to a working day from now
	used, token := started(now.Add(-10 * time.Minute))
	if res := get(token); res.StatusCode != http.StatusOK || !strings.Contains(res.Header.Get("Set-Cookie"), "Max-Age=32400") {
		t.Fatalf("Expected the page and a renewed cookie, got %d %q", res.StatusCode, res.Header.Get("Set-Cookie"))
	}
	stored := testapp.Find(t, app, session.Sessions, used.Id)
	if got := stored.GetDateTime("expires").Time(); !got.Equal(now.Add(9 * time.Hour)) {
		t.Fatalf("Expected the session to end 9 hours from now, got %v", got)
	}
	// a session used a minute ago is not written back on every request
	fresh, token := started(now.Add(-time.Minute))
	if res := get(token); res.StatusCode != http.StatusOK || res.Header.Get("Set-Cookie") != "" {
		t.Fatalf("Expected no new cookie for a fresh session, got %d %q", res.StatusCode, res.Header.Get("Set-Cookie"))
	}
	if got := testapp.Find(t, app, session.Sessions, fresh.Id).GetDateTime("last_seen").Time(); !got.Equal(now.Add(-time.Minute)) {
		t.Fatalf("Expected the fresh session untouched, got last seen %v", got)
	}
	// a session unused for a working day has ended: sent to sign in, and
	// its row is gone
	old, token := started(now.Add(-9 * time.Hour))
	res := get(token)
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") || !strings.Contains(res.Header.Get("Set-Cookie"), "Max-Age=0") {
		t.Fatalf("Expected an ended session sent to sign in with its cookie cleared, got %d %q", res.StatusCode, res.Header.Get("Set-Cookie"))
	}
	if _, err := app.FindRecordById(session.Sessions, old.Id); err == nil {
		t.Fatalf("Expected the ended session deleted")
	}
	// neither a seven-day REST API token nor a stored hash is a session
	if res := get(f.Tokens["lasare"]); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("Expected a REST token refused as a session, got %d", res.StatusCode)
	}
	if res := get(fresh.GetString("token_hash")); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("Expected the stored hash refused as a session, got %d", res.StatusCode)
	}
}

func TestSignInRateLimit(t *testing.T) {
	t.Parallel()
	app := testapp.NewWeb(t)
	h := handler(t, app)
	codes := map[int]int{}
	var last *httptest.ResponseRecorder
	for i := 0; i < 15; i++ {
		req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader("email=lasare%40ikplan.test&password=fel"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.RemoteAddr = "192.0.2.10:1234"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		codes[rec.Code]++
		last = rec
	}
	if body := last.Body.String(); !strings.Contains(body, "<html") || !strings.Contains(body, "För många försök") || strings.Contains(body, `"status":429`) {
		t.Fatalf("Expected the 429 as a Swedish HTML page, got %s", body[strings.Index(body, "<main"):])
	}
	if codes[http.StatusUnprocessableEntity] != 10 || codes[http.StatusTooManyRequests] != 5 {
		t.Fatalf("Expected 10 refusals then 5 × 429, got %v", codes)
	}
}

func TestForgotPassword(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		email string
		mails int
	}{{"lasare@ikplan.test", 1}, {"nobody@ikplan.test", 0}} {
		s := tests.ApiScenario{
			Name: "reset mail for " + c.email, Method: http.MethodPost, URL: "/forgot",
			Headers: map[string]string{"Content-Type": "application/x-www-form-urlencoded"},
			Body:    form("email", c.email), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Om adressen finns i ikplan har vi skickat en länk till den."},
			TestAppFactory:  testapp.WebFactory,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				// without it no reset mail is sent (TestForgotWaitsForTheAppURL)
				app.Settings().Meta.AppURL = "https://ikplan.example.se"
			},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				// the mail goes out after the answer
				for deadline := time.Now().Add(5 * time.Second); app.TestMailer.TotalSend() < c.mails && time.Now().Before(deadline); {
					time.Sleep(10 * time.Millisecond)
				}
				if n := app.TestMailer.TotalSend(); n != c.mails {
					t.Fatalf("Expected %d mails, got %d", c.mails, n)
				}
				if c.mails == 1 && app.TestMailer.LastMessage().To[0].Address != c.email {
					t.Fatalf("Expected the mail to %s", c.email)
				}
			},
		}
		s.Test(t)
	}
}
