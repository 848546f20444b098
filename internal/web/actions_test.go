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

func TestActionsPage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	form := func(user string) map[string]string {
		return with(testapp.Cookie(f, user), "Content-Type", "application/x-www-form-urlencoded")
	}
	// makeOverdue moves action 11's deadline to January 2025, before the tests' today
	makeOverdue := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		asSystem(t, app, func(tx core.App) error {
			return testapp.Update(tx, model.Actions, f.Actions["11"], map[string]any{"deadline": "2025-01-10", "deadline_precision": "month"})
		})
	}
	status := func(want, note string) func(t testing.TB, app *tests.TestApp, res *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			a := testapp.Find(t, app, model.Actions, f.Actions["2"])
			if got := a.GetString("status"); got != want {
				t.Fatalf("Expected status %s, got %s", want, got)
			}
			if got := a.GetString("done_note"); got != note {
				t.Fatalf("Expected done_note %q, got %q", note, got)
			}
		}
	}
	a2, a12 := f.Actions["2"], f.Actions["12"]
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: "/actions",
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/login") {
					t.Fatalf("Expected a redirect to /login, got %q", loc)
				}
			},
		},
		{
			Name:   "the full page lists every action with its control, board, year, owner, deadline and status",
			Method: http.MethodGet, URL: "/actions", Headers: testapp.Cookie(f, "samordnare"),
			ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				"<title>Åtgärder – ikplan</title>", "<caption>Åtgärder (8)</caption>", `id="action-` + a2 + `"`,
				`href="/controls/` + f.Controls["2"] + `#action-` + a2 + `"`, "kvartal 2 2025", "under 2025",
				"Kommunstyrelsen", `<td data-label="Planår">2024</td>`, "Anders Ansvarig", "Pågår", "Klar 2024-12-31", `<label for="f-board">`,
				`hx-get="/actions"`, `hx-push-url="true"`, `<label for="as-status-` + a2 + `">`,
				`id="action-` + a12 + `"`, testapp.SecretAction,
			},
			NotExpectedContent: []string{"Okänt värde"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if v := res.Header.Get("Vary"); !strings.Contains(v, "HX-Request") {
					t.Fatalf("Expected Vary: HX-Request, got %q", v)
				}
				// on the demo's day only the confidential control 12's action is overdue
				html := body(t, res)
				if n := strings.Count(html, ", försenad</strong>"); n != 1 || !strings.Contains(row(html, "action-"+a12), "Planerad, försenad</strong>") {
					t.Fatalf("Expected only action 12 tagged \"Planerad, försenad\", got %d tags", n)
				}
			},
		},
		{
			Name: "the filter form's htmx request gets only the table", Method: http.MethodGet, URL: "/actions?status=done",
			Headers:        with(testapp.Cookie(f, "samordnare"), "HX-Request", "true", "HX-Target", "actions-table"),
			ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<div id="actions-table">`, "<caption>Åtgärder (2)</caption>",
				`id="action-` + f.Actions["1"] + `"`, `id="action-` + f.Actions["9"] + `"`},
			NotExpectedContent: []string{"<html", "<h1>", `id="action-` + a2 + `"`},
		},
		{
			Name: "a boosted link gets the whole page", Method: http.MethodGet, URL: "/actions?status=done",
			Headers:        with(testapp.Cookie(f, "samordnare"), "HX-Request", "true", "HX-Boosted", "true"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<html", "<h1>Åtgärder</h1>", "<caption>Åtgärder (2)</caption>"},
		},
		{
			Name: "htmx restoring history gets the whole page", Method: http.MethodGet, URL: "/actions",
			Headers:        with(testapp.Cookie(f, "samordnare"), "HX-Request", "true", "HX-History-Restore-Request", "true"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<html", "<h1>Åtgärder</h1>"},
		},
		{
			Name: "owner and status together", Method: http.MethodGet,
			URL:     "/actions?owner=" + f.Users["ansvarig"] + "&status=in_progress",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder (2)</caption>", `id="action-` + a2 + `"`, `id="action-` + f.Actions["10"] + `"`,
				`<option value="` + f.Users["ansvarig"] + `" selected>`, `<option value="in_progress" selected>`},
			NotExpectedContent: []string{`id="action-` + f.Actions["11"] + `"`, `id="action-` + f.Actions["1"] + `"`},
		},
		{
			Name: "board and year together", Method: http.MethodGet, URL: "/actions?board=" + f.KS + "&year=2024",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder (8)</caption>"},
		},
		{
			Name: "another board has no actions", Method: http.MethodGet, URL: "/actions?board=" + f.IAN,
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Inga åtgärder matchar filtret."}, NotExpectedContent: []string{"<caption>"},
		},
		{
			Name: "overdue only", Method: http.MethodGet, URL: "/actions?overdue=1", BeforeTestFunc: makeOverdue,
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder (2)</caption>", `id="action-` + f.Actions["11"] + `"`, "januari 2025", `tag--red">Planerad, försenad</strong>`,
				`name="overdue" value="1" checked`, `id="action-` + a12 + `"`},
			NotExpectedContent: []string{`id="action-` + a2 + `"`},
		},
		{
			Name: "a reader's overdue are only those they may see", Method: http.MethodGet, URL: "/actions?overdue=1", BeforeTestFunc: makeOverdue,
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"<caption>Åtgärder (1)</caption>", `id="action-` + f.Actions["11"] + `"`},
			NotExpectedContent: append([]string{`id="action-` + a12 + `"`}, testapp.Secrets...),
		},
		{
			Name: "overdue and another owner find nothing", Method: http.MethodGet, URL: "/actions?overdue=1&owner=" + f.Users["ansvarig"],
			BeforeTestFunc: makeOverdue, Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Inga åtgärder matchar filtret."},
		},
		{
			Name: "only the confidential action is overdue on the demo's day", Method: http.MethodGet, URL: "/actions?overdue=1",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder (1)</caption>", `id="action-` + a12 + `"`, testapp.SecretAction},
		},
		{
			Name: "a reader finds nothing overdue on the demo's day", Method: http.MethodGet, URL: "/actions?overdue=1",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Inga åtgärder matchar filtret."}, NotExpectedContent: testapp.Secrets,
		},
		{
			Name: "invalid filter values are ignored and named, never a 500", Method: http.MethodGet,
			URL:     "/actions?year=abc&status=finished&board=%3Cscript%3E&owner=nobody&overdue=maybe",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder (8)</caption>", "Okänt värde för Planår", "Okänt värde för Status",
				"Okänt värde för Nämnd", "Okänt värde för Ansvarig", "Okänt värde för Bara försenade"},
			NotExpectedContent: []string{"<script>"},
		},
		{
			Name: "a year without a plan is ignored", Method: http.MethodGet, URL: "/actions?year=2023",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder (8)</caption>", "Okänt värde för Planår"},
		},
		{
			Name: "a reader sees the actions, but not the confidential control's, and no status form", Method: http.MethodGet, URL: "/actions",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"<caption>Åtgärder (7)</caption>"},
			NotExpectedContent: append([]string{"Ändra status", `action="/actions/`, `id="action-` + a12 + `"`, "försenad</strong>"}, testapp.Secrets...),
		},
		{
			Name: "an owner gets the status form for their own actions only", Method: http.MethodGet, URL: "/actions",
			Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Ändra status"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				html := body(t, res)
				if r := row(html, "action-"+a2); !strings.Contains(r, `action="/actions/`+a2+`/status"`) {
					t.Fatalf("Expected a status form on the owner's action, got %s", r)
				}
				if r := row(html, "action-"+f.Actions["11"]); r == "" || strings.Contains(r, "<form") {
					t.Fatalf("Expected the IT action without a status form, got %q", r)
				}
			},
		},
		{
			Name: "another board's user sees none of Kommunstyrelsen's actions", Method: http.MethodGet, URL: "/actions",
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Inga åtgärder matchar filtret."}, NotExpectedContent: append([]string{"Excelfil"}, testapp.Secrets...),
		},

		// POST /actions/{id}/status
		{
			Name: "done without a note is refused beside done_note", Method: http.MethodPost, URL: "/actions/" + a2 + "/status",
			Headers: form("ansvarig"), Body: strings.NewReader("status=done&done_note=+&back=%2Factions%3Fstatus%3Din_progress"),
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: Ändra status för åtgärden – ikplan</title>", "Det finns fel i formuläret", `href="#as-done_note-` + a2 + `"`,
				`id="as-done_note-` + a2 + `-error"`, "Beskriv vad som gjordes", "<details class=\"action-status__form\" open", `<option value="done" selected>`,
				`tag--blue">Pågår</strong>`, `<a href="/actions?status=in_progress">Tillbaka</a>`, `name="back" value="/actions?status=in_progress"`},
			AfterTestFunc: status("in_progress", ""),
		},
		{
			Name: "done without a note, with htmx, swaps only the status block", Method: http.MethodPost, URL: "/actions/" + a2 + "/status",
			Headers: with(form("ansvarig"), "HX-Request", "true", "HX-Target", "action-status-"+a2), Body: strings.NewReader("status=done&done_note=&back=%2Factions"),
			ExpectedStatus:     http.StatusUnprocessableEntity,
			ExpectedContent:    []string{`<div id="action-status-` + a2 + `"`, `id="as-done_note-` + a2 + `-error"`, "Beskriv vad som gjordes", "action-status__form\" open"},
			NotExpectedContent: []string{"<html", "<caption>", "<tr"},
			AfterTestFunc:      status("in_progress", ""),
		},
		{
			Name: "cancelled without a reason is refused beside cancel_reason", Method: http.MethodPost, URL: "/actions/" + a2 + "/status",
			Headers: form("samordnare"), Body: strings.NewReader("status=cancelled&cancel_reason="),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", `id="as-cancel_reason-` + a2 + `-error"`, "Ange varför åtgärden avbryts."},
			AfterTestFunc:   status("in_progress", ""),
		},
		{
			Name: "an unknown status is refused beside the status", Method: http.MethodPost, URL: "/actions/" + a2 + "/status",
			Headers: form("ansvarig"), Body: strings.NewReader("status=finished"),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", `id="as-status-` + a2 + `-error"`, "Välj en av statusarna i listan."},
			AfterTestFunc:   status("in_progress", ""),
		},
		{
			Name: "done with a note is stored and the list shown again with its filters", Method: http.MethodPost,
			URL: "/actions/" + a2 + "/status", Headers: form("ansvarig"),
			Body:           strings.NewReader("status=done&done_note=Alla+har+dokumenterat.&cancel_reason=ignored&back=%2Factions%3Fstatus%3Din_progress%23elsewhere"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/actions?status=in_progress#action-"+a2 {
					t.Fatalf("Expected a redirect to the filtered list, got %q", loc)
				}
				status("done", "Alla har dokumenterat.")(t, app, res)
				a := testapp.Find(t, app, model.Actions, a2)
				if d := a.GetDateTime("done_on").Time().Format("2006-01-02"); d != "2025-03-15" {
					t.Fatalf("Expected done_on 2025-03-15, got %s", d)
				}
				if r := a.GetString("cancel_reason"); r != "" {
					t.Fatalf("Expected no cancel_reason, got %q", r)
				}
			},
		},
		{
			Name: "done with htmx answers the new status block", Method: http.MethodPost, URL: "/actions/" + a2 + "/status",
			Headers: with(form("ansvarig"), "HX-Request", "true", "HX-Target", "action-status-"+a2), Body: strings.NewReader("status=done&done_note=Klart.&back=%2Factions"),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`<div id="action-status-` + a2 + `"`, ">Klar</strong>", "Klar 2025-03-15", `name="back" value="/actions"`},
			NotExpectedContent: []string{"<html", "<tr", "action-status__form\" open"},
			AfterTestFunc:      status("done", "Klart."),
		},
		{
			Name: "the owner of another action is refused", Method: http.MethodPost, URL: "/actions/" + f.Actions["11"] + "/status",
			Headers: form("ansvarig"), Body: strings.NewReader("status=in_progress"),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if s := testapp.Find(t, app, model.Actions, f.Actions["11"]).GetString("status"); s != "planned" {
					t.Fatalf("Expected the action still planned, got %s", s)
				}
			},
		},
		{
			Name: "a reader's change is refused", Method: http.MethodPost, URL: "/actions/" + a2 + "/status",
			Headers: form("lasare"), Body: strings.NewReader("status=done&done_note=x"),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
			AfterTestFunc: status("in_progress", ""),
		},
		{
			Name: "a reader with an unknown status is refused too", Method: http.MethodPost, URL: "/actions/" + a2 + "/status",
			Headers: form("lasare"), Body: strings.NewReader("status=bogus"),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
			AfterTestFunc: status("in_progress", ""),
		},
		{
			Name: "another board's action is not found", Method: http.MethodPost, URL: "/actions/" + a2 + "/status",
			Headers: form("annan"), Body: strings.NewReader("status=done&done_note=x"),
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"},
			AfterTestFunc: status("in_progress", ""),
		},
		{
			Name: "an unknown action is an HTML 404", Method: http.MethodPost, URL: "/actions/doesnotexist123/status",
			Headers: form("samordnare"), Body: strings.NewReader("status=done&done_note=x"),
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"<html", "Sidan finns inte"},
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
