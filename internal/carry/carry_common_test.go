package carry_test

import (
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/internal/carry"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestApplyDoesNotDoubleCommonControls: next year's plan gets next year's
// common controls from next year's definitions (the hooks), and the copies
// of this year's are not copied beside them: each of next year's common
// controls is in the draft exactly once, none of this year's is, and the
// board's own 20 controls are copied as before.
func TestApplyDoesNotDoubleCommonControls(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	define := func(year int, title string) string {
		r, err := testapp.Create(app, model.CommonControls, map[string]any{"year": year, "title": title, "frequency": "yearly", "method": "stickprov"})
		if err != nil {
			t.Fatalf("Expected the common control %q for %d, got %v", title, year, err)
		}
		return r.Id
	}
	old := define(2024, "Efterlevnad av attestreglementet")
	again := define(2025, "Efterlevnad av attestreglementet")
	fresh := define(2025, "Delegationsbeslut")
	id, err := carry.Apply(app, coordinator(f), f.Plan, decisions(f))
	if err != nil {
		t.Fatalf("Expected the draft to be made, got %v", err)
	}
	for common, want := range map[string]int{old: 0, again: 1, fresh: 1} {
		if n := testapp.Count(t, app, model.Controls, dbx.HashExp{"plan": id, model.CommonControlField: common}); n != want {
			t.Errorf("Expected common control %s %d times in the 2025 draft, got %d", common, want, n)
		}
	}
	if n := testapp.Count(t, app, model.Controls, dbx.HashExp{"plan": id}); n != 22 {
		t.Errorf("Expected the 20 controls of the board and 2 common controls, got %d", n)
	}
}
