package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addActionOpenDeadlineIndex, dropActionOpenDeadlineIndex)
}

// addActionOpenDeadlineIndex lets the start page read the open actions
// by deadline until it has the first 25 overdue ones, instead of sorting
// every open action of every board (a partial index: only planned and
// in-progress actions, the way remind's filter writes them, so SQLite can
// tell the query's condition implies the index's).
func addActionOpenDeadlineIndex(app core.App) error {
	actions, err := app.FindCollectionByNameOrId("actions")
	if err != nil {
		return err
	}
	actions.AddIndex("idx_actions_open_deadline", false, "deadline, created", "(status = 'planned' OR status = 'in_progress')")
	return app.Save(actions)
}

func dropActionOpenDeadlineIndex(app core.App) error {
	actions, err := app.FindCollectionByNameOrId("actions")
	if err != nil {
		return err
	}
	actions.RemoveIndex("idx_actions_open_deadline")
	return app.Save(actions)
}
