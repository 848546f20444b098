package templates_test

import (
	"context"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// The start page counts in the number it counts, in both languages: one
// board's bar with 0, 1 and 2 of everything, and a plan's progress of one
// control and of two (issue 14: "1 försenade åtgärder").
func TestStartPageCountsInTheirNumber(t *testing.T) {
	t.Parallel()
	plan := func(title string) *core.Record {
		r := core.NewRecord(core.NewBaseCollection(model.Plans))
		model.AsPlan(r).SetTitle(title)
		return r
	}
	v := templates.StartView{
		Plans: []templates.PlanProgress{
			{Plan: plan("En kontroll"), Board: "A", Reported: 1, Total: 1},
			{Plan: plan("Två kontroller"), Board: "B", Reported: 1, Total: 2},
		},
		Boards: []templates.BoardProgress{
			{Board: "Noll", Controls: 0},
			{Board: "Ett", Controls: 1, Reported: 1, Significant: 1, LateActions: 1},
			{Board: "Två", Controls: 2, Reported: 2, Significant: 2, LateActions: 2},
		},
	}
	scenarios := []struct {
		lang      string
		want, not []string
	}{
		{i18n.Sv, []string{
			"Noll: 0 av 0 kontrollpunkter rapporterade, 0 öppna väsentliga avvikelser, 0 försenade åtgärder.",
			"Ett: 1 av 1 kontrollpunkt rapporterad, 1 öppen väsentlig avvikelse, 1 försenad åtgärd.",
			"Två: 2 av 2 kontrollpunkter rapporterade, 2 öppna väsentliga avvikelser, 2 försenade åtgärder.",
			"1 av 1 kontrollpunkt rapporterad</td>", "1 av 2 kontrollpunkter rapporterade</td>",
		}, []string{"1 försenade", "1 öppna", "1 kontrollpunkter"}},
		{i18n.En, []string{
			"Noll: 0 of 0 controls reported, 0 open significant deviations, 0 overdue actions.",
			"Ett: 1 of 1 control reported, 1 open significant deviation, 1 overdue action.",
			"Två: 2 of 2 controls reported, 2 open significant deviations, 2 overdue actions.",
			"1 of 1 control reported</td>", "1 of 2 controls reported</td>",
		}, []string{"1 overdue actions", "1 open significant deviations", "1 controls"}},
	}
	for _, s := range scenarios {
		t.Run(s.lang, func(t *testing.T) {
			t.Parallel()
			var b strings.Builder
			if err := templates.Start(templates.Page{Lang: s.lang}, v).Render(context.Background(), &b); err != nil {
				t.Fatal(err)
			}
			for _, w := range s.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("Expected %q on the start page, got none", w)
				}
			}
			for _, n := range s.not {
				if strings.Contains(b.String(), n) {
					t.Errorf("Expected no %q on the start page, got it", n)
				}
			}
		})
	}
}

// A reminder's days are counted in their number: "Om 1 dag", "Om 2 dagar".
func TestDaysInTheirNumber(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{{i18n.Sv, 1, "Om 1 dag"}, {i18n.Sv, 2, "Om 2 dagar"}, {i18n.En, 1, "In 1 day"}, {i18n.En, 2, "In 2 days"}} {
		if got := i18n.N(c.lang, "start.due_in", c.n, c.n); got != c.want {
			t.Errorf("Expected %q, got %q", c.want, got)
		}
	}
}
