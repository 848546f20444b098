package browsertest

import (
	"net/http"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// An owner opens the whole list of their open actions, the page the start
// page's "Visa alla" links lead to, and it passes axe.
func TestStartListPage(t *testing.T) {
	t.Parallel()
	b := serve(t, "start-list")
	b.launch()
	b.signIn("ansvarig")
	if status := b.open("/start/my-actions"); status != http.StatusOK {
		t.Fatalf("GET /start/my-actions: expected 200, got %d", status)
	}
	b.page("start-my-actions")
	want := testapp.Find(t, b.app, model.Actions, b.f.Actions["2"]).GetString("description")
	b.expectText(selMain, firstWords(want, 6))
	b.expectText(selH1, "Mina öppna åtgärder (2)")
}
