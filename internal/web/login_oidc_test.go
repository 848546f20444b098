package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/session"
	"ikplan/internal/web"
	"ikplan/proof/testapp"
)

// withProvider configures an OpenID Connect provider on the users
// collection, as the dashboard saves it, with password sign-in on or off.
// The provider's token endpoint is tokenURL ("" for one nobody reaches).
func withProvider(t testing.TB, app core.App, password bool, tokenURL string) {
	t.Helper()
	col, err := app.FindCollectionByNameOrId(model.Users)
	if err != nil {
		t.Fatal(err)
	}
	if tokenURL == "" {
		tokenURL = "https://login.exempelby.se/token"
	}
	col.OAuth2.Enabled = true
	col.OAuth2.Providers = []core.OAuth2ProviderConfig{{
		Name: "oidc", ClientId: "ikplan", ClientSecret: "hemligt", DisplayName: "Exempelby kommun",
		AuthURL: "https://login.exempelby.se/auth", TokenURL: tokenURL, UserInfoURL: "https://login.exempelby.se/userinfo",
	}}
	col.PasswordAuth.Enabled = password
	if err := app.Save(col); err != nil {
		t.Fatal(err)
	}
}

func sendJSON(h http.Handler, target, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestPasswordSignInSwitchedOff: once the administrator switches the users
// collection's password sign-in off, a password signs nobody in — not the
// web UI's form with the right password, not its "Glömt lösenord", not the
// REST API's auth-with-password or password reset — while superusers still
// sign in to the dashboard with theirs. The sign-in page then offers only
// the municipality's accounts.
func TestPasswordSignInSwitchedOff(t *testing.T) {
	t.Parallel()
	app := testapp.NewWeb(t)
	h := handler(t, app)
	right := "email=lasare%40ikplan.test&password=" + url.QueryEscape(testapp.Password)
	restLogin := `{"identity": "lasare@ikplan.test", "password": "` + testapp.Password + `"}`

	// with both ways on, the password works and the page offers both
	withProvider(t, app, true, "")
	if rec := send(h, http.MethodPost, "/login", right); rec.Code != http.StatusSeeOther {
		t.Fatalf("password on: expected the sign-in to work, got %d", rec.Code)
	}
	page := send(h, http.MethodGet, "/login", "").Body.String()
	for _, want := range []string{`id="signin-sso"`, "Logga in med ditt kommunkonto", `action="/login"`, `href="/forgot"`} {
		if !strings.Contains(page, want) {
			t.Fatalf("password on: expected the sign-in page to have %q", want)
		}
	}

	withProvider(t, app, false, "")
	refusals := []struct {
		name, method, target, body string
		status                     int
		rest                       bool
	}{
		{"the form with the right password", http.MethodPost, "/login", right, http.StatusForbidden, false},
		{"the reset page", http.MethodGet, "/forgot", "", http.StatusForbidden, false},
		{"the reset form", http.MethodPost, "/forgot", "email=lasare%40ikplan.test", http.StatusForbidden, false},
		{"the REST API's password sign-in", http.MethodPost, "/api/collections/users/auth-with-password", restLogin, http.StatusForbidden, true},
		{"the REST API's password reset", http.MethodPost, "/api/collections/users/request-password-reset", `{"email": "lasare@ikplan.test"}`, http.StatusBadRequest, true},
	}
	sessions := testapp.Count(t, app, session.Sessions, nil)
	for _, r := range refusals {
		var rec *httptest.ResponseRecorder
		if r.rest {
			rec = sendJSON(h, r.target, r.body)
		} else {
			rec = send(h, r.method, r.target, r.body)
		}
		if rec.Code != r.status || rec.Header().Get("Set-Cookie") != "" {
			t.Errorf("%s: expected %d and no cookie, got %d %q: %.200s", r.name, r.status, rec.Code, rec.Header().Get("Set-Cookie"), rec.Body.String())
		}
		if !r.rest && !strings.Contains(rec.Body.String(), "Inloggning med lösenord är avstängd") {
			t.Errorf("%s: expected the page to say password sign-in is off", r.name)
		}
	}
	if n := testapp.Count(t, app, session.Sessions, nil); n != sessions {
		t.Fatalf("expected no session from a password, have %d (had %d)", n, sessions)
	}
	page = send(h, http.MethodGet, "/login", "").Body.String()
	if !strings.Contains(page, `id="signin-sso"`) || strings.Contains(page, `action="/login"`) || strings.Contains(page, `href="/forgot"`) {
		t.Fatalf("password off: expected only the municipality's accounts on the sign-in page, got %s", page)
	}
	if rec := sendJSON(h, "/api/collections/_superusers/auth-with-password",
		`{"identity": "admin@ikplan.test", "password": "`+testapp.Password+`"}`); rec.Code != http.StatusOK {
		t.Fatalf("expected a superuser to keep the password, got %d %s", rec.Code, rec.Body.String())
	}
}

// TestSignInWithProviderBegins: without a provider there is no such way
// to sign in (404, and no button); with one, "Logga in med ditt
// kommunkonto" sends the browser to the provider's authorization URL with a
// code request, this site's callback, a S256 PKCE challenge, a state and a
// nonce, and keeps the state in a short HttpOnly cookie for the callback.
func TestSignInWithProviderBegins(t *testing.T) {
	t.Parallel()
	app := testapp.NewWeb(t)
	h := handler(t, app)
	if rec := send(h, http.MethodGet, "/login/oidc", ""); rec.Code != http.StatusNotFound {
		t.Fatalf("no provider: expected 404, got %d", rec.Code)
	}
	if page := send(h, http.MethodGet, "/login", "").Body.String(); strings.Contains(page, "signin-sso") {
		t.Fatal("no provider: expected no button for it")
	}
	withProvider(t, app, true, "")
	if page := send(h, http.MethodGet, "/login?next=%2Fplans", "").Body.String(); !strings.Contains(page, `href="/login/oidc?next=%2Fplans"`) {
		t.Fatal("expected the button to carry the page to come back to")
	}
	rec := send(h, http.MethodGet, "/login/oidc?next=%2Fplans", "")
	loc, err := url.Parse(rec.Header().Get("Location"))
	if rec.Code != http.StatusSeeOther || err != nil || loc.Host != "login.exempelby.se" || loc.Path != "/auth" {
		t.Fatalf("expected a redirect to the provider, got %d %q", rec.Code, rec.Header().Get("Location"))
	}
	q := loc.Query()
	want := map[string]string{"response_type": "code", "client_id": "ikplan", "redirect_uri": "http://example.com/login/oidc/callback", "code_challenge_method": "S256"}
	for k, v := range want {
		if q.Get(k) != v {
			t.Errorf("expected %s=%q, got %q", k, v, q.Get(k))
		}
	}
	if len(q.Get("code_challenge")) != 43 || len(q.Get("state")) < 43 || len(q.Get("nonce")) < 43 || !strings.Contains(q.Get("scope"), "openid") {
		t.Errorf("expected a challenge, a random state and nonce and the openid scope, got %v", q)
	}
	c := rec.Header().Get("Set-Cookie")
	if !strings.HasPrefix(c, "ikplan_oidc="+q.Get("state")+";") || !strings.Contains(c, "Path=/login/oidc") || !strings.Contains(c, "HttpOnly") || !strings.Contains(c, "Max-Age=600") {
		t.Fatalf("expected the state in a short HttpOnly cookie, got %q", c)
	}
	// a second start is another state
	if again, _ := url.Parse(send(h, http.MethodGet, "/login/oidc", "").Header().Get("Location")); again.Query().Get("state") == q.Get("state") {
		t.Fatal("expected a new state for each sign-in")
	}
}

// TestSignInWithProviderRefusals: the callback refuses, with a page and no
// session, a state that is missing, not this browser's, never given, or
// used already; a code the provider does not take; and an error the
// provider sends back.
func TestSignInWithProviderRefusals(t *testing.T) {
	t.Parallel()
	app := testapp.NewWeb(t)
	h := handler(t, app)
	var exchanges atomic.Int32
	token := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		exchanges.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"error": "invalid_grant", "error_description": "code expired"}`))
	}))
	t.Cleanup(token.Close)
	withProvider(t, app, true, token.URL)
	begin := func() string {
		loc, _ := url.Parse(send(h, http.MethodGet, "/login/oidc", "").Header().Get("Location"))
		return loc.Query().Get("state")
	}
	cookie := func(state string) string { return "ikplan_oidc=" + state }
	s1, s2, s3 := begin(), begin(), begin()
	cases := []struct {
		name, query, cookie string
		status              int
		says                string
		exchanges           bool // whether it asks the provider (oauth2 may try twice: header, then body)
	}{
		{"no state", "code=c", cookie(s1), http.StatusBadRequest, "Inloggningen kunde inte slutföras", false},
		{"no cookie", "state=" + s1 + "&code=c", "", http.StatusBadRequest, "Inloggningen kunde inte slutföras", false},
		{"another browser's state", "state=" + s1 + "&code=c", cookie(s2), http.StatusBadRequest, "Inloggningen kunde inte slutföras", false},
		{"a state never given", "state=påhittad&code=c", cookie("påhittad"), http.StatusBadRequest, "Inloggningen kunde inte slutföras", false},
		{"a code the provider refuses", "state=" + s1 + "&code=gammal", cookie(s1), http.StatusBadRequest, "Inloggningen misslyckades", true},
		{"the same state again", "state=" + s1 + "&code=c", cookie(s1), http.StatusBadRequest, "Inloggningen kunde inte slutföras", false},
		{"the provider's error", "state=" + s3 + "&error=access_denied", cookie(s3), http.StatusBadRequest, "Inloggningen avbröts", false},
	}
	sessions := testapp.Count(t, app, session.Sessions, nil)
	for _, c := range cases {
		before := exchanges.Load()
		rec := send(h, http.MethodGet, "/login/oidc/callback?"+c.query, "", "Cookie", c.cookie)
		if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.says) || !strings.Contains(rec.Body.String(), `href="/login"`) {
			t.Errorf("%s: expected %d saying %q, got %d: %.300s", c.name, c.status, c.says, rec.Code, rec.Body.String())
		}
		if !strings.Contains(rec.Header().Get("Set-Cookie"), "ikplan_oidc=;") {
			t.Errorf("%s: expected the state cookie cleared, got %q", c.name, rec.Header().Get("Set-Cookie"))
		}
		if got := exchanges.Load() - before; (got > 0) != c.exchanges {
			t.Errorf("%s: expected a code exchange %v, got %d", c.name, c.exchanges, got)
		}
	}
	if n := testapp.Count(t, app, session.Sessions, nil); n != sessions {
		t.Fatalf("expected no session from a refused callback, have %d (had %d)", n, sessions)
	}
	// in English too
	rec := send(h, http.MethodGet, "/login/oidc/callback", "", "Cookie", "ikplan_lang=en")
	if !strings.Contains(rec.Body.String(), "The sign-in could not be completed") {
		t.Fatalf("expected the refusal in English, got %.300s", rec.Body.String())
	}
}

// TestMatchUser: the person who signed in at the provider is the user
// with their verified address, and from then on the one linked to their
// subject; nobody else is anyone: an unknown or unverified address makes
// no user and no link, and an address does not take over a user already
// linked to another subject of the provider.
func TestMatchUser(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	users, links := testapp.Count(t, app, model.Users, nil), testapp.Count(t, app, core.CollectionNameExternalAuths, nil)
	steps := []struct {
		name, subject, email, want string // want: the user's key, "" for a refusal
	}{
		{"an unknown address", "sub-x", "olle.okand@exempelby.se", ""},
		{"no verified address", "sub-y", "", ""},
		{"a user's address", "sub-sara", "samordnare@ikplan.test", "samordnare"},
		{"the same subject, another address", "sub-sara", "sara@exempelby.se", "samordnare"},
		{"the same subject, no address", "sub-sara", "", "samordnare"},
		{"the control owner's address", "sub-anna", "ansvarig@ikplan.test", "ansvarig"},
		{"the owner's address with another subject", "sub-mallory", "ansvarig@ikplan.test", ""},
	}
	for _, s := range steps {
		u, err := web.MatchUser(app, "oidc", s.subject, s.email)
		switch {
		case s.want == "" && err == nil:
			t.Errorf("%s: expected a refusal, got %s", s.name, u.Email())
		case s.want != "" && (err != nil || u.Id != f.Users[s.want]):
			t.Errorf("%s: expected %s, got %v %v", s.name, s.want, u, err)
		}
	}
	if n := testapp.Count(t, app, model.Users, nil); n != users {
		t.Fatalf("expected no user made, have %d (had %d)", n, users)
	}
	if n := testapp.Count(t, app, core.CollectionNameExternalAuths, nil); n != links+2 {
		t.Fatalf("expected two links (Sara's, Anna's), have %d (had %d)", n, links)
	}
}

// TestSignInWithProviderIsRateLimited: starting sign-ins (each keeps a
// state for ten minutes) and calling back (each may ask the provider) are
// limited per address, as the password sign-in is.
func TestSignInWithProviderIsRateLimited(t *testing.T) {
	t.Parallel()
	app := testapp.NewWeb(t)
	h := handler(t, app)
	withProvider(t, app, true, "")
	for _, path := range []string{"/login/oidc", "/login/oidc/callback"} {
		codes := map[int]int{}
		for range 25 {
			codes[send(h, http.MethodGet, path, "").Code]++
		}
		if codes[http.StatusTooManyRequests] != 5 {
			t.Errorf("%s: expected the last 5 of 25 requests refused (429), got %v", path, codes)
		}
	}
}
