package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addUnreportedDueIndex, dropUnreportedDueIndex)
}

// unreportedDueIndex holds the controls that still lack a result, by due
// date and position: the coordinator's overdue list on the start page is
// everyone's such controls due before today, in that order. Without it
// SQLite walked the due-date index through every control of every past
// year (11,000 on the reference set, every one reported) to find the
// first 25: 7 ms, over a third of that start page. Partial on the literal
// PocketBase writes for "reported = false", as idx_controls_unreported_owner_due.
var unreportedDueIndex = [3]string{"idx_controls_unreported_due", "due, position", "reported = 0"}

func addUnreportedDueIndex(app core.App) error {
	return changeControls(app, func(c *core.Collection) {
		c.AddIndex(unreportedDueIndex[0], false, unreportedDueIndex[1], unreportedDueIndex[2])
	})
}

func dropUnreportedDueIndex(app core.App) error {
	return changeControls(app, func(c *core.Collection) { c.RemoveIndex(unreportedDueIndex[0]) })
}

// changeControls changes the controls collection by change and saves it.
func changeControls(app core.App, change func(c *core.Collection)) error {
	c, err := app.FindCollectionByNameOrId("controls")
	if err != nil {
		return err
	}
	change(c)
	return app.Save(c)
}
