package web_test

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// insertRisks writes n risks of a board straight into the table, each
// assessed 4 × 4 in 2024, as the hooks would have stored them: through the
// hooks a hundred take too long.
func insertRisks(t testing.TB, app core.App, board, prefix string, n int) {
	t.Helper()
	err := app.RunInTransaction(func(tx core.App) error {
		for i := range n {
			id := fmt.Sprintf("%s%0*d", prefix, 15-len(prefix), i)
			at := "2025-01-01 00:00:00.000Z"
			if _, err := tx.DB().Insert(model.Risks, dbx.Params{"id": id, "board": board, "title": fmt.Sprintf("Risk %s", id),
				"status": "active", "created": at, "updated": at}).Execute(); err != nil {
				return err
			}
			if _, err := tx.DB().Insert(model.RiskAssessments, dbx.Params{"id": "a" + id[1:], "risk": id, "year": 2024,
				"probability": 4, "consequence": 4, "value": 16, "created": at, "updated": at}).Execute(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("failed to write the risks: %v", err)
	}
}

// TestRiskRegisterPaged: the register lists whole boards, about a hundred
// risks a page, while the matrix counts the risks of every page; a board
// or a cell chosen narrows both.
func TestRiskRegisterPaged(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	more := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		insertRisks(t, app, f.IAN, "ian", 3)
		insertRisks(t, app, f.KS, "ks", 100)
	}
	rows := func(board string, want int) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
			body, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			// the written ids, the prefix and digits only: the fixture's own
			// risk has a random id, which may begin with the prefix
			if n := len(regexp.MustCompile(`<a href="/risks/`+board+`[0-9]+[^a-z0-9]`).FindAllIndex(body, -1)); n != want {
				t.Fatalf("Expected %d risks of %s listed, got %d", want, board, n)
			}
		}
	}
	// the 103 written in cell 4 × 4, seen from every page
	cell44 := `aria-label="103 hög – Sannolikhet 4, konsekvens 4: 103 risker, hög"`
	scenarios := []tests.ApiScenario{
		{
			Name: "page 1: the first board in name order, whole", Method: http.MethodGet, URL: "/risks?year=2024",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{cell44, "<caption>Individ- och arbetsmarknadsnämnden</caption>", "Sida 1 av 2 (hela nämnder per sida)",
				`<a href="/risks?year=2024&amp;page=2#list" rel="next">Nästa sida</a>`, `aria-label="Sidor i riskregistret"`},
			NotExpectedContent: []string{"<caption>Kommunstyrelsen</caption>", `rel="prev"`},
			AfterTestFunc:      rows("ian", 3),
		},
		{
			Name: "page 2: the next board, with every one of its risks", Method: http.MethodGet, URL: "/risks?year=2024&page=2",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{cell44, "<caption>Kommunstyrelsen</caption>", "Felaktig kontering av representation",
				"Sida 2 av 2", `<a href="/risks?year=2024#list" rel="prev">Föregående sida</a>`},
			NotExpectedContent: []string{"<caption>Individ- och arbetsmarknadsnämnden</caption>", `rel="next"`},
			AfterTestFunc:      rows("ks", 100),
		},
		{
			Name: "a board chosen: its register and its matrix, one page", Method: http.MethodGet, URL: "/risks?year=2024&board=" + f.IAN,
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`aria-label="3 hög – Sannolikhet 4, konsekvens 4: 3 risker, hög"`, "<caption>Individ- och arbetsmarknadsnämnden</caption>"},
			NotExpectedContent: []string{"Kommunstyrelsen</caption>", `class="pager"`},
			AfterTestFunc:      rows("ian", 3),
		},
		{
			Name: "a cell chosen: its risks, paged by board the same way", Method: http.MethodGet, URL: "/risks?year=2024&p=3&c=2",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Visar risker med sannolikhet 3 och konsekvens 2.", "Felaktig kontering av representation</a>", cell44},
			NotExpectedContent: []string{`class="pager"`, "Risk ks", "Risk ian"},
		},
		{
			Name: "a page past the end shows the last", Method: http.MethodGet, URL: "/risks?year=2024&page=9",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Sida 2 av 2", "<caption>Kommunstyrelsen</caption>"},
		},
		{
			Name: "a reader of one board counts and lists only that board's", Method: http.MethodGet, URL: "/risks?year=2024",
			Headers: testapp.Cookie(f, "annan"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`aria-label="3 hög – Sannolikhet 4, konsekvens 4: 3 risker, hög"`},
			NotExpectedContent: []string{"Kommunstyrelsen", `class="pager"`},
			AfterTestFunc:      rows("ian", 3),
		},
		{
			Name: "the years from the first assessed to the last, and this year", Method: http.MethodGet, URL: "/risks",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				insertRisks(t, app, f.KS, "old", 1)
				if _, err := app.DB().Update(model.RiskAssessments, dbx.Params{"year": 2021}, dbx.HashExp{"risk": "old000000000000"}).Execute(); err != nil {
					t.Fatal(err)
				}
			},
			ExpectedContent:    []string{`<option value="2021">`, `<option value="2022">`, `<option value="2024" selected>`, `<option value="2025">`},
			NotExpectedContent: []string{`<option value="2020">`, `<option value="2026">`},
		},
		{
			Name: "a coordinator of one board may add risks to that board only", Method: http.MethodGet, URL: "/risks",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				if err := testapp.Update(app, model.Users, f.Users["samordnare"], map[string]any{"boards": []string{f.KS}}); err != nil {
					t.Fatal(err)
				}
			},
			ExpectedContent:    []string{`<h2 id="new-risk">Ny risk</h2>`, `<option value="` + f.KS + `"`, `<option value="` + f.Unit + `"`},
			NotExpectedContent: []string{`<option value="` + f.IAN + `"`},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = withoutDemoRisks // the fixture's one risk (demo_risks_test.go)
		s.Test(t)
	}
}
