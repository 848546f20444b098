package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addControlOwnerPlanIndex, dropControlOwnerPlanIndex)
}

// addControlOwnerPlanIndex finds a person's controls in this year's
// adopted plans (the menu's count on every page, the start page, the
// reminders) without reading their controls of every earlier year.
func addControlOwnerPlanIndex(app core.App) error {
	controls, err := app.FindCollectionByNameOrId("controls")
	if err != nil {
		return err
	}
	controls.AddIndex("idx_controls_owner_plan", false, "owner, plan", "")
	return app.Save(controls)
}

func dropControlOwnerPlanIndex(app core.App) error {
	controls, err := app.FindCollectionByNameOrId("controls")
	if err != nil {
		return err
	}
	controls.RemoveIndex("idx_controls_owner_plan")
	return app.Save(controls)
}
