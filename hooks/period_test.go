package hooks_test

import (
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestResultPeriodFollowsFrequency: a result of a control reported more
// often than yearly is given for one of its periods; only "not performed"
// may be given for the whole year at once.
func TestResultPeriodFollowsFrequency(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	scenarios := []struct {
		outcome, period string
		allowed         bool
	}{
		{model.OutcomeNoDeviation, "Q1 2025", true},
		{model.OutcomeNotPerformed, "Q2 2025", true},
		{model.OutcomeNotPerformed, "2025", true},
		{model.OutcomeNoDeviation, "2025", false},
		{model.OutcomeDeviation, "2025", false},
		{model.OutcomeNotPerformed, "2025-03", false},
		{model.OutcomeNotPerformed, "H1 2025", false},
		{model.OutcomeNoDeviation, "Q1 2024", false},
	}
	for _, s := range scenarios {
		t.Run(s.outcome+" "+s.period, func(t *testing.T) {
			t.Parallel()
			app := testapp.New(t)
			plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025})
			if err != nil {
				t.Fatal(err)
			}
			control, err := testapp.Create(app, model.Controls, map[string]any{
				"plan": plan.Id, "number": 1, "title": "Kvartalsvis", "frequency": model.FreqQuarterly, "owner": f.Users["hr"],
				"due": "2025-11-30", "method": "stickprov"}) // what adoption needs (model.ReadinessOf)
			if err != nil {
				t.Fatal(err)
			}
			if err := testapp.Update(app, model.Plans, plan.Id, map[string]any{
				"status": model.PlanAdopted, "adopted_on": "2025-01-20", "adopted_ref": "§ 3, dnr IAN 2025/4"}); err != nil {
				t.Fatal(err)
			}
			_, err = testapp.Create(app, model.Results, map[string]any{"control": control.Id, "period": s.period,
				"outcome": s.outcome, "not_performed_reason": "Personalbrist.", "account": "Granskat."})
			_, refused := testapp.FieldErrors(err)["period"]
			switch {
			case s.allowed && err != nil:
				t.Errorf("Expected %s for %s allowed, got %v", s.outcome, s.period, err)
			case !s.allowed && !refused:
				t.Errorf("Expected %s for %s refused naming the period, got %v", s.outcome, s.period, err)
			}
		})
	}
}
