package pb_migrations_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestConfidential checks that readers see neither a confidential control
// (control 12) nor anything under it, while other roles of the board do.
func TestConfidential(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, role := range []string{"lasare", "ansvarig", "revisor", "samordnare"} {
		visible := role != "lasare"
		for _, c := range []struct{ collection, id string }{
			{model.Controls, f.Controls["12"]},
			{model.Results, f.Results["12"]},
		} {
			status := http.StatusNotFound
			if visible {
				status = http.StatusOK
			}
			s := tests.ApiScenario{
				Name: role + " views confidential " + c.collection, Method: http.MethodGet,
				URL: "/api/collections/" + c.collection + "/records/" + c.id, Headers: headers(f, role),
				ExpectedStatus: status, ExpectedContent: []string{`"`}, TestAppFactory: testapp.Factory,
			}
			s.Test(t)
		}
		want := `"totalItems":19`
		if visible {
			want = `"totalItems":20`
		}
		s := tests.ApiScenario{
			Name: role + " lists the plan's controls", Method: http.MethodGet,
			URL:     "/api/collections/controls/records?perPage=100&filter=" + urlq("plan='"+f.Plan+"'"),
			Headers: headers(f, role), ExpectedStatus: http.StatusOK, ExpectedContent: []string{want}, TestAppFactory: testapp.Factory,
		}
		s.Test(t)
	}

	// the fixture's deviation and action under the confidential control,
	// one by one and in the plan's lists
	for _, role := range []string{"lasare", "annan", "ansvarig", "revisor", "samordnare"} {
		visible := role != "lasare" && role != "annan"
		for _, c := range []struct{ collection, id, text string }{
			{model.Deviations, f.Deviations["12"], testapp.SecretDeviation},
			{model.Actions, f.Actions["12"], testapp.SecretAction},
		} {
			s := tests.ApiScenario{
				Name: role + " views confidential " + c.collection, Method: http.MethodGet,
				URL: "/api/collections/" + c.collection + "/records/" + c.id, Headers: headers(f, role),
				ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{`"`}, NotExpectedContent: []string{c.text},
				TestAppFactory: testapp.Factory,
			}
			if visible {
				s.ExpectedStatus, s.ExpectedContent, s.NotExpectedContent = http.StatusOK, []string{c.text}, nil
			}
			s.Test(t)
		}
		for _, c := range []struct {
			collection, filter, text string
			count                    int // what a reader counts; one more for those who see control 12
		}{
			{model.Deviations, "result.control.plan='" + f.Plan + "'", testapp.SecretDeviation, 8},
			{model.Actions, "plan='" + f.Plan + "'", testapp.SecretAction, 7},
		} {
			s := tests.ApiScenario{
				Name: role + " lists the plan's " + c.collection, Method: http.MethodGet,
				URL:     "/api/collections/" + c.collection + "/records?perPage=100&filter=" + urlq(c.filter),
				Headers: headers(f, role), ExpectedStatus: http.StatusOK, TestAppFactory: testapp.Factory,
			}
			switch {
			case visible:
				s.ExpectedContent = []string{fmt.Sprintf(`"totalItems":%d`, c.count+1), c.text}
			case role == "annan":
				s.ExpectedContent, s.NotExpectedContent = []string{`"totalItems":0`}, []string{c.text}
			default:
				s.ExpectedContent, s.NotExpectedContent = []string{fmt.Sprintf(`"totalItems":%d`, c.count)}, []string{c.text}
			}
			s.Test(t)
		}
	}
}

// TestHistoryOfNoBoard: history rows of no board (users, settings) are for
// superusers only; an empty board is nobody's.
func TestHistoryOfNoBoard(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, c := range []struct {
		role, want string
	}{{"samordnare", `"totalItems":0`}, {"revisor", `"totalItems":0`}, {"superuser", `"totalItems":9`}} {
		s := tests.ApiScenario{
			Name: c.role + " lists the users' history", Method: http.MethodGet,
			URL:     "/api/collections/audit_log/records?filter=" + urlq("collection='users'"),
			Headers: headers(f, c.role), ExpectedStatus: http.StatusOK, ExpectedContent: []string{c.want},
			TestAppFactory: testapp.Factory,
		}
		s.Test(t)
	}
}

