package hooks_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

// ruleCase is one write against a fresh copy of the test data set: refused
// names the field whose Swedish message must come back ("" = allowed, "-" =
// refused without a field), and check looks at the result.
type ruleCase struct {
	name     string
	write    func(app *tests.TestApp, f *testapp.Fixture) error
	refused  string
	contains string // a part of the message that must be present
	check    func(t *testing.T, app *tests.TestApp, f *testapp.Fixture)
}

func runRules(t *testing.T, scenarios []ruleCase) {
	t.Helper()
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			app := testapp.New(t)
			f := testapp.Fix(t)
			err := s.write(app, f)
			switch s.refused {
			case "":
				if err != nil {
					t.Fatalf("Expected the write to be allowed, got %v", err)
				}
			case "-":
				if err == nil {
					t.Fatalf("Expected the write to be refused, got no error")
				}
				if s.contains != "" && !strings.Contains(err.Error(), s.contains) {
					t.Fatalf("Expected a message containing %q, got %q", s.contains, err.Error())
				}
			default:
				fields := testapp.FieldErrors(err)
				msg, ok := fields[s.refused]
				if !ok {
					t.Fatalf("Expected a refusal naming field %q, got %v (%v)", s.refused, fields, err)
				}
				if s.contains != "" && !strings.Contains(msg, s.contains) {
					t.Fatalf("Expected the %s message to contain %q, got %q", s.refused, s.contains, msg)
				}
				if !looksSwedish(msg) {
					t.Fatalf("Expected a Swedish sentence for %s, got %q", s.refused, msg)
				}
			}
			if s.check != nil {
				s.check(t, app, f)
			}
		})
	}
}

// looksSwedish: a full sentence, not one of PocketBase's English defaults.
func looksSwedish(msg string) bool {
	english := []string{"Cannot be blank", "Invalid value", "must be", "Must be", "required"}
	for _, e := range english {
		if strings.Contains(msg, e) {
			return false
		}
	}
	return strings.HasSuffix(msg, ".") && len(msg) > 10
}

func update(collection, id string, fields map[string]any) func(app *tests.TestApp, f *testapp.Fixture) error {
	return func(app *tests.TestApp, f *testapp.Fixture) error {
		return testapp.Update(app, collection, id, fields)
	}
}

func asUser(app core.App, f *testapp.Fixture, key, role string, fn func(tx core.App) error) error {
	return model.RunAs(app, model.Actor{Kind: model.ActorUser, Id: f.Users[key], Name: key, Role: role}, fn)
}

// draftPlanWithControl makes a 2025 draft plan for IAN with one control.
func draftPlanWithControl(app core.App, f *testapp.Fixture, owner string) (plan, control *core.Record, err error) {
	plan, err = testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025})
	if err != nil {
		return nil, nil, err
	}
	control, err = testapp.Create(app, model.Controls, map[string]any{
		"plan": plan.Id, "number": 1, "title": "Försörjningsstöd – behörighet", "frequency": "yearly", "owner": owner,
		"due": "2025-11-30", "method": "stickprov", // what adoption needs (model.ReadinessOf)
	})
	return plan, control, err
}

