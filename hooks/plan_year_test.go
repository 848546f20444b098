package hooks_test

import (
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestPlanYearChangesOnlyInDraft: a draft plan's year may still change,
// and its controls' next period due follows; once the plan is adopted (or
// later) it is the year the board decided.
func TestPlanYearChangesOnlyInDraft(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	draft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2026})
	if err != nil {
		t.Fatal(err)
	}
	control, err := testapp.Create(app, model.Controls, map[string]any{
		"plan": draft.Id, "number": 1, "title": "Kvartalsvis", "frequency": model.FreqQuarterly})
	if err != nil {
		t.Fatal(err)
	}
	if got := testapp.Find(t, app, model.Controls, control.Id).GetString("next_period"); got != "Q1 2026" {
		t.Fatalf("Expected the control's next period Q1 2026, got %q", got)
	}
	if err := testapp.Update(app, model.Plans, draft.Id, map[string]any{"year": 2027}); err != nil {
		t.Errorf("Expected a draft's year to change, got %v", err)
	}
	if got := testapp.Find(t, app, model.Plans, draft.Id).GetInt("year"); got != 2027 {
		t.Errorf("Expected the draft for 2027, got %d", got)
	}
	c := testapp.Find(t, app, model.Controls, control.Id)
	if got, due := c.GetString("next_period"), c.GetDateTime("next_due"); got != "Q1 2027" || due.IsZero() || due.Time().Year() != 2027 {
		t.Errorf("Expected the control's next period Q1 2027, due in 2027, got %q due %v", got, due)
	}
	for _, status := range []string{model.PlanAdopted, model.PlanReported, model.PlanArchived} {
		if err := testapp.ForceStatus(app, f.Plan, status); err != nil {
			t.Fatal(err)
		}
		err := testapp.Update(app, model.Plans, f.Plan, map[string]any{"year": 2023})
		if _, ok := testapp.FieldErrors(err)["year"]; !ok {
			t.Errorf("Expected the year of a plan %s refused naming year, got %v", status, err)
		}
		if got := testapp.Find(t, app, model.Plans, f.Plan).GetInt("year"); got != 2024 {
			t.Errorf("Expected the %s plan to stay 2024, got %d", status, got)
		}
	}
}

// TestPlanYearKeepsDueDatesInIt: a control's due date lies in its plan's
// year, so a draft's year does not change while a control's due date lies
// in the old one; the refusal names the control and its date. Once the
// dates are gone the year changes, and dates of the new year are taken.
func TestPlanYearKeepsDueDatesInIt(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	draft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2026})
	if err != nil {
		t.Fatal(err)
	}
	dated, err := testapp.Create(app, model.Controls, map[string]any{
		"plan": draft.Id, "number": 1, "title": "Med datum", "frequency": model.FreqYearly, "due": "2026-06-30"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := testapp.Create(app, model.Controls, map[string]any{
		"plan": draft.Id, "number": 2, "title": "Utan datum", "frequency": model.FreqYearly}); err != nil {
		t.Fatal(err)
	}
	err = testapp.Update(app, model.Plans, draft.Id, map[string]any{"year": 2027})
	if msg := testapp.FieldErrors(err)["year"]; !strings.Contains(msg, "kontrollpunkt 1 (2026-06-30)") {
		t.Fatalf("Expected the year refused naming control 1 and its date, got %v", err)
	}
	if got := testapp.Find(t, app, model.Plans, draft.Id).GetInt("year"); got != 2026 {
		t.Fatalf("Expected the draft to stay 2026, got %d", got)
	}
	if err := testapp.Update(app, model.Controls, dated.Id, map[string]any{"due": ""}); err != nil {
		t.Fatal(err)
	}
	if err := testapp.Update(app, model.Plans, draft.Id, map[string]any{"year": 2027}); err != nil {
		t.Fatalf("Expected the year changed once no date lies in 2026, got %v", err)
	}
	if err := testapp.Update(app, model.Controls, dated.Id, map[string]any{"due": "2027-06-30"}); err != nil {
		t.Fatalf("Expected a due date in 2027 taken, got %v", err)
	}
}
