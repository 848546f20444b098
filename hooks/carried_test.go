package hooks_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/carry"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// continuation makes, as the carry did before it closed the originals, a
// 2025 draft of Kommunstyrelsen with a continuation of action 2, and
// returns the continuation.
func continuation(app core.App, f *testapp.Fixture) (*core.Record, error) {
	draft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2025})
	if err != nil {
		return nil, err
	}
	c, err := testapp.Create(app, model.Controls, map[string]any{"plan": draft.Id, "number": 2, "title": "Kopia", "frequency": "yearly"})
	if err != nil {
		return nil, err
	}
	return testapp.Create(app, model.Actions, map[string]any{"control": c.Id, "description": "Fortsättningen",
		"status": model.ActionInProgress, "carried_from": f.Actions["2"]})
}

// carried continues every unfinished action of the demo plan into 2025.
func carried(app core.App, f *testapp.Fixture) (string, error) {
	pv, err := carry.Preview(app, f.Plan)
	if err != nil {
		return "", err
	}
	decisions := map[string]carry.Decision{}
	for _, a := range pv.Unfinished {
		decisions[a.Id] = carry.Decision{Kind: carry.DecideContinue}
	}
	return carry.Apply(app, model.System, f.Plan, decisions)
}

// TestContinuedOnlyByTheCarry: no write but the carry closes an action as
// continued or links it to a continuation — not the system, a coordinator
// or an action's owner, even with a real continuation at hand — and a
// continued action stays closed and linked.
func TestContinuedOnlyByTheCarry(t *testing.T) {
	t.Parallel()
	coordinator := func(app *tests.TestApp, f *testapp.Fixture, fn func(tx core.App) error) error {
		return asUser(app, f, "samordnare", model.RoleCoordinator, fn)
	}
	runRules(t, []ruleCase{
		{
			name: "the system cannot set continued",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Actions, f.Actions["2"], map[string]any{"status": "continued"})(app, f)
			},
			refused: "status", contains: "fortsätter i planen för 2025",
		},
		{
			name: "a coordinator cannot set continued with a real continuation",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				next, err := continuation(app, f)
				if err != nil {
					return err
				}
				return coordinator(app, f, func(tx core.App) error {
					return testapp.Update(tx, model.Actions, f.Actions["2"], map[string]any{"status": "continued", "carried_to": next.Id})
				})
			},
			refused: "status",
		},
		{
			name: "an owner cannot set continued on their own action",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return asUser(app, f, "ansvarig", model.RoleOwner, func(tx core.App) error {
					return testapp.Update(tx, model.Actions, f.Actions["2"], map[string]any{"status": "continued"})
				})
			},
			refused: "status",
		},
		{
			name: "a new action cannot start continued",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.Actions, map[string]any{"control": f.Controls["2"], "description": "Ny", "status": "continued"})
				return err
			},
			refused: "status",
		},
		{
			name: "carried_to cannot be set by hand",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				next, err := continuation(app, f)
				if err != nil {
					return err
				}
				return update(model.Actions, f.Actions["2"], map[string]any{"carried_to": next.Id})(app, f)
			},
			refused: "carried_to",
		},
		{
			name: "a continued action cannot be opened again by hand",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if _, err := carried(app, f); err != nil {
					return err
				}
				return update(model.Actions, f.Actions["2"], map[string]any{"status": "in_progress"})(app, f)
			},
			refused: "status", contains: "ändra den i planen för 2025",
		},
		{
			name: "nor finished there",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if _, err := carried(app, f); err != nil {
					return err
				}
				return update(model.Actions, f.Actions["2"], map[string]any{"status": "done", "done_note": "Klart."})(app, f)
			},
			refused: "status",
		},
		{
			name: "nor unlinked",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if _, err := carried(app, f); err != nil {
					return err
				}
				return update(model.Actions, f.Actions["2"], map[string]any{"carried_to": ""})(app, f)
			},
			refused: "carried_to",
		},
		{
			name: "a continuation cannot be moved to another action",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if _, err := carried(app, f); err != nil {
					return err
				}
				next, err := app.FindFirstRecordByFilter(model.Actions, "carried_from = {:a}", dbx.Params{"a": f.Actions["2"]})
				if err != nil {
					return err
				}
				return update(model.Actions, next.Id, map[string]any{"carried_from": f.Actions["10"]})(app, f)
			},
			refused: "carried_from",
		},
		{
			name: "even the carry names a real continuation in the board's next plan",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return model.RunCarry(app, func(tx core.App) error {
					return testapp.Update(tx, model.Actions, f.Actions["2"], map[string]any{"status": "continued", "carried_to": f.Actions["10"]})
				})
			},
			refused: "carried_to",
		},
		{
			name: "a continued action's other fields may still be written",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if _, err := carried(app, f); err != nil {
					return err
				}
				return update(model.Actions, f.Actions["2"], map[string]any{"description": "Rättad text."})(app, f)
			},
		},
	})
}

