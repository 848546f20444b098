package report_test

import (
	"strings"
	"testing"

	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// TestPublicRollUpCountsNothingConfidential: with the fixture's significant
// deviation and overdue open action under the confidential control 12, the
// internal roll-up counts and shows them and the public one counts nothing
// of the control — not its result, its deviation nor its action — and
// names none of it.
func TestPublicRollUpCountsNothingConfidential(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
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
	for _, secret := range []string{testapp.SecretTitle, testapp.SecretAction} {
		if !strings.Contains(internal.Text(), secret) {
			t.Errorf("Expected %q in the internal roll-up", secret)
		}
	}
	if leaks := testapp.Leaks(public.Text()); leaks != nil {
		t.Errorf("Expected nothing confidential in the public roll-up, got %q", leaks)
	}
}
