package hooks_test

import (
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestRiskOfAReportedActionStays: a risk that an action of a reported
// plan names cannot be deleted (the report states it); one named only by
// an action of a plan still in progress can, and the link goes with it.
func TestRiskOfAReportedActionStays(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, reported := range []bool{false, true} {
		name := "adopted"
		if reported {
			name = "reported"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			app := testapp.New(t)
			a, err := testapp.Create(app, model.Actions, map[string]any{"risk": f.Risk, "plan": f.Plan, "description": "Riskens åtgärd."})
			if err != nil {
				t.Fatal(err)
			}
			if reported {
				if err := completeDemo(app, f, "2025-03-10"); err != nil {
					t.Fatal(err)
				}
			}
			err = testapp.Delete(app, model.Risks, f.Risk)
			switch {
			case reported && (err == nil || !strings.Contains(err.Error(), "en åtgärd i planen för 2024, som är återrapporterad")):
				t.Errorf("Expected the risk kept for the reported plan's action, got %v", err)
			case !reported && err != nil:
				t.Errorf("Expected the risk deleted, got %v", err)
			case !reported && testapp.Find(t, app, model.Actions, a.Id).GetString("risk") != "":
				t.Errorf("Expected the action's link to the deleted risk gone")
			}
		})
	}
}
