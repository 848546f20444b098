package hooks_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestControlRules(t *testing.T) {
	t.Parallel()
	frozen := map[string]any{
		"title": "Ny rubrik", "description": "Nytt kontrollmoment", "method": "intervju", "frequency": "quarterly",
		"due": "2024-06-30", "confidential": true, "legal_refs": "6 kap 40 § KL", "report_to": "Kommunfullmäktige", "process": "Ny process",
		"target_metric": "Annat mått", "target_operator": "<=", "target_value": "12", "target_unit": "sekunder",
		"section": "Ny del", "number": 40, "position": 40,
	}
	var scenarios []ruleCase
	for field, value := range frozen {
		scenarios = append(scenarios, ruleCase{
			name: "after adoption the control's " + field + " is frozen",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Controls, f.Controls["5"], map[string]any{field: value})(app, f)
			},
			refused: field, contains: "Planen är antagen",
		})
	}
	scenarios = append(scenarios,
		ruleCase{
			name: "after adoption the control's unit and risk are frozen",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Controls, f.Controls["1"], map[string]any{"unit": "", "risk": f.Risk})(app, f)
			},
			refused: "unit", contains: "Planen är antagen",
		},
		ruleCase{
			name: "after adoption the control's owner may change",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Controls, f.Controls["5"], map[string]any{"owner": f.Users["ansvarig"]})(app, f)
			},
		},
		ruleCase{
			name: "a reported plan's control keeps even its owner",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := completeDemo(app, f, "2025-03-10"); err != nil {
					return err
				}
				return update(model.Controls, f.Controls["5"], map[string]any{"owner": f.Users["ansvarig"]})(app, f)
			},
			refused: "plan", contains: "återrapporterad",
		},
		ruleCase{
			name:    "a due date lies in the plan's year",
			write:   newControl(map[string]any{"due": "2026-01-31"}),
			refused: "due", contains: "2025",
		},
		ruleCase{
			name:  "a due date in the plan's year is taken",
			write: newControl(map[string]any{"due": "2025-12-31"}),
		},
		ruleCase{
			name: "no new control in an adopted plan",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.Controls, map[string]any{"plan": f.Plan, "number": 13, "title": "Ny", "owner": f.Users["ansvarig"]})
				return err
			},
			refused: "plan",
		},
		ruleCase{
			name: "no control removed from an adopted plan",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return testapp.Delete(app, model.Controls, f.Controls["7"])
			},
			refused: "-", contains: "utkast",
		},
		ruleCase{
			name: "a number is unique within its part of the plan",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, c, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				_, err = testapp.Create(app, model.Controls, map[string]any{"plan": c.GetString("plan"), "number": 1, "title": "Dubblett"})
				return err
			},
			refused: "number", contains: "nummer 1",
		},
		ruleCase{
			name: "the same number may stand in another part of the plan",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, c, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				_, err = testapp.Create(app, model.Controls, map[string]any{"plan": c.GetString("plan"), "section": "Arbetsmarknad", "number": 1, "title": "Annan del"})
				return err
			},
		},
		ruleCase{
			name:    "a target needs its value",
			write:   newControl(map[string]any{"target_metric": "Handläggningstid", "target_operator": "<"}),
			refused: "target_value",
		},
		ruleCase{
			name:    "a target value is a number",
			write:   newControl(map[string]any{"target_metric": "Handläggningstid", "target_operator": "<", "target_value": "tio"}),
			refused: "target_value",
		},
		ruleCase{
			name:    "a target needs its operator",
			write:   newControl(map[string]any{"target_metric": "Handläggningstid", "target_value": "10"}),
			refused: "target_operator",
		},
		ruleCase{
			name:  "a target value may use a decimal comma",
			write: newControl(map[string]any{"target_metric": "Handläggningstid", "target_operator": "<", "target_value": "8,5", "target_unit": "dagar"}),
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				c, err := app.FindFirstRecordByFilter(model.Controls, "number = 2 && section = 'Test'")
				if err != nil || c.GetString("target_value") != "8.5" {
					t.Fatalf("Expected target 8.5 stored, got %v %v", c, err)
				}
			},
		},
		ruleCase{
			name:    "the owner must belong to the plan's board",
			write:   newControl(map[string]any{"owner": "OWNER:raddning"}),
			refused: "owner",
		},
		ruleCase{
			name:    "a reader cannot own a control",
			write:   func(app *tests.TestApp, f *testapp.Fixture) error { return newControlInKS(app, f, f.Users["lasare"]) },
			refused: "owner", contains: "läsare eller revisor",
		},
		ruleCase{
			name:    "an auditor cannot own a control",
			write:   func(app *tests.TestApp, f *testapp.Fixture) error { return newControlInKS(app, f, f.Users["revisor"]) },
			refused: "owner", contains: "läsare eller revisor",
		},
		ruleCase{
			name: "the unit must belong to the plan's board",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return newControl(map[string]any{"unit": f.Unit})(app, f) // Ekonomiavdelningen is KS's
			},
			refused: "unit",
		},
		ruleCase{
			name: "a control's plan cannot change",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				plan, _, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				return update(model.Controls, f.Controls["1"], map[string]any{"plan": plan.Id})(app, f)
			},
			refused: "plan",
		},
	)
	runRules(t, scenarios)
}

