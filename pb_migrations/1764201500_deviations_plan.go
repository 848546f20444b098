package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addDeviationPlan, dropDeviationPlan)
}

// addDeviationPlan keeps on each deviation the plan of its result's
// control (all three links are fixed once written), so a page can find the
// open significant deviations of the plans a user sees by an index instead
// of reading every board's and letting the rule turn them away. The rule
// still decides who sees a deviation; the hooks set the plan.
func addDeviationPlan(app core.App) error {
	deviations, err := app.FindCollectionByNameOrId("deviations")
	if err != nil {
		return err
	}
	plans, err := app.FindCollectionByNameOrId("plans")
	if err != nil {
		return err
	}
	deviations.Fields.Add(&core.RelationField{Name: "plan", CollectionId: plans.Id, MaxSelect: 1})
	deviations.AddIndex("idx_deviations_plan_open", false, "plan, status, significant, created", "")
	if err := app.Save(deviations); err != nil {
		return err
	}
	_, err = app.DB().NewQuery(`UPDATE deviations SET plan = COALESCE((SELECT controls.plan FROM results
		JOIN controls ON controls.id = results.control WHERE results.id = deviations.result), '')`).Execute()
	return err
}

func dropDeviationPlan(app core.App) error {
	deviations, err := app.FindCollectionByNameOrId("deviations")
	if err != nil {
		return err
	}
	deviations.RemoveIndex("idx_deviations_plan_open")
	deviations.Fields.RemoveByName("plan")
	return app.Save(deviations)
}
