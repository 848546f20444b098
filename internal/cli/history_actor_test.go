package cli_test

import (
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// TestCommandHistoryNamesTheSystem: a command's writes — next year's plan
// with its controls and continued actions, and the closing of the old
// actions the hooks do with it — name the system in the history, as the
// command line writes for nobody in particular (model.System).
func TestCommandHistoryNamesTheSystem(t *testing.T) {
	dir := t.TempDir()
	if out, err := run(t, dir, "demo"); err != nil {
		t.Fatalf("Expected the demo to load, got %v\n%s", err, out)
	}
	var from int64
	withData(t, dir, func(app core.App) error {
		return app.DB().NewQuery("SELECT coalesce(max(rowid), 0) FROM " + model.AuditLog).Row(&from)
	})
	if out, err := run(t, dir, "carry", "plan", "--board", "KS", "--year", "2024", "--decide", "continue"); err != nil {
		t.Fatalf("Expected the 2025 draft made, got %v\n%s", err, out)
	}
	var rows []struct {
		Collection string `db:"collection"`
		Op         string `db:"op"`
		Actor      string `db:"actor"`
		Name       string `db:"actor_name"`
	}
	withData(t, dir, func(app core.App) error {
		return app.DB().Select("collection", "op", "actor", "actor_name").From(model.AuditLog).
			Where(dbx.NewExp("rowid > {:r}", dbx.Params{"r": from})).All(&rows)
	})
	seen := map[string]bool{}
	for _, r := range rows {
		seen[r.Collection+"/"+r.Op] = true
		if r.Actor != "system" || r.Name != "system" {
			t.Errorf("Expected the history of %s/%s to name the system, got %s (%s)", r.Collection, r.Op, r.Actor, r.Name)
		}
	}
	for _, want := range []string{"plans/create", "controls/create", "actions/create", "actions/update"} {
		if !seen[want] {
			t.Errorf("Expected a history row of %s among %v", want, rows)
		}
	}
}
