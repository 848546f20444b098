package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/auth"
	"golang.org/x/oauth2"

	"ikplan/internal/model"
	"ikplan/templates"
)

// Signing in with the municipality's own accounts: OpenID Connect's
// authorization-code flow with PKCE (S256), state and nonce, against the
// OAuth2 provider the administrator configured on the users collection in
// PocketBase's dashboard (model.SignInProvider). It ends in the web UI's own
// session, by the same signIn as a password. Nobody is created by it: the
// person must be a user the administrator made, found by the provider's
// subject stored at an earlier sign-in (PocketBase's _externalAuths, which
// the REST API's OAuth2 sign-in reads too) or else by the verified e-mail
// address the provider gives, which then stores the subject.

const (
	oidcStartPath    = "/login/oidc"
	oidcCallbackPath = "/login/oidc/callback"
	oidcCookie       = "ikplan_oidc"
	// how long a sign-in may take at the provider
	oidcStateLife = 10 * time.Minute
	// at most this many sign-ins wait for their provider at once; more are
	// refused (429) until some finish or expire
	oidcStatesMax = 10000
)

// oidcStart is what the server keeps of a sign-in sent to the provider,
// under its state: single use, for oidcStateLife.
type oidcStart struct {
	nonce    string
	verifier string // PKCE's code_verifier
	next     string // the local path to land on
	provider string
	redirect string // the redirect_uri sent, which the code exchange repeats
	expires  time.Time
}

// oidcStates are the sign-ins under way, in memory: a restart loses them,
// and the person starts again.
type oidcStates struct {
	mu  sync.Mutex
	m   map[string]oidcStart
	now func() time.Time
}

func newOIDCStates() *oidcStates {
	return &oidcStates{m: map[string]oidcStart{}, now: time.Now}
}

var errTooManySignIns = errors.New("too many sign-ins under way")

// put keeps a sign-in under state.
func (s *oidcStates) put(state string, st oidcStart) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if len(s.m) >= oidcStatesMax {
		for k, v := range s.m {
			if !now.Before(v.expires) {
				delete(s.m, k)
			}
		}
		if len(s.m) >= oidcStatesMax {
			return errTooManySignIns
		}
	}
	st.expires = now.Add(oidcStateLife)
	s.m[state] = st
	return nil
}

// take removes the sign-in of state and returns it, if it is there and has
// not expired: a state is good once.
func (s *oidcStates) take(state string) (oidcStart, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.m[state]
	delete(s.m, state)
	if !ok || !s.now().Before(st.expires) {
		return oidcStart{}, false
	}
	return st, true
}

// randomToken is 32 random bytes, base64url.
func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

// signInProvider is the configured provider, ready to use for a request
// on this site: redirect_uri is this site's callback, and the scopes ask
// for an ID token (openid), whatever the provider's defaults.
func signInProvider(e *core.RequestEvent) (auth.Provider, core.OAuth2ProviderConfig, error) {
	cfg, ok := model.SignInProvider(e.App)
	if !ok {
		return nil, cfg, errNotFound
	}
	p, err := cfg.InitProvider()
	if err != nil {
		return nil, cfg, err
	}
	p.SetContext(e.Request.Context())
	p.SetRedirectURL(baseURL(e) + oidcCallbackPath)
	if sc := p.Scopes(); !slices.Contains(sc, "openid") {
		p.SetScopes(append(slices.Clone(sc), "openid"))
	}
	return p, cfg, nil
}

// oidcBegin handles "GET /login/oidc": sends the browser to the provider,
// with a fresh state (also in a short cookie, so that only the browser that
// started may finish), nonce and PKCE challenge.
func (s *server) oidcBegin(e *core.RequestEvent) error {
	p, cfg, err := signInProvider(e)
	if err != nil {
		return err
	}
	state, nonce, verifier := randomToken(), randomToken(), oauth2.GenerateVerifier()
	err = s.oidc.states.put(state, oidcStart{
		nonce: nonce, verifier: verifier, provider: cfg.Name, redirect: p.RedirectURL(),
		next: localPath(e.Request.URL.Query().Get("next")),
	})
	if err != nil {
		return s.errorPage(e, http.StatusTooManyRequests)
	}
	http.SetCookie(e.Response, &http.Cookie{
		Name: oidcCookie, Value: state, Path: oidcStartPath, HttpOnly: true, Secure: secure(e),
		SameSite: http.SameSiteLaxMode, MaxAge: int(oidcStateLife.Seconds()),
	})
	return e.Redirect(http.StatusSeeOther, p.BuildAuthURL(state,
		oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("nonce", nonce)))
}

