package web_test

import (
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestControlPageNamesTheOverduePeriods: on 15 March a monthly control of
// an adopted 2025 plan with January reported is overdue for February
// only, and its page says so; with February reported too it is not
// overdue, though March to December lack results.
func TestControlPageNamesTheOverduePeriods(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, s := range []struct {
		name     string
		reported []string
		want     []string
		not      []string
	}{
		{"February missing", []string{"2025-01"},
			[]string{`<strong class="tag tag--red">Försenad</strong> Resultat saknas för 2025-02, som redan skulle ha rapporterats.`}, nil},
		{"every past month reported", []string{"2025-01", "2025-02"}, nil, []string{"Försenad", "Resultat saknas"}},
	} {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			app := testapp.NewWeb(t)
			plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025})
			if err != nil {
				t.Fatal(err)
			}
			c, err := testapp.Create(app, model.Controls, map[string]any{"plan": plan.Id, "number": 1, "title": "Månadsavstämning",
				"frequency": model.FreqMonthly, "owner": f.Users["hr"], "due": "2025-12-31", "method": "genomgang"})
			if err != nil {
				t.Fatal(err)
			}
			if err := testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": model.PlanAdopted,
				"adopted_on": "2025-01-20", "adopted_ref": "IAN § 3"}); err != nil {
				t.Fatal(err)
			}
			for _, p := range s.reported {
				if _, err := testapp.Create(app, model.Results, map[string]any{"control": c.Id, "period": p,
					"outcome": model.OutcomeNoDeviation, "account": "Avstämt."}); err != nil {
					t.Fatal(err)
				}
			}
			page := get(t, handler(t, app), f, "hr", "/controls/"+c.Id)
			for _, w := range s.want {
				if !strings.Contains(page, w) {
					t.Errorf("Expected %q on the control's page", w)
				}
			}
			for _, n := range s.not {
				if strings.Contains(page, n) {
					t.Errorf("Expected no %q on the control's page", n)
				}
			}
		})
	}
}
