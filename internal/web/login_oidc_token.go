package web

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/auth"
	"github.com/spf13/cast"
	"golang.org/x/oauth2"
)

// The ID token is checked here, as PocketBase's providers do not check it
// (the OIDC provider reads the user info instead, and checks no nonce): its
// signature by the provider's published keys (JWKS), its issuer, audience,
// lifetime and the nonce of this sign-in. Where the keys are is read from
// the provider's discovery document (/.well-known/openid-configuration),
// found beside the authorization URL the administrator configured (for
// Microsoft, of the tenant in it), or from the OIDC provider's "jwksURL".

// oidcMeta is what ikplan reads of a provider's discovery document.
type oidcMeta struct {
	Issuer                string `json:"issuer"`
	AuthorizationEndpoint string `json:"authorization_endpoint"`
	JWKSURI               string `json:"jwks_uri"`
	EndSessionEndpoint    string `json:"end_session_endpoint"`
}

// oidcClient keeps the sign-ins under way and what it learnt of the
// providers: their discovery documents and keys, for an hour.
type oidcClient struct {
	states *oidcStates
	http   *http.Client

	mu    sync.Mutex
	metas map[string]cached[*oidcMeta]
	keys  map[string]cached[map[string]any]
}

type cached[T any] struct {
	v   T
	err error
	at  time.Time
}

const (
	oidcCacheLife    = time.Hour
	oidcRetryAfter   = time.Minute // a failed look-up, or an unknown key id, is asked again after this
	oidcMaxBody      = 1 << 20
	oidcDiscoverTime = 5 * time.Second
	idTokenLeeway    = 2 * time.Minute
)

func newOIDCClient() *oidcClient {
	return &oidcClient{
		states: newOIDCStates(),
		http:   &http.Client{Timeout: 10 * time.Second},
		metas:  map[string]cached[*oidcMeta]{},
		keys:   map[string]cached[map[string]any]{},
	}
}

// getJSON reads a JSON document from u into v.
func (o *oidcClient) getJSON(ctx context.Context, u string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	res, err := o.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %d", u, res.StatusCode)
	}
	return json.NewDecoder(io.LimitReader(res.Body, oidcMaxBody)).Decode(v)
}

