package load

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// SessionCookie is the name of the web UI's session cookie over plain HTTP.
const SessionCookie = "ikplan_session"

// ErrRateLimited is returned when the server refuses a sign-in with 429:
// ikplan allows 10 sign-ins a minute from one address.
var ErrRateLimited = errors.New("too many sign-ins from this address (429)")

// Login signs in through the web UI's form, POST /login, as a browser
// would, and returns the session token from the cookie.
func Login(ctx context.Context, c *http.Client, base, email, password string) (string, error) {
	form := url.Values{"email": {email}, "password": {password}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/login", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", base)
	resp, err := c.Do(req)
	if err != nil {
		return "", fmt.Errorf("failed to sign in as %s: %w", email, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return "", fmt.Errorf("%s: %w", email, ErrRateLimited)
	case resp.StatusCode == http.StatusUnprocessableEntity:
		return "", fmt.Errorf("%s could not sign in: wrong e-mail or password (see --users and --password)", email)
	case resp.StatusCode != http.StatusSeeOther:
		return "", fmt.Errorf("signing in as %s answered %s, expected 303 See Other", email, resp.Status)
	}
	for _, ck := range resp.Cookies() {
		if ck.Name == SessionCookie && ck.Value != "" {
			return ck.Value, nil
		}
	}
	return "", fmt.Errorf("signing in as %s set no %s cookie", email, SessionCookie)
}

// tokenId reads the record id from an auth token's claims. The token is
// not verified: the server does that on every request.
func tokenId(token string) (string, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return "", fmt.Errorf("the session token is not a JWT")
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return "", fmt.Errorf("failed to decode the session token: %w", err)
	}
	var claims struct {
		Id string `json:"id"`
	}
	if err := json.Unmarshal(raw, &claims); err != nil || claims.Id == "" {
		return "", fmt.Errorf("the session token names no user id")
	}
	return claims.Id, nil
}
