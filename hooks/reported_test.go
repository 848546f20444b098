package hooks_test

import (
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// reportedFlags are every control's stored flag.
func reportedFlags(t *testing.T, app core.App) map[string]bool {
	t.Helper()
	var rows []struct {
		Id       string `db:"id"`
		Reported bool   `db:"reported"`
	}
	if err := app.DB().Select("id", "reported").From(model.Controls).All(&rows); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, r := range rows {
		out[r.Id] = r.Reported
	}
	return out
}

// TestReportedKept: every control's flag, kept by the hooks while the demo
// was written, is what its results say (model.IsReported), and what the
// migration's backfill reckons from scratch.
func TestReportedKept(t *testing.T) {
	app := testapp.New(t)
	f := testapp.Fix(t)
	// the demo's year is all reported: one result removed makes one not
	if err := app.Delete(testapp.Find(t, app, model.Results, f.Results["7"])); err != nil {
		t.Fatal(err)
	}
	kept := reportedFlags(t, app)
	if len(kept) < 20 {
		t.Fatalf("Expected the demo's controls, got %d", len(kept))
	}
	reported := 0
	for id, flag := range kept {
		c := testapp.Find(t, app, model.Controls, id)
		want, err := model.IsReported(app, c)
		if err != nil {
			t.Fatal(err)
		}
		if flag != want {
			t.Errorf("control %s (%s): stored %v, its results say %v", id, c.GetString("title"), flag, want)
		}
		if flag {
			reported++
		}
	}
	if reported == 0 || reported == len(kept) {
		t.Fatalf("Expected some controls reported and some not, got %d of %d", reported, len(kept))
	}
	// wrong on purpose, then the backfill
	if _, err := app.DB().NewQuery("UPDATE controls SET reported = NOT reported").Execute(); err != nil {
		t.Fatal(err)
	}
	if err := model.BackfillReported(app); err != nil {
		t.Fatal(err)
	}
	for id, flag := range reportedFlags(t, app) {
		if flag != kept[id] {
			t.Errorf("control %s: backfilled %v, kept %v", id, flag, kept[id])
		}
	}
}

// TestReportedFollowsResults: removing a reported control's only result
// makes it unreported, adding it back reported again; a client cannot set
// the flag.
func TestReportedFollowsResults(t *testing.T) {
	t.Parallel()
	runRules(t, []ruleCase{
		{
			name: "a result removed and written again",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				id := f.Controls["5"]
				if !testapp.Find(t, app, model.Controls, id).GetBool("reported") {
					t.Fatal("Expected control 5 reported in the demo")
				}
				r := testapp.Find(t, app, model.Results, f.Results["5"])
				if err := app.Delete(r); err != nil {
					return err
				}
				if testapp.Find(t, app, model.Controls, id).GetBool("reported") {
					t.Fatal("Expected control 5 unreported without its result")
				}
				again := core.NewRecord(r.Collection())
				again.Load(map[string]any{"control": id, "period": r.GetString("period"), "outcome": r.GetString("outcome"),
					"account": r.GetString("account"), "measured_value": r.GetString("measured_value")})
				return app.Save(again)
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if !testapp.Find(t, app, model.Controls, f.Controls["5"]).GetBool("reported") {
					t.Fatal("Expected control 5 reported again with its result")
				}
				var history int
				if err := app.DB().Select("COUNT(*)").From(model.AuditLog).
					Where(dbx.HashExp{"record": f.Controls["5"], "collection": model.Controls}).Row(&history); err != nil {
					t.Fatal(err)
				}
				if history != 1 { // its creation only: the flag is no one's change
					t.Errorf("Expected the control's history untouched (1 row), got %d", history)
				}
			},
		},
		{
			name: "a client's value of reported is not taken",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Controls, f.Controls["5"], map[string]any{"reported": false, "owner": f.Users["ansvarig"]})(app, f)
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if !testapp.Find(t, app, model.Controls, f.Controls["5"]).GetBool("reported") {
					t.Fatal("Expected the flag reckoned from the results, not taken from the write")
				}
			},
		},
	})
}

// TestDeviationPlan: every deviation keeps the plan of its result's
// control, set by the hooks whatever a client sends, and fixed after.
func TestDeviationPlan(t *testing.T) {
	app := testapp.New(t)
	f := testapp.Fix(t)
	var wrong int
	if err := app.DB().NewQuery(`SELECT COUNT(*) FROM deviations d JOIN results r ON r.id = d.result
		JOIN controls c ON c.id = r.control WHERE d.plan != c.plan`).Row(&wrong); err != nil {
		t.Fatal(err)
	}
	if n := testapp.Count(t, app, model.Deviations, nil); n == 0 || wrong != 0 {
		t.Fatalf("Expected every one of %d deviations with its control's plan, %d differ", n, wrong)
	}
	another := "ikplanotherpln" // no such plan: taken, it would be refused
	d := testapp.Find(t, app, model.Deviations, f.Deviations["2"])
	if err := testapp.Update(app, model.Deviations, d.Id, map[string]any{"plan": another, "root_cause": "Rutinen saknades."}); err != nil {
		t.Fatal(err)
	}
	if got := testapp.Find(t, app, model.Deviations, d.Id).GetString("plan"); got != f.Plan {
		t.Fatalf("Expected the plan kept as %s, got %s", f.Plan, got)
	}
}