// discoveryURLs are the places a provider's discovery document may be,
// in the order tried: under each configured issuer, under a Microsoft
// tenant's v2.0 endpoint, and under each shorter path of the authorization
// URL (https://idp/realms/x/protocol/openid-connect/auth → /realms/x/…).
func discoveryURLs(authURL string, extra map[string]any) []string {
	const wk = "/.well-known/openid-configuration"
	var out []string
	add := func(u string) {
		if !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	for _, iss := range cast.ToStringSlice(extra["issuers"]) {
		if strings.Contains(iss, "{") { // Entra's "{tenantid}" template
			continue
		}
		add(strings.TrimRight(iss, "/") + wk)
	}
	u, err := url.Parse(authURL)
	if err != nil || u.Host == "" {
		return out
	}
	origin := u.Scheme + "://" + u.Host
	segs := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(segs) >= 2 && segs[1] == "oauth2" {
		add(origin + "/" + segs[0] + "/v2.0" + wk)
	}
	for i := len(segs) - 1; i >= 0; i-- {
		prefix := strings.Join(segs[:i], "/")
		if prefix != "" {
			prefix = "/" + prefix
		}
		add(origin + prefix + wk)
	}
	return out
}

// sameURL compares two addresses, a trailing slash aside.
func sameURL(a, b string) bool {
	return a != "" && strings.TrimRight(a, "/") == strings.TrimRight(b, "/")
}

// discover finds the provider's discovery document: the first candidate
// whose authorization endpoint is the one configured. Without one, an OIDC
// provider's "jwksURL" (and "issuers") stand for it.
func (o *oidcClient) discover(ctx context.Context, p auth.Provider, cfg core.OAuth2ProviderConfig) (*oidcMeta, error) {
	key := cfg.Name + " " + p.AuthURL()
	o.mu.Lock()
	c, ok := o.metas[key]
	o.mu.Unlock()
	if ok && (time.Since(c.at) < oidcRetryAfter || (c.err == nil && time.Since(c.at) < oidcCacheLife)) {
		return c.v, c.err
	}
	// all the candidates together within oidcDiscoverTime: the signed-out
	// page asks too, and must not wait long for a provider that is down
	ctx, cancel := context.WithTimeout(ctx, oidcDiscoverTime)
	defer cancel()
	var meta *oidcMeta
	for _, u := range discoveryURLs(p.AuthURL(), cfg.Extra) {
		var m oidcMeta
		if err := o.getJSON(ctx, u, &m); err == nil && sameURL(m.AuthorizationEndpoint, p.AuthURL()) && m.JWKSURI != "" {
			meta = &m
			break
		}
	}
	var err error
	if meta == nil {
		if jwks := cast.ToString(cfg.Extra["jwksURL"]); jwks != "" {
			meta = &oidcMeta{JWKSURI: jwks}
		} else {
			err = errors.New("no discovery document names the configured authorization URL, and no jwksURL is configured")
		}
	}
	o.mu.Lock()
	o.metas[key] = cached[*oidcMeta]{v: meta, err: err, at: time.Now()}
	o.mu.Unlock()
	return meta, err
}

// jwk is one key of a JSON Web Key Set (RFC 7517): RSA or elliptic curve.
type jwk struct {
	Kty string `json:"kty"`
	Kid string `json:"kid"`
	Use string `json:"use"`
	N   string `json:"n"`
	E   string `json:"e"`
	Crv string `json:"crv"`
	X   string `json:"x"`
	Y   string `json:"y"`
}

// publicKey is the key as Go's crypto takes it, or nil for one ikplan
// does not use.
func (k jwk) publicKey() any {
	if k.Use != "" && k.Use != "sig" {
		return nil
	}
	dec := base64.RawURLEncoding.DecodeString
	switch k.Kty {
	case "RSA":
		n, err1 := dec(k.N)
		e, err2 := dec(k.E)
		if err1 != nil || err2 != nil || len(e) > 4 {
			return nil
		}
		return &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	case "EC":
		curves := map[string]elliptic.Curve{"P-256": elliptic.P256(), "P-384": elliptic.P384(), "P-521": elliptic.P521()}
		c, ok := curves[k.Crv]
		if !ok {
			return nil
		}
		x, err1 := dec(k.X)
		y, err2 := dec(k.Y)
		size := (c.Params().BitSize + 7) / 8
		if err1 != nil || err2 != nil || len(x) > size || len(y) > size {
			return nil
		}
		pt := make([]byte, 1+2*size)
		pt[0] = 4
		copy(pt[1+size-len(x):], x)
		copy(pt[1+2*size-len(y):], y)
		pk, err := ecdsa.ParseUncompressedPublicKey(c, pt)
		if err != nil {
			return nil
		}
		return pk
	}
	return nil
}

// key is the provider's signing key kid (the only key when the token names
// none). An unknown key id reads the key set again, at most once a minute:
// the provider may have rolled its keys over.
func (o *oidcClient) key(ctx context.Context, jwksURI, kid string) (any, error) {
	o.mu.Lock()
	c, ok := o.keys[jwksURI]
	o.mu.Unlock()
	find := func(keys map[string]any) any {
		if kid == "" && len(keys) == 1 {
			for _, k := range keys {
				return k
			}
		}
		return keys[kid]
	}
	if ok && c.err == nil && time.Since(c.at) < oidcCacheLife {
		if k := find(c.v); k != nil {
			return k, nil
		}
	}
	if ok && time.Since(c.at) < oidcRetryAfter {
		return nil, fmt.Errorf("no key %q in the provider's key set", kid)
	}
	var set struct {
		Keys []jwk `json:"keys"`
	}
	err := o.getJSON(ctx, jwksURI, &set)
	keys := map[string]any{}
	for _, k := range set.Keys {
		if pk := k.publicKey(); pk != nil {
			keys[k.Kid] = pk
		}
	}
	o.mu.Lock()
	o.keys[jwksURI] = cached[map[string]any]{v: keys, err: err, at: time.Now()}
	o.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if k := find(keys); k != nil {
		return k, nil
	}
	return nil, fmt.Errorf("no key %q in the provider's key set", kid)
}

// idClaims are an ID token's claims.
type idClaims jwt.MapClaims

func (c idClaims) str(name string) string { s, _ := c[name].(string); return s }

// verifyIDToken checks the ID token of token: signed by one of the
// provider's keys with an asymmetric algorithm, issued by the provider to
// this client, not expired, and carrying this sign-in's nonce.
func (o *oidcClient) verifyIDToken(ctx context.Context, p auth.Provider, cfg core.OAuth2ProviderConfig, token *oauth2.Token, nonce string) (idClaims, error) {
	raw, _ := token.Extra("id_token").(string)
	if raw == "" {
		return nil, errors.New("the token answer has no id_token")
	}
	meta, err := o.discover(ctx, p, cfg)
	if err != nil {
		return nil, err
	}
	claims := jwt.MapClaims{}
	_, err = jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		return o.key(ctx, meta.JWKSURI, kid)
	},
		jwt.WithValidMethods([]string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"}),
		jwt.WithAudience(cfg.ClientId),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(idTokenLeeway),
	)
	if err != nil {
		return nil, err
	}
	c := idClaims(claims)
	iss := c.str("iss")
	want := strings.ReplaceAll(meta.Issuer, "{tenantid}", c.str("tid"))
	if meta.Issuer != "" && iss != want {
		return nil, fmt.Errorf("the issuer %q is not the provider's %q", iss, want)
	}
	if issuers := cast.ToStringSlice(cfg.Extra["issuers"]); len(issuers) > 0 && !slices.Contains(issuers, iss) {
		return nil, fmt.Errorf("the issuer %q is not one of the configured issuers", iss)
	}
	if aud, _ := claims.GetAudience(); len(aud) > 1 && c.str("azp") != cfg.ClientId {
		return nil, errors.New("the token was issued for another client (azp)")
	}
	if got := c.str("nonce"); got == "" || subtle.ConstantTimeCompare([]byte(got), []byte(nonce)) != 1 {
		return nil, errors.New("the nonce is not this sign-in's")
	}
	if c.str("sub") == "" {
		return nil, errors.New("the token names no subject")
	}
	return c, nil
}
