package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestCrossOriginWritesRefused: a page of another site cannot write through
// a signed-in browser, whatever the method; the same write from ikplan's
// own pages goes through.
func TestCrossOriginWritesRefused(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	h := handler(t, app)
	cookie := testapp.Cookie(f, "samordnare")["Cookie"]
	plans := func() int { return testapp.Count(t, app, model.Plans, dbx.HashExp{"board": f.KS}) }
	before := plans()
	hostile := [][]string{
		{"Sec-Fetch-Site", "cross-site"},
		{"Origin", "https://evil.example"},
		{"Sec-Fetch-Site", "same-site", "Origin", "https://other.example.com"},
	}
	for _, method := range []string{http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		for _, hdr := range hostile {
			kv := append([]string{"Cookie", cookie}, hdr...)
			rec := send(h, method, "/plans", "board="+f.KS+"&year=2026", kv...)
			if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "<html") {
				t.Fatalf("%s /plans with %v: expected a 403 page, got %d", method, hdr, rec.Code)
			}
		}
	}
	// signing out cannot be forced from another site either
	if rec := send(h, http.MethodPost, "/logout", "", "Cookie", cookie, "Sec-Fetch-Site", "cross-site"); rec.Code != http.StatusForbidden {
		t.Fatalf("Expected a cross-site sign-out refused, got %d", rec.Code)
	}
	if got := plans(); got != before {
		t.Fatalf("Expected no plan created by a cross-origin request, got %d plans, had %d", got, before)
	}
	// the same form from ikplan's own page creates the plan
	rec := send(h, http.MethodPost, "/plans", "board="+f.KS+"&year=2026", "Cookie", cookie, "Sec-Fetch-Site", "same-origin", "Origin", "http://example.com")
	if rec.Code != http.StatusSeeOther || plans() != before+1 {
		t.Fatalf("Expected a same-origin write to go through, got %d and %d plans", rec.Code, plans())
	}
}
