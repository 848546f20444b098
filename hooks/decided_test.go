package hooks_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// notDecided are the fields of a control that the board does not decide:
// its identity and times, the plan it belongs to (fixed once written), the
// owner (people leave) and what the server keeps of its results (the
// reported flag, the next unreported period and its due date), and the link
// to a common control (bindCommon keeps it, with its own message). Every other
// field must be frozen once the plan is adopted.
var notDecided = []string{"id", "created", "updated", "plan", "owner", "reported", "next_due", "next_period", "common_control"}

// TestEveryControlFieldIsClassified: a field added to controls is either
// frozen with the board's decision or named here as not decided; no new
// field slips past the freeze unnoticed.
func TestEveryControlFieldIsClassified(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	col, err := app.FindCollectionByNameOrId(model.Controls)
	if err != nil {
		t.Fatal(err)
	}
	for _, fl := range col.Fields {
		frozen, free := slices.Contains(model.FrozenControlFields, fl.GetName()), slices.Contains(notDecided, fl.GetName())
		if frozen == free {
			t.Errorf("Expected controls.%s either in model.FrozenControlFields or not decided, got frozen %v, not decided %v", fl.GetName(), frozen, free)
		}
	}
}

// TestAdoptedPlanDecidedFields: once a plan is adopted, every field the
// board decided about a control is refused over the REST API with a 400
// naming the field — for its coordinator and for a superuser — and
// nothing is written; the owner may still change, and the history records
// who changed it.
func TestAdoptedPlanDecidedFields(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	probe := testapp.New(t)
	control := testapp.Find(t, probe, model.Controls, f.Controls["5"]) // a target: the measured controls
	url := "/api/collections/controls/records/" + control.Id
	var scenarios []tests.ApiScenario
	for _, fl := range control.Collection().Fields {
		name := fl.GetName()
		if slices.Contains(notDecided, name) {
			continue
		}
		v, ok := changedValue(probe, control, fl)
		if !ok {
			t.Fatalf("Expected a changed value for controls.%s", name)
		}
		if name == "risk" {
			v = f.Risk // a risk of the plan's board
		}
		if name == "due" {
			v = "2024-11-30 00:00:00.000Z" // in the plan's year
		}
		body, _ := json.Marshal(map[string]any{name: v})
		for _, role := range []string{"samordnare", "superuser"} {
			var before string
			scenarios = append(scenarios, tests.ApiScenario{
				Name: role + " changes " + name, Method: http.MethodPatch, URL: url, Body: strings.NewReader(string(body)),
				Headers:         map[string]string{"Authorization": f.Tokens[role], "Content-Type": "application/json"},
				ExpectedStatus:  http.StatusBadRequest,
				ExpectedContent: []string{`"` + name + `":{"code":"validation_ikplan"`, "Planen är antagen"},
				TestAppFactory:  testapp.Factory,
				BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
					before = snapshot(t, app)
				},
				AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
					if after := snapshot(t, app); after != before {
						t.Errorf("Expected nothing written, got a change:\n%s", firstDifference(before, after))
					}
				},
			})
		}
	}
	scenarios = append(scenarios, tests.ApiScenario{
		Name: "the coordinator changes the owner", Method: http.MethodPatch, URL: url,
		Body:            strings.NewReader(`{"owner":"` + f.Users["ansvarig"] + `"}`),
		Headers:         map[string]string{"Authorization": f.Tokens["samordnare"], "Content-Type": "application/json"},
		ExpectedStatus:  http.StatusOK,
		ExpectedContent: []string{`"owner":"` + f.Users["ansvarig"] + `"`},
		TestAppFactory:  testapp.Factory,
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			row, err := app.FindFirstRecordByFilter(model.AuditLog, "record = {:r} && op = 'update'", dbx.Params{"r": f.Controls["5"]})
			if err != nil {
				t.Fatalf("Expected a history row of the owner's change, got %v", err)
			}
			var changes map[string][2]any
			if err := json.Unmarshal([]byte(row.GetString("changes")), &changes); err != nil {
				t.Fatal(err)
			}
			if row.GetString("actor") != "users/"+f.Users["samordnare"] || len(changes) != 1 ||
				changes["owner"] != [2]any{f.Users["raddning"], f.Users["ansvarig"]} {
				t.Fatalf("Expected the coordinator and owner raddning → ansvarig in the history, got %s %v", row.GetString("actor"), changes)
			}
		},
	})
	for _, s := range scenarios {
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}
}
