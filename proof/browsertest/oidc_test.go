package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/zitadel/oidc/v3/example/server/exampleop"
	"github.com/zitadel/oidc/v3/example/server/storage"
	"github.com/zitadel/oidc/v3/pkg/op"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/session"
)

// Signing in with the municipality's accounts against a real OpenID
// provider: ZITADEL's OpenID-certified provider library (pkg/op) with its
// example server's in-memory storage and login form, on loopback in the
// test process. The users collection's OAuth2 options are set as the
// dashboard saves them, and Chromium goes through the whole flow: ikplan's
// sign-in page, the provider's login form, back to ikplan's start page.

const (
	opClient   = "ikplan"
	opSecret   = "ikplan-op-secret"
	opPassword = "kommun-lösen-1"
)

// opUsers are the provider's accounts: Sara Samordnare, whose address is a
// user of ikplan's; a person ikplan does not know; and one who claims the
// control owner's address without the provider having verified it.
func opUsers() map[string]*storage.User {
	return map[string]*storage.User{
		"sub-samordnare": {ID: "sub-samordnare", Username: "sara", Password: opPassword, FirstName: "Sara", LastName: "Samordnare",
			Email: "samordnare@ikplan.test", EmailVerified: true},
		"sub-okand": {ID: "sub-okand", Username: "okand", Password: opPassword, FirstName: "Olle", LastName: "Okänd",
			Email: "olle.okand@exempelby.se", EmailVerified: true},
		"sub-overifierad": {ID: "sub-overifierad", Username: "overifierad", Password: opPassword, FirstName: "Ove", LastName: "Overifierad",
			Email: "ansvarig@ikplan.test", EmailVerified: false},
	}
}

type opUserStore struct{ users map[string]*storage.User }

func (s opUserStore) GetUserByID(id string) *storage.User { return s.users[id] }
func (s opUserStore) ExampleClientID() string             { return storage.ServiceUserID }
func (s opUserStore) GetUserByUsername(name string) *storage.User {
	for _, u := range s.users {
		if u.Username == name {
			return u
		}
	}
	return nil
}

// opStorage is the example storage with two things a real deployment
// has: the client's registered post-logout address, and codes that expire
// (codeLife; the example keeps them until used).
type opStorage struct {
	*storage.Storage
	logout   string
	codeLife atomic.Int64 // nanoseconds
}

type opClientWithLogout struct {
	op.Client
	logout string
}

func (c opClientWithLogout) PostLogoutRedirectURIs() []string { return []string{c.logout} }

func (s *opStorage) GetClientByClientID(ctx context.Context, id string) (op.Client, error) {
	c, err := s.Storage.GetClientByClientID(ctx, id)
	if err != nil {
		return nil, err
	}
	return opClientWithLogout{c, s.logout}, nil
}

func (s *opStorage) AuthRequestByCode(ctx context.Context, code string) (op.AuthRequest, error) {
	r, err := s.Storage.AuthRequestByCode(ctx, code)
	if err != nil {
		return nil, err
	}
	if ar, ok := r.(*storage.AuthRequest); ok && time.Since(ar.CreationDate) > time.Duration(s.codeLife.Load()) {
		return nil, errCodeExpired
	}
	return r, nil
}

var errCodeExpired = errors.New("code expired")

// startOP starts the provider on loopback for ikplan at base and sets the
// users collection's OAuth2 options for it as the dashboard saves them:
// the "oidc" provider with its client, secret and the endpoints its
// discovery document names. It answers the provider's issuer.
func startOP(t *testing.T, app core.App, base string, users map[string]*storage.User) (string, *opStorage) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	issuer := "http://" + l.Addr().String() + "/"
	client := storage.WebClient(opClient, opSecret, base+"/login/oidc/callback")
	st := &opStorage{
		Storage: storage.NewStorageWithClients(opUserStore{users}, map[string]*storage.Client{opClient: client}),
		logout:  base + "/login",
	}
	st.codeLife.Store(int64(time.Minute))
	srv := httptest.NewUnstartedServer(exampleop.SetupServer(issuer, st, nil, false))
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)

	var disc struct {
		Auth     string `json:"authorization_endpoint"`
		Token    string `json:"token_endpoint"`
		UserInfo string `json:"userinfo_endpoint"`
	}
	res, err := http.Get(issuer + ".well-known/openid-configuration")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if err := json.NewDecoder(res.Body).Decode(&disc); err != nil {
		t.Fatal(err)
	}
	col, err := app.FindCollectionByNameOrId(model.Users)
	if err != nil {
		t.Fatal(err)
	}
	// the body of the dashboard's save of Collections → users → OAuth2
	dashboard := `{"oauth2": {"enabled": true, "providers": [{"name": "oidc", "clientId": "` + opClient +
		`", "clientSecret": "` + opSecret + `", "authURL": "` + disc.Auth + `", "tokenURL": "` + disc.Token +
		`", "userInfoURL": "` + disc.UserInfo + `", "displayName": "Exempelby kommun", "pkce": true}]}}`
	if err := json.Unmarshal([]byte(dashboard), col); err != nil {
		t.Fatal(err)
	}
	if err := app.Save(col); err != nil {
		t.Fatalf("saving the users collection's OAuth2 options: %v", err)
	}
	return issuer, st
}

