package hooks_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestServerOwnedFieldsOverREST: transferred_to is set only by a transfer,
// so a PATCH or create that tries it is refused naming the field, whoever
// sends it; performed_by is the person who saves the result, a coordinator
// may name an owner or coordinator of the board, and a superuser any
// member of it.
func TestServerOwnedFieldsOverREST(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	headers := func(role string) map[string]string {
		return map[string]string{"Authorization": f.Tokens[role], "Content-Type": "application/json"}
	}
	result := func(key string) string { return "/api/collections/results/records/" + f.Results[key] }
	action := "/api/collections/actions/records/" + f.Actions["2"]
	performedBy := func(user string) func(t testing.TB, app *tests.TestApp, res *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			r, err := app.FindFirstRecordByFilter(model.Results, "control = {:c}", map[string]any{"c": f.Controls["1"]})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.GetString("performed_by"); got != f.Users[user] {
				t.Fatalf("Expected performed_by %s (%s), got %s", user, f.Users[user], got)
			}
		}
	}
	var scenarios []tests.ApiScenario
	for _, role := range []string{"samordnare", "ansvarig", "superuser"} {
		scenarios = append(scenarios,
			tests.ApiScenario{
				Name: role + " sets an action's transferred_to", Method: http.MethodPatch, URL: action,
				Body: strings.NewReader(`{"transferred_to":"` + f.IAN + `"}`), Headers: headers(role),
				ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"transferred_to":{"code":"validation_ikplan"`, "Överför"},
			},
			tests.ApiScenario{
				Name: role + " marks a result transferred", Method: http.MethodPatch, URL: result("1"),
				Body:           strings.NewReader(`{"outcome":"not_performed","not_performed_reason":"Flyttad.","transferred_to":"` + f.IAN + `"}`),
				Headers:        headers(role),
				BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { dropDeviations(t, app, f, "1") },
				ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"transferred_to":{"code":"validation_ikplan"`},
			},
		)
	}
	scenarios = append(scenarios,
		tests.ApiScenario{
			Name: "a superuser clears the seed's transfer", Method: http.MethodPatch, URL: result("HR1"),
			Body: strings.NewReader(`{"transferred_to":""}`), Headers: headers("superuser"),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"transferred_to"`},
		},
		tests.ApiScenario{
			Name: "an owner's result names the owner, whoever the body names", Method: http.MethodPatch, URL: result("1"),
			Body: strings.NewReader(`{"performed_by":"` + f.Users["raddning"] + `","account":"Granskat igen."}`), Headers: headers("ansvarig"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"performed_by":"` + f.Users["ansvarig"] + `"`},
			AfterTestFunc: performedBy("ansvarig"),
		},
		tests.ApiScenario{
			Name: "a coordinator records a result on behalf of an owner of the board", Method: http.MethodPatch, URL: result("1"),
			Body: strings.NewReader(`{"performed_by":"` + f.Users["raddning"] + `"}`), Headers: headers("samordnare"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"performed_by":"` + f.Users["raddning"] + `"`},
			AfterTestFunc: performedBy("raddning"),
		},
		tests.ApiScenario{
			Name: "a coordinator cannot name a reader as the one who performed it", Method: http.MethodPatch, URL: result("1"),
			Body: strings.NewReader(`{"performed_by":"` + f.Users["lasare"] + `"}`), Headers: headers("samordnare"),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"performed_by":{"code":"validation_ikplan"`, "kontrollansvarig eller IK-samordnare"},
		},
		tests.ApiScenario{
			Name: "a coordinator cannot name someone of another board", Method: http.MethodPatch, URL: result("1"),
			Body: strings.NewReader(`{"performed_by":"` + f.Users["annan"] + `"}`), Headers: headers("samordnare"),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"performed_by":{"code":"validation_ikplan"`, "planens nämnd"},
		},
		tests.ApiScenario{
			Name: "a superuser names any member of the board", Method: http.MethodPatch, URL: result("1"),
			Body: strings.NewReader(`{"performed_by":"` + f.Users["lasare"] + `"}`), Headers: headers("superuser"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"performed_by":"` + f.Users["lasare"] + `"`},
		},
		tests.ApiScenario{
			Name: "a superuser cannot name someone of another board", Method: http.MethodPatch, URL: result("1"),
			Body: strings.NewReader(`{"performed_by":"` + f.Users["annan"] + `"}`), Headers: headers("superuser"),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"performed_by"`},
		},
		tests.ApiScenario{
			Name: "a new result of an owner is theirs, performed today", Method: http.MethodPost, URL: "/api/collections/results/records",
			Body:    strings.NewReader(`{"control":"` + f.Controls["1"] + `","period":"2024","outcome":"no_deviation","account":"Klart.","performed_by":"` + f.Users["samordnare"] + `"}`),
			Headers: headers("ansvarig"),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				deleteRecord(t, app, model.Results, f.Results["1"])
			},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"performed_by":"` + f.Users["ansvarig"] + `"`, `"performed_on":"2025-03-15 00:00:00.000Z"`},
		},
	)
	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}
}

// dropDeviations removes the deviations of control key's result, so that
// its outcome may change.
func dropDeviations(t testing.TB, app core.App, f *testapp.Fixture, key string) {
	t.Helper()
	devs, err := app.FindRecordsByFilter(model.Deviations, "result = {:r}", "", 0, 0, map[string]any{"r": f.Results[key]})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range devs {
		if err := app.Delete(d); err != nil {
			t.Fatal(err)
		}
	}
}

