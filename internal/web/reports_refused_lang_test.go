package web_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/proof/testapp"
)

// TestDocumentRefusalsInTheUILanguage: a document that cannot be written
// says why in the UI's language — a format it does not know, a plan
// without results, a year without plans for the roll-up — and the English
// page holds none of the Swedish sentence.
func TestDocumentRefusalsInTheUILanguage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	english := map[string]string{"Cookie": testapp.Cookie(f, "samordnare")["Cookie"] + "; ikplan_lang=en"}
	scenarios := []tests.ApiScenario{
		{
			Name: "an unknown format", Method: http.MethodGet, URL: "/reports/followup/download?board=" + f.KS + "&year=2024&format=odt",
			Headers: english, ExpectedStatus: http.StatusBadRequest,
			ExpectedContent:    []string{"&#34;odt&#34; cannot be written: unknown format – choose one of:", " html"},
			NotExpectedContent: []string{"okänt format"},
		},
		{
			Name: "a plan without results", Method: http.MethodGet, URL: "/reports/followup?board=" + f.IAN + "&year=2025",
			Headers: english, BeforeTestFunc: addEmptyPlan(f), ExpectedStatus: http.StatusConflict,
			ExpectedContent:    []string{"The internal control plan 2025 of Individ- och arbetsmarknadsnämnden has no results yet – the follow-up can be written"},
			NotExpectedContent: []string{"har inga resultat"},
		},
		{
			Name: "the memo of a plan without results", Method: http.MethodGet, URL: "/reports/memo?board=" + f.IAN + "&year=2025",
			Headers: english, BeforeTestFunc: addEmptyPlan(f), ExpectedStatus: http.StatusConflict,
			ExpectedContent:    []string{"has no results yet – the memorandum can be written"},
			NotExpectedContent: []string{"har inga resultat"},
		},
		{
			Name: "no roll-up for a year without plans", Method: http.MethodGet, URL: "/reports/rollup?year=2019",
			Headers: english, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"There is no internal control plan for 2019 to put together."},
			NotExpectedContent: []string{"att sammanställa"},
		},
		{
			Name: "no roll-up to download for a year without plans", Method: http.MethodGet, URL: "/reports/rollup/download?year=2019&format=html",
			Headers: english, ExpectedStatus: http.StatusNotFound,
			ExpectedContent:    []string{"There is no internal control plan for 2019 to put together."},
			NotExpectedContent: []string{"att sammanställa"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}
}
