package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addPlanStatusIndex, dropPlanStatusIndex)
}

// addPlanStatusIndex lets "the controls of adopted plans" (start page,
// reminders, the menu's count) start from the few adopted plans instead of
// reading every control ever planned: 12,000 rows on the reference set.
func addPlanStatusIndex(app core.App) error {
	plans, err := app.FindCollectionByNameOrId("plans")
	if err != nil {
		return err
	}
	plans.AddIndex("idx_plans_status", false, "status", "")
	return app.Save(plans)
}

func dropPlanStatusIndex(app core.App) error {
	plans, err := app.FindCollectionByNameOrId("plans")
	if err != nil {
		return err
	}
	plans.RemoveIndex("idx_plans_status")
	return app.Save(plans)
}
