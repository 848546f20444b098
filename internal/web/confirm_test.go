package web_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// historyReason is the reason kept in the history row of op on the record
// by the user, failing when there is none.
func historyReason(t testing.TB, app core.App, record, op, user string) string {
	t.Helper()
	rows, err := app.FindRecordsByFilter(model.AuditLog, "record = {:r} && op = {:op} && actor = {:a}", "-at", 1, 0,
		dbx.Params{"r": record, "op": op, "a": "users/" + user})
	if err != nil || len(rows) == 0 {
		t.Fatalf("Expected a %s history row of %s, got %v", op, record, err)
	}
	return rows[0].GetString("reason")
}

// TestConfirmBeforeGoingBack: moving a plan back (adopted → draft, reported →
// adopted) and deleting a control go through a page that says what will
// happen and asks why; the reason is kept in the history row of the change
// and shown on the history page.
func TestConfirmBeforeGoingBack(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	plan := "/plans/" + f.Plan
	del := plan + "/controls/" + f.Controls["7"] + "/delete"
	post := func(role string) map[string]string {
		return with(testapp.Cookie(f, role), "Content-Type", urlencoded)
	}
	// noResults is the adopted plan without any result, so it may go back to draft
	noResults := func(t testing.TB) *tests.TestApp {
		app := testapp.WebFactory(t)
		err := model.RunAs(app, model.System, func(tx core.App) error {
			rows, err := tx.FindAllRecords(model.Results)
			if err != nil {
				return err
			}
			for _, r := range rows {
				if err := testapp.Delete(tx, model.Results, r.Id); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return app
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "the revert page says what will happen and asks why", Method: http.MethodGet, URL: plan + "/back",
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: noResults, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<h1>", "Återför planen till utkast?", "Kommunstyrelsen 2024", "Antagandet (datum och beslut) tas bort",
				`<label for="reason">Varför återförs planen till utkast?</label>`, `action="/plans/` + f.Plan + `/back"`, `href="` + plan + `"`},
		},
		{
			Name: "with results the revert page says it cannot be done and offers no form", Method: http.MethodGet, URL: plan + "/back",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Återför planen till utkast?", "kontrollresultat och kan inte återföras till utkast"},
			NotExpectedContent: []string{`<textarea id="reason"`},
		},
		{
			Name: "the revert page in English", Method: http.MethodGet, URL: plan + "/back", TestAppFactory: noResults,
			Headers:        with(testapp.Cookie(f, "samordnare"), "Cookie", "ikplan_session="+f.Sessions["samordnare"]+"; ikplan_lang=en"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Revert the plan to draft?", "Why is the plan reverted to draft?"},
			NotExpectedContent: []string{"Återför"},
		},
		{
			Name: "a reverted plan without a reason is refused beside the reason", Method: http.MethodPost, URL: plan + "/back",
			Headers: post("samordnare"), TestAppFactory: noResults, Body: formBody("reason", " \u200b "),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", `href="#reason"`, `id="reason-error"`, "Ange varför planen återförs till utkast"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if s := testapp.Find(t, app, model.Plans, f.Plan).GetString("status"); s != model.PlanAdopted {
					t.Fatalf("Expected the plan still adopted, got %s", s)
				}
			},
		},
		{
			Name: "the coordinator reverts with a reason, which the history row keeps and shows", Method: http.MethodPost, URL: plan + "/back",
			Headers: post("samordnare"), TestAppFactory: noResults, Body: formBody("reason", "Fel plan antogs."),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if s := testapp.Find(t, app, model.Plans, f.Plan).GetString("status"); s != model.PlanDraft {
					t.Fatalf("Expected the plan a draft, got %s", s)
				}
				if r := historyReason(t, app, f.Plan, model.OpUpdate, f.Users["samordnare"]); r != "Fel plan antogs." {
					t.Fatalf("Expected the reason in the history row, got %q", r)
				}
			},
		},
		{
			Name: "the reopen page says what will happen", Method: http.MethodGet, URL: plan + "/back",
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: reportedFactory, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Öppna den återrapporterade planen igen?", "Återrapporteringen (datum och beslut) tas bort",
				"KS § 30", `<label for="reason">Varför öppnas planen igen?</label>`},
		},
		{
			Name: "a reader may not move the plan back", Method: http.MethodGet, URL: plan + "/back",
			Headers: testapp.Cookie(f, "lasare"), TestAppFactory: reportedFactory, ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"},
		},
		{
			Name: "a draft has no step back", Method: http.MethodGet, URL: plan + "/back",
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: draftFactory, ExpectedStatus: http.StatusConflict,
			ExpectedContent: []string{"Planen kan inte gå tillbaka"},
		},
		{
			Name: "the control's delete page says what will happen and asks why", Method: http.MethodGet, URL: del,
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: draftFactory, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Ta bort kontrollpunkten?", "Kontrollpunkten tas bort ur utkastet", `action="` + del + `"`,
				`<label for="reason">Varför tas kontrollpunkten bort?</label>`},
		},
		{
			Name: "the control's edit page links to the delete page", Method: http.MethodGet, URL: plan + "/controls/" + f.Controls["7"] + "/edit",
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: draftFactory, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`href="` + del + `"`, "Ta bort kontrollpunkten …"},
		},
		{
			Name: "a delete without a reason is refused and deletes nothing", Method: http.MethodPost, URL: del,
			Headers: post("samordnare"), TestAppFactory: draftFactory, Body: formBody("reason", ""),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", `id="reason-error"`, "Skriv varför kontrollpunkten tas bort"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				testapp.Find(t, app, model.Controls, f.Controls["7"])
			},
		},
		{
			Name: "a delete with a reason: the history row of the delete keeps it", Method: http.MethodPost, URL: del,
			Headers: post("samordnare"), TestAppFactory: draftFactory, Body: formBody("reason", "Dubblett av punkt 6."),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if _, err := app.FindRecordById(model.Controls, f.Controls["7"]); err == nil {
					t.Fatalf("Expected control 7 deleted")
				}
				if r := historyReason(t, app, f.Controls["7"], model.OpDelete, f.Users["samordnare"]); r != "Dubblett av punkt 6." {
					t.Fatalf("Expected the reason in the delete's history row, got %q", r)
				}
			},
		},
		{
			Name: "an owner may not delete a control", Method: http.MethodGet, URL: del,
			Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: draftFactory, ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"},
		},
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WebFactory
		}
		s.Test(t)
	}
}

// TestHistoryShowsReason: a reason kept with a change is on its history page.
func TestHistoryShowsReason(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	(&tests.ApiScenario{
		Name: "the reopen's reason on the plan's history", Method: http.MethodGet, URL: "/history/plans/" + f.Plan,
		Headers: testapp.Cookie(f, "revisor"), ExpectedStatus: http.StatusOK,
		TestAppFactory: func(t testing.TB) *tests.TestApp {
			app := reportedFactory(t)
			if err := testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "adopted", "status_reason": "Punkt 8 redovisades fel."}); err != nil {
				t.Fatal(err)
			}
			return app
		},
		ExpectedContent: []string{`<p class="history-reason"><strong>Skäl:</strong> <span class="pre-line">Punkt 8 redovisades fel.</span>`},
	}).Test(t)
}
