package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addPlanStatusReason, dropPlanStatusReason)
}

// addPlanStatusReason gives plans the reason of their last move back
// (adopted → draft, reported → adopted): the hooks require a new one with
// every such move, so the history row of the move holds it.
func addPlanStatusReason(app core.App) error {
	plans, err := app.FindCollectionByNameOrId("plans")
	if err != nil {
		return err
	}
	plans.Fields.Add(&core.TextField{Name: "status_reason", Max: 2000})
	return app.Save(plans)
}

func dropPlanStatusReason(app core.App) error {
	plans, err := app.FindCollectionByNameOrId("plans")
	if err != nil {
		return err
	}
	plans.Fields.RemoveByName("status_reason")
	return app.Save(plans)
}
