package web

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/oauth2"
)

// A sign-in's state is good once, and for oidcStateLife.
func TestOIDCStatesAreSingleUseAndExpire(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 15, 9, 0, 0, 0, time.UTC)
	s := newOIDCStates()
	s.now = func() time.Time { return now }
	if err := s.put("a", oidcStart{nonce: "n"}); err != nil {
		t.Fatal(err)
	}
	if err := s.put("b", oidcStart{nonce: "m"}); err != nil {
		t.Fatal(err)
	}
	if st, ok := s.take("a"); !ok || st.nonce != "n" {
		t.Fatal("expected the state taken once")
	}
	if _, ok := s.take("a"); ok {
		t.Fatal("expected a used state refused")
	}
	now = now.Add(oidcStateLife)
	if _, ok := s.take("b"); ok {
		t.Fatal("expected an expired state refused")
	}
	if _, ok := s.take("never"); ok {
		t.Fatal("expected an unknown state refused")
	}
}

// A full table of sign-ins under way refuses more until some expire.
func TestOIDCStatesAreBounded(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 15, 9, 0, 0, 0, time.UTC)
	s := newOIDCStates()
	s.now = func() time.Time { return now }
	for i := range oidcStatesMax {
		if err := s.put(string(rune(i+1000)), oidcStart{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.put("one more", oidcStart{}); err == nil {
		t.Fatal("expected a full table to refuse")
	}
	now = now.Add(oidcStateLife)
	if err := s.put("one more", oidcStart{}); err != nil || len(s.m) != 1 {
		t.Fatalf("expected the expired ones gone, got %v and %d", err, len(s.m))
	}
}

// testIdP is a provider's discovery document and keys on loopback.
type testIdP struct {
	srv *httptest.Server
	key *rsa.PrivateKey
}

func newTestIdP(t *testing.T) *testIdP {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ec, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	p := &testIdP{key: key}
	b64 := base64.RawURLEncoding.EncodeToString
	mux := http.NewServeMux()
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]string{"issuer": p.srv.URL, "authorization_endpoint": p.srv.URL + "/auth",
			"jwks_uri": p.srv.URL + "/keys", "end_session_endpoint": p.srv.URL + "/logout"})
	})
	mux.HandleFunc("/keys", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{"keys": []map[string]string{
			{"kty": "RSA", "kid": "k1", "use": "sig", "n": b64(key.N.Bytes()), "e": b64(big.NewInt(int64(key.E)).Bytes())},
			{"kty": "EC", "kid": "e1", "crv": "P-256", "x": b64(ec.X.Bytes()), "y": b64(ec.Y.Bytes())},
		}})
	})
	return p
}

func (p *testIdP) config() core.OAuth2ProviderConfig {
	return core.OAuth2ProviderConfig{Name: "oidc", ClientId: "ikplan", ClientSecret: "s",
		AuthURL: p.srv.URL + "/auth", TokenURL: p.srv.URL + "/token", UserInfoURL: p.srv.URL + "/userinfo"}
}

