package hooks_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/hooks"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestReportNeedsEveryResult: a plan is marked reported only when every
// control has its result; the refusal names the control and the period
// it lacks.
func TestReportNeedsEveryResult(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	res, err := app.FindFirstRecordByFilter(model.Results,
		"control.plan = {:plan} && control.frequency = 'yearly' && outcome = 'no_deviation'", dbx.Params{"plan": f.Plan})
	if err != nil {
		t.Fatalf("Expected a yearly control's result in the KS plan: %v", err)
	}
	control := testapp.Find(t, app, model.Controls, res.GetString("control"))
	if err := app.Delete(res); err != nil {
		t.Fatal(err)
	}
	err = completeDemo(app, f, "2025-03-10")
	msg := testapp.FieldErrors(err)["status"]
	if want := "kontrollpunkt " + control.GetString("number") + " saknar resultat för 2024"; !strings.Contains(msg, want) {
		t.Fatalf("Expected the refusal to say %q, got %v", want, err)
	}
	if got := testapp.Find(t, app, model.Plans, f.Plan).GetString("status"); got != model.PlanAdopted {
		t.Fatalf("Expected the plan still adopted, got %s", got)
	}
}

// TestReportGapsInEitherLanguage: the gaps that keep a plan from being
// reported read in the language asked for, English without Swedish.
func TestReportGapsInEitherLanguage(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	res, err := app.FindFirstRecordByFilter(model.Results,
		"control.plan = {:plan} && control.frequency = 'yearly' && outcome = 'no_deviation'", dbx.Params{"plan": f.Plan})
	if err != nil {
		t.Fatal(err)
	}
	control := testapp.Find(t, app, model.Controls, res.GetString("control"))
	if err := app.Delete(res); err != nil {
		t.Fatal(err)
	}
	plan := testapp.Find(t, app, model.Plans, f.Plan)
	for lang, want := range map[string]string{
		i18n.Sv: "kontrollpunkt " + control.GetString("number") + " saknar resultat för 2024",
		i18n.En: "control " + control.GetString("number") + " has no result for 2024",
	} {
		gaps := hooks.ReportGaps(app, plan, lang)
		if !slices.ContainsFunc(gaps, func(g string) bool { return strings.Contains(g, want) }) {
			t.Errorf("Expected the gaps in %s to say %q, got %q", lang, want, gaps)
		}
		if lang == i18n.En && strings.ContainsAny(strings.Join(gaps, " "), "åäöÅÄÖ") {
			t.Errorf("Expected the English gaps without Swedish, got %q", gaps)
		}
	}
}
