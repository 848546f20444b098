package web_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/proof/testapp"
)

// TestReady: GET /readyz answers the load balancer 200 "ok" without a
// sign-in while the database answers, and 503 once it does not (its
// connections closed), with nothing in the body but what it says; where
// PocketBase's /api/health still answers 200.
func TestReady(t *testing.T) {
	t.Parallel()
	app := testapp.NewWeb(t)
	h := handler(t, app)
	rec := send(h, http.MethodGet, "/readyz", "")
	if rec.Code != http.StatusOK || rec.Body.String() != "ok\n" || rec.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("Expected 200 ok, not cached, got %d %q %q", rec.Code, rec.Body.String(), rec.Header().Get("Cache-Control"))
	}
	db, ok := app.ConcurrentDB().(*dbx.DB)
	if !ok {
		t.Fatalf("Expected the database as *dbx.DB, got %T", app.ConcurrentDB())
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	rec = send(h, http.MethodGet, "/readyz", "")
	if rec.Code != http.StatusServiceUnavailable || rec.Body.String() != "not ready: the database does not answer\n" {
		t.Errorf("Expected 503 without the database, got %d %q", rec.Code, rec.Body.String())
	}
	if rec := send(h, http.MethodGet, "/api/health", ""); rec.Code != http.StatusOK {
		t.Errorf("Expected PocketBase's health check to answer 200 all the same (why /readyz is needed), got %d", rec.Code)
	}
}
