package model_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestNeededToAdoptIsWhatBlocksAdoption: of the fields of a control that a
// save lets be empty, emptying one in a draft blocks the plan's adoption
// exactly when NeededToAdopt says so — the mark the forms show beside it.
func TestNeededToAdoptIsWhatBlocksAdoption(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	plan := testapp.Find(t, app, model.Plans, f.Plan)
	plan.Set("status", model.PlanDraft)
	ready := testapp.Find(t, app, model.Controls, f.Controls["5"])
	if r := model.ReadinessOf(model.PlanFacts{Plan: plan, Controls: []*core.Record{ready}}, testapp.Today); len(r.Blockers) != 0 {
		t.Fatalf("Expected control 5 ready to adopt, got %v", r.Blockers)
	}
	needed := 0
	for _, field := range ready.Collection().Fields {
		name := field.GetName()
		if field.GetSystem() || field.GetHidden() || model.Required(app, model.Controls, name) {
			continue
		}
		c := ready.Clone()
		c.Set(name, nil)
		blocked := len(model.ReadinessOf(model.PlanFacts{Plan: plan, Controls: []*core.Record{c}}, testapp.Today).Blockers) > 0
		if want := model.NeededToAdopt(model.Controls, name); blocked != want {
			t.Errorf("Control field %s emptied: expected adoption blocked=%v (NeededToAdopt), got %v", name, want, blocked)
		}
		if blocked {
			needed++
		}
	}
	if needed != 3 {
		t.Errorf("Expected owner, due date and method needed to adopt, got %d fields", needed)
	}
	for _, other := range []string{model.Plans, model.Risks, model.Actions} {
		if model.NeededToAdopt(other, "owner") {
			t.Errorf("Expected no field of %s needed to adopt a plan", other)
		}
	}
}
