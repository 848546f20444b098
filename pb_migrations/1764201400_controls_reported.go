package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"ikplan/internal/model"
)

func init() {
	m.Register(addControlReported, dropControlReported)
}

// addControlReported keeps on each control whether its results cover its
// plan year (model.IsReported), so the start page, the menu's count and
// the plans' progress count unreported controls in SQL instead of reading
// every control's results; the hooks keep it from here on.
func addControlReported(app core.App) error {
	controls, err := app.FindCollectionByNameOrId("controls")
	if err != nil {
		return err
	}
	controls.Fields.Add(&core.BoolField{Name: "reported"})
	controls.AddIndex("idx_controls_plan_reported", false, "plan, reported", "")
	if err := app.Save(controls); err != nil {
		return err
	}
	return model.BackfillReported(app)
}

func dropControlReported(app core.App) error {
	controls, err := app.FindCollectionByNameOrId("controls")
	if err != nil {
		return err
	}
	controls.RemoveIndex("idx_controls_plan_reported")
	controls.Fields.RemoveByName("reported")
	return app.Save(controls)
}
