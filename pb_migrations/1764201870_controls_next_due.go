package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"ikplan/internal/model"
)

func init() {
	m.Register(addControlNextDue, dropControlNextDue)
}

// nextDueIndexes replace the indexes of the unreported controls by due
// date (migrations 1764201600 and 1764201700) by the same on next_due, the
// due date of a control's earliest unreported period (model.NextDue): a
// control reported more often than yearly falls due per period, and the
// menu's count and the overdue list read it by that date. Partial on the
// literal PocketBase writes for "reported = false", as before.
var nextDueIndexes = []struct{ old, name, columns, oldColumns string }{
	{"idx_controls_unreported_owner_due", "idx_controls_unreported_owner_next_due", "owner, next_due", "owner, due"},
	{"idx_controls_unreported_due", "idx_controls_unreported_next_due", "next_due, position", "due, position"},
}

// addControlNextDue adds next_due and next_period to controls, kept by the
// hooks with reported, moves the indexes of the unreported controls to
// next_due and fills both in from the results as they stand. next_period
// is hidden: the server's own text, which the pages and reminders read,
// not a field anyone writes or the API needs to show.
func addControlNextDue(app core.App) error {
	err := changeControls(app, func(c *core.Collection) {
		c.Fields.Add(&core.DateField{Name: "next_due"}, &core.TextField{Name: "next_period", Max: 20, Hidden: true})
		for _, ix := range nextDueIndexes {
			c.RemoveIndex(ix.old)
			c.AddIndex(ix.name, false, ix.columns, "reported = 0")
		}
	})
	if err != nil {
		return err
	}
	return model.BackfillReported(app)
}

func dropControlNextDue(app core.App) error {
	return changeControls(app, func(c *core.Collection) {
		for _, ix := range nextDueIndexes {
			c.RemoveIndex(ix.name)
			c.AddIndex(ix.old, false, ix.oldColumns, "reported = 0")
		}
		c.Fields.RemoveByName("next_period")
		c.Fields.RemoveByName("next_due")
	})
}
