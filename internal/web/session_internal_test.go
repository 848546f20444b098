package web

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

func TestSessionCookieOverTLS(t *testing.T) {
	t.Parallel()
	col := core.NewAuthCollection("users")
	user := core.NewRecord(col)
	user.Id = "u00000000000001"
	user.SetTokenKey("secret-token-key-of-the-user")

	for _, overTLS := range []bool{true, false} {
		req := httptest.NewRequest(http.MethodPost, "/login", nil)
		if overTLS {
			req.TLS = &tls.ConnectionState{}
		}
		rec := httptest.NewRecorder()
		e := &core.RequestEvent{Event: router.Event{Response: rec, Request: req}}
		if err := startSession(e, user); err != nil {
			t.Fatal(err)
		}
		got := rec.Header().Get("Set-Cookie")
		for _, want := range []string{"HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=32400"} {
			if !strings.Contains(got, want) {
				t.Errorf("TLS %v: expected %q in %q", overTLS, want, got)
			}
		}
		if overTLS != strings.HasPrefix(got, "__Host-ikplan_session=") || overTLS != strings.Contains(got, "Secure") {
			t.Errorf("TLS %v: expected the __Host- prefix and Secure exactly over TLS, got %q", overTLS, got)
		}
		if strings.Contains(got, "Domain=") {
			t.Errorf("Expected a host-only cookie, got %q", got)
		}
	}
}

func TestLocalPath(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"/plans": "/plans", "/plans?x=1": "/plans?x=1", "": "/", "//evil.example": "/", "https://evil.example/": "/",
		"/\\evil.example": "/", "javascript:alert(1)": "/", "plans": "/",
	} {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q): expected %q, got %q", in, want, got)
		}
	}
}
