package web_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
	"ikplan/templates"
)

func TestHistoryPage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	a2 := f.Actions["2"]
	deleteAction := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		asSystem(t, app, func(tx core.App) error { return testapp.Delete(tx, model.Actions, a2) })
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: "/history/plans/" + f.Plan,
			ExpectedStatus: http.StatusSeeOther,
		},
		{
			Name: "the coordinator reads the demo's rows, newest first, in local time", Method: http.MethodGet,
			URL: "/history/plans/" + f.Plan, Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				"<title>Ändringshistorik: Kommunstyrelsens internkontrollplan 2024 – ikplan</title>",
				"<caption>Ändringar, senaste först</caption>", "<td>system</td>",
				"<time>2025-03-15 10:30</time>", // 09:30 UTC is 10:30 in Stockholm in March
				"<strong>Status:</strong> Utkast", "Antagen</li>", "<strong>Nämnd:</strong> – ", "Kommunstyrelsen</li>",
				`href="/plans/` + f.Plan + `"`,
			},
			NotExpectedContent: []string{"<strong>id:</strong>"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				html := body(t, res)
				changed, created := strings.Index(html, "<td>Ändrad</td>"), strings.Index(html, "<td>Skapad</td>")
				if changed < 0 || created < 0 || changed > created {
					t.Fatalf("Expected the change (%d) before the creation (%d)", changed, created)
				}
			},
		},
		{
			Name: "the auditor reads an action's creation by the system", Method: http.MethodGet,
			URL: "/history/actions/" + a2, Headers: testapp.Cookie(f, "revisor"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<td>system</td>", "<td>Skapad</td>", "<strong>Ansvarig:</strong> – ",
				"Anders Ansvarig</li>", "<strong>Slutdatum:</strong> – ", "2025-06-30</li>", "Kvartal</li>", "Pågår</li>"},
		},
		{
			Name: "a boosted link gets the whole page", Method: http.MethodGet, URL: "/history/actions/" + a2,
			Headers:        with(testapp.Cookie(f, "samordnare"), "HX-Request", "true", "HX-Boosted", "true"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<html", "<td>Skapad</td>"},
		},
		{
			Name: "an htmx request gets the whole page too: the history has no part to swap", Method: http.MethodGet,
			URL: "/history/actions/" + a2, Headers: with(testapp.Cookie(f, "samordnare"), "HX-Request", "true"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<html", "<td>Skapad</td>"},
		},
		{
			Name: "in English", Method: http.MethodGet, URL: "/history/actions/" + a2,
			Headers:        with(testapp.Cookie(f, "revisor"), "Cookie", "ikplan_session="+f.Sessions["revisor"]+"; ikplan_lang=en"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Change history", "<td>Created</td>", "Changes, newest first"},
		},
		{
			Name: "an owner may see the action but not its history", Method: http.MethodGet,
			URL: "/history/actions/" + a2, Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"}, NotExpectedContent: []string{"<td>system</td>", "Excelfil"},
		},
		{
			Name: "a reader may see the plan but not its history", Method: http.MethodGet,
			URL: "/history/plans/" + f.Plan, Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"}, NotExpectedContent: []string{"<td>system</td>"},
		},
		{
			Name: "a reader does not learn of the confidential control", Method: http.MethodGet,
			URL: "/history/controls/" + f.Controls["12"], Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: []string{"Cyberangrepp"},
		},
		{
			Name: "the coordinator reads the confidential control's history", Method: http.MethodGet,
			URL: "/history/controls/" + f.Controls["12"], Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Cyberangrepp", "<strong>Sekretess:</strong> – ", "ja</li>"},
		},
		{
			Name: "another board's record is not found", Method: http.MethodGet,
			URL: "/history/plans/" + f.Plan, Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: []string{"<td>system</td>"},
		},
		{
			Name: "an unknown collection is not found", Method: http.MethodGet,
			URL: "/history/nonsense/" + f.Plan, Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"<html", "Sidan finns inte"},
		},
		{
			Name: "the history of the history is not shown", Method: http.MethodGet,
			URL: "/history/audit_log/" + f.AuditRow, Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "an unknown record is not found", Method: http.MethodGet,
			URL: "/history/plans/doesnotexist123", Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "a deleted record's history is still there for the coordinator", Method: http.MethodGet,
			URL: "/history/actions/" + a2, Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: deleteAction,
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"Posten är borttagen", "<td>Borttagen</td>", "<td>Skapad</td>", "<h1>Ändringshistorik: Excelfil"},
		},
		{
			Name: "a deleted record's history is not for an owner", Method: http.MethodGet,
			URL: "/history/actions/" + a2, Headers: testapp.Cookie(f, "ansvarig"), BeforeTestFunc: deleteAction,
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: []string{"Excelfil"},
		},
		{
			Name: "a board's history", Method: http.MethodGet,
			URL: "/history/boards/" + f.KS, Headers: testapp.Cookie(f, "revisor"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<h1>Ändringshistorik: Kommunstyrelsen</h1>", "<td>Skapad</td>"},
		},
		{
			Name: "a user's history belongs to no board, so the rules show it to nobody here", Method: http.MethodGet,
			URL: "/history/users/" + f.Users["ansvarig"], Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"},
		},
		{
			Name: "the actions list links to the history for coordinators", Method: http.MethodGet, URL: "/actions",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`href="/history/actions/` + a2 + `"`},
		},
		{
			Name: "and not for readers", Method: http.MethodGet, URL: "/actions",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>"}, NotExpectedContent: []string{`href="/history/`},
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

func TestHistoryLink(t *testing.T) {
	t.Parallel()
	users := core.NewAuthCollection(model.Users)
	for role, want := range map[string]bool{
		model.RoleCoordinator: true, model.RoleAuditor: true, model.RoleOwner: false, model.RoleReader: false, "": false,
	} {
		p := templates.Page{Lang: "sv"}
		if role != "" {
			p.User = core.NewRecord(users)
			p.User.Set("role", role)
		}
		var buf bytes.Buffer
		if err := templates.HistoryLink(p, "controls", "abc 123").Render(context.Background(), &buf); err != nil {
			t.Fatal(err)
		}
		got := buf.String()
		if want && got != `<a href="/history/controls/abc%20123" class="history-link">Historik</a>` {
			t.Fatalf("Expected the link for %q, got %q", role, got)
		}
		if !want && got != "" {
			t.Fatalf("Expected no link for %q, got %q", role, got)
		}
	}
}
