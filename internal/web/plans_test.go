package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

func with(h map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range h {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

func TestPlanPages(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: "/plans",
			ExpectedStatus: http.StatusSeeOther, ExpectedContent: nil,
		},
		{
			Name: "plans list", Method: http.MethodGet, URL: "/plans", Headers: testapp.Cookie(f, "lasare"),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{"<title>Internkontrollplaner – ikplan</title>", "Kommunstyrelsens internkontrollplan 2024", "Antagen"},
			NotExpectedContent: append([]string{"Ny plan (utkast)"}, testapp.Secrets...),
		},
		{
			Name: "a coordinator gets the new-draft form", Method: http.MethodGet, URL: "/plans", Headers: testapp.Cookie(f, "samordnare"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Ny plan (utkast)", `name="year"`},
		},
		{
			Name: "a plan grouped by unit, without the confidential control for a reader", Method: http.MethodGet,
			URL: "/plans/" + f.Plan, Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`<th scope="rowgroup" colspan="6" id="plan-group-2">Räddningstjänsten</th>`, "Medel responstid &lt; 10 minuter", "8,1", "Målet är uppnått"},
			NotExpectedContent: append([]string{"Markera som återrapporterad"}, testapp.Secrets...),
		},
		{
			// the demo's plan has significant deviations without actions: what
			// remains is listed instead of the report form (plans_ready_test.go)
			Name: "the coordinator sees the confidential control, what remains and the status forms", Method: http.MethodGet,
			URL: "/plans/" + f.Plan, Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Cyberangrepp", "Sekretess", "Den väsentliga avvikelsen i kontrollpunkt 8 saknar åtgärd", "Återför till utkast"},
		},
		{
			Name: "another board's plan is not found", Method: http.MethodGet,
			URL: "/plans/" + f.Plan, Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: []string{`"data"`},
		},
		{
			Name: "an unknown plan is an HTML 404", Method: http.MethodGet,
			URL: "/plans/doesnotexist123", Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"<html", "Sidan finns inte"},
		},
		{
			Name: "reporting too early is refused beside the field, with Fel: in the title", Method: http.MethodPost,
			URL: "/plans/" + f.Plan + "/status", Headers: with(testapp.Cookie(f, "samordnare"), "Content-Type", "application/x-www-form-urlencoded"),
			Body:            strings.NewReader("status=reported&reported_on=2025-03-10&reported_ref=%C2%A7+12"),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", "Det finns fel i formuläret", "kontrollpunkt 8 saknar åtgärd", `href="#status"`},
		},
		{
			Name: "a reader cannot change a plan", Method: http.MethodPost,
			URL: "/plans/" + f.Plan + "/status", Headers: with(testapp.Cookie(f, "lasare"), "Content-Type", "application/x-www-form-urlencoded"),
			Body: strings.NewReader("status=draft"), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if s := testapp.Find(t, app, model.Plans, f.Plan).GetString("status"); s != "adopted" {
					t.Fatalf("Expected the plan still adopted, got %s", s)
				}
			},
		},
		{
			Name: "a coordinator creates a draft and is sent to it", Method: http.MethodPost, URL: "/plans",
			Headers: with(testapp.Cookie(f, "samordnare"), "Content-Type", "application/x-www-form-urlencoded"),
			Body:    strings.NewReader("board=" + f.IAN + "&year=2025&title="), ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/plans/") {
					t.Fatalf("Expected a redirect to the new plan, got %q", loc)
				}
			},
		},
		{
			Name: "a duplicate plan is refused beside the year", Method: http.MethodPost, URL: "/plans",
			Headers: with(testapp.Cookie(f, "samordnare"), "Content-Type", "application/x-www-form-urlencoded"),
			Body:    strings.NewReader("board=" + f.KS + "&year=2024"), ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"Nämnden har redan en internkontrollplan för 2024", `id="year-error"`},
		},
		{
			Name: "an owner cannot create a plan", Method: http.MethodPost, URL: "/plans",
			Headers: with(testapp.Cookie(f, "ansvarig"), "Content-Type", "application/x-www-form-urlencoded"),
			Body:    strings.NewReader("board=" + f.KS + "&year=2026"), ExpectedStatus: http.StatusForbidden,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := testapp.Count(t, app, model.Plans, nil); n != 1 {
					t.Fatalf("Expected no new plan, got %d plans", n)
				}
			},
		},
		{
			Name: "a cross-origin POST is refused", Method: http.MethodPost, URL: "/plans",
			Headers: with(testapp.Cookie(f, "samordnare"), "Content-Type", "application/x-www-form-urlencoded", "Sec-Fetch-Site", "cross-site"),
			Body:    strings.NewReader("board=" + f.IAN + "&year=2025"), ExpectedStatus: http.StatusForbidden,
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		if s.ExpectedStatus != http.StatusSeeOther && s.ExpectedContent == nil {
			s.ExpectedContent = []string{"<"}
		}
		s.Test(t)
	}
}

// TestPlansByYear: the list shows one year at a time — this year's plans,
// else the newest year that has plans — and offers each year with plans,
// this year and every year at once; a year shows only its plans, marked as
// the current one.
func TestPlansByYear(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	draft := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		col, err := app.FindCollectionByNameOrId(model.Plans)
		if err != nil {
			t.Fatal(err)
		}
		p := core.NewRecord(col)
		p.Load(map[string]any{"board": f.KS, "year": 2026, "title": "Kommunstyrelsens utkast 2026", "status": model.PlanDraft})
		if err := app.Save(p); err != nil {
			t.Fatal(err)
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "no plans this year (2025): the newest year's, with the years to pick", Method: http.MethodGet, URL: "/plans",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: draft, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<nav aria-label="Planernas år"`, `href="/plans?year=all">Alla år`,
				`href="/plans?year=2026" aria-current="page">2026`, `href="/plans?year=2025">2025`, `href="/plans?year=2024">2024`,
				"Kommunstyrelsens utkast 2026"},
			NotExpectedContent: []string{"Kommunstyrelsens internkontrollplan 2024"},
		},
		{
			Name: "every year, asked for", Method: http.MethodGet, URL: "/plans?year=all",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: draft, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`href="/plans?year=all" aria-current="page">Alla år`,
				"Kommunstyrelsens utkast 2026", "Kommunstyrelsens internkontrollplan 2024"},
			NotExpectedContent: []string{"Ingen plan för"},
		},
		{
			Name: "one year", Method: http.MethodGet, URL: "/plans?year=2026",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: draft, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`href="/plans?year=2026" aria-current="page">2026`, "Kommunstyrelsens utkast 2026"},
			NotExpectedContent: []string{"Kommunstyrelsens internkontrollplan 2024", `href="/plans?year=all" aria-current`},
		},
		{
			Name: "a year the list does not offer is as if none was asked for", Method: http.MethodGet, URL: "/plans?year=1999%22",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: draft, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`href="/plans?year=2026" aria-current="page">2026`, "Kommunstyrelsens utkast 2026"},
			NotExpectedContent: []string{"planer för 1999", `year=1999" aria-current`},
		},
		{
			Name: "this year without plans is offered, its boards without one", Method: http.MethodGet, URL: "/plans?year=2025",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`href="/plans?year=2025" aria-current="page">2025`, "Ingen plan för 2025"},
			NotExpectedContent: []string{"Kommunstyrelsens internkontrollplan 2024"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}
