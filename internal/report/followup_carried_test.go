package report_test

import (
	"strings"
	"testing"

	"ikplan/hooks"
	"ikplan/internal/carry"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// TestFollowUpSaysAnActionContinues: once the unfinished actions are
// continued in next year's plan, the 2024 follow-up says of each that it
// continues in the 2025 plan, the plan can be marked reported (the gate
// counts a continued action as the deviation's action).
func TestFollowUpSaysAnActionContinues(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	// the significant deviations' actions get deadlines, so that the plan
	// could be reported before the carry
	for _, key := range []string{"8", "10"} {
		if err := testapp.Update(app, model.Actions, f.Actions[key], map[string]any{"deadline": "2025-06-30", "deadline_precision": "quarter"}); err != nil {
			t.Fatal(err)
		}
	}
	gaps := hooks.ReportGaps(app, testapp.Find(t, app, model.Plans, f.Plan), i18n.Sv)
	pv, err := carry.Preview(app, f.Plan)
	if err != nil {
		t.Fatal(err)
	}
	decisions := map[string]carry.Decision{}
	for _, a := range pv.Unfinished {
		decisions[a.Id] = carry.Decision{Kind: carry.DecideContinue}
	}
	if _, err := carry.Apply(app, model.System, f.Plan, decisions); err != nil {
		t.Fatal(err)
	}
	d, err := report.FollowUp(app, f.KS, 2024, false)
	if err != nil {
		t.Fatal(err)
	}
	var notes []string
	for _, b := range d.Blocks {
		if b.Paragraph != nil && b.Paragraph.Style == "note" {
			notes = append(notes, b.Paragraph.Text)
		}
	}
	all := strings.Join(notes, "\n")
	for _, want := range []string{
		"Ansvarig: Anders Ansvarig. Tidplan: kvartal 2 2025. Status: Fortsätter i planen för 2025.",
		"Ansvarig: Hanna HR-chef. Status: Fortsätter i planen för 2025.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("Expected %q in the follow-up's action notes, got\n%s", want, all)
		}
	}
	if strings.Contains(all, "Status: Pågår") || strings.Contains(all, "Status: Planerad") {
		t.Errorf("Expected no continued action still open in 2024, got\n%s", all)
	}
	if after := hooks.ReportGaps(app, testapp.Find(t, app, model.Plans, f.Plan), i18n.Sv); strings.Join(after, ";") != strings.Join(gaps, ";") {
		t.Errorf("Expected the same gaps before and after the carry, got %v → %v", gaps, after)
	}
	if err := testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": model.PlanReported,
		"reported_on": "2025-03-01", "reported_ref": "KS § 30"}); err != nil {
		t.Errorf("Expected the 2024 plan reported with its actions continued, got %v", err)
	}
}
