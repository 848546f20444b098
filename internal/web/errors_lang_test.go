package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/i18n"
	"ikplan/proof/testapp"
)

// TestRefusedFormsInTheUILanguage: a refused form names each field and
// says what to do, in the UI's language — the Swedish page holds no
// English message and the English page no Swedish one — and the error
// summary lists each message once.
func TestRefusedFormsInTheUILanguage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	type refusal struct {
		name, user, url, body string
		htmx                  string // the HX-Target of an htmx post, or ""
		keys                  []string
	}
	refusals := []refusal{
		{"a risk assessment without probability and consequence", "samordnare", "/risks/" + f.Risk + "/assessments",
			"year=2024&probability=&consequence=", "assess",
			[]string{"ikplan.required.risk_assessments.probability", "ikplan.required.risk_assessments.consequence"}},
		{"a new risk without a title", "samordnare", "/risks", "board=" + f.KS + "&title=", "",
			[]string{"ikplan.required.risks.title"}},
		{"a second plan for a year", "samordnare", "/plans", "board=" + f.KS + "&year=2024", "",
			[]string{"ikplan.plan.year_taken"}},
		{"a deviation without a description", "it", "/controls/" + f.Controls["11"] + "/results/" + f.Results["11"] + "/deviations",
			url.Values{"description": {""}, "root_cause": {"Okänd"}}.Encode(), "",
			[]string{"ikplan.required.deviations.description"}},
	}
	text := func(lang, key string) string {
		return i18n.M(key, "year", 2024).In(lang)
	}
	var scenarios []tests.ApiScenario
	for _, r := range refusals {
		for _, lang := range []string{i18n.Sv, i18n.En} {
			other := i18n.En
			if lang == i18n.En {
				other = i18n.Sv
			}
			cookie := testapp.Cookie(f, r.user)["Cookie"]
			if lang == i18n.En {
				cookie += "; ikplan_lang=en"
			}
			h := map[string]string{"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
			if r.htmx != "" {
				h["HX-Request"], h["HX-Target"] = "true", r.htmx
			}
			var want, notWant []string
			for _, k := range r.keys {
				want = append(want, text(lang, k))
				notWant = append(notWant, text(other, k))
			}
			notWant = append(notWant, "Fältet måste fyllas i.", "This field is required.")
			keys := r.keys
			scenarios = append(scenarios, tests.ApiScenario{
				Name: r.name + " (" + lang + ")", Method: http.MethodPost, URL: r.url, Body: strings.NewReader(r.body), Headers: h,
				ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: append(want, `class="error-summary"`), NotExpectedContent: notWant,
				AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
					page := body(t, res)
					start := strings.Index(page, `class="error-summary"`)
					summary := page[start:]
					summary = summary[:strings.Index(summary, "</ul>")]
					for _, k := range keys {
						if n := strings.Count(summary, text(lang, k)); n != 1 {
							t.Fatalf("Expected %q once in the error summary, got %d times: %s", text(lang, k), n, summary)
						}
					}
				},
			})
		}
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}
}
