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

// TestHistoryLog: /history is the change log of every record whose history
// the user may read, filterable by board, person, kind of record and date,
// with values shown as their labels; readers and owners may not read it.
func TestHistoryLog(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	en := func(user string) map[string]string {
		return with(testapp.Cookie(f, user), "Cookie", "ikplan_session="+f.Sessions[user]+"; ikplan_lang=en")
	}
	// byCoordinator: the coordinator changes action 2's status (a person, not the system)
	byCoordinator := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		u := testapp.Find(t, app, model.Users, f.Users["samordnare"])
		err := model.RunAs(app, model.ActorFromAuth(u), func(tx core.App) error {
			return testapp.Update(tx, model.Actions, f.Actions["2"], map[string]any{"status": "cancelled", "cancel_reason": "Ersatt av ny rutin."})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: "/history", ExpectedStatus: http.StatusSeeOther,
		},
		{
			Name: "the coordinator reads the log with its filters, values as labels", Method: http.MethodGet, URL: "/history?kind=controls",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<h1>Ändringshistorik</h1>", `<label for="h-board">Nämnd</label>`, `<label for="h-person">Person</label>`,
				`<label for="h-kind">Slags post</label>`, `<label for="h-from">Från och med</label>`, `<option value="controls" selected>`,
				"<strong>Frekvens:</strong>", "<strong>Metod:</strong>", "Löpande kontroll", `href="/history/controls/`},
			NotExpectedContent: []string{"lopande</li>", "yearly</li>", `href="/history/actions/`},
		},
		{
			Name: "the auditor reads the confidential control's history in the log", Method: http.MethodGet, URL: "/history?kind=controls&board=" + f.KS,
			Headers: testapp.Cookie(f, "revisor"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`href="/history/controls/` + f.Controls["12"] + `"`},
		},
		{
			Name: "filtered by person: only that person's changes", Method: http.MethodGet, URL: "/history?person=" + f.Users["samordnare"],
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: byCoordinator, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`href="/history/actions/` + f.Actions["2"] + `"`, "Avbruten</li>", "Ersatt av ny rutin."},
			NotExpectedContent: []string{"<td>system</td>"},
		},
		{
			Name: "filtered by a day without changes: nothing", Method: http.MethodGet, URL: "/history?from=2020-01-01&to=2020-01-31",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Inga ändringar matchar filtret.", `value="2020-01-01"`},
		},
		{
			Name: "filtered by the demo's day: its changes", Method: http.MethodGet, URL: "/history?from=2025-03-15&to=2025-03-15",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Ändringar, senaste först (sida 1)</caption>", `rel="next"`},
		},
		{
			Name: "the second page links back", Method: http.MethodGet, URL: "/history?page=2",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"(sida 2)", `rel="prev"`, `href="/history"`},
		},
		{
			Name: "values not understood are named and left out, never a 500", Method: http.MethodGet,
			URL:     "/history?board=%3Cscript%3E&person=nobody&kind=audit_log&from=igår&to=2025-13-40",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Okänt värde för Nämnd", "Okänt värde för Person", "Okänt värde för Slags post",
				"Okänt värde för Från och med", "Okänt värde för Till och med"},
			NotExpectedContent: []string{"<script>"},
		},
		{
			Name: "the log in English", Method: http.MethodGet, URL: "/history?kind=controls",
			Headers: en("samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"<h1>Change history</h1>", "Kind of record", "<strong>Frequency:</strong>", "Yearly"},
			NotExpectedContent: []string{"Slags post", "Årligen"},
		},
		{
			Name: "a control's own history shows frequency and method as their labels", Method: http.MethodGet,
			URL: "/history/controls/" + f.Controls["1"], Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"<strong>Frekvens:</strong>", "Årligen</li>", "<strong>Metod:</strong>"},
			NotExpectedContent: []string{"yearly</li>", "lopande</li>", "genomgang</li>", "stickprov</li>"},
		},
		{
			Name: "a reader may not read the log", Method: http.MethodGet, URL: "/history",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
		},
		{
			Name: "an owner may not read the log", Method: http.MethodGet, URL: "/history",
			Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		if s.ExpectedStatus == http.StatusSeeOther {
			s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/login") {
					t.Fatalf("Expected a redirect to /login, got %q", loc)
				}
			}
		}
		s.Test(t)
	}
}

// TestHistoryLinks: every plan, control, result, deviation, action and risk
// page links to the record's history for coordinators and auditors, and
// for nobody else.
func TestHistoryLinks(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	pages := []struct{ url, want string }{
		{"/plans/" + f.Plan, "/history/plans/" + f.Plan},
		{"/controls/" + f.Controls["2"], "/history/controls/" + f.Controls["2"]},
		{"/controls/" + f.Controls["2"], "/history/results/" + f.Results["2"]},
		{"/controls/" + f.Controls["2"], "/history/deviations/" + f.Deviations["2"]},
		{"/controls/" + f.Controls["2"], "/history/actions/" + f.Actions["2"]},
		{"/actions", "/history/actions/" + f.Actions["2"]},
		{"/actions/" + f.Actions["2"] + "/status", "/history/actions/" + f.Actions["2"]},
	}
	for _, user := range []string{"samordnare", "revisor", "lasare", "ansvarig"} {
		shows := user == "samordnare" || user == "revisor"
		for _, pg := range pages {
			s := tests.ApiScenario{
				Name: user + " " + pg.url + " " + pg.want, Method: http.MethodGet, URL: pg.url,
				Headers: testapp.Cookie(f, user), ExpectedStatus: http.StatusOK, TestAppFactory: testapp.WebFactory,
			}
			link := `href="` + pg.want + `"`
			if shows {
				s.ExpectedContent = []string{link}
			} else {
				s.ExpectedContent, s.NotExpectedContent = []string{"<"}, []string{link}
			}
			s.Test(t)
		}
	}
}