// newControlInKS adds a control with the owner to a fresh KS 2025 draft.
func newControlInKS(app *tests.TestApp, f *testapp.Fixture, owner string) error {
	plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2025})
	if err != nil {
		return err
	}
	_, err = testapp.Create(app, model.Controls, map[string]any{"plan": plan.Id, "number": 1, "title": "Attest", "owner": owner})
	return err
}

// newControl adds control 2 in section "Test" to a fresh IAN draft plan;
// an "OWNER:key" owner is replaced by that user's id.
func newControl(fields map[string]any) func(app *tests.TestApp, f *testapp.Fixture) error {
	return func(app *tests.TestApp, f *testapp.Fixture) error {
		plan, _, err := draftPlanWithControl(app, f, f.Users["hr"])
		if err != nil {
			return err
		}
		all := map[string]any{"plan": plan.Id, "section": "Test", "number": 2, "title": "Testkontroll"}
		for k, v := range fields {
			if s, ok := v.(string); ok && len(s) > 6 && s[:6] == "OWNER:" {
				v = f.Users[s[6:]]
			}
			all[k] = v
		}
		_, err = testapp.Create(app, model.Controls, all)
		return err
	}
}

func TestRiskRules(t *testing.T) {
	t.Parallel()
	runRules(t, []ruleCase{
		{
			name: "the risk value is probability × consequence, whatever the client sends",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.RiskAssessments, f.Assessment, map[string]any{"probability": 4, "value": 25})(app, f)
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if v := testapp.Find(t, app, model.RiskAssessments, f.Assessment).GetInt("value"); v != 8 {
					t.Fatalf("Expected value 8, got %d", v)
				}
			},
		},
		{
			name: "probability stays within the scale",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.RiskAssessments, f.Assessment, map[string]any{"probability": 6})(app, f)
			},
			refused: "probability",
		},
		{
			name: "a 4×4 matrix refuses a consequence of 5",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := testapp.Update(app, model.Settings, f.Settings, map[string]any{"risk_scale": 4}); err != nil {
					return err
				}
				return testapp.Update(app, model.RiskAssessments, f.Assessment, map[string]any{"consequence": 5})
			},
			refused: "consequence", contains: "högst 4",
		},
		{
			name: "one assessment per risk and year",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.RiskAssessments, map[string]any{"risk": f.Risk, "year": 2024, "probability": 1, "consequence": 1})
				return err
			},
			refused: "risk", contains: "finns redan",
		},
		{
			name: "the settings cannot be deleted",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return testapp.Delete(app, model.Settings, f.Settings)
			},
			refused: "-", contains: "Inställningarna",
		},
		{
			name: "a risk's unit belongs to its board",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := testapp.Create(app, model.Risks, map[string]any{"board": f.IAN, "unit": f.Unit, "title": "Fel nämnd"})
				return err
			},
			refused: "unit",
		},
		{
			name: "a board cannot succeed itself",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				return update(model.Boards, f.KS, map[string]any{"successor": f.KS})(app, f)
			},
			refused: "successor",
		},
	})
}
