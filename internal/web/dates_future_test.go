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

// TestNoDoneDateInTheFuture: the day a control was performed and the day
// an action was done are the person's to give, but never after today —
// whichever way they come in: the REST API (create and update, an owner, a
// coordinator or a superuser), the batch API and the web forms. Each is
// refused with a 4xx and a Swedish message that names the field, and
// nothing is saved. (Today is 2025-03-15; tomorrow is refused.)
func TestNoDoneDateInTheFuture(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	const tomorrow = "2025-03-16"
	performed := []string{"kan inte ligga efter i dag (2025-03-15)", "då kontrollen utfördes", "”Utförd den”"}
	done := []string{"kan inte ligga efter i dag (2025-03-15)", "då åtgärden blev klar", "”Klar den”"}
	rest := func(who string) map[string]string {
		return map[string]string{"Authorization": f.Tokens[who], "Content-Type": "application/json"}
	}
	json := func(s string) *strings.Reader { return strings.NewReader(s) }
	batch := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		s := app.Settings()
		s.Batch.Enabled, s.Batch.MaxRequests, s.Batch.Timeout = true, 50, 10
		if err := app.Save(s); err != nil {
			t.Fatal(err)
		}
	}
	// nothing saved: result 5 keeps its day, action 2 stays in progress,
	// control 3 has no result, and no new done action exists
	unchanged := func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if d := testapp.Find(t, app, model.Results, f.Results["5"]).GetDateTime("performed_on").String(); !strings.HasPrefix(d, "2024-12-31") {
			t.Errorf("Expected result 5 still performed on 2024-12-31, got %s", d)
		}
		if a := testapp.Find(t, app, model.Actions, f.Actions["2"]); a.GetString("status") != model.ActionInProgress || !a.GetDateTime("done_on").IsZero() {
			t.Errorf("Expected action 2 still in progress without a done day, got %s %s", a.GetString("status"), a.GetDateTime("done_on"))
		}
		if n := testapp.Count(t, app, model.Results, dbx.HashExp{"control": f.Controls["3"]}); n > 1 {
			t.Errorf("Expected no new result of control 3, got %d", n)
		}
		if n := testapp.Count(t, app, model.Actions, dbx.HashExp{"description": "Ny åtgärd klar i morgon."}); n != 0 {
			t.Errorf("Expected no new action, got %d", n)
		}
	}
	withoutResult3 := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		if err := testapp.Delete(app, model.Results, f.Results["3"]); err != nil {
			t.Fatal(err)
		}
	}
	newResult := `{"control":"` + f.Controls["3"] + `","period":"2024","outcome":"no_deviation","measured_value":"30","account":"Klart.","performed_on":"` + tomorrow + `"}`
	newAction := `{"control":"` + f.Controls["2"] + `","description":"Ny åtgärd klar i morgon.","owner":"` + f.Users["ansvarig"] +
		`","deadline":"2025-06-30","status":"done","done_note":"Klart.","done_on":"` + tomorrow + `"}`
	scenarios := []tests.ApiScenario{
		{
			Name: "REST: an owner creates a result performed tomorrow", Method: http.MethodPost, URL: "/api/collections/results/records",
			Headers: rest("raddning"), Body: json(newResult), BeforeTestFunc: withoutResult3,
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: append([]string{`"performed_on":{"code":"validation_ikplan"`}, performed...),
		},
		{
			Name: "REST: a coordinator moves a result's day to tomorrow", Method: http.MethodPatch, URL: "/api/collections/results/records/" + f.Results["5"],
			Headers: rest("samordnare"), Body: json(`{"performed_on":"` + tomorrow + `"}`),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: append([]string{`"performed_on":{"code":"validation_ikplan"`}, performed...),
		},
		{
			Name: "REST: a superuser (the dashboard) moves a result's day to tomorrow", Method: http.MethodPatch, URL: "/api/collections/results/records/" + f.Results["5"],
			Headers: rest("superuser"), Body: json(`{"performed_on":"` + tomorrow + `T10:00:00Z"}`),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: append([]string{`"performed_on":{"code":"validation_ikplan"`}, performed...),
		},
		{
			Name: "REST: an owner creates an action done tomorrow", Method: http.MethodPost, URL: "/api/collections/actions/records",
			Headers: rest("ansvarig"), Body: json(newAction),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: append([]string{`"done_on":{"code":"validation_ikplan"`}, done...),
		},
		{
			Name: "REST: an owner sets their action done tomorrow", Method: http.MethodPatch, URL: "/api/collections/actions/records/" + f.Actions["2"],
			Headers: rest("ansvarig"), Body: json(`{"status":"done","done_note":"Klart.","done_on":"` + tomorrow + `"}`),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: append([]string{`"done_on":{"code":"validation_ikplan"`}, done...),
		},
		{
			Name: "REST: a superuser sets an action done tomorrow", Method: http.MethodPatch, URL: "/api/collections/actions/records/" + f.Actions["2"],
			Headers: rest("superuser"), Body: json(`{"status":"done","done_note":"Klart.","done_on":"` + tomorrow + `"}`),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: append([]string{`"done_on":{"code":"validation_ikplan"`}, done...),
		},
		{
			Name: "batch: a result's day and an action's, tomorrow", Method: http.MethodPost, URL: "/api/batch",
			Headers: rest("samordnare"), BeforeTestFunc: batch,
			Body: json(`{"requests":[{"method":"PATCH","url":"/api/collections/actions/records/` + f.Actions["2"] + `","body":{"status":"done","done_note":"Klart.","done_on":"2025-03-10"}},` +
				`{"method":"PATCH","url":"/api/collections/results/records/` + f.Results["5"] + `","body":{"performed_on":"` + tomorrow + `"}}]}`),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: append([]string{`"performed_on":{"code":"validation_ikplan"`}, performed...),
		},
		{
			Name: "batch: an action done tomorrow", Method: http.MethodPost, URL: "/api/batch",
			Headers: rest("ansvarig"), BeforeTestFunc: batch,
			Body:           json(`{"requests":[{"method":"POST","url":"/api/collections/actions/records","body":` + newAction + `}]}`),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: append([]string{`"done_on":{"code":"validation_ikplan"`}, done...),
		},
		{
			Name: "form: the owner reports a result performed tomorrow", Method: http.MethodPost, URL: "/controls/" + f.Controls["5"] + "/results",
			Headers: with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded),
			Body: formBody("result", f.Results["5"], "period", "2024", "outcome", "no_deviation", "measured_value", "8.1",
				"account", "Mätt i SOS-systemet.", "performed_on", tomorrow),
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: append([]string{"<title>Fel: "}, performed...),
		},
		{
			Name: "form: the owner sets their action done tomorrow", Method: http.MethodPost, URL: "/actions/" + f.Actions["2"] + "/status",
			Headers:        with(testapp.Cookie(f, "ansvarig"), "Content-Type", urlencoded),
			Body:           formBody("status", "done", "done_note", "Klart.", "done_on", tomorrow),
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: append([]string{`id="as-done_on-` + f.Actions["2"] + `-error"`}, done...),
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.AfterTestFunc = unchanged
		if s.Name == "REST: an owner creates a result performed tomorrow" {
			s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := testapp.Count(t, app, model.Results, dbx.HashExp{"control": f.Controls["3"]}); n != 0 {
					t.Errorf("Expected no result of control 3 saved, got %d", n)
				}
			}
		}
		s.Test(t)
	}
	// today is fine, on every way in: the rule refuses the future only
	ok := []tests.ApiScenario{
		{
			Name: "REST: a result performed today", Method: http.MethodPatch, URL: "/api/collections/results/records/" + f.Results["5"],
			Headers: rest("samordnare"), Body: json(`{"performed_on":"2025-03-15"}`),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"performed_on":"2025-03-15 00:00:00.000Z"`},
		},
		{
			Name: "form: an action done today", Method: http.MethodPost, URL: "/actions/" + f.Actions["2"] + "/status",
			Headers:        with(testapp.Cookie(f, "ansvarig"), "Content-Type", urlencoded),
			Body:           formBody("status", "done", "done_note", "Klart.", "done_on", "2025-03-15"),
			ExpectedStatus: http.StatusSeeOther,
		},
	}
	for _, s := range ok {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}
