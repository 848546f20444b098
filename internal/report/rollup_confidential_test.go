package report_test

import (
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/internal/testapp"
)

// TestPublicRollUpCountsNothingConfidential: with a significant deviation
// and an open action under the confidential control 12, the internal
// roll-up counts them and the public one counts nothing of the control —
// not its result, its deviation nor its action — and names none of it.
func TestPublicRollUpCountsNothingConfidential(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	if err := testapp.Update(app, model.Results, f.Results["12"], map[string]any{"outcome": model.OutcomeDeviation}); err != nil {
		t.Fatal(err)
	}
	dev, err := testapp.Create(app, model.Deviations, map[string]any{
		"result": f.Results["12"], "description": "Brandväggens regelverk släpper igenom trafik.", "significant": true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := testapp.Create(app, model.Actions, map[string]any{
		"deviation": dev.Id, "description": "Skriv om brandväggens regelverk.", "owner": f.Users["it"],
		"deadline": "2025-01-31", "deadline_precision": "day",
	}); err != nil {
		t.Fatal(err)
	}
	internal, err := report.RollUp(app, 2024, false, testapp.Today)
	if err != nil {
		t.Fatal(err)
	}
	public, err := report.RollUp(app, 2024, true, testapp.Today)
	if err != nil {
		t.Fatal(err)
	}
	// controls, with a result, performed, deviations, significant, open
	// actions, overdue (the confidential action's deadline has passed)
	if got, want := summary(t, internal)[0][1:], []string{"20", "20", "13", "9", "5", "6", "1"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Expected the internal roll-up to count the confidential control's items %q, got %q", want, got)
	}
	if got, want := summary(t, public)[0][1:], []string{"19", "19", "12", "8", "4", "5", "0"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Expected the public roll-up to count nothing of the confidential control %q, got %q", want, got)
	}
	for _, secret := range []string{"Cyberangrepp", "Brandväggens regelverk", "brandväggens regelverk"} {
		if strings.Contains(public.Text(), secret) {
			t.Errorf("Expected %q nowhere in the public roll-up", secret)
		}
	}
}