// requests records the addresses the browser asks for: the state and code
// travel in them and never show in the address bar.
type requests struct {
	mu   sync.Mutex
	urls []string
}

func (r *requests) listen(b *ui) {
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			r.mu.Lock()
			r.urls = append(r.urls, e.Request.URL)
			r.mu.Unlock()
		}
	}); err != nil {
		b.t.Fatal(err)
	}
}

// last is the last address asked for that starts with prefix.
func (r *requests) last(prefix string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := len(r.urls) - 1; i >= 0; i-- {
		if strings.HasPrefix(r.urls[i], prefix) {
			return r.urls[i]
		}
	}
	return ""
}

// cookies are the browser's cookies for ikplan's address.
func (b *ui) cookies() map[string]string {
	b.t.Helper()
	ctx, cancel := b.tctx()
	defer cancel()
	got, err := chromedp.Run(ctx, chromedp.Action[[]*network.Cookie](func(ctx context.Context, t *chromedp.Target) ([]*network.Cookie, error) {
		r, err := cdp.Call(ctx, t, network.GetCookies, network.GetCookiesParams{URLs: []string{b.base + "/"}})
		return r.Cookies, err
	}))
	if err != nil {
		b.fatalf("reading the cookies: %v", err)
	}
	out := map[string]string{}
	for _, c := range got {
		out[c.Name] = c.Value
	}
	return out
}

// count is the number of rows of a collection.
func (b *ui) count(collection string) int {
	b.t.Helper()
	n, err := b.app.CountRecords(collection)
	if err != nil {
		b.t.Fatal(err)
	}
	return int(n)
}

// atProvider signs in on the provider's own login form.
func (b *ui) atProvider(issuer, username string) {
	b.t.Helper()
	b.waitFor("the provider's login form", `location.href.startsWith(`+js(issuer+"login/username")+`)`)
	b.typeInto(`input[name="username"]`, username)
	b.typeInto(`input[name="password"]`, opPassword)
	b.click(`button[type="submit"]`)
}

// beginSSO opens the sign-in page and follows "Logga in med ditt
// kommunkonto" to the provider.
func (b *ui) beginSSO() {
	b.t.Helper()
	if status := b.open("/login"); status != http.StatusOK {
		b.fatalf("GET /login: expected 200, got %d", status)
	}
	b.expectText(selSSO, "Logga in med ditt kommunkonto")
	b.click(selSSO)
}

const (
	selSSO            = `a#signin-sso`
	selProviderLogout = `a#provider-signout`
)

