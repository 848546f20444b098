package model_test

import (
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestCloseContinued: the mending of carries made before the carry closed
// the originals closes an open action that has a continuation in its
// board's plan of the year it continues in (model.ContinuedYear), links
// it, and counts it; a copy in another year's plan is no continuation,
// and a second run finds nothing left.
func TestCloseContinued(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	plan := testapp.Find(t, app, model.Plans, f.Plan)
	copyIn := func(year int, of string) *core.Record {
		t.Helper()
		draft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": year})
		if err != nil {
			t.Fatal(err)
		}
		c, err := testapp.Create(app, model.Controls, map[string]any{"plan": draft.Id, "number": 1, "title": "Kopia", "frequency": "yearly"})
		if err != nil {
			t.Fatal(err)
		}
		a, err := testapp.Create(app, model.Actions, map[string]any{"control": c.Id, "description": "Fortsättningen",
			"status": model.ActionInProgress, "carried_from": of})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	other, err := app.FindFirstRecordByFilter(model.Actions, "plan = {:p} && id != {:a} && (status = 'planned' || status = 'in_progress')",
		dbx.Params{"p": f.Plan, "a": f.Actions["2"]})
	if err != nil {
		t.Fatalf("Expected a second open action in the test data: %v", err)
	}
	next := copyIn(model.ContinuedYear(plan.GetInt("year")), f.Actions["2"])
	later := copyIn(plan.GetInt("year")+2, other.Id)
	if a := testapp.Find(t, app, model.Actions, f.Actions["2"]); !model.IsOpenAction(a) {
		t.Fatalf("Expected action 2 open before the mending, got %s", a.GetString("status"))
	}

	n, err := model.CloseContinued(app)
	if err != nil || n != 1 {
		t.Fatalf("Expected one action closed, got %d (%v)", n, err)
	}
	a := testapp.Find(t, app, model.Actions, f.Actions["2"])
	if a.GetString("status") != model.ActionContinued || a.GetString("carried_to") != next.Id {
		t.Errorf("Expected action 2 continued in %s, got %s → %q", next.Id, a.GetString("status"), a.GetString("carried_to"))
	}
	if a := testapp.Find(t, app, model.Actions, other.Id); !model.IsOpenAction(a) || a.GetString("carried_to") != "" {
		t.Errorf("Expected the action copied into %s two years on left open, got %s → %q", later.Id, a.GetString("status"), a.GetString("carried_to"))
	}
	if n, err := model.CloseContinued(app); err != nil || n != 0 {
		t.Errorf("Expected nothing left to close, got %d (%v)", n, err)
	}
}
