package hooks_test

import (
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestActionsOfADraftAreOnNobodysList: an action's in_draft, by which the
// lists leave out the items of a draft plan, is whether its plan is a
// draft — whatever a client sends — and follows the plan when it is
// adopted and when the adoption is undone, for every action of that plan
// and no other.
func TestActionsOfADraftAreOnNobodysList(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2026})
	if err != nil {
		t.Fatal(err)
	}
	control, err := testapp.Create(app, model.Controls, map[string]any{
		"plan": plan.Id, "number": 1, "title": "Behörigheter", "frequency": model.FreqYearly, "owner": f.Users["hr"],
		"due": "2026-11-30", "method": "stickprov"}) // what adoption needs (model.ReadinessOf)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, sent := range []bool{false, true} {
		a, err := testapp.Create(app, model.Actions, map[string]any{
			"control": control.Id, "description": "Rensa behörigheter", "owner": f.Users["hr"], "in_draft": sent})
		if err != nil {
			t.Fatal(err)
		}
		actions = append(actions, a.Id)
	}
	others := map[string]bool{}
	rest, err := app.FindAllRecords(model.Actions, dbx.Not(dbx.HashExp{"plan": plan.Id}))
	if err != nil || len(rest) == 0 {
		t.Fatalf("Expected the other plans' actions, got %d (%v)", len(rest), err)
	}
	for _, a := range rest {
		others[a.Id] = a.GetBool("in_draft")
	}
	expect := func(step string, want bool) {
		t.Helper()
		for _, id := range actions {
			if got := testapp.Find(t, app, model.Actions, id).GetBool("in_draft"); got != want {
				t.Errorf("Expected the plan's action %s in_draft=%v when %s, got %v", id, want, step, got)
			}
		}
		for id, was := range others {
			if got := testapp.Find(t, app, model.Actions, id).GetBool("in_draft"); got != was {
				t.Errorf("Expected another plan's action %s to keep in_draft=%v when %s, got %v", id, was, step, got)
			}
		}
	}
	expect("created in a draft", true)

	if err := testapp.Update(app, model.Actions, actions[0], map[string]any{"in_draft": false}); err != nil {
		t.Fatal(err)
	}
	expect("a client sent in_draft=false", true)

	if err := testapp.Update(app, model.Plans, plan.Id, map[string]any{
		"status": model.PlanAdopted, "adopted_on": "2025-03-01", "adopted_ref": "§ 12, dnr IAN 2025/7"}); err != nil {
		t.Fatal(err)
	}
	expect("the plan adopted", false)

	if err := testapp.Update(app, model.Actions, actions[1], map[string]any{"in_draft": true}); err != nil {
		t.Fatal(err)
	}
	expect("a client sent in_draft=true", false)

	if err := testapp.Update(app, model.Plans, plan.Id, map[string]any{"title": "Internkontrollplan 2026"}); err != nil {
		t.Fatal(err)
	}
	expect("the adopted plan saved again", false)

	if err := testapp.Update(app, model.Plans, plan.Id, map[string]any{
		"status": model.PlanDraft, "status_reason": "Beslutet upphävdes."}); err != nil {
		t.Fatal(err)
	}
	expect("the adoption undone", true)
}