func deleteRecord(t testing.TB, app core.App, collection, id string) {
	t.Helper()
	if err := testapp.Delete(app, collection, id); err != nil {
		t.Fatal(err)
	}
}

// TestTransferOnlyByTransfer: transferred_to changes only inside a
// transfer (model.RunCarry), made by a coordinator of both boards, the
// system or a superuser.
func TestTransferOnlyByTransfer(t *testing.T) {
	t.Parallel()
	transfer := func(key, role string) func(app *tests.TestApp, f *testapp.Fixture) error {
		return func(app *tests.TestApp, f *testapp.Fixture) error {
			actor := model.System
			if key != "" {
				actor = model.Actor{Kind: model.ActorUser, Id: f.Users[key], Name: key, Role: role}
			}
			return model.RunAs(app, actor, func(tx core.App) error {
				return model.RunCarry(tx, func(tx core.App) error {
					return testapp.Update(tx, model.Actions, f.Actions["2"], map[string]any{"transferred_to": f.IAN})
				})
			})
		}
	}
	runRules(t, []ruleCase{
		{
			name: "the demo loaded its transferred control",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if got := testapp.Find(t, app, model.Results, f.Results["HR1"]).GetString("transferred_to"); got != f.IAN {
					t.Fatalf("Expected HR 1 transferred to IAN, got %q", got)
				}
				return nil
			},
		},
		{
			name: "the system sets it directly: refused outside a transfer",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Actions, f.Actions["2"], map[string]any{"transferred_to": f.IAN})(app, f)
			},
			refused: "transferred_to", contains: "Överför",
		},
		{name: "a coordinator of both boards transfers", write: transfer("samordnare", model.RoleCoordinator)},
		{name: "the system transfers", write: transfer("", "")},
		{
			name:    "a coordinator of one board cannot transfer",
			write:   transfer("ansvarig", model.RoleCoordinator), // ansvarig belongs to KS only
			refused: "transferred_to", contains: "båda nämnderna",
		},
		{
			name:    "an owner cannot transfer, even in a transfer",
			write:   transfer("hr", model.RoleOwner),
			refused: "transferred_to", contains: "IK-samordnare",
		},
		{
			name: "a transferred result cannot be taken back outside a transfer",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["HR1"], map[string]any{"transferred_to": ""})(app, f)
			},
			refused: "transferred_to",
		},
	})
}

// TestDoneAndPerformedDates: the day an action was done and a control
// performed is the person's to give — today when they give none — and lies
// between 1 January of the plan's year and today; a later save keeps it.
func TestDoneAndPerformedDates(t *testing.T) {
	t.Parallel()
	day := func(collection, key string, f *testapp.Fixture, field string) func(app *tests.TestApp) string {
		return func(app *tests.TestApp) string {
			id := f.Actions[key]
			if collection == model.Results {
				id = f.Results[key]
			}
			r, err := app.FindRecordById(collection, id)
			if err != nil {
				return err.Error()
			}
			return r.GetDateTime(field).Time().Format("2006-01-02")
		}
	}
	expect := func(collection, key, field, want string) func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
		return func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
			if got := day(collection, key, f, field)(app); got != want {
				t.Fatalf("Expected %s %s, got %s", field, want, got)
			}
		}
	}
	done := func(fields map[string]any) func(app *tests.TestApp, f *testapp.Fixture) error {
		return func(app *tests.TestApp, f *testapp.Fixture) error {
			all := map[string]any{"status": "done", "done_note": "Alla har dokumenterat."}
			for k, v := range fields {
				all[k] = v
			}
			return update(model.Actions, f.Actions["2"], all)(app, f)
		}
	}
	runRules(t, []ruleCase{
		{name: "done without a day is done today", write: done(nil), check: expect(model.Actions, "2", "done_on", "2025-03-15")},
		{name: "done on the day given", write: done(map[string]any{"done_on": "2024-11-30"}), check: expect(model.Actions, "2", "done_on", "2024-11-30")},
		{name: "not done in the future", write: done(map[string]any{"done_on": "2025-03-16"}), refused: "done_on", contains: "efter i dag"},
		{name: "not done before the plan's year", write: done(map[string]any{"done_on": "2023-12-31"}), refused: "done_on", contains: "2024-01-01"},
		{
			name: "a later save keeps the day, even sent empty",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := update(model.Actions, f.Actions["1"], map[string]any{"done_on": "2024-12-20"})(app, f); err != nil {
					return err
				}
				return update(model.Actions, f.Actions["1"], map[string]any{"done_note": "Omkonterad.", "done_on": ""})(app, f)
			},
			check: expect(model.Actions, "1", "done_on", "2024-12-20"),
		},
		{
			name: "a result is performed today unless a day is given",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["1"], map[string]any{"performed_on": ""})(app, f)
			},
			check: expect(model.Results, "1", "performed_on", "2025-03-15"),
		},
		{
			name: "a result performed on the day given",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["1"], map[string]any{"performed_on": "2025-01-10"})(app, f)
			},
			check: expect(model.Results, "1", "performed_on", "2025-01-10"),
		},
		{
			name: "a result is not performed in the future",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["1"], map[string]any{"performed_on": "2025-03-16"})(app, f)
			},
			refused: "performed_on", contains: "efter i dag",
		},
		{
			name: "a result is not performed before the plan's year",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Results, f.Results["1"], map[string]any{"performed_on": "2023-06-30"})(app, f)
			},
			refused: "performed_on", contains: "före planens år",
		},
	})
}