// The ID token is taken only signed by the provider's key with an
// asymmetric algorithm, from its issuer, for this client, unexpired, with
// this sign-in's nonce and a subject.
func TestIDTokenVerification(t *testing.T) {
	t.Parallel()
	idp := newTestIdP(t)
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	now := time.Now()
	good := func() jwt.MapClaims {
		return jwt.MapClaims{"iss": idp.srv.URL, "aud": "ikplan", "sub": "sub-1", "nonce": "n-1",
			"iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
	}
	sign := func(method jwt.SigningMethod, kid string, key any, claims jwt.MapClaims) string {
		tok := jwt.NewWithClaims(method, claims)
		if kid != "" {
			tok.Header["kid"] = kid
		}
		s, err := tok.SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	with := func(k string, v any) jwt.MapClaims { c := good(); c[k] = v; return c }
	without := func(k string) jwt.MapClaims { c := good(); delete(c, k); return c }
	rs := jwt.SigningMethodRS256
	cases := []struct {
		name  string
		token string
		ok    bool
	}{
		{"good", sign(rs, "k1", idp.key, good()), true},
		{"good, no key id (the one RSA key is not the only key)", sign(rs, "", idp.key, good()), false},
		{"another nonce", sign(rs, "k1", idp.key, with("nonce", "n-2")), false},
		{"no nonce", sign(rs, "k1", idp.key, without("nonce")), false},
		{"another client", sign(rs, "k1", idp.key, with("aud", "annan")), false},
		{"several audiences without azp", sign(rs, "k1", idp.key, with("aud", []string{"ikplan", "annan"})), false},
		{"several audiences, azp this client", sign(rs, "k1", idp.key, func() jwt.MapClaims {
			c := with("aud", []string{"ikplan", "annan"})
			c["azp"] = "ikplan"
			return c
		}()), true},
		{"another issuer", sign(rs, "k1", idp.key, with("iss", "https://evil.example")), false},
		{"expired", sign(rs, "k1", idp.key, with("exp", now.Add(-time.Hour).Unix())), false},
		{"no expiry", sign(rs, "k1", idp.key, without("exp")), false},
		{"no subject", sign(rs, "k1", idp.key, without("sub")), false},
		{"signed by another key", sign(rs, "k1", other, good()), false},
		{"an unknown key id", sign(rs, "k9", other, good()), false},
		{"HMAC with the public key as secret", sign(jwt.SigningMethodHS256, "k1", []byte(idp.key.N.Bytes()), good()), false},
		{"unsigned", sign(jwt.SigningMethodNone, "k1", jwt.UnsafeAllowNoneSignatureType, good()), false},
		{"not a token", "x.y.z", false},
	}
	o := newOIDCClient()
	cfg := idp.config()
	p, err := cfg.InitProvider()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		tok := (&oauth2.Token{AccessToken: "a"}).WithExtra(map[string]any{"id_token": c.token})
		_, err := o.verifyIDToken(context.Background(), p, cfg, tok, "n-1")
		if c.ok != (err == nil) {
			t.Errorf("%s: expected ok=%v, got %v", c.name, c.ok, err)
		}
	}
	if _, err := o.verifyIDToken(context.Background(), p, cfg, &oauth2.Token{AccessToken: "a"}, "n-1"); err == nil {
		t.Error("expected a token answer without an ID token refused")
	}
}

// The discovery document is looked for beside the configured authorization
// URL (and a Microsoft tenant's v2.0 endpoint), and taken only when it
// names that URL.
func TestDiscoveryURLs(t *testing.T) {
	t.Parallel()
	got := discoveryURLs("https://login.microsoftonline.com/kommun.onmicrosoft.com/oauth2/v2.0/authorize", nil)
	if got[0] != "https://login.microsoftonline.com/kommun.onmicrosoft.com/v2.0/.well-known/openid-configuration" {
		t.Fatalf("expected the tenant's v2.0 document first, got %v", got)
	}
	got = discoveryURLs("https://idp.kommun.se/realms/kommun/protocol/openid-connect/auth", map[string]any{"issuers": []any{"https://idp.kommun.se/realms/kommun"}})
	if got[0] != "https://idp.kommun.se/realms/kommun/.well-known/openid-configuration" || !strings.HasSuffix(got[len(got)-1], "idp.kommun.se/.well-known/openid-configuration") {
		t.Fatalf("expected the issuer's document first and the host's last, got %v", got)
	}
	idp := newTestIdP(t)
	o := newOIDCClient()
	cfg := idp.config()
	p, _ := cfg.InitProvider()
	meta, err := o.discover(context.Background(), p, cfg)
	if err != nil || meta.EndSessionEndpoint != idp.srv.URL+"/logout" {
		t.Fatalf("expected the document found, got %v %v", meta, err)
	}
	cfg.AuthURL = idp.srv.URL + "/other/auth"
	p, _ = cfg.InitProvider()
	if _, err := o.discover(context.Background(), p, cfg); err == nil {
		t.Fatal("expected a document naming another authorization URL refused")
	}
}
