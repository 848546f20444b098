package hooks_test

import (
	"fmt"
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestRefusalNamesTheFirstFiveProblems: a plan that cannot be adopted is
// refused with one sentence that names each problem up to five, and says
// how many more there are only when there are more.
func TestRefusalNamesTheFirstFiveProblems(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, n := range []int{1, 4, 5, 6, 8} {
		t.Run(fmt.Sprintf("%d controls without an owner", n), func(t *testing.T) {
			t.Parallel()
			app := testapp.New(t)
			plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2026})
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i <= n; i++ {
				if _, err := testapp.Create(app, model.Controls, map[string]any{
					"plan": plan.Id, "number": i, "title": "Kontroll", "frequency": model.FreqYearly,
					"due": "2026-11-30", "method": "stickprov"}); err != nil { // only the owner missing
					t.Fatal(err)
				}
			}
			err = testapp.Update(app, model.Plans, plan.Id, map[string]any{
				"status": model.PlanAdopted, "adopted_on": "2025-03-01", "adopted_ref": "§ 12, dnr IAN 2025/7"})
			msg := testapp.FieldErrors(err)["status"]
			if got, want := strings.Count(msg, "saknar ansvarig"), min(n, 5); got != want {
				t.Errorf("Expected %d controls named, got %d: %q", want, got, msg)
			}
			more := fmt.Sprintf(" och %d till.", n-5)
			if n > 5 && !strings.HasSuffix(msg, more) {
				t.Errorf("Expected the message to end %q, got %q", more, msg)
			}
			if n <= 5 && (strings.Contains(msg, " till.") || !strings.HasSuffix(msg, "saknar ansvarig.")) {
				t.Errorf("Expected the message to end with the last control, got %q", msg)
			}
		})
	}
}
