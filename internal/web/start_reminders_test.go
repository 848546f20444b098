package web_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// navCount is the start link as the menu shows it with a count.
func navCount(n string) string {
	return `Start<span class="nav-count"> (` + n + `<span class="visually-hidden"> försenade eller ska vara klara i dag</span>)</span>`
}

// withDeadlines is WebFactory with the actions' deadlines set (control key → date).
func withDeadlines(f *testapp.Fixture, deadlines map[string]string) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := testapp.WebFactory(t)
		for key, d := range deadlines {
			if err := testapp.Update(app, model.Actions, f.Actions[key], map[string]any{"deadline": d, "deadline_precision": "day"}); err != nil {
				t.Fatal(err)
			}
		}
		return app
	}
}

func TestStartReminders(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	// the tests' clock is 2025-03-15
	scenarios := []tests.ApiScenario{
		{
			Name: "the menu counts the user's overdue and due-today items on every page", Method: http.MethodGet, URL: "/plans",
			Headers: testapp.Cookie(f, "it"), TestAppFactory: withDeadlines(f, map[string]string{"11": "2025-02-01"}),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{navCount("2")}, // 11 and the fixture's 12
		},
		{
			Name: "a reader's menu counts nothing of the confidential control's", Method: http.MethodGet, URL: "/plans",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<a href="/">Start</a>`}, NotExpectedContent: []string{"nav-count"},
		},
		{
			Name: "due today counts too", Method: http.MethodGet, URL: "/me",
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: withDeadlines(f, map[string]string{"2": "2025-03-15", "10": "2025-03-01"}),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{navCount("2")},
		},
		{
			Name: "due soon does not count, nor do others' items for a coordinator", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: withDeadlines(f, map[string]string{"11": "2025-02-01", "2": "2025-03-20"}),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`<a href="/" aria-current="page">Start</a>`},
			NotExpectedContent: []string{"nav-count"},
		},
		{
			Name: "nothing due, no count", Method: http.MethodGet, URL: "/actions",
			Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<a href="/">Start</a>`}, NotExpectedContent: []string{"nav-count"},
		},
		{
			Name: "the start page lists what the reminders are about: due today and due soon", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: withDeadlines(f, map[string]string{"2": "2025-03-25", "10": "2025-03-15"}),
			ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				`<h3 id="soon">Ska snart vara klart<span class="count"> (2)</span></h3>`, "Om 10 dagar", "I dag", "2025-03-25", "Excelfil har tagits fram",
				"Det pågår ett kontinuerligt arbete", navCount("1"),
			},
			NotExpectedContent: []string{"Inget av ditt ska vara klart de närmaste dagarna."},
		},
		{
			Name: "beyond the reminder days, nothing is due soon", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Inget av ditt ska vara klart de närmaste dagarna.", "Excelfil har tagits fram", "kvartal 2 2025"},
			NotExpectedContent: []string{"Om 107 dagar"},
		},
		{
			Name: "a coordinator sees the overdue items of their boards, as in their digest", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: withDeadlines(f, map[string]string{"11": "2025-02-01"}),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Förbättrade rutiner i de fall en DDoS-attack", "Försenad", `försenade</strong>`, testapp.SecretAction},
		},
		{
			Name: "a reader does not: overdue is for owners and coordinators", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "lasare"), TestAppFactory: withDeadlines(f, map[string]string{"11": "2025-02-01"}),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`tag--red">1 försenad`}, // the plan's state, not their list
			NotExpectedContent: append([]string{"Förbättrade rutiner i de fall en DDoS-attack"}, testapp.Secrets...),
		},
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WebFactory
		}
		s.Test(t)
	}
}
