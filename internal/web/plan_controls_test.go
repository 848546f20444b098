package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func form(kv ...string) *strings.Reader {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return strings.NewReader(v.Encode())
}

// draftFactory is the web app with Kommunstyrelsen's plan back in draft
// (set around the rules: a plan with results no longer goes back).
func draftFactory(t testing.TB) *tests.TestApp {
	app := testapp.WebFactory(t)
	f := testapp.Fix(t)
	if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
		t.Fatal(err)
	}
	return app
}

func TestDraftPlanControls(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	post := with(testapp.Cookie(f, "samordnare"), "Content-Type", "application/x-www-form-urlencoded")
	scenarios := []tests.ApiScenario{
		{
			Name: "a draft shows the new-control form and edit links", Method: http.MethodGet, URL: "/plans/" + f.Plan,
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: draftFactory, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Ny kontrollpunkt", `name="target_operator"`, `/controls/` + f.Controls["5"] + `/edit`, `value="13"`},
		},
		{
			Name: "an adopted plan has no control forms", Method: http.MethodGet, URL: "/plans/" + f.Plan,
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: testapp.WebFactory, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Återför till utkast"}, NotExpectedContent: []string{"Ny kontrollpunkt", "/edit"},
		},
		{
			Name: "add a control to a draft", Method: http.MethodPost, URL: "/plans/" + f.Plan + "/controls",
			Headers: post, TestAppFactory: draftFactory,
			Body:           form("number", "13", "title", "Attestordning", "frequency", "yearly", "owner", f.Users["ansvarig"], "target_metric", "Andel attesterade", "target_operator", ">=", "target_value", "99,5", "target_unit", "%"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				c, err := app.FindFirstRecordByFilter(model.Controls, "plan = {:p} && number = 13", dbx.Params{"p": f.Plan})
				if err != nil || c.GetString("title") != "Attestordning" || c.GetString("target_value") != "99.5" {
					t.Fatalf("Expected control 13 stored with target 99.5, got %v %v", c, err)
				}
				row, err := app.FindFirstRecordByFilter(model.AuditLog, "record = {:r}", dbx.Params{"r": c.Id})
				if err != nil || row.GetString("actor") != "users/"+f.Users["samordnare"] {
					t.Fatalf("Expected the coordinator in the history, got %v %v", row, err)
				}
			},
		},
		{
			Name: "a duplicate number is refused beside the field, in place for htmx", Method: http.MethodPost,
			URL: "/plans/" + f.Plan + "/controls", Headers: with(post, "HX-Request", "true", "HX-Target", "new-form"), TestAppFactory: draftFactory,
			Body:               form("number", "5", "title", "Dubblett", "frequency", "yearly"),
			ExpectedStatus:     http.StatusUnprocessableEntity,
			ExpectedContent:    []string{`id="new-number-error"`, "Planen har redan en kontrollpunkt nummer 5", `href="#new-number"`},
			NotExpectedContent: []string{"<html"},
		},
		{
			Name: "a target without a value is refused on a full page", Method: http.MethodPost, URL: "/plans/" + f.Plan + "/controls",
			Headers: post, TestAppFactory: draftFactory,
			Body:            form("number", "14", "title", "Mål utan värde", "frequency", "yearly", "target_metric", "Tid", "target_operator", "<"),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", "Ange målvärdet", `id="new-target_value-error"`},
		},
		{
			Name: "the edit form replaces the row for htmx", Method: http.MethodGet,
			URL:     "/plans/" + f.Plan + "/controls/" + f.Controls["5"] + "/edit",
			Headers: with(testapp.Cookie(f, "samordnare"), "HX-Request", "true", "HX-Target", "control-row-"+f.Controls["5"]), TestAppFactory: draftFactory,
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`<tr id="control-row-` + f.Controls["5"], `value="Medel responstid"`},
			NotExpectedContent: []string{"<html"},
		},
		{
			Name: "the edit form is a page without htmx", Method: http.MethodGet,
			URL:     "/plans/" + f.Plan + "/controls/" + f.Controls["5"] + "/edit",
			Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: draftFactory,
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<html", "Ändra kontrollpunkt 5"},
		},
		{
			Name: "edit a control of a draft", Method: http.MethodPost,
			URL: "/plans/" + f.Plan + "/controls/" + f.Controls["5"], Headers: post, TestAppFactory: draftFactory,
			Body:           form("number", "5", "title", "Medel responstid under 10 minuter", "frequency", "yearly", "target_metric", "Medel responstid", "target_operator", "<", "target_value", "9", "target_unit", "minuter"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				c := testapp.Find(t, app, model.Controls, f.Controls["5"])
				if c.GetString("title") != "Medel responstid under 10 minuter" || c.GetString("target_value") != "9" {
					t.Fatalf("Expected the new title and target, got %q %q", c.GetString("title"), c.GetString("target_value"))
				}
			},
		},
		{
			Name: "an adopted plan's control cannot be edited", Method: http.MethodPost,
			URL: "/plans/" + f.Plan + "/controls/" + f.Controls["5"], Headers: post, TestAppFactory: testapp.WebFactory,
			Body:            form("number", "5", "title", "Ny rubrik", "frequency", "yearly"),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{"Planen är antagen"},
		},
		{
			Name: "an owner cannot edit a draft's control", Method: http.MethodPost,
			URL: "/plans/" + f.Plan + "/controls/" + f.Controls["1"], TestAppFactory: draftFactory,
			Headers: with(testapp.Cookie(f, "ansvarig"), "Content-Type", "application/x-www-form-urlencoded"),
			Body:    form("number", "1", "title", "Kapad"), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if c := testapp.Find(t, app, model.Controls, f.Controls["1"]); c.GetString("title") == "Kapad" {
					t.Fatalf("Expected the title unchanged")
				}
			},
		},
		{
			Name: "a control of another plan is not found under this one", Method: http.MethodGet,
			URL: "/plans/doesnotexist123/controls/" + f.Controls["5"] + "/edit", Headers: testapp.Cookie(f, "samordnare"),
			TestAppFactory: draftFactory, ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "delete a draft's control", Method: http.MethodPost,
			URL: "/plans/" + f.Plan + "/controls/" + f.Controls["7"] + "/delete", Headers: post, TestAppFactory: draftFactory,
			Body: formBody("reason", "Kontrollen ingår i punkt 6."), ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if _, err := app.FindRecordById(model.Controls, f.Controls["7"]); err == nil {
					t.Fatalf("Expected control 7 deleted")
				}
			},
		},
		{
			Name: "an adopted plan's control cannot be deleted", Method: http.MethodPost,
			URL: "/plans/" + f.Plan + "/controls/" + f.Controls["7"] + "/delete", Headers: post, TestAppFactory: testapp.WebFactory,
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{"kontrollpunkter kan bara tas bort medan planen är ett utkast"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				testapp.Find(t, app, model.Controls, f.Controls["7"])
			},
		},
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}
