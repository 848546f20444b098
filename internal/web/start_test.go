package web_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestStartPage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	scenarios := []tests.ApiScenario{
		{
			Name: "an owner sees their open actions, with the deadline as people write it", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				"Hej Anders Ansvarig", "Mina öppna åtgärder", "Excelfil har tagits fram", "kvartal 2 2025",
				"Det pågår ett kontinuerligt arbete", "Pågår",
			},
			// done actions and other owners' actions are not theirs to do
			NotExpectedContent: []string{"Fakturan har konterats om", "Rutiner bör upprättas", "Förbättrade rutiner i de fall en DDoS-attack"},
		},
		{
			// the confidential control 12's action is overdue
			Name: "the plan's progress names its state in words", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Kommunstyrelsens internkontrollplan 2024", "20 av 20 kontrollpunkter rapporterade", `tag--yellow">2 avvikelser saknar åtgärd`, `tag--red">1 försenad`},
			NotExpectedContent: []string{"Röd", "Grön", "Gul"},
		},
		{
			Name: "a reader's plan: nothing they may see is overdue", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Kommunstyrelsens internkontrollplan 2024", "19 av 19 kontrollpunkter rapporterade", `tag--yellow">2 avvikelser saknar åtgärd`, "Nya rutiner för mätningen av primärkartan"},
			NotExpectedContent: append([]string{"försenad</strong>", "Grön"}, testapp.Secrets...),
		},
		{
			Name: "open significant deviations are listed", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Väsentliga avvikelser", "Nya rutiner för mätningen av primärkartan", "/controls/" + f.Controls["8"], testapp.SecretDeviation},
		},
		{
			Name: "a control not reported by its due date is overdue and lacks a result", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "raddning"), ExpectedStatus: http.StatusOK,
			TestAppFactory: func(t testing.TB) *tests.TestApp {
				app := testapp.WebFactory(t)
				if err := testapp.Delete(app, model.Results, f.Results["5"]); err != nil {
					t.Fatal(err)
				}
				return app
			},
			ExpectedContent: []string{"Mina kontroller att rapportera", "Medel responstid", "Försenad", "19 av 20 kontrollpunkter rapporterade", `tag--blue">1 saknar resultat`},
		},
		{
			Name: "an overdue action shows for its owner", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "it"), ExpectedStatus: http.StatusOK,
			TestAppFactory: func(t testing.TB) *tests.TestApp {
				app := testapp.WebFactory(t)
				if err := testapp.Update(app, model.Actions, f.Actions["11"], map[string]any{"deadline": "2025-02-01", "deadline_precision": "day"}); err != nil {
					t.Fatal(err)
				}
				return app
			},
			ExpectedContent: []string{"Försenat", "Förbättrade rutiner i de fall en DDoS-attack", "2025-02-01", "Försenad"},
		},
		{
			Name: "a user of another board sees nothing of Kommunstyrelsen", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Det finns inga antagna planer.", "Inget är försenat."},
			NotExpectedContent: append([]string{"Kommunstyrelsen", "primärkartan"}, testapp.Secrets...),
		},
		{
			Name: "boosted navigation gets the whole page", Method: http.MethodGet, URL: "/",
			Headers:        with(testapp.Cookie(f, "ansvarig"), "HX-Request", "true", "HX-Boosted", "true"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<html", `aria-current="page"`},
		},
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WebFactory
		}
		s.Test(t)
	}
}
