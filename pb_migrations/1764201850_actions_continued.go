package pb_migrations

import (
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"ikplan/internal/model"
)

func init() {
	m.Register(addActionContinued, dropActionContinued)
}

// addActionContinued gives actions the status continued and the link
// carried_to (→ the action that continues it in next year's plan), so a
// continued action is closed where it was and open only in the new plan
// (model.CloseContinued). The carries made before are mended: each open
// action that already has a continuation in its board's next plan is
// closed as continued and linked to it, and nothing else is written.
func addActionContinued(app core.App) error {
	actions, err := app.FindCollectionByNameOrId("actions")
	if err != nil {
		return err
	}
	status, ok := actions.Fields.GetByName("status").(*core.SelectField)
	if ok && !slices.Contains(status.Values, model.ActionContinued) {
		status.Values = append(status.Values, model.ActionContinued)
	}
	actions.Fields.Add(&core.RelationField{Name: "carried_to", CollectionId: actions.Id, MaxSelect: 1})
	actions.AddIndex("idx_actions_carried_to", false, "carried_to", "")
	if err := app.Save(actions); err != nil {
		return err
	}
	_, err = model.CloseContinued(app)
	return err
}

// dropActionContinued opens the continued actions again as in progress
// and removes the status and the link.
func dropActionContinued(app core.App) error {
	if _, err := app.DB().NewQuery(`UPDATE actions SET status = 'in_progress' WHERE status = 'continued'`).Execute(); err != nil {
		return err
	}
	actions, err := app.FindCollectionByNameOrId("actions")
	if err != nil {
		return err
	}
	if status, ok := actions.Fields.GetByName("status").(*core.SelectField); ok {
		status.Values = slices.DeleteFunc(status.Values, func(v string) bool { return v == model.ActionContinued })
	}
	actions.RemoveIndex("idx_actions_carried_to")
	actions.Fields.RemoveByName("carried_to")
	return app.Save(actions)
}
