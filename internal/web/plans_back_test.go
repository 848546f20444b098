package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// reportedFactory is the web app with the demo plan reported, as its
// coordinator marks it once the significant deviations have actions with
// deadlines.
func reportedFactory(t testing.TB) *tests.TestApp {
	app := testapp.WebFactory(t)
	f := testapp.Fix(t)
	for _, key := range []string{"8", "10"} {
		if err := testapp.Update(app, model.Actions, f.Actions[key], map[string]any{"deadline": "2025-09-30"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "reported", "reported_on": "2025-03-10", "reported_ref": "KS § 30"}); err != nil {
		t.Fatal(err)
	}
	return app
}

// TestPlanMovesBackOnThePage: the plan page asks for a reason to take an
// adopted plan back to draft and to reopen a reported one; the server's
// refusals come back beside the form that was sent, and a reopen with a
// reason is made and kept in the history. A reported plan's pages offer
// no form to change what is under it.
func TestPlanMovesBackOnThePage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	plan := "/plans/" + f.Plan
	post := func(role string) map[string]string {
		return with(testapp.Cookie(f, role), "Content-Type", urlencoded)
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "an adopted plan offers its coordinator the way back with a reason", Method: http.MethodGet,
			URL: plan, Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Återför till utkast …", `href="/plans/` + f.Plan + `/back"`},
			NotExpectedContent: []string{"Öppna planen igen"},
		},
		{
			Name: "going back without a reason is refused beside the reason", Method: http.MethodPost,
			URL: plan + "/status", Headers: post("samordnare"), Body: formBody("status", "draft", "status_reason", "\u200b"),
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", `id="reason-error"`, "Ange varför planen återförs till utkast",
				"kan inte återföras till utkast", `<label for="reason">Varför återförs planen till utkast?</label>`},
		},
		{
			Name: "a reported plan offers its coordinator the reopen, with a reason", Method: http.MethodGet,
			URL: plan, Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK, TestAppFactory: reportedFactory,
			ExpectedContent:    []string{"Öppna planen igen …", `href="/plans/` + f.Plan + `/back"`, "Arkivera"},
			NotExpectedContent: []string{"Återför till utkast"},
		},
		{
			Name: "a reader is not offered the reopen", Method: http.MethodGet,
			URL: plan, Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK, TestAppFactory: reportedFactory,
			ExpectedContent: []string{"Återrapporterad"}, NotExpectedContent: []string{"Öppna planen igen"},
		},
		{
			Name: "a reopen without a reason is refused beside the reason", Method: http.MethodPost,
			URL: plan + "/status", Headers: post("samordnare"), Body: formBody("status", "adopted", "status_reason", " "),
			TestAppFactory: reportedFactory, ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{`id="reason-error"`, "Ange varför planen öppnas igen"},
		},
		{
			Name: "the coordinator reopens with a reason, which the history keeps", Method: http.MethodPost,
			URL: plan + "/status", Headers: post("samordnare"), Body: formBody("status", "adopted", "status_reason", "Kontrollpunkt 8 redovisades fel."),
			TestAppFactory: reportedFactory, ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if s := testapp.Find(t, app, model.Plans, f.Plan).GetString("status"); s != model.PlanAdopted {
					t.Fatalf("Expected the plan adopted again, got %s", s)
				}
				row, err := app.FindFirstRecordByFilter(model.AuditLog, "record = {:p} && actor = {:a}", dbx.Params{"p": f.Plan, "a": "users/" + f.Users["samordnare"]})
				if err != nil || !strings.Contains(row.GetString("changes"), "Kontrollpunkt 8 redovisades fel.") {
					t.Fatalf("Expected the reason in the reopen's history row, got %v %v", row, err)
				}
			},
		},
		{
			Name: "a reported plan's control page offers no result, deviation or action form", Method: http.MethodGet,
			URL: "/controls/" + f.Controls["2"], Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusOK, TestAppFactory: reportedFactory,
			ExpectedContent:    []string{"Minska sårbarheten"},
			NotExpectedContent: []string{`id="report-form"`, `/deviations/` + f.Deviations["2"] + `/status"`, `/deviations/` + f.Deviations["2"] + `/actions"`},
		},
		{
			Name: "a reported plan's actions offer no status form", Method: http.MethodGet,
			URL: "/actions", Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusOK, TestAppFactory: reportedFactory,
			ExpectedContent:    []string{`id="action-` + f.Actions["2"] + `"`},
			NotExpectedContent: []string{`action="/actions/` + f.Actions["2"] + `/status"`},
		},
		{
			Name: "a status post to a reported plan's action is refused with the reason", Method: http.MethodPost,
			URL: "/actions/" + f.Actions["2"] + "/status", Headers: post("ansvarig"), TestAppFactory: reportedFactory,
			Body:           formBody("status", "done", "done_note", "Klart.", "done_on", "2025-03-01"),
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{"återrapporterad"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if s := testapp.Find(t, app, model.Actions, f.Actions["2"]).GetString("status"); s != model.ActionInProgress {
					t.Fatalf("Expected the action unchanged, got %s", s)
				}
			},
		},
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WebFactory
		}
		s.Test(t)
	}
}

