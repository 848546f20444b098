package authz_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"ikplan/internal/model"
)

// TestCrossOriginRefusedOnEveryWebWrite sends every row that writes through
// the web UI (its POSTs, and every other method on its pages) from another
// site, as the coordinator, who may make them all: each is refused with
// 403 and writes nothing. The REST API is left out: it takes no cookie, so
// another site's page cannot use a signed-in browser there.
func TestCrossOriginRefusedOnEveryWebWrite(t *testing.T) {
	w := prepare(t)
	app, _, h := w.serve(t)
	defer app.Cleanup()
	before, err := app.CountRecords(model.AuditLog)
	if err != nil {
		t.Fatal(err)
	}
	hostile := [][2]string{{"Sec-Fetch-Site", "cross-site"}, {"Origin", "https://evil.example"}}
	n := 0
	for _, c := range allRows() {
		if strings.HasPrefix(c.url, "/api/") || c.verb() == http.MethodGet {
			continue
		}
		for _, hdr := range hostile {
			req := w.request(c, "coord")
			req.Header.Set(hdr[0], hdr[1])
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusForbidden {
				t.Errorf("%s %s (%s) with %s: %s: expected 403, got %d", c.verb(), c.url, c.name, hdr[0], hdr[1], rec.Code)
			}
			n++
		}
	}
	// and the methods no page answers
	for _, m := range []string{http.MethodPut, http.MethodPatch, http.MethodDelete} {
		req := w.request(row{route: catchAll, method: m, url: "/plans/$plan"}, "coord")
		req.Header.Set("Sec-Fetch-Site", "cross-site")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden {
			t.Errorf("%s /plans/{id} cross-site: expected 403, got %d", m, rec.Code)
		}
	}
	if n < 40 {
		t.Fatalf("Expected every web write tried, got only %d requests", n)
	}
	if after, _ := app.CountRecords(model.AuditLog); after != before {
		t.Fatalf("Expected nothing written from another site, got %d history rows", after-before)
	}
}