// TestContinuedRefusedThroughTheAPI: the REST API answers a continued
// status with a Swedish 400 naming status, for a coordinator of the board
// and for a superuser (the dashboard), and changes nothing.
func TestContinuedRefusedThroughTheAPI(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, who := range []string{"samordnare", "superuser"} {
		s := tests.ApiScenario{
			Name: who + " sets continued", Method: http.MethodPatch, URL: "/api/collections/actions/records/" + f.Actions["2"],
			Headers: map[string]string{"Content-Type": "application/json", "Authorization": f.Tokens[who]},
			Body:    strings.NewReader(`{"status":"continued"}`), TestAppFactory: testapp.Factory,
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"status":{"code":"validation_ikplan","message":"Status ”fortsätter i planen för 2025”`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if s := testapp.Find(t, app, model.Actions, f.Actions["2"]).GetString("status"); s != model.ActionInProgress {
					t.Fatalf("Expected the action still in progress, got %s", s)
				}
			},
		}
		s.Test(t)
	}
}

// TestRemovingTheContinuationOpensTheAction: when the continuation goes —
// alone, or with the whole draft — the action it continued is open again
// where it was, with the continuation's status, and the history says so.
func TestRemovingTheContinuationOpensTheAction(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, what := range []string{"the continuation", "the draft plan"} {
		t.Run(what, func(t *testing.T) {
			t.Parallel()
			app := testapp.New(t)
			draft, err := carried(app, f)
			if err != nil {
				t.Fatal(err)
			}
			next, err := app.FindFirstRecordByFilter(model.Actions, "carried_from = {:a}", dbx.Params{"a": f.Actions["8"]})
			if err != nil {
				t.Fatal(err)
			}
			if a := testapp.Find(t, app, model.Actions, f.Actions["8"]); a.GetString("status") != model.ActionContinued || a.GetString("carried_to") != next.Id {
				t.Fatalf("Expected action 8 continued in %s, got %v", next.Id, a.FieldsData())
			}
			remove := func(tx core.App) error { return testapp.Delete(tx, model.Actions, next.Id) }
			if what == "the draft plan" {
				remove = func(tx core.App) error { return testapp.Delete(tx, model.Plans, draft) }
			}
			if err := asUser(app, f, "samordnare", model.RoleCoordinator, remove); err != nil {
				t.Fatalf("Expected %s removed, got %v", what, err)
			}
			for _, key := range []string{"2", "8", "10", "11", "HR8"} {
				a := testapp.Find(t, app, model.Actions, f.Actions[key])
				if (what == "the draft plan" || key == "8") && (!model.OpenStatus(a.GetString("status")) || a.GetString("carried_to") != "") {
					t.Errorf("Expected action %s open again, got %s → %q", key, a.GetString("status"), a.GetString("carried_to"))
				}
			}
			if s := testapp.Find(t, app, model.Actions, f.Actions["8"]).GetString("status"); s != model.ActionPlanned {
				t.Errorf("Expected action 8 planned again, as its continuation was, got %s", s)
			}
			rows := testapp.Count(t, app, model.AuditLog, dbx.HashExp{"record": f.Actions["8"], "actor": "users/" + f.Users["samordnare"]})
			if rows != 1 {
				t.Errorf("Expected one history row naming the coordinator for the reopening, got %d", rows)
			}
			// and the carry can be made again
			if what == "the draft plan" {
				if _, err := carried(app, f); err != nil {
					t.Errorf("Expected the carry made again, got %v", err)
				}
			}
		})
	}
}
