package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// withOverdueActions is WebFactory with n more open actions of Anders
// Ansvarig under control 2, "Teståtgärd 001" … in the order of their
// deadlines, every one of them overdue on the tests' day (2025-03-15).
func withOverdueActions(f *testapp.Fixture, n int) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := testapp.WebFactory(t)
		first := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := 1; i <= n; i++ {
			_, err := testapp.Create(app, model.Actions, map[string]any{
				"control": f.Controls["2"], "description": fmt.Sprintf("Teståtgärd %03d", i), "owner": f.Users["ansvarig"],
				"deadline": first.AddDate(0, 0, i).Format(time.DateOnly), "status": model.ActionPlanned,
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		return app
	}
}

// showAll is the start page's link to a whole list, as a list of n items
// headed heading shows it.
func showAll(list, heading string, n int) string {
	return fmt.Sprintf(`<a href="/start/%s">Visa alla (%d)<span class="visually-hidden">: %s</span></a>`, list, n, heading)
}

func TestStartLists(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	scenarios := []tests.ApiScenario{
		{
			Name: "each list shows its count and its first 25 items, the most overdue first, and links to the whole list", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: withOverdueActions(f, 30), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				`<h3 id="overdue">Försenat<span class="count"> (30)</span></h3>`,
				`<h3 id="my-actions">Mina öppna åtgärder<span class="count"> (32)</span></h3>`,
				"Teståtgärd 001", "Teståtgärd 025", "2024-01-02",
				`<p class="more">Visar de 25 första av 30. ` + showAll("overdue", "Försenat", 30),
				`<p class="more">Visar de 25 första av 32. ` + showAll("my-actions", "Mina öppna åtgärder", 32),
				navCount("30"),
			},
			NotExpectedContent: []string{"Teståtgärd 026", "Teståtgärd 030", "Excelfil har tagits fram"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				html := body(t, res)
				// 25 rows in each of the two lists, in the order of their deadlines
				// (a row's link; its status form names it too)
				if n := len(regexp.MustCompile(`>Teståtgärd \d{3}</a>`).FindAllString(html, -1)); n != 50 {
					t.Errorf("Expected 50 rows of the test actions (25 in each list), got %d", n)
				}
				if a, b := strings.Index(html, "Teståtgärd 001"), strings.Index(html, "Teståtgärd 002"); a < 0 || b < a {
					t.Errorf("Expected the most overdue first, got 001 at %d and 002 at %d", a, b)
				}
			},
		},
		{
			Name: "the whole overdue list has all of them", Method: http.MethodGet, URL: "/start/overdue",
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: withOverdueActions(f, 30), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				"<title>Försenat – ikplan</title>", `<h1 id="overdue">Försenat<span class="count"> (30)</span></h1>`,
				"Teståtgärd 001", "Teståtgärd 026", "Teståtgärd 030", `<a href="/">Tillbaka till Start</a>`,
			},
			NotExpectedContent: []string{"Visa alla", `rel="next"`},
		},
		{
			Name: "the whole list of my actions has the dated first, then the undated", Method: http.MethodGet, URL: "/start/my-actions",
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: withOverdueActions(f, 30), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<title>Mina öppna åtgärder – ikplan</title>", "(32)", "Teståtgärd 030", "Excelfil har tagits fram", "Det pågår ett kontinuerligt arbete"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				html := body(t, res)
				undated := strings.Index(html, "Det pågår ett kontinuerligt arbete")
				for _, dated := range []string{"Teståtgärd 001", "Teståtgärd 030", "Excelfil har tagits fram"} {
					if i := strings.Index(html, dated); i > undated {
						t.Errorf("Expected %q (dated) before the undated action, got it at %d and the undated at %d", dated, i, undated)
					}
				}
			},
		},
		{
			Name: "a whole list of more than a hundred is paged", Method: http.MethodGet, URL: "/start/overdue",
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: withOverdueActions(f, 105), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"(105)", "Teståtgärd 100", "Sida 1 av 2", `<a href="/start/overdue?page=2" rel="next">Nästa sida</a>`},
			NotExpectedContent: []string{"Teståtgärd 101", `rel="prev"`},
		},
		{
			Name: "its second page has the rest", Method: http.MethodGet, URL: "/start/overdue?page=2",
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: withOverdueActions(f, 105), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Teståtgärd 101", "Teståtgärd 105", "Sida 2 av 2", `<a href="/start/overdue" rel="prev">Föregående sida</a>`},
			NotExpectedContent: []string{"Teståtgärd 100", `rel="next"`},
		},
		{
			Name: "one with more than a hundred open actions gets each list from the database, counted up to 100", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: withOverdueActions(f, 105), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				`<h3 id="overdue">Försenat<span class="count"> (fler än 100)</span></h3>`,
				`<h3 id="my-actions">Mina öppna åtgärder<span class="count"> (fler än 100)</span></h3>`,
				`<p class="more">Visar de 25 första av fler än 100. <a href="/start/overdue">Visa alla (fler än 100)<span class="visually-hidden">: Försenat</span></a>`,
				"Teståtgärd 025", navCount("105"),
			},
			NotExpectedContent: []string{"Teståtgärd 026", "(105)", "(107)"},
		},
		{
			Name: "and the second page of their actions ends with the undated", Method: http.MethodGet, URL: "/start/my-actions?page=2",
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: withOverdueActions(f, 105), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"(107)", "Teståtgärd 101", "Teståtgärd 105", "Excelfil har tagits fram", "Det pågår ett kontinuerligt arbete", "Sida 2 av 2"},
			NotExpectedContent: []string{"Teståtgärd 100"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				html := body(t, res)
				if a, b := strings.Index(html, "Excelfil har tagits fram"), strings.Index(html, "Det pågår ett kontinuerligt arbete"); b < a {
					t.Errorf("Expected the undated action after the dated, got them at %d and %d", a, b)
				}
			},
		},
		{
			Name: "a page past the end is the last page", Method: http.MethodGet, URL: "/start/overdue?page=9",
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: withOverdueActions(f, 105), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<h1 id="overdue">Försenat<span class="count"> (105)</span></h1>`, "Teståtgärd 105", "Sida 2 av 2"},
		},
		{
			Name: "the menu's count on another page is the same", Method: http.MethodGet, URL: "/plans",
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: withOverdueActions(f, 30), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{navCount("30")},
		},
		{
			Name: "a coordinator sees everyone's overdue items with their owners, but counts only their own in the menu", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: withOverdueActions(f, 30), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				`<h3 id="overdue">Försenat<span class="count"> (31)</span></h3>`, `<th scope="col">Ansvarig</th>`, `<td data-label="Ansvarig">Anders Ansvarig</td>`,
				showAll("overdue", "Försenat", 31), "Du har inga öppna åtgärder.", `försenade</strong>`,
			},
			NotExpectedContent: []string{"nav-count", "Teståtgärd 026"},
		},
		{
			Name: "a reader sees no one's overdue items, but the plan's state counts them", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "lasare"), TestAppFactory: withOverdueActions(f, 30), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`försenade</strong>`},
			NotExpectedContent: append([]string{"Teståtgärd", "Visa alla", "Inget är försenat."}, testapp.Secrets...),
		},
		{
			Name: "in English", Method: http.MethodGet, URL: "/",
			Headers:        with(testapp.Cookie(f, "ansvarig"), "Cookie", "ikplan_session="+f.Sessions["ansvarig"]+"; ikplan_lang=en"),
			TestAppFactory: withOverdueActions(f, 30), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				`<h3 id="overdue">Overdue<span class="count"> (30)</span></h3>`, "Showing the first 25 of 30.",
				`<a href="/start/overdue">Show all (30)<span class="visually-hidden">: Overdue</span></a>`,
			},
		},
		{
			Name: "a whole list in English", Method: http.MethodGet, URL: "/start/my-actions",
			Headers:         with(testapp.Cookie(f, "ansvarig"), "Cookie", "ikplan_session="+f.Sessions["ansvarig"]+"; ikplan_lang=en"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"<title>My open actions – ikplan</title>", `<a href="/">Back to Home</a>`},
		},
		{
			Name: "an unknown list is a 404 page", Method: http.MethodGet, URL: "/start/everything",
			Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "the whole lists are for signed-in users", Method: http.MethodGet, URL: "/start/overdue",
			ExpectedStatus: http.StatusSeeOther,
		},
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WebFactory
		}
		s.Test(t)
	}
}

// TestStartConfidential: on the demo's day the confidential control 12 has
// an open significant deviation and the one overdue action (the fixture's).
func TestStartConfidential(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	scenarios := []tests.ApiScenario{
		{
			Name: "a coordinator counts the confidential control's deviation and overdue action", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				`<h2 id="significant">Väsentliga avvikelser<span class="count"> (5)</span></h2>`, testapp.SecretDeviation,
				`<h3 id="overdue">Försenat<span class="count"> (1)</span></h3>`, testapp.SecretAction,
				"20 av 20 kontrollpunkter rapporterade", `tag--red">1 försenad`,
			},
		},
		{
			Name: "a reader neither sees nor counts anything of a confidential control", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				`<h2 id="significant">Väsentliga avvikelser<span class="count"> (4)</span></h2>`, "DDoS-skyddet fungerade inte",
				"19 av 19 kontrollpunkter rapporterade", `tag--yellow">2 avvikelser saknar åtgärd`,
			},
			NotExpectedContent: append([]string{"försenad</strong>", "(5)", "Inget är försenat.", "Mina kontroller att rapportera"}, testapp.Secrets...),
		},
		{
			Name: "nor in the whole list", Method: http.MethodGet, URL: "/start/significant",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`<h1 id="significant">Väsentliga avvikelser<span class="count"> (4)</span></h1>`, "primärkartan"},
			NotExpectedContent: testapp.Secrets,
		},
		{
			Name: "the coordinator's whole list has it", Method: http.MethodGet, URL: "/start/significant",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<h1 id="significant">Väsentliga avvikelser<span class="count"> (5)</span></h1>`, testapp.SecretDeviation},
		},
		{
			Name: "nor in the reader's overdue list", Method: http.MethodGet, URL: "/start/overdue",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<h1 id="overdue">Försenat</h1>`, "Inget är försenat."}, NotExpectedContent: testapp.Secrets,
		},
		{
			Name: "another board's user has nothing of it", Method: http.MethodGet, URL: "/start/significant",
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusOK, NotExpectedContent: testapp.Secrets,
		},
		{
			Name: "its owner has it among their actions, overdue", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "it"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<h3 id="overdue">Försenat<span class="count"> (1)</span></h3>`, testapp.SecretAction, navCount("1")},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		if s.ExpectedContent == nil {
			s.ExpectedContent = []string{"<html"}
		}
		s.Test(t)
	}
}

// withSignificant is WebFactory with n more open significant deviations of
// control 1's result.
func withSignificant(f *testapp.Fixture, n int) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := testapp.WebFactory(t)
		for i := 1; i <= n; i++ {
			_, err := testapp.Create(app, model.Deviations, map[string]any{
				"result": f.Results["1"], "description": fmt.Sprintf("Testavvikelse %03d", i), "significant": true,
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		return app
	}
}

func TestStartSignificantCountedUpTo(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	scenarios := []tests.ApiScenario{
		{
			Name: "past 100 open significant deviations the start page counts no further and says so", Method: http.MethodGet, URL: "/",
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: withSignificant(f, 100), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				`<h2 id="significant">Väsentliga avvikelser<span class="count"> (fler än 100)</span></h2>`,
				`Visar de 25 första av fler än 100. <a href="/start/significant">Visa alla (fler än 100)`,
			},
			NotExpectedContent: []string{"(105)"},
		},
		{
			Name: "the whole list counts them all", Method: http.MethodGet, URL: "/start/significant",
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: withSignificant(f, 100), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`<h1 id="significant">Väsentliga avvikelser<span class="count"> (105)</span></h1>`, "Sida 1 av 2"},
			NotExpectedContent: []string{"fler än"},
		},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}
