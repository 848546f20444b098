package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

func init() {
	m.Register(createCommonControls, dropCommonControls)
}

// executiveCoordinator is a coordinator of kommunstyrelsen: a coordinator
// who belongs to the board marked executive (boards.executive, which only
// a superuser sets, in the dashboard).
const executiveCoordinator = signedIn + ` && ` + coordinator + ` && @request.auth.boards.executive ?= true`

// createCommonControls adds kommungemensamma kontroller: controls that
// kommunstyrelsen decides for a year and that every board's plan of that
// year carries with the same title, method and target (hooks/common.go).
//
//   - boards.executive marks kommunstyrelsen (at most one board; only
//     superusers set it: the boards' update rule keeps coordinators from
//     it, and a hook keeps everyone else);
//   - common_controls holds what kommunstyrelsen decided, per year; every
//     signed-in user reads them, kommunstyrelsen's coordinators write them;
//   - controls.common_control links a board's copy to its definition, once
//     per plan (a unique index).
func createCommonControls(app core.App) error {
	boards, err := app.FindCollectionByNameOrId("boards")
	if err != nil {
		return err
	}
	boards.Fields.Add(&core.BoolField{Name: "executive"})
	boards.UpdateRule = types.Pointer(coordinate("id") + ` && @request.body.executive:isset = false`)
	if err := app.Save(boards); err != nil {
		return err
	}

	common := core.NewBaseCollection("common_controls", "ikcommonctrl001")
	common.Fields.Add(
		intField("year", true, 2000, 2100),
		text("title", true, 300),
		text("process", false, 200),
		text("description", false, 10000),
		sel("method", false, methods...),
		sel("frequency", true, frequencies...),
		text("legal_refs", false, 500),
		&core.BoolField{Name: "confidential"},
		text("target_metric", false, 200),
		sel("target_operator", false, "<", "<=", "=", ">=", ">"),
		text("target_value", false, 30),
		text("target_unit", false, 50),
	)
	timestamps(common)
	common.AddIndex("idx_common_controls_year_title", true, "year, title", "")
	rules(common, signedIn, executiveCoordinator, executiveCoordinator, executiveCoordinator)
	if err := app.Save(common); err != nil {
		return err
	}

	controls, err := app.FindCollectionByNameOrId("controls")
	if err != nil {
		return err
	}
	controls.Fields.Add(rel("common_control", common.Id, false, false))
	controls.AddIndex("idx_controls_plan_common", true, "plan, common_control", "common_control != ''")
	controls.AddIndex("idx_controls_common", false, "common_control", "")
	return app.Save(controls)
}

func dropCommonControls(app core.App) error {
	controls, err := app.FindCollectionByNameOrId("controls")
	if err != nil {
		return err
	}
	controls.RemoveIndex("idx_controls_plan_common")
	controls.RemoveIndex("idx_controls_common")
	controls.Fields.RemoveByName("common_control")
	if err := app.Save(controls); err != nil {
		return err
	}
	if common, err := app.FindCollectionByNameOrId("common_controls"); err == nil {
		if err := app.Delete(common); err != nil {
			return err
		}
	}
	boards, err := app.FindCollectionByNameOrId("boards")
	if err != nil {
		return err
	}
	boards.Fields.RemoveByName("executive")
	boards.UpdateRule = types.Pointer(coordinate("id"))
	return app.Save(boards)
}
