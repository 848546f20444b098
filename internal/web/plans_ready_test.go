package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// getEn is a page in the English UI.
func getEn(t *testing.T, h http.Handler, f *testapp.Fixture, user, url string) string {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, url, nil)
	req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[user]})
	req.AddCookie(&http.Cookie{Name: "ikplan_lang", Value: "en"})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("Expected 200 for %s as %s, got %d", url, user, rec.Code)
	}
	return rec.Body.String()
}

// The forms that move a plan on, as the page writes them.
const (
	adoptForm  = `name="status" value="adopted"`
	reportForm = `name="status" value="reported"`
)

// TestPlanPageIsATaskList walks a plan through its life and checks that
// its page leads with the plan's steps, each with its status; that the
// step the plan stands at lists what remains, linked to the control where
// it is put right; that the form of a step appears only when the step can
// be taken; and that a reader sees the steps but no form.
func TestPlanPageIsATaskList(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2025, "title": "Utkast 2025"})
	if err != nil {
		t.Fatal(err)
	}
	url := "/plans/" + plan.Id
	expect := func(step, user, page string, want, notWant []string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s, %s: Expected the page to contain %q", step, user, w)
			}
		}
		for _, w := range notWant {
			if strings.Contains(page, w) {
				t.Errorf("%s, %s: Expected the page not to contain %q", step, user, w)
			}
		}
	}
	leads := func(step, page string) {
		t.Helper()
		if s, c := strings.Index(page, `id="steps"`), strings.Index(page, `id="controls"`); s < 0 || c < 0 || s > c {
			t.Errorf("%s: Expected the steps (at %d) before the controls (at %d)", step, s, c)
		}
	}

	// an empty draft: step 1 to do, no adoption offered
	page := get(t, h, f, "samordnare", url)
	leads("empty draft", page)
	expect("empty draft", "samordnare", page,
		[]string{`class="task-list"`, "Nästa steg: Kontrollpunkter", "Planen har inga kontrollpunkter.", "Kan inte börja än", "Att göra"},
		[]string{adoptForm, reportForm, "Markera som återrapporterad"})

	// a control without due date and method: both listed, linked to it
	control, err := testapp.Create(app, model.Controls, map[string]any{"plan": plan.Id, "number": 1, "title": "Leverantörsfakturor",
		"frequency": model.FreqYearly, "owner": f.Users["ansvarig"]})
	if err != nil {
		t.Fatal(err)
	}
	page = get(t, h, f, "samordnare", url)
	expect("incomplete draft", "samordnare", page,
		[]string{`<a href="/controls/` + control.Id + `">Kontrollpunkt 1 saknar datum för rapportering.</a>`,
			`<a href="/controls/` + control.Id + `">Kontrollpunkt 1 saknar metod.</a>`, "2 saknas", "Kan inte börja än"},
		[]string{adoptForm, "saknar ansvarig"})
	page = getEn(t, h, f, "samordnare", url)
	expect("incomplete draft in English", "samordnare", page,
		[]string{"The plan&#39;s steps", "Control 1 has no due date.", "Control 1 has no method.", "2 missing", "Cannot start yet"},
		[]string{"saknar", "Kan inte börja än", "Planens steg"})

	// complete: the adoption is the next step, and its form is there
	if err := testapp.Update(app, model.Controls, control.Id, map[string]any{"due": "2025-11-30", "method": "stickprov"}); err != nil {
		t.Fatal(err)
	}
	page = get(t, h, f, "samordnare", url)
	expect("complete draft", "samordnare", page, []string{"Nästa steg: Anta planen", adoptForm}, []string{"Det här återstår", reportForm})
	expect("complete draft", "lasare", get(t, h, f, "lasare", url), []string{`class="task-list"`, "Nästa steg: Anta planen"},
		[]string{adoptForm, `/status"`})

	// adopted: the follow-up is the step, the report to the board cannot start
	if err := testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": model.PlanAdopted, "adopted_on": "2025-02-01", "adopted_ref": "KS § 9"}); err != nil {
		t.Fatal(err)
	}
	page = get(t, h, f, "samordnare", url)
	leads("adopted", page)
	expect("adopted", "samordnare", page,
		[]string{"Nästa steg: Följ upp", `<a href="/controls/` + control.Id + `">Kontrollpunkt 1 saknar resultat för 2025.</a>`, "Kan inte börja än"},
		[]string{reportForm, "Markera som återrapporterad"})

	// reported on: the report to the board is the step, and its form is there
	if _, err := testapp.Create(app, model.Results, map[string]any{"control": control.Id, "period": "2025", "performed_on": "2025-03-01",
		"account": "Alla fakturor attesterade.", "outcome": model.OutcomeNoDeviation}); err != nil {
		t.Fatal(err)
	}
	page = get(t, h, f, "samordnare", url)
	expect("ready to report", "samordnare", page, []string{"Nästa steg: Återrapportera", reportForm}, []string{"Det här återstår", "Kan inte börja än"})
	expect("ready to report", "lasare", get(t, h, f, "lasare", url), []string{"Nästa steg: Återrapportera"}, []string{reportForm, `/status"`})

	// the demo's plan: the form is there exactly when nothing stands in the way
	ready, err := model.PlanReadiness(app, testapp.Find(t, app, model.Plans, f.Plan), testapp.Today)
	if err != nil {
		t.Fatal(err)
	}
	page = get(t, h, f, "samordnare", "/plans/"+f.Plan)
	if got := strings.Contains(page, reportForm); got != ready.Ready() {
		t.Errorf("demo plan: Expected the report form shown = %v (blockers %v), got %v", ready.Ready(), ready.Blockers, got)
	}
	for _, b := range ready.Blockers[:min(10, len(ready.Blockers))] {
		if !strings.Contains(page, `<a href="/controls/`+b.Control+`">`) {
			t.Errorf("demo plan: Expected the blocker %v linked to its control", b)
		}
	}
}
