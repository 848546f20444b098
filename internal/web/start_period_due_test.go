package web_test

import (
	"slices"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/internal/web"
	"ikplan/proof/testapp"
)

// quarterlyControls adopts a 2025 plan of IAN with two quarterly controls of Hanna
// HR-chef, due 2025-12-31: "Kvartal A" with Q1 reported, "Kvartal B" with
// Q1 and Q2 reported. It returns their ids.
func quarterlyControls(t *testing.T, app core.App, f *testapp.Fixture) (a, b string) {
	t.Helper()
	plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025, "title": "IAN 2025"})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for i, title := range []string{"Kvartal A", "Kvartal B"} {
		c, err := testapp.Create(app, model.Controls, map[string]any{"plan": plan.Id, "number": i + 1, "title": title,
			"frequency": model.FreqQuarterly, "owner": f.Users["hr"], "due": "2025-12-31", "method": "genomgang"})
		if err != nil {
			t.Fatal(err)
		}
		ids[title] = c.Id
	}
	if err := testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": model.PlanAdopted,
		"adopted_on": "2025-01-20", "adopted_ref": "IAN § 3"}); err != nil {
		t.Fatal(err)
	}
	for title, periods := range map[string][]string{"Kvartal A": {"Q1 2025"}, "Kvartal B": {"Q1 2025", "Q2 2025"}} {
		for _, p := range periods {
			if _, err := testapp.Create(app, model.Results, map[string]any{"control": ids[title], "period": p,
				"outcome": model.OutcomeNoDeviation, "performed_on": "2025-03-15", "account": "Granskat."}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return ids["Kvartal A"], ids["Kvartal B"]
}

// TestPeriodsFallDueOnTheStartPage: on 15 August a quarterly control with
// Q1 reported and Q2 missing is overdue for Q2 (due 30 June), and one with
// Q1 and Q2 reported is not overdue although Q3 and Q4 lack results — on the
// owner's and the coordinator's overdue lists of the start page, and in the
// overview's count. (Moved from internal/remind's
// TestPeriodsFallDueAtTheirEnds with the overview, issue 16 point 10.)
func TestPeriodsFallDueOnTheStartPage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	now := time.Date(2025, 8, 15, 6, 0, 0, 0, remind.Stockholm())
	user, err := app.FindRecordById(model.Users, f.Users["hr"])
	if err != nil {
		t.Fatal(err)
	}
	before, err := remind.CountDue(app, user, now)
	if err != nil {
		t.Fatal(err)
	}
	a, b := quarterlyControls(t, app, f)

	o, err := web.NewOverview(app, user, now, remind.DefaultDays)
	if err != nil {
		t.Fatal(err)
	}
	part, err := o.List(web.ListOverdue, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var overdue []string
	for _, it := range part.Items {
		overdue = append(overdue, it.Id)
	}
	if !slices.Contains(overdue, a) || slices.Contains(overdue, b) {
		t.Errorf("Expected A and not B on the overdue list, got %v (A %s, B %s)", overdue, a, b)
	}

	// the coordinator's overdue list: everyone's, counted and listed in SQL
	coord, err := app.FindRecordById(model.Users, f.Users["samordnare"])
	if err != nil {
		t.Fatal(err)
	}
	co, err := web.NewOverview(app, coord, now, remind.DefaultDays)
	if err != nil {
		t.Fatal(err)
	}
	cpart, err := co.List(web.ListOverdue, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var everyone []string
	for _, it := range cpart.Items {
		everyone = append(everyone, it.Id)
	}
	if !slices.Contains(everyone, a) || slices.Contains(everyone, b) {
		t.Errorf("Expected A and not B on the coordinator's overdue list, got %v", everyone)
	}

	if n, err := remind.CountDue(app, user, now); err != nil || n != before+1 {
		t.Errorf("Expected the menu's count %d + 1 (A), got %d (%v)", before, n, err)
	}
	if n, err := o.DueCount(); err != nil || n != before+1 {
		t.Errorf("Expected the overview's count %d + 1 (A), got %d (%v)", before, n, err)
	}

}