// TestCoordinatorReadsThePlan is the core's "done when": the demo
// coordinator reads Kommunstyrelsen's 2024 plan with everything under it.
func TestCoordinatorReadsThePlan(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, c := range []struct {
		collection, filter string
		count              int
	}{
		{model.Plans, "board.name='Kommunstyrelsen' && year=2024 && status='adopted'", 1},
		{model.Controls, "plan='" + f.Plan + "'", 20},
		{model.Results, "control.plan='" + f.Plan + "'", 20},
		{model.Deviations, "result.control.plan='" + f.Plan + "'", 9}, // control 12's included
		{model.Actions, "plan='" + f.Plan + "'", 8},
	} {
		s := tests.ApiScenario{
			Name: "coordinator lists " + c.collection, Method: http.MethodGet,
			URL:     "/api/collections/" + c.collection + "/records?perPage=100&filter=" + urlq(c.filter),
			Headers: headers(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{fmt.Sprintf(`"totalItems":%d`, c.count)}, TestAppFactory: testapp.Factory,
		}
		s.Test(t)
	}
}

// TestRESTRefusals: a broken rule through the REST API is a 400 with a
// Swedish message keyed to the field, and leaves nothing behind.
func TestRESTRefusals(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	noHistory := func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if n := testapp.Count(t, app, model.AuditLog, dbx.NewExp("actor LIKE 'users/%' OR actor LIKE '_superusers/%'")); n != 0 {
			t.Fatalf("Expected no history row from a refused write, got %d", n)
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "missed target as no deviation", Method: http.MethodPatch,
			URL: "/api/collections/results/records/" + f.Results["5"], Body: strings.NewReader(`{"measured_value":"12,5"}`),
			Headers: headers(f, "raddning"), ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"outcome":{"code":"validation_ikplan","message":"Målet (under 10 minuter) är inte uppnått med 12,5`},
			AfterTestFunc:   noHistory,
		},
		{
			Name: "unknown select value", Method: http.MethodPost, URL: "/api/collections/results/records",
			Body:    strings.NewReader(fmt.Sprintf(`{"control":%q,"period":"2024","outcome":"bra"}`, f.Controls["1"])),
			Headers: headers(f, "samordnare"), ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"outcome":{"code":"validation_ikplan","message":"Ogiltigt val`},
			AfterTestFunc:   noHistory,
		},
		{
			Name: "missing required field", Method: http.MethodPost, URL: "/api/collections/deviations/records",
			Body:    strings.NewReader(fmt.Sprintf(`{"result":%q}`, f.Results["1"])),
			Headers: headers(f, "ansvarig"), ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"description":{"code":"validation_ikplan","message":"Skriv en beskrivning av avvikelsen – vad som inte stämde."`},
			AfterTestFunc:   noHistory,
		},
		{
			Name: "relation to a record that does not exist", Method: http.MethodPatch,
			URL: "/api/collections/actions/records/" + f.Actions["2"], Body: strings.NewReader(`{"owner":"doesnotexist123"}`),
			Headers: headers(f, "samordnare"), ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"owner":{"code":"validation_ikplan"`}, AfterTestFunc: noHistory,
		},
		{
			Name: "a date that is no date", Method: http.MethodPatch,
			URL: "/api/collections/controls/records/" + f.Controls["5"], Body: strings.NewReader(`{"due":"2025-13-45"}`),
			Headers: headers(f, "samordnare"), ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"due":{"code":"validation_ikplan","message":"Skriv ett giltigt datum i fältet ”Klar senast” (ÅÅÅÅ-MM-DD), t.ex. 2025-09-30."`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				noHistory(t, app, res)
				if d := testapp.Find(t, app, model.Controls, f.Controls["5"]).GetDateTime("due"); d.IsZero() {
					t.Fatalf("Expected the due date kept")
				}
			},
		},
		{
			Name: "malformed JSON", Method: http.MethodPost, URL: "/api/collections/plans/records",
			Body: strings.NewReader(`{"board":`), Headers: headers(f, "samordnare"),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"status":400`}, AfterTestFunc: noHistory,
		},
		{
			Name: "done without note", Method: http.MethodPatch,
			URL: "/api/collections/actions/records/" + f.Actions["2"], Body: strings.NewReader(`{"status":"done"}`),
			Headers: headers(f, "ansvarig"), ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"done_note":{"code":"validation_ikplan","message":"Beskriv vad som gjordes`},
			AfterTestFunc:   noHistory,
		},
		{
			Name: "a reader writes nothing", Method: http.MethodPatch,
			URL: "/api/collections/actions/records/" + f.Actions["2"], Body: strings.NewReader(`{"description":"x"}`),
			Headers: headers(f, "lasare"), ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{`"data":{}`},
			AfterTestFunc: noHistory,
		},
		{
			Name: "superuser cannot rewrite history", Method: http.MethodPatch,
			URL: "/api/collections/audit_log/records/" + f.AuditRow, Body: strings.NewReader(`{"actor":"someone"}`),
			Headers: headers(f, "superuser"), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Ändringshistoriken kan inte ändras"}, AfterTestFunc: noHistory,
		},
		{
			Name: "superuser cannot delete the history collection", Method: http.MethodDelete,
			URL: "/api/collections/audit_log", Headers: headers(f, "superuser"),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"status":400`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if _, err := app.FindCollectionByNameOrId(model.AuditLog); err != nil {
					t.Fatalf("Expected the history collection kept, got %v", err)
				}
			},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		s.Test(t)
	}
}

// TestRESTActor: a write through the REST API names its user, or the
// dashboard's superuser, in the history.
func TestRESTActor(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, c := range []struct{ role, actor, name string }{
		{"ansvarig", "users/" + f.Users["ansvarig"], "Anders Ansvarig"},
		{"superuser", "_superusers/", "admin@ikplan.test"},
	} {
		s := tests.ApiScenario{
			Name: c.role + " is named in the history", Method: http.MethodPatch,
			URL: "/api/collections/actions/records/" + f.Actions["2"], Body: strings.NewReader(`{"status":"in_progress","description":"Ny text."}`),
			Headers: headers(f, c.role), ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"description":"Ny text."`},
			TestAppFactory: testapp.Factory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				row, err := app.FindFirstRecordByFilter(model.AuditLog, "record = {:r} && op = 'update'", dbx.Params{"r": f.Actions["2"]})
				if err != nil {
					t.Fatalf("Expected a history row, got %v", err)
				}
				if !strings.HasPrefix(row.GetString("actor"), c.actor) || row.GetString("actor_name") != c.name {
					t.Fatalf("Expected actor %s (%s), got %s (%s)", c.actor, c.name, row.GetString("actor"), row.GetString("actor_name"))
				}
				if !strings.Contains(row.GetString("changes"), `"description":[`) {
					t.Fatalf("Expected the description change in the history, got %s", row.GetString("changes"))
				}
			},
		}
		s.Test(t)
	}
}
