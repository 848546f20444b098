package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"ikplan/internal/model"
)

func init() {
	m.Register(addActionInDraft, dropActionInDraft)
}

// addActionInDraft keeps on each action whether its plan is a draft: the
// actions of a draft plan are on nobody's list until it is adopted, and the
// lists, which find open actions by their owner, status and deadline
// through indexes, leave them out by this field of the rows they read
// anyway, without a join to the plan. The hooks keep it from here on.
func addActionInDraft(app core.App) error {
	actions, err := app.FindCollectionByNameOrId("actions")
	if err != nil {
		return err
	}
	actions.Fields.Add(&core.BoolField{Name: "in_draft"})
	if err := app.Save(actions); err != nil {
		return err
	}
	return model.BackfillInDraft(app)
}

func dropActionInDraft(app core.App) error {
	actions, err := app.FindCollectionByNameOrId("actions")
	if err != nil {
		return err
	}
	actions.Fields.RemoveByName("in_draft")
	return app.Save(actions)
}
