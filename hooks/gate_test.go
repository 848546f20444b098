package hooks_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestReportingGateCountsOnlyLiveActions: a significant deviation is
// handled for the reporting gate by an action with an owner and a deadline
// that is not cancelled, or by an accepted status with a reason — not by a
// cancelled action, and not by marking the deviation handled.
func TestReportingGateCountsOnlyLiveActions(t *testing.T) {
	runRules(t, []ruleCase{
		{
			name: "a cancelled action does not handle a significant deviation",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := testapp.Update(app, model.Actions, f.Actions["8"], map[string]any{
					"status": model.ActionCancelled, "cancel_reason": "Ersätts inte.", "deadline": "2025-09-30",
				}); err != nil {
					return err
				}
				return completeDemo(app, f, "2025-03-10")
			},
			refused: "status", contains: "kontrollpunkt 8 saknar åtgärd",
		},
		{
			name: "a significant deviation marked handled still needs its action",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := testapp.Delete(app, model.Actions, f.Actions["8"]); err != nil {
					return err
				}
				if err := testapp.Update(app, model.Deviations, f.Deviations["8"], map[string]any{"status": model.DeviationHandled}); err != nil {
					return err
				}
				if err := testapp.Update(app, model.Actions, f.Actions["10"], map[string]any{"deadline": "2025-09-30"}); err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "reported", "reported_on": "2025-03-10"})
			},
			refused: "status", contains: "kontrollpunkt 8 saknar åtgärd",
		},
		{
			name: "an accepted significant deviation needs no action",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := testapp.Delete(app, model.Actions, f.Actions["8"]); err != nil {
					return err
				}
				if err := testapp.Update(app, model.Deviations, f.Deviations["8"], map[string]any{
					"status": model.DeviationAccepted, "acceptance_reason": "Risken bärs inom ramen för verksamheten.",
				}); err != nil {
					return err
				}
				if err := testapp.Update(app, model.Actions, f.Actions["10"], map[string]any{"deadline": "2025-09-30"}); err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "reported", "reported_on": "2025-03-10"})
			},
		},
	})
}