// oidcCallback handles "GET /login/oidc/callback": the provider sends the
// browser back with a code. The state must be this browser's and unused,
// the code is exchanged (with the PKCE verifier) for tokens, the ID token's
// signature, issuer, audience, lifetime and nonce are checked, and the
// person found among the users signs in as with a password.
func (s *server) oidcCallback(e *core.RequestEvent) error {
	q := e.Request.URL.Query()
	state := q.Get("state")
	cookie, _ := e.Request.Cookie(oidcCookie)
	http.SetCookie(e.Response, &http.Cookie{
		Name: oidcCookie, Value: "", Path: oidcStartPath, HttpOnly: true, Secure: secure(e),
		SameSite: http.SameSiteLaxMode, MaxAge: -1,
	})
	log := e.App.Logger().With("ip", e.RealIP())
	if state == "" || cookie == nil || subtle.ConstantTimeCompare([]byte(cookie.Value), []byte(state)) != 1 {
		log.Warn("oidc: sign-in refused: the state is not this browser's", "has_cookie", cookie != nil)
		return s.signInRefused(e, http.StatusBadRequest, "oidc.state")
	}
	start, ok := s.oidc.states.take(state)
	if !ok {
		log.Warn("oidc: sign-in refused: the state is unknown, used or expired")
		return s.signInRefused(e, http.StatusBadRequest, "oidc.state")
	}
	if q.Get("error") != "" {
		log.Warn("oidc: the provider answered with an error", "error", q.Get("error"), "description", q.Get("error_description"))
		return s.signInRefused(e, http.StatusBadRequest, "oidc.cancelled")
	}
	p, cfg, err := signInProvider(e)
	if err != nil || cfg.Name != start.provider {
		log.Warn("oidc: sign-in refused: the provider changed during the sign-in")
		return s.signInRefused(e, http.StatusBadRequest, "oidc.state")
	}
	p.SetRedirectURL(start.redirect)
	token, err := p.FetchToken(q.Get("code"), oauth2.VerifierOption(start.verifier))
	if err != nil {
		log.Warn("oidc: sign-in refused: the code was not accepted", "provider", cfg.Name, "error", err.Error())
		return s.signInRefused(e, http.StatusBadRequest, "oidc.failed")
	}
	claims, err := s.oidc.verifyIDToken(e.Request.Context(), p, cfg, token, start.nonce)
	if err != nil {
		log.Warn("oidc: sign-in refused: the ID token did not verify", "provider", cfg.Name, "error", err.Error())
		return s.signInRefused(e, http.StatusBadRequest, "oidc.failed")
	}
	who, err := p.FetchAuthUser(token)
	if err != nil {
		log.Warn("oidc: sign-in refused: the provider did not say who signed in", "provider", cfg.Name, "error", err.Error())
		return s.signInRefused(e, http.StatusBadGateway, "oidc.failed")
	}
	if who.Id == "" || (who.Id != claims.str("sub") && who.Id != claims.str("oid")) {
		log.Warn("oidc: sign-in refused: the user info names another person than the ID token", "provider", cfg.Name)
		return s.signInRefused(e, http.StatusBadRequest, "oidc.failed")
	}
	user, err := matchUser(e.App, cfg.Name, who)
	if err != nil {
		log.Warn("oidc: sign-in refused: "+err.Error(), "provider", cfg.Name, "subject", who.Id, "email", who.Email)
		return s.signInRefused(e, http.StatusForbidden, "oidc.unknown")
	}
	log.Info("oidc: signed in", "provider", cfg.Name, "user", user.Id)
	if err := s.signIn(e, user); err != nil {
		return err
	}
	return e.Redirect(http.StatusSeeOther, start.next)
}

// errNoUser is a person the provider knows and ikplan does not.
var errNoUser = errors.New("no user has this subject or verified e-mail address")

// matchUser finds the user who signed in at the provider: by the subject
// linked at an earlier sign-in, else by the verified e-mail address, which
// links the subject from then on. A user already linked to another subject
// of the same provider is not taken over by an address. Nobody is created.
func matchUser(app core.App, provider string, who *auth.AuthUser) (*core.Record, error) {
	users, err := app.FindCachedCollectionByNameOrId(model.Users)
	if err != nil {
		return nil, err
	}
	if link, err := app.FindFirstExternalAuthByExpr(dbx.HashExp{
		"collectionRef": users.Id, "provider": provider, "providerId": who.Id,
	}); err == nil {
		if u, err := app.FindRecordById(users, link.RecordRef()); err == nil {
			return u, nil
		}
	}
	if who.Email == "" {
		return nil, errNoUser
	}
	u, err := app.FindAuthRecordByEmail(users, who.Email)
	if err != nil {
		return nil, errNoUser
	}
	if other, err := app.FindFirstExternalAuthByExpr(dbx.HashExp{
		"collectionRef": users.Id, "provider": provider, "recordRef": u.Id,
	}); err == nil && other.ProviderId() != who.Id {
		return nil, errors.New("the user with this e-mail address is linked to another account of the provider")
	}
	link := core.NewExternalAuth(app)
	link.SetCollectionRef(users.Id)
	link.SetRecordRef(u.Id)
	link.SetProvider(provider)
	link.SetProviderId(who.Id)
	if err := app.Save(link); err != nil {
		return nil, err
	}
	return u, nil
}

// signInRefused is the page of a sign-in that did not succeed: what
// happened and the way back to the sign-in page.
func (s *server) signInRefused(e *core.RequestEvent, status int, key string) error {
	p := s.page(e, "", "")
	p.Title = p.T(key + "_title")
	p.Error = true
	return s.render(e, status, p, templates.SignInRefused(p, p.T(key+"_title"), p.T(key+"_text")), nil)
}

// providerSignOut is the address of the provider's own sign-out, when it
// offers one (end_session_endpoint), with the way back to the sign-in page;
// "" otherwise.
func (s *server) providerSignOut(e *core.RequestEvent) string {
	p, cfg, err := signInProvider(e)
	if err != nil {
		return ""
	}
	meta, err := s.oidc.discover(e.Request.Context(), p, cfg)
	if err != nil || meta.EndSessionEndpoint == "" {
		return ""
	}
	u, err := url.Parse(meta.EndSessionEndpoint)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return ""
	}
	v := u.Query()
	v.Set("client_id", cfg.ClientId)
	v.Set("post_logout_redirect_uri", baseURL(e)+"/login")
	u.RawQuery = v.Encode()
	return u.String()
}
