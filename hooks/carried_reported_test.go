package hooks_test

import (
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestReportedPlanCarriedOnAndBack: next year's plan continues the
// unfinished actions of a reported plan — the one change such an action
// takes — and removing next year's draft opens them again where they were,
// though their plan stays reported.
func TestReportedPlanCarriedOnAndBack(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	if err := completeDemo(app, f, "2025-03-10"); err != nil {
		t.Fatal(err)
	}
	open, err := app.FindAllRecords(model.Actions, dbx.HashExp{"plan": f.Plan, "status": []any{model.ActionPlanned, model.ActionInProgress}})
	if err != nil || len(open) == 0 {
		t.Fatalf("Expected unfinished actions in the reported plan, got %d (%v)", len(open), err)
	}
	next, err := carried(app, f)
	if err != nil {
		t.Fatalf("Expected the reported plan's unfinished actions continued, got %v", err)
	}
	for _, a := range open {
		if got := testapp.Find(t, app, model.Actions, a.Id); got.GetString("status") != model.ActionContinued || got.GetString("carried_to") == "" {
			t.Errorf("Expected action %s continued with its continuation, got %q → %q", a.Id, got.GetString("status"), got.GetString("carried_to"))
		}
	}
	if err := testapp.Delete(app, model.Plans, next); err != nil {
		t.Fatalf("Expected next year's draft removed, got %v", err)
	}
	for _, a := range open {
		got := testapp.Find(t, app, model.Actions, a.Id)
		if got.GetString("status") != a.GetString("status") || got.GetString("carried_to") != "" {
			t.Errorf("Expected action %s open again as %q without a continuation, got %q → %q", a.Id, a.GetString("status"), got.GetString("status"), got.GetString("carried_to"))
		}
	}
	if got := testapp.Find(t, app, model.Plans, f.Plan).GetString("status"); got != model.PlanReported {
		t.Errorf("Expected the plan still reported, got %s", got)
	}
}
