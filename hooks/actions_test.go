package hooks_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestActionRules(t *testing.T) {
	t.Parallel()
	scenarios := []ruleCase{
		{
			name: "done needs a note",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Actions, f.Actions["2"], map[string]any{"status": "done"})(app, f)
			},
			refused: "done_note",
		},
		{
			name: "done with a note sets done_on to today when none is given",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Actions, f.Actions["2"], map[string]any{"status": "done", "done_note": "Alla har dokumenterat."})(app, f)
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if got := testapp.Find(t, app, model.Actions, f.Actions["2"]).GetDateTime("done_on").Time().Format("2006-01-02"); got != "2025-03-15" {
					t.Fatalf("Expected done_on 2025-03-15, got %s", got)
				}
			},
		},
		{
			name: "done_on is kept by a save that leaves it out (the demo's day, not today)",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Actions, f.Actions["1"], map[string]any{"done_note": "Omkonterad."})(app, f)
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if got := testapp.Find(t, app, model.Actions, f.Actions["1"]).GetDateTime("done_on").Time().Format("2006-01-02"); got != "2024-12-31" {
					t.Fatalf("Expected done_on kept at 2024-12-31, got %s", got)
				}
			},
		},
		{
			name: "leaving done clears done_on",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Actions, f.Actions["1"], map[string]any{"status": "in_progress"})(app, f)
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if d := testapp.Find(t, app, model.Actions, f.Actions["1"]).GetDateTime("done_on"); !d.IsZero() {
					t.Fatalf("Expected no done_on, got %v", d)
				}
			},
		},
		{
			name: "cancelled needs a reason",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Actions, f.Actions["2"], map[string]any{"status": "cancelled"})(app, f)
			},
			refused: "cancel_reason",
		},
		{
			name: "an action belongs to a deviation, a control or a risk",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.Actions, map[string]any{"plan": f.Plan, "description": "Lös åtgärd"})
				return err
			},
			refused: "deviation",
		},
		{
			name: "the server fills in the control and plan of a deviation's action",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.Actions, map[string]any{"deviation": f.Deviations["8"], "description": "Skriv rutinen.", "owner": f.Users["samhallsbyggnad"]})
				return err
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				a, err := app.FindFirstRecordByFilter(model.Actions, "description = 'Skriv rutinen.'")
				if err != nil || a.GetString("control") != f.Controls["8"] || a.GetString("plan") != f.Plan || a.GetString("status") != "planned" {
					t.Fatalf("Expected control 8, the plan and status planned, got %v %v", a, err)
				}
			},
		},
		{
			name: "an action's control must be its deviation's",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.Actions, map[string]any{"deviation": f.Deviations["8"], "control": f.Controls["1"], "description": "Fel koppling"})
				return err
			},
			refused: "control",
		},
		{
			name: "an action's owner belongs to the plan's board",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Actions, f.Actions["2"], map[string]any{"owner": f.Users["annan"]})(app, f)
			},
			refused: "owner",
		},
		{
			name: "an action's deviation cannot change",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Actions, f.Actions["2"], map[string]any{"deviation": f.Deviations["8"]})(app, f)
			},
			refused: "deviation",
		},
		{
			name: "an action continuing last year's cannot continue itself",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Actions, f.Actions["2"], map[string]any{"carried_from": f.Actions["2"]})(app, f)
			},
			refused: "carried_from",
		},
	}
	for _, d := range []struct{ given, precision, stored string }{
		{"2025-04-01", "quarter", "2025-06-30"},
		{"2025-02-10", "month", "2025-02-28"},
		{"2025-05-02", "tertial", "2025-08-31"},
		{"2025-03-01", "half", "2025-06-30"},
		{"2025-01-01", "year", "2025-12-31"},
		{"2025-03-31", "day", "2025-03-31"},
	} {
		scenarios = append(scenarios, ruleCase{
			name: "a deadline with precision " + d.precision + " is stored as the period's last day",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Actions, f.Actions["8"], map[string]any{"deadline": d.given, "deadline_precision": d.precision})(app, f)
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if got := testapp.Find(t, app, model.Actions, f.Actions["8"]).GetDateTime("deadline").Time().Format("2006-01-02"); got != d.stored {
					t.Fatalf("Expected %s, got %s", d.stored, got)
				}
			},
		})
	}
	runRules(t, scenarios)
}