// A person signs in with the municipality's account and lands on their
// start page as themselves; a replayed callback, a forged state, a used or
// expired code and an unknown person are refused without a session or a
// new user; signing out ends the session and offers the provider's own
// sign-out, which comes back to ikplan's sign-in page.
func TestSignInWithTheMunicipalitysAccount(t *testing.T) {
	t.Parallel()
	b := serve(t, "oidc")
	accounts := opUsers()
	issuer, st := startOP(t, b.app, b.base, accounts)
	b.launch()
	var reqs requests
	reqs.listen(b)
	users, sessions, links := b.count(model.Users), b.count(session.Sessions), b.count(core.CollectionNameExternalAuths)

	// signing in: ikplan → the provider's form → ikplan's start page
	if status := b.open("/login"); status != http.StatusOK {
		b.fatalf("GET /login: expected 200, got %d", status)
	}
	b.page("login-with-sso")
	b.beginSSO()
	b.atProvider(issuer, "sara")
	b.waitPath("/")
	b.page("signed-in")
	b.expectText(selH1, i18n.T(i18n.Sv, "start.hello", "Sara Samordnare"))
	sara := b.f.Users["samordnare"]
	if b.count(session.Sessions) != sessions+1 {
		b.fatalf("expected one new session, have %d (had %d)", b.count(session.Sessions), sessions)
	}
	sess, err := session.FindSession(b.app, b.cookies()["ikplan_session"])
	if err != nil || sess.UserId() != sara {
		b.fatalf("expected the browser's session to be Sara's: %v", err)
	}
	link := b.stored("the link to the provider's subject", core.CollectionNameExternalAuths,
		"recordRef = {:u} && provider = 'oidc' && providerId = 'sub-samordnare'", dbx.Params{"u": sara})
	// her boards: the coordinator's plans of both of them
	b.open("/plans")
	b.expectText(selMain, "Kommunstyrelsen")
	b.expectText(selMain, "Individ- och arbetsmarknadsnämnden")
	callback := reqs.last(b.base + "/login/oidc/callback?")
	if callback == "" || !strings.Contains(callback, "code=") || !strings.Contains(callback, "state=") {
		b.fatalf("expected the provider to send the browser back with a code and a state, saw %q", callback)
	}
	authURL := reqs.last(issuer + "auth?")
	q, _ := url.Parse(authURL)
	if q == nil || q.Query().Get("code_challenge_method") != "S256" || q.Query().Get("code_challenge") == "" || q.Query().Get("nonce") == "" {
		b.fatalf("expected the authorization request to carry a S256 PKCE challenge and a nonce, got %q", authURL)
	}

	// signing out: the session row is gone, the cookie cleared, and the
	// provider's sign-out is offered, with the way back to /login
	b.submit(selLogout)
	b.waitPath("/login")
	b.page("signed-out")
	if _, err := b.app.FindRecordById(session.Sessions, sess.Id); err == nil {
		b.fatalf("expected the session row deleted on signing out")
	}
	if v, ok := b.cookies()["ikplan_session"]; ok {
		b.fatalf("expected the session cookie cleared, it is %q", v)
	}
	href := eval[string](b, `document.querySelector(`+js(selProviderLogout)+`).href`)
	if !strings.HasPrefix(href, issuer+"end_session?") || !strings.Contains(href, "post_logout_redirect_uri="+url.QueryEscape(b.base+"/login")) {
		b.fatalf("expected the provider's sign-out with the way back to /login, got %q", href)
	}
	b.click(selProviderLogout)
	b.waitFor("the way back from the provider's sign-out", `location.href === `+js(b.base+"/login"))
	b.page("signed-out-at-provider")

	// the same callback again: its state was used
	sessions = b.count(session.Sessions)
	if status := b.open(strings.TrimPrefix(callback, b.base)); status != http.StatusBadRequest {
		b.fatalf("a replayed callback: expected 400, got %d", status)
	}
	b.expectText(selH1, i18n.T(i18n.Sv, "oidc.state_title"))
	b.page("replayed-state")

	// a state that ikplan never gave, after a sign-in began in this browser
	b.beginSSO()
	b.waitFor("the provider's login form", `location.href.startsWith(`+js(issuer+"login/username")+`)`)
	if status := b.open("/login/oidc/callback?state=forged-state&code=forged-code"); status != http.StatusBadRequest {
		b.fatalf("a forged state: expected 400, got %d", status)
	}
	b.expectText(selH1, i18n.T(i18n.Sv, "oidc.state_title"))

	// a code that was used already, with a fresh state of this browser:
	// the provider refuses it
	b.beginSSO()
	b.waitFor("the provider's login form", `location.href.startsWith(`+js(issuer+"login/username")+`)`)
	fresh, _ := url.Parse(reqs.last(issuer + "auth?"))
	used, _ := url.Parse(callback)
	if status := b.open("/login/oidc/callback?" + url.Values{"state": {fresh.Query().Get("state")}, "code": {used.Query().Get("code")}}.Encode()); status != http.StatusBadRequest {
		b.fatalf("a used code: expected 400, got %d", status)
	}
	b.expectText(selH1, i18n.T(i18n.Sv, "oidc.failed_title"))
	b.page("used-code")

	// a code that expired at the provider before ikplan exchanged it
	st.codeLife.Store(0)
	b.beginSSO()
	b.atProvider(issuer, "sara")
	b.waitFor("the refusal", `location.pathname === "/login/oidc/callback"`)
	b.expectText(selH1, i18n.T(i18n.Sv, "oidc.failed_title"))
	st.codeLife.Store(int64(time.Minute))

	// a person ikplan does not know, and one whose address the provider has
	// not verified: refused, with no user, link or session made
	for _, who := range []string{"okand", "overifierad"} {
		b.beginSSO()
		b.atProvider(issuer, who)
		b.waitFor("the refusal", `location.pathname === "/login/oidc/callback"`)
		b.expectText(selH1, i18n.T(i18n.Sv, "oidc.unknown_title"))
		b.page("unknown-" + who)
	}
	if b.count(model.Users) != users || b.count(core.CollectionNameExternalAuths) != links+1 || b.count(session.Sessions) != sessions {
		b.fatalf("expected no new user, link or session from the refusals: users %d→%d, links %d→%d, sessions %d→%d",
			users, b.count(model.Users), links+1, b.count(core.CollectionNameExternalAuths), sessions, b.count(session.Sessions))
	}

	// the next sign-in finds Sara by her subject, stored at the first: the
	// provider now gives another address, which no user has
	if _, err := b.app.FindRecordById(core.CollectionNameExternalAuths, link.Id); err != nil {
		b.fatalf("expected the link kept: %v", err)
	}
	accounts["sub-samordnare"].Email = "sara.samordnare@exempelby.se"
	b.beginSSO()
	b.atProvider(issuer, "sara")
	b.waitPath("/")
	b.expectText(selH1, i18n.T(i18n.Sv, "start.hello", "Sara Samordnare"))
	b.page("signed-in-again")
}
