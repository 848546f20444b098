package hooks_test

import (
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestResultRules(t *testing.T) {
	t.Parallel()
	runRules(t, []ruleCase{
		{
			name: "a missed target cannot be reported as no deviation",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["5"], map[string]any{"measured_value": "12"})(app, f)
			},
			refused: "outcome", contains: "under 10 minuter",
		},
		{
			name: "a missed target can be reported as a deviation, and target_met is false",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["5"], map[string]any{"measured_value": "12", "outcome": "deviation", "target_met": true})(app, f)
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if testapp.Find(t, app, model.Results, f.Results["5"]).GetBool("target_met") {
					t.Fatalf("Expected target_met false for 12 against < 10, got true")
				}
			},
		},
		{
			name: "target_met is computed from the measured value, never taken from the client",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["5"], map[string]any{"measured_value": "9,95", "target_met": false})(app, f)
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				r := testapp.Find(t, app, model.Results, f.Results["5"])
				if !r.GetBool("target_met") || r.GetString("measured_value") != "9.95" {
					t.Fatalf("Expected 9.95 and target met, got %q %v", r.GetString("measured_value"), r.GetBool("target_met"))
				}
			},
		},
		{
			name: "the measured value is a number",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["5"], map[string]any{"measured_value": "åtta"})(app, f)
			},
			refused: "measured_value",
		},
		{
			name: "not performed needs a reason",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["7"], map[string]any{"outcome": "not_performed", "account": ""})(app, f)
			},
			refused: "not_performed_reason",
		},
		{
			name: "not performed may instead name the board it went to, in a transfer",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return model.RunCarry(app, func(tx core.App) error {
					return testapp.Update(tx, model.Results, f.Results["7"], map[string]any{"outcome": "not_performed", "transferred_to": f.IAN})
				})
			},
		},
		{
			name: "a control cannot be transferred to its own board",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["HR1"], map[string]any{"transferred_to": f.KS})(app, f)
			},
			refused: "transferred_to",
		},
		{
			name:    "a period is written as the control's frequency asks",
			write:   newResult("7", map[string]any{"period": "Q1 2024", "outcome": "no_deviation"}),
			refused: "period", contains: "helt år",
		},
		{
			name:    "a period lies in the plan's year",
			write:   newResult("7", map[string]any{"period": "2023", "outcome": "no_deviation"}),
			refused: "period", contains: "2024",
		},
		{
			name:    "a period has a known form",
			write:   newResult("7", map[string]any{"period": "våren 2024", "outcome": "no_deviation"}),
			refused: "period",
		},
		{
			name:    "one result per control and period",
			write:   newResult("", map[string]any{"period": "2024", "outcome": "no_deviation"}),
			refused: "period", contains: "redan ett resultat",
		},
		{
			name:  "a new result for a period is allowed",
			write: newResult("7", map[string]any{"period": "2024", "outcome": "no_deviation", "account": "Ny kontroll."}),
		},
		{
			name: "results wait until the plan is adopted",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, c, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				_, err = testapp.Create(app, model.Results, map[string]any{"control": c.Id, "period": "2025", "outcome": "no_deviation"})
				return err
			},
			refused: "control", contains: "antagen",
		},
		{
			name: "the outcome cannot leave deviation while deviations remain",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["2"], map[string]any{"outcome": "no_deviation"})(app, f)
			},
			refused: "outcome",
		},
	})
}

// newResult deletes control key's demo result (when key is given) and
// creates a new one for control 7 with the fields.
func newResult(key string, fields map[string]any) func(app *tests.TestApp, f *testapp.Fixture) error {
	return func(app *tests.TestApp, f *testapp.Fixture) error {
		if key != "" {
			if err := testapp.Delete(app, model.Results, f.Results[key]); err != nil {
				return err
			}
		}
		all := map[string]any{"control": f.Controls["7"]}
		for k, v := range fields {
			all[k] = v
		}
		_, err := testapp.Create(app, model.Results, all)
		return err
	}
}

func TestDeviationRules(t *testing.T) {
	t.Parallel()
	runRules(t, []ruleCase{
		{
			name: "a deviation needs a result with outcome deviation",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.Deviations, map[string]any{"result": f.Results["3"], "description": "Fel"})
				return err
			},
			refused: "result",
		},
		{
			name: "a deviation starts open",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.Deviations, map[string]any{"result": f.Results["1"], "description": "Ännu en felkontering."})
				return err
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if n := testapp.Count(t, app, model.Deviations, dbx.HashExp{"result": f.Results["1"], "status": "open"}); n != 1 {
					t.Fatalf("Expected 1 open deviation, got %d", n)
				}
			},
		},
		{
			name: "accepting a deviation needs a reason",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Deviations, f.Deviations["2"], map[string]any{"status": "accepted"})(app, f)
			},
			refused: "acceptance_reason",
		},
		{
			name: "an accepted significant deviation with a reason lets the plan be reported",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				for _, key := range []string{"8", "10"} {
					if err := testapp.Update(app, model.Deviations, f.Deviations[key], map[string]any{"status": "accepted", "acceptance_reason": "Hanteras i budgetarbetet."}); err != nil {
						return err
					}
				}
				return testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "reported", "reported_on": "2025-03-10"})
			},
		},
		{
			name: "a deviation's result cannot change",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Deviations, f.Deviations["2"], map[string]any{"result": f.Results["1"]})(app, f)
			},
			refused: "result",
		},
		{
			name: "a deviation has a description",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Deviations, f.Deviations["2"], map[string]any{"description": ""})(app, f)
			},
			refused: "description", contains: "Skriv en beskrivning av avvikelsen",
		},
	})
}
