package authz_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestRESTTokenIsNoWebSession sends every row of the web UI (pages,
// writes, downloads, the confidential ones) with each role's REST API
// token in the Authorization header and no session cookie: the web UI
// knows only its own cookie, so every role gets exactly a guest's answer
// (sent to sign in, or the page a guest gets). A signed-in browser that
// also carries another person's token stays the browser's person.
func TestRESTTokenIsNoWebSession(t *testing.T) {
	w := prepare(t)
	app, _, h := w.serve(t)
	defer app.Cleanup()
	n := 0
	for _, c := range allRows() {
		if strings.HasPrefix(c.url, "/api/") || strings.HasPrefix(c.url, "/_/") {
			continue
		}
		want, err := parseWant(c.want)
		if err != nil {
			t.Fatalf("row %q %q: %v", c.route, c.name, err)
		}
		for _, role := range roles {
			if role == "guest" {
				continue
			}
			req := w.request(c, "guest")
			req.Header.Set("Authorization", w.tokens[role])
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			n++
			if msg := c.check("guest", want, rec); msg != "" {
				t.Errorf("%s %s (%s) with the REST token of %s: as a guest, %s", c.verb(), req.URL, c.name, role, msg)
			}
		}
	}
	t.Logf("%d requests with a REST token and no session", n)

	// the cookie decides, whatever token comes with it: the reader's session
	// with the coordinator's token may not open the coordinator's form
	req := httptest.NewRequest(http.MethodGet, w.expand("/plans/$ksdraft/controls/$dc/edit", "reader"), nil)
	req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: w.sessions["reader"]})
	req.Header.Set("Authorization", w.tokens["coord"])
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("Expected the reader's session with the coordinator's token to be the reader (403), got %d", rec.Code)
	}
}

// TestRESTTokenDoesNotOutliveSignOut: signing out of the web UI ends the
// web session; the REST token the same person holds opens no page after.
func TestRESTTokenDoesNotOutliveSignOut(t *testing.T) {
	w := prepare(t)
	app, _, h := w.serve(t)
	defer app.Cleanup()
	do := func(method, target string, cookie bool) *httptest.ResponseRecorder {
		req := httptest.NewRequest(method, target, nil)
		if cookie {
			req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: w.sessions["coord"]})
		}
		req.Header.Set("Authorization", w.tokens["coord"])
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	if rec := do(http.MethodGet, "/plans", true); rec.Code != http.StatusOK {
		t.Fatalf("Expected the session to open the page before signing out, got %d", rec.Code)
	}
	if rec := do(http.MethodPost, "/logout", true); rec.Code != http.StatusSeeOther {
		t.Fatalf("Expected the sign-out to succeed, got %d", rec.Code)
	}
	for _, cookie := range []bool{true, false} {
		rec := do(http.MethodGet, "/plans", cookie)
		if loc := rec.Header().Get("Location"); rec.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "/login") {
			t.Errorf("After signing out (old cookie sent: %v), expected the REST token to be sent to sign in, got %d %q", cookie, rec.Code, loc)
		}
	}
	// the REST API keeps its tokens
	req := httptest.NewRequest(http.MethodGet, "/api/collections/plans/records", nil)
	req.Header.Set("Authorization", w.tokens["coord"])
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"totalItems":`) || strings.Contains(rec.Body.String(), `"totalItems":0`) {
		t.Errorf("Expected the REST API to accept the token and list plans, got %d %s", rec.Code, rec.Body.String())
	}
}
