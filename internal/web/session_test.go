package web_test

import (
	"crypto/tls"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/dbx"

	"ikplan/internal/session"
	"ikplan/internal/web"
	"ikplan/proof/testapp"
)

// send is one request to the whole HTTP stack, with the cookie header and
// any other headers given as key, value pairs.
func send(h http.Handler, method, target, body string, kv ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(kv); i += 2 {
		req.Header.Set(kv[i], kv[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func signedOut(t *testing.T, rec *httptest.ResponseRecorder, what string) {
	t.Helper()
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/login") {
		t.Fatalf("%s: expected a redirect to /login, got %d %q", what, rec.Code, rec.Header().Get("Location"))
	}
}

func TestSignOutEndsTheSession(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	h := handler(t, app)
	cookie := testapp.Cookie(f, "lasare")["Cookie"]
	if rec := send(h, http.MethodGet, "/plans", "", "Cookie", cookie); rec.Code != http.StatusOK {
		t.Fatalf("Expected the session to work before signing out, got %d", rec.Code)
	}
	rec := send(h, http.MethodPost, "/logout", "", "Cookie", cookie)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/login?out=1" || !strings.Contains(rec.Header().Get("Set-Cookie"), "Max-Age=0") {
		t.Fatalf("Expected sign-out to clear the cookie and go to /login (saying so), got %d %q", rec.Code, rec.Header().Get("Set-Cookie"))
	}
	if n := testapp.Count(t, app, session.Sessions, dbx.HashExp{"user": f.Users["lasare"]}); n != 0 {
		t.Fatalf("Expected the session row deleted, got %d", n)
	}
	// a copy of the cookie taken before signing out opens nothing
	signedOut(t, send(h, http.MethodGet, "/plans", "", "Cookie", cookie), "the replayed cookie")
	// other users stay signed in
	if rec := send(h, http.MethodGet, "/plans", "", "Cookie", testapp.Cookie(f, "revisor")["Cookie"]); rec.Code != http.StatusOK {
		t.Fatalf("Expected another user's session to go on, got %d", rec.Code)
	}
}

func TestSignInReplacesTheSession(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	h := handler(t, app)
	old := testapp.Cookie(f, "lasare")["Cookie"]
	rec := send(h, http.MethodPost, "/login", "email=lasare%40ikplan.test&password="+testapp.Password, "Cookie", old)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("Expected the sign-in to succeed, got %d", rec.Code)
	}
	signedOut(t, send(h, http.MethodGet, "/plans", "", "Cookie", old), "the session from before the sign-in")
	if n := testapp.Count(t, app, session.Sessions, dbx.HashExp{"user": f.Users["lasare"]}); n != 1 {
		t.Fatalf("Expected one session of the user, got %d", n)
	}
}

func TestSignInAnswersAlikeForAWrongEmailAndAWrongPassword(t *testing.T) {
	t.Parallel()
	app := testapp.NewWeb(t)
	h := handler(t, app)
	answer := func(email string) (int, string) {
		rec := send(h, http.MethodPost, "/login", "email="+email+"&password=fel-l%C3%B6senord")
		return rec.Code, strings.ReplaceAll(rec.Body.String(), email, "ADDRESS")
	}
	wrongPassword, body1 := answer("lasare@ikplan.test")
	wrongEmail, body2 := answer("ingen@ikplan.test")
	superuser, body3 := answer("admin@ikplan.test")
	if wrongPassword != http.StatusUnprocessableEntity || wrongEmail != wrongPassword || superuser != wrongPassword {
		t.Fatalf("Expected 422 for all three, got %d %d %d", wrongPassword, wrongEmail, superuser)
	}
	if body1 != body2 || body1 != body3 {
		t.Fatalf("Expected the same page for a wrong e-mail and a wrong password")
	}
	if !strings.Contains(body1, "Fel e-postadress eller lösenord.") {
		t.Fatalf("Expected the shared message, got %s", body1)
	}
}

func TestSessionCookieFlagsOverTLS(t *testing.T) {
	t.Parallel()
	app := testapp.NewWeb(t)
	h := handler(t, app)
	req := httptest.NewRequest(http.MethodPost, "https://ikplan.example/login", strings.NewReader("email=lasare%40ikplan.test&password="+testapp.Password))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.TLS = &tls.ConnectionState{}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	c := rec.Header().Get("Set-Cookie")
	for _, want := range []string{"__Host-ikplan_session=", "Secure", "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=32400"} {
		if !strings.Contains(c, want) {
			t.Fatalf("Expected %q in the session cookie over TLS, got %q", want, c)
		}
	}
	if strings.Contains(c, "Domain=") || rec.Header().Get("Strict-Transport-Security") == "" {
		t.Fatalf("Expected a host-only cookie and HSTS over TLS, got %q", c)
	}
	// the plain-HTTP cookie name is not read over TLS
	token := strings.SplitN(strings.TrimPrefix(c, "__Host-ikplan_session="), ";", 2)[0]
	req = httptest.NewRequest(http.MethodGet, "https://ikplan.example/plans", nil)
	req.TLS = &tls.ConnectionState{}
	req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: token})
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	signedOut(t, rec, "the plain cookie over TLS")
	req = httptest.NewRequest(http.MethodGet, "https://ikplan.example/plans", nil)
	req.TLS = &tls.ConnectionState{}
	req.AddCookie(&http.Cookie{Name: "__Host-ikplan_session", Value: token})
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("Expected the __Host- cookie to sign in over TLS, got %d", rec.Code)
	}
}

// TestSessionEndsTwelveHoursAfterSignIn: a session kept busy all day still
// ends 12 hours after the sign-in, on the server (the row goes too), and
// its cookie never claims to last longer.
func TestSessionEndsTwelveHoursAfterSignIn(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	var offset atomic.Int64 // time since the sign-in
	clock := func() time.Time { return testapp.Today.Add(time.Duration(offset.Load())) }
	app := testapp.New(t)
	web.Register(app, clock)
	h := handler(t, app)
	rec := send(h, http.MethodPost, "/login", "email=lasare%40ikplan.test&password="+testapp.Password)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("Expected the sign-in to succeed, got %d", rec.Code)
	}
	cookie := strings.SplitN(rec.Header().Get("Set-Cookie"), ";", 2)[0]
	for at := 10 * time.Minute; at < session.SessionMax; at += 10 * time.Minute {
		offset.Store(int64(at))
		rec := send(h, http.MethodGet, "/plans", "", "Cookie", cookie)
		if rec.Code != http.StatusOK {
			t.Fatalf("%v after the sign-in: expected the busy session to go on, got %d %q", at, rec.Code, rec.Header().Get("Location"))
		}
		if c := rec.Header().Get("Set-Cookie"); c != "" {
			var age int
			if _, err := fmt.Sscanf(c[strings.Index(c, "Max-Age="):], "Max-Age=%d", &age); err != nil || time.Duration(age)*time.Second > session.SessionMax-at {
				t.Fatalf("%v after the sign-in: expected the cookie to last at most until %v after it, got %q", at, session.SessionMax, c)
			}
		}
	}
	offset.Store(int64(session.SessionMax))
	signedOut(t, send(h, http.MethodGet, "/plans", "", "Cookie", cookie), "12 hours after the sign-in")
	if n := testapp.Count(t, app, session.Sessions, dbx.HashExp{"user": f.Users["lasare"]}); n != 1 {
		t.Fatalf("Expected the ended session's row deleted (the fixture's own left), got %d rows", n)
	}
}