// TestDoneAndPerformedOnTheForms: the forms that mark an action done and
// save a result take the day, today unless another is typed; the server's
// bounds come back beside the field.
func TestDoneAndPerformedOnTheForms(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	post := with(testapp.Cookie(f, "ansvarig"), "Content-Type", urlencoded)
	status := "/actions/" + f.Actions["2"] + "/status"
	day := func(collection, id, field, want string) func(t testing.TB, app *tests.TestApp, res *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if got := testapp.Find(t, app, collection, id).GetDateTime(field).Time().Format("2006-01-02"); got != want {
				t.Fatalf("Expected %s %s, got %s", field, want, got)
			}
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "the done form offers today", Method: http.MethodGet, URL: "/actions", Headers: testapp.Cookie(f, "ansvarig"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`<input id="as-done_on-` + f.Actions["2"] + `" name="done_on" type="date" value="2025-03-15"`},
		},
		{
			Name: "done on the day typed", Method: http.MethodPost, URL: status, Headers: post,
			Body:           formBody("status", "done", "done_note", "Rutinen är klar.", "done_on", "2025-02-20"),
			ExpectedStatus: http.StatusSeeOther, AfterTestFunc: day(model.Actions, f.Actions["2"], "done_on", "2025-02-20"),
		},
		{
			Name: "done in the future is refused beside the day", Method: http.MethodPost, URL: status, Headers: post,
			Body:           formBody("status", "done", "done_note", "Rutinen är klar.", "done_on", "2025-04-01"),
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{`id="as-done_on-` + f.Actions["2"] + `-error"`, "kan inte ligga efter i dag",
				`name="done_on" type="date" value="2025-04-01"`},
		},
		{
			Name: "a day that is no date is refused beside the field", Method: http.MethodPost, URL: status, Headers: post,
			Body:           formBody("status", "done", "done_note", "Rutinen är klar.", "done_on", "20 februari"),
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{`id="as-done_on-` + f.Actions["2"] + `-error"`, "ÅÅÅÅ-MM-DD"},
		},
		{
			Name: "the report form offers today as the day performed", Method: http.MethodGet,
			URL: "/controls/" + f.Controls["7"], Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			TestAppFactory:  withoutResult(f, "7"),
			ExpectedContent: []string{`<input id="performed_on" name="performed_on" type="date" value="2025-03-15"`},
		},
		{
			Name: "a result performed on the day typed, by the one who saves it", Method: http.MethodPost,
			URL: "/controls/" + f.Controls["7"] + "/results", Headers: with(testapp.Cookie(f, "samordnare"), "Content-Type", urlencoded),
			TestAppFactory: withoutResult(f, "7"),
			Body:           formBody("period", "2024", "outcome", "no_deviation", "account", "Granskad.", "performed_on", "2025-01-31"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				r, err := app.FindFirstRecordByFilter(model.Results, "control = {:c}", dbx.Params{"c": f.Controls["7"]})
				if err != nil {
					t.Fatal(err)
				}
				if got := r.GetDateTime("performed_on").Time().Format("2006-01-02"); got != "2025-01-31" || r.GetString("performed_by") != f.Users["samordnare"] {
					t.Fatalf("Expected performed 2025-01-31 by the coordinator, got %s by %s", got, r.GetString("performed_by"))
				}
			},
		},
		{
			Name: "a result performed before the plan's year is refused beside the day", Method: http.MethodPost,
			URL: "/controls/" + f.Controls["7"] + "/results", Headers: with(testapp.Cookie(f, "samordnare"), "Content-Type", urlencoded),
			TestAppFactory: withoutResult(f, "7"),
			Body:           formBody("period", "2024", "outcome", "no_deviation", "account", "Granskad.", "performed_on", "2023-12-01"),
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{`id="performed_on-error"`, "före planens år"},
		},
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WebFactory
		}
		s.Test(t)
	}
}

// withoutResult is the web app with control key's result removed.
func withoutResult(f *testapp.Fixture, key string) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := testapp.WebFactory(t)
		if err := model.RunAs(app, model.System, func(tx core.App) error { return testapp.Delete(tx, model.Results, f.Results[key]) }); err != nil {
			t.Fatal(err)
		}
		return app
	}
}
