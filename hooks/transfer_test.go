package hooks_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestRiskMovesToSuccessor: a risk's board is fixed, except that a
// reorganisation may move it to the old board's successor; links made
// before the move still hold.
func TestRiskMovesToSuccessor(t *testing.T) {
	t.Parallel()
	succeed := func(app *tests.TestApp, f *testapp.Fixture) error {
		return testapp.Update(app, model.Boards, f.KS, map[string]any{"successor": f.IAN})
	}
	move := func(app *tests.TestApp, f *testapp.Fixture) error {
		return testapp.Update(app, model.Risks, f.Risk, map[string]any{"board": f.IAN, "unit": ""})
	}
	runRules(t, []ruleCase{
		{
			name:    "a risk cannot move to a board that is not its board's successor",
			write:   move,
			refused: "board", contains: "efterträdare",
		},
		{
			name: "a risk moves to its board's successor, without the old board's unit",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := succeed(app, f); err != nil {
					return err
				}
				return move(app, f)
			},
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if b := testapp.Find(t, app, model.Risks, f.Risk).GetString("board"); b != f.IAN {
					t.Fatalf("Expected the risk in IAN, got %s", b)
				}
			},
		},
		{
			name: "only someone of the receiving board can move a risk there",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := succeed(app, f); err != nil {
					return err
				}
				// ansvarig belongs to KS only
				return asUser(app, f, "ansvarig", model.RoleCoordinator, func(tx core.App) error {
					return testapp.Update(tx, model.Risks, f.Risk, map[string]any{"board": f.IAN, "unit": ""})
				})
			},
			refused: "board", contains: "som du själv hör till",
		},
		{
			name: "a coordinator of both boards moves a risk to the successor",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := succeed(app, f); err != nil {
					return err
				}
				return asUser(app, f, "samordnare", model.RoleCoordinator, func(tx core.App) error {
					return testapp.Update(tx, model.Risks, f.Risk, map[string]any{"board": f.IAN, "unit": ""})
				})
			},
		},
		{
			name: "a risk moving to the successor cannot keep the old board's unit",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := succeed(app, f); err != nil {
					return err
				}
				return testapp.Update(app, model.Risks, f.Risk, map[string]any{"board": f.IAN})
			},
			refused: "unit",
		},
		{
			name: "a control and an action keep their link to a risk that moved, and stay writable",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				// the link was decided with the plan, before its adoption
				if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
					return err
				}
				if err := testapp.Update(app, model.Controls, f.Controls["1"], map[string]any{"risk": f.Risk}); err != nil {
					return err
				}
				if err := testapp.ForceStatus(app, f.Plan, model.PlanAdopted); err != nil {
					return err
				}
				if err := testapp.Update(app, model.Actions, f.Actions["2"], map[string]any{"risk": f.Risk}); err != nil {
					return err
				}
				if err := succeed(app, f); err != nil {
					return err
				}
				if err := move(app, f); err != nil {
					return err
				}
				if err := testapp.Update(app, model.Controls, f.Controls["1"], map[string]any{"owner": f.Users["samordnare"]}); err != nil {
					return err
				}
				return testapp.Update(app, model.Actions, f.Actions["2"], map[string]any{"status": "planned"})
			},
		},
		{
			name: "a control cannot be newly linked to a risk of another board",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := succeed(app, f); err != nil {
					return err
				}
				if err := move(app, f); err != nil {
					return err
				}
				// in a draft, where the link may still be decided
				if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
					return err
				}
				return testapp.Update(app, model.Controls, f.Controls["3"], map[string]any{"risk": f.Risk})
			},
			refused: "risk", contains: "annan nämnds",
		},
		{
			name: "an action cannot be newly linked to a risk of another board",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := succeed(app, f); err != nil {
					return err
				}
				if err := move(app, f); err != nil {
					return err
				}
				return testapp.Update(app, model.Actions, f.Actions["8"], map[string]any{"risk": f.Risk})
			},
			refused: "risk", contains: "annan nämnd",
		},
	})
}
