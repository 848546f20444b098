package web

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"ikplan/internal/session"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

func TestSessionCookieOverTLS(t *testing.T) {
	t.Parallel()
	for _, overTLS := range []bool{true, false} {
		for _, clear := range []bool{false, true} {
			req := httptest.NewRequest(http.MethodPost, "/login", nil)
			if overTLS {
				req.TLS = &tls.ConnectionState{}
			}
			rec := httptest.NewRecorder()
			e := &core.RequestEvent{Event: router.Event{Response: rec, Request: req}}
			want := []string{"HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=32400"}
			if clear {
				clearSessionCookie(e)
				want = []string{"HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"}
			} else {
				setSessionCookie(e, "random-token", session.SessionIdle)
			}
			got := rec.Header().Get("Set-Cookie")
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("TLS %v, cleared %v: expected %q in %q", overTLS, clear, w, got)
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