func TestPlanRules(t *testing.T) {
	t.Parallel()
	adopt := map[string]any{"status": "adopted", "adopted_on": "2025-01-20", "adopted_ref": "§ 3, dnr IAN 2025/4"}
	runRules(t, []ruleCase{
		{
			name: "a new plan starts as a draft",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025})
				return err
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				p, err := app.FindFirstRecordByFilter(model.Plans, "board = {:b} && year = 2025", dbx.Params{"b": f.IAN})
				if err != nil || p.GetString("status") != "draft" {
					t.Fatalf("Expected a draft plan, got %v %v", p, err)
				}
			},
		},
		{
			name: "a new plan cannot start adopted",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025, "status": "adopted", "adopted_on": "2025-01-01", "adopted_ref": "§ 1"})
				return err
			},
			refused: "status",
		},
		{
			name: "one plan per board and year",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2024})
				return err
			},
			refused: "year", contains: "2024",
		},
		{
			name: "adopted cannot jump to archived",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Plans, f.Plan, map[string]any{"status": "archived"})(app, f)
			},
			refused: "status", contains: "utkast → antagen",
		},
		{
			name: "the board of a plan cannot change",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Plans, f.Plan, map[string]any{"board": f.IAN})(app, f)
			},
			refused: "board",
		},
		{
			name: "adoption needs the decision date",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				plan, _, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": "adopted", "adopted_ref": "§ 3"})
			},
			refused: "adopted_on",
		},
		{
			name: "adoption needs the decision's reference",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				plan, _, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": "adopted", "adopted_on": "2025-01-20"})
			},
			refused: "adopted_ref",
		},
		{
			name: "adoption needs at least one control",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025})
				if err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, plan.Id, adopt)
			},
			refused: "status", contains: "inga kontrollpunkter",
		},
		{
			name: "adoption needs an owner for every control",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				plan, _, err := draftPlanWithControl(app, f, "")
				if err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, plan.Id, adopt)
			},
			refused: "status", contains: "kontrollpunkt 1 saknar ansvarig",
		},
		{
			name: "a complete draft can be adopted",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				plan, _, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, plan.Id, adopt)
			},
		},
		{
			name: "a coordinator can take an adopted plan back to draft with a reason, and the history keeps the adoption",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				plan, _, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				if err := testapp.Update(app, model.Plans, plan.Id, adopt); err != nil {
					return err
				}
				return asUser(app, f, "samordnare", model.RoleCoordinator, func(tx core.App) error {
					return testapp.Update(tx, model.Plans, plan.Id, map[string]any{"status": "draft", "status_reason": "Fel nämnd i beslutet."})
				})
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				row, err := app.FindFirstRecordByFilter(model.AuditLog, "collection = 'plans' && op = 'update' && actor = {:a}", dbx.Params{"a": "users/" + f.Users["samordnare"]})
				if err != nil {
					t.Fatalf("Expected a history row for the plan, got %v", err)
				}
				var changes map[string][2]any
				if err := json.Unmarshal([]byte(row.GetString("changes")), &changes); err != nil {
					t.Fatal(err)
				}
				want := map[string][2]any{
					"status":        {"adopted", "draft"},
					"adopted_on":    {"2025-01-20 00:00:00.000Z", ""},
					"adopted_ref":   {"§ 3, dnr IAN 2025/4", ""},
					"status_reason": {"", "Fel nämnd i beslutet."},
				}
				if !reflect.DeepEqual(changes, want) {
					t.Fatalf("Expected the move, the undone adoption and the reason in one history row, got %v", changes)
				}
			},
		},
		{
			name: "an adopted plan with results cannot go back to draft",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return asUser(app, f, "samordnare", model.RoleCoordinator, func(tx core.App) error {
					return testapp.Update(tx, model.Plans, f.Plan, map[string]any{"status": "draft", "status_reason": "Ändrade kontrollpunkter."})
				})
			},
			refused: "status", contains: "20 kontrollresultat",
		},
		{
			name: "going back to draft needs a reason",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				plan, _, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				if err := testapp.Update(app, model.Plans, plan.Id, adopt); err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": "draft", "status_reason": "\u200b \u00a0"})
			},
			refused: "status_reason", contains: "varför",
		},
		{
			name: "only a coordinator can take an adopted plan back to draft",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return asUser(app, f, "ansvarig", model.RoleOwner, func(tx core.App) error {
					return testapp.Update(tx, model.Plans, f.Plan, map[string]any{"status": "draft", "status_reason": "Vill ändra."})
				})
			},
			refused: "status", contains: "IK-samordnare",
		},
		{
			name: "a reported plan is reopened by a coordinator with a reason; the history keeps the report",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := completeDemo(app, f, "2025-03-10"); err != nil {
					return err
				}
				return asUser(app, f, "samordnare", model.RoleCoordinator, func(tx core.App) error {
					return testapp.Update(tx, model.Plans, f.Plan, map[string]any{"status": "adopted", "status_reason": "Kontrollpunkt 8 redovisades fel."})
				})
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				p := testapp.Find(t, app, model.Plans, f.Plan)
				if p.GetString("status") != model.PlanAdopted || !p.GetDateTime("reported_on").IsZero() || p.GetString("adopted_ref") == "" {
					t.Fatalf("Expected the plan adopted again, its report cleared and its adoption kept, got %s %v %q",
						p.GetString("status"), p.GetDateTime("reported_on"), p.GetString("adopted_ref"))
				}
				row, err := app.FindFirstRecordByFilter(model.AuditLog, "record = {:p} && op = 'update' && actor = {:a}", dbx.Params{"p": f.Plan, "a": "users/" + f.Users["samordnare"]})
				if err != nil {
					t.Fatal(err)
				}
				for _, part := range []string{`"status":["reported","adopted"]`, `"reported_on":["2025-03-10 00:00:00.000Z",""]`, `"status_reason":["","Kontrollpunkt 8 redovisades fel."]`} {
					if !strings.Contains(row.GetString("changes"), part) {
						t.Fatalf("Expected %s in the reopen's history row, got %s", part, row.GetString("changes"))
					}
				}
			},
		},
		{
			name: "reopening needs a reason",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := completeDemo(app, f, "2025-03-10"); err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "adopted"})
			},
			refused: "status_reason",
		},
		{
			name: "each move back needs a new reason",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				plan, _, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				for _, status := range []string{"adopted", "draft", "adopted", "draft"} {
					fields := map[string]any{"status": status, "status_reason": "Samma skäl."}
					if status == "adopted" {
						fields = adopt
					}
					if err := testapp.Update(app, model.Plans, plan.Id, fields); err != nil {
						return err
					}
				}
				return nil
			},
			refused: "status_reason", contains: "detsamma",
		},
		{
			name: "only a coordinator can reopen a reported plan",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := completeDemo(app, f, "2025-03-10"); err != nil {
					return err
				}
				return asUser(app, f, "ansvarig", model.RoleOwner, func(tx core.App) error {
					return testapp.Update(tx, model.Plans, f.Plan, map[string]any{"status": "adopted", "status_reason": "Vill rätta."})
				})
			},
			refused: "status", contains: "IK-samordnare",
		},
		{
			name: "an archived plan is not reopened",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := completeDemo(app, f, "2025-03-10"); err != nil {
					return err
				}
				if err := testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "archived"}); err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "adopted", "status_reason": "Rättelse."})
			},
			refused: "status",
		},
		{
			name: "a reported plan's decision cannot change",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := completeDemo(app, f, "2025-03-10"); err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, f.Plan, map[string]any{"reported_ref": "KS § 99"})
			},
			refused: "reported_ref",
		},
		{
			name: "an adopted plan's adoption cannot change",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Plans, f.Plan, map[string]any{"adopted_on": "2024-02-01"})(app, f)
			},
			refused: "adopted_on",
		},
		{
			name: "a plan is not adopted in the future",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				plan, _, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				return testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": "adopted", "adopted_on": "2025-03-16", "adopted_ref": "§ 3"})
			},
			refused: "adopted_on", contains: "2025-03-15",
		},
		{
			name:    "a plan is not reported in the future",
			write:   func(app *tests.TestApp, f *testapp.Fixture) error { return completeDemo(app, f, "2025-04-01") },
			refused: "reported_on", contains: "i dag",
		},
		{
			name:    "a plan is not reported before it was adopted",
			write:   func(app *tests.TestApp, f *testapp.Fixture) error { return completeDemo(app, f, "2024-01-10") },
			refused: "reported_on", contains: "2024-01-29",
		},
		{
			name: "a plan with open gaps cannot be marked reported",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Plans, f.Plan, map[string]any{"status": "reported", "reported_on": "2025-03-10"})(app, f)
			},
			refused: "status", contains: "kontrollpunkt 8 saknar åtgärd",
		},
		{
			name:    "reporting needs the decision date",
			write:   func(app *tests.TestApp, f *testapp.Fixture) error { return completeDemo(app, f, "") },
			refused: "reported_on",
		},
		{
			name:  "a complete plan can be marked reported",
			write: func(app *tests.TestApp, f *testapp.Fixture) error { return completeDemo(app, f, "2025-03-10") },
		},
		{
			name: "a result with outcome deviation but no deviation blocks reporting",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := testapp.Delete(app, model.Deviations, f.Deviations["1"]); err != nil {
					return err
				}
				return completeDemo(app, f, "2025-03-10")
			},
			refused: "status", contains: "ingen beskriven avvikelse",
		},
		{
			name:    "an adopted plan cannot be deleted",
			write:   func(app *tests.TestApp, f *testapp.Fixture) error { return testapp.Delete(app, model.Plans, f.Plan) },
			refused: "-", contains: "bara ett utkast",
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if n := testapp.Count(t, app, model.Controls, dbx.HashExp{"plan": f.Plan}); n != 20 {
					t.Fatalf("Expected 20 controls kept, got %d", n)
				}
			},
		},
	})
}

// completeDemo gives the demo's significant deviations actions with a
// deadline and marks the plan reported.
func completeDemo(app core.App, f *testapp.Fixture, reportedOn string) error {
	for _, key := range []string{"8", "10"} {
		if err := testapp.Update(app, model.Actions, f.Actions[key], map[string]any{"deadline": "2025-09-30"}); err != nil {
			return err
		}
	}
	return testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "reported", "reported_on": reportedOn})
}
