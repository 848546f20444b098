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
// reminders) without reading their controls of every earlier year, and
// the open significant deviations in date order.
func addControlOwnerPlanIndex(app core.App) error {
	controls, err := app.FindCollectionByNameOrId("controls")
	if err != nil {
		return err
	}
	controls.AddIndex("idx_controls_owner_plan", false, "owner, plan", "")
	if err := app.Save(controls); err != nil {
		return err
	}
	// the start page's open significant deviations, oldest first: read in
	// that order until fifty are found, not all of them sorted
	deviations, err := app.FindCollectionByNameOrId("deviations")
	if err != nil {
		return err
	}
	deviations.AddIndex("idx_deviations_open_significant", false, "status, significant, created", "")
	return app.Save(deviations)
}

func dropControlOwnerPlanIndex(app core.App) error {
	controls, err := app.FindCollectionByNameOrId("controls")
	if err != nil {
		return err
	}
	controls.RemoveIndex("idx_controls_owner_plan")
	if err := app.Save(controls); err != nil {
		return err
	}
	deviations, err := app.FindCollectionByNameOrId("deviations")
	if err != nil {
		return err
	}
	deviations.RemoveIndex("idx_deviations_open_significant")
	return app.Save(deviations)
}
