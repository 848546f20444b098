package hooks_test

import (
	"fmt"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestRiskScaleIsTheMatrixThePagesDraw: a risk's probability and
// consequence go up to the size of the risk matrix the pages draw
// (model.RiskScale of the settings' risk_scale), and no further — on the
// border too, and whatever the settings hold: a risk_scale the field's own
// limits no longer allow (an administrator changed them in the dashboard)
// is a matrix of 5, as on the pages.
func TestRiskScaleIsTheMatrixThePagesDraw(t *testing.T) {
	t.Parallel()
	for _, stored := range []int{0, 3, 4, 5, 6} {
		t.Run(fmt.Sprintf("risk_scale %d", stored), func(t *testing.T) {
			t.Parallel()
			app := testapp.New(t)
			f := testapp.Fix(t)
			if err := testapp.ForceValues(app, model.Settings, f.Settings, map[string]any{"risk_scale": stored}); err != nil {
				t.Fatal(err)
			}
			n := model.RiskScale(stored)
			for _, field := range []string{"probability", "consequence"} {
				if err := testapp.Update(app, model.RiskAssessments, f.Assessment, map[string]any{field: n}); err != nil {
					t.Errorf("Expected %s %d allowed on a matrix of %d, got %v", field, n, n, err)
				}
				err := testapp.Update(app, model.RiskAssessments, f.Assessment, map[string]any{field: n + 1})
				if _, ok := testapp.FieldErrors(err)[field]; !ok {
					t.Errorf("Expected %s %d refused on a matrix of %d naming the field, got %v", field, n+1, n, err)
				}
			}
		})
	}
}
