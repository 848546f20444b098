package load

import (
	"bytes"
	"context"
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

// APILogin signs in through the REST API (auth-with-password) and returns
// the user's API token and id: the web session's token is opaque and is no
// API token.
func APILogin(ctx context.Context, c *http.Client, base, email, password string) (token, id string, err error) {
	body, _ := json.Marshal(map[string]string{"identity": email, "password": password})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/collections/users/auth-with-password", bytes.NewReader(body))
	if err != nil {
		return "", "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return "", "", fmt.Errorf("failed to sign in to the REST API as %s: %w", email, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return "", "", fmt.Errorf("%s: %w", email, ErrRateLimited)
	case resp.StatusCode != http.StatusOK:
		return "", "", fmt.Errorf("signing in to the REST API as %s answered %s", email, resp.Status)
	}
	var auth struct {
		Token  string `json:"token"`
		Record struct {
			Id string `json:"id"`
		} `json:"record"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&auth); err != nil || auth.Token == "" || auth.Record.Id == "" {
		return "", "", fmt.Errorf("signing in to the REST API as %s gave no token", email)
	}
	return auth.Token, auth.Record.Id, nil
}
