package hooks_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// cachedBatch runs fn as an import does: in one transaction whose lookups
// of plans, units, risks and users are kept (model.CacheLookups), after a
// first control in a fresh IAN draft plan, owned by hr, has made the rules
// read that plan and that owner. The error is fn's: the refusal of its write.
func cachedBatch(fn func(tx core.App, f *testapp.Fixture, plan *core.Record) error) func(app *tests.TestApp, f *testapp.Fixture) error {
	return func(app *tests.TestApp, f *testapp.Fixture) error {
		return model.RunAs(app, model.System, func(tx core.App) error {
			drop, err := model.CacheLookups(tx, model.Plans, model.Units, model.Risks, model.Users)
			if err != nil {
				return err
			}
			defer drop()
			plan, _, err := draftPlanWithControl(tx, f, f.Users["hr"])
			if err != nil {
				return err
			}
			return fn(tx, f, plan)
		})
	}
}

// secondControl adds control 2 to the plan with the fields given.
func secondControl(tx core.App, plan *core.Record, fields map[string]any) error {
	all := map[string]any{"plan": plan.Id, "number": 2, "title": "Andra kontrollen", "due": "2025-11-30", "method": "genomgang"}
	for k, v := range fields {
		all[k] = v
	}
	_, err := testapp.Create(tx, model.Controls, all)
	return err
}

// TestRulesInACachedBatch checks that every row of a batch whose lookups
// are kept meets the rules as the first did, and that a change made earlier
// in the same transaction is seen by the rules of the next row.
func TestRulesInACachedBatch(t *testing.T) {
	t.Parallel()
	runRules(t, []ruleCase{
		{
			name: "the second row with the same owner is allowed",
			write: cachedBatch(func(tx core.App, f *testapp.Fixture, plan *core.Record) error {
				return secondControl(tx, plan, map[string]any{"owner": f.Users["hr"]})
			}),
		},
		{
			name: "an owner of another board is refused after a member was read",
			write: cachedBatch(func(tx core.App, f *testapp.Fixture, plan *core.Record) error {
				return secondControl(tx, plan, map[string]any{"owner": f.Users["ansvarig"]})
			}),
			refused: "owner", contains: "planens nämnd",
		},
		{
			name: "an owner taken out of the board earlier in the transaction is refused",
			write: cachedBatch(func(tx core.App, f *testapp.Fixture, plan *core.Record) error {
				if err := testapp.Update(tx, model.Users, f.Users["hr"], map[string]any{"boards": []string{f.KS}}); err != nil {
					return err
				}
				return secondControl(tx, plan, map[string]any{"owner": f.Users["hr"]})
			}),
			refused: "owner", contains: "planens nämnd",
		},
		{
			name: "an owner made a reader earlier in the transaction is refused",
			write: cachedBatch(func(tx core.App, f *testapp.Fixture, plan *core.Record) error {
				if err := testapp.Update(tx, model.Users, f.Users["hr"], map[string]any{"role": model.RoleReader}); err != nil {
					return err
				}
				return secondControl(tx, plan, map[string]any{"owner": f.Users["hr"]})
			}),
			refused: "owner", contains: "läsare",
		},
		{
			name: "a plan adopted earlier in the transaction takes no more controls",
			write: cachedBatch(func(tx core.App, f *testapp.Fixture, plan *core.Record) error {
				adopt := map[string]any{"status": "adopted", "adopted_on": "2025-01-20", "adopted_ref": "§ 3, dnr IAN 2025/4"}
				if err := testapp.Update(tx, model.Plans, plan.Id, adopt); err != nil {
					return err
				}
				return secondControl(tx, plan, map[string]any{"owner": f.Users["hr"]})
			}),
			refused: "plan", contains: "antagen",
		},
		{
			name: "a unit of another board is refused though it was read before",
			write: cachedBatch(func(tx core.App, f *testapp.Fixture, plan *core.Record) error {
				if _, err := model.Find(tx, model.Units, f.Unit); err != nil {
					return err
				}
				return secondControl(tx, plan, map[string]any{"owner": f.Users["hr"], "unit": f.Unit})
			}),
			refused: "unit", contains: "annan nämnd",
		},
		{
			name: "the number of a control saved earlier in the transaction is taken",
			write: cachedBatch(func(tx core.App, f *testapp.Fixture, plan *core.Record) error {
				return secondControl(tx, plan, map[string]any{"number": 1})
			}),
			refused: "number", contains: "nummer 1",
		},
	})
}
