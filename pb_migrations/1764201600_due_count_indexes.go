package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addDueCountIndexes, dropDueCountIndexes)
}

// addDueCountIndexes lets the menu's count on every page (remind.CountDue)
// count a person's items due by today from an index, reading only those:
//   - their unreported controls by due date — partial, so that it holds
//     only what still lacks a result (this year's, mostly), not every
//     control they ever owned: 91 of the reference set's coordinator's
//     1,396. The condition is the one PocketBase writes for
//     "reported = false", a literal SQLite can match without a parameter;
//   - their actions by deadline with the status, so that SQLite passes
//     over the finished ones in the index without reading their rows.
//     Not partial: SQLite matches a partial index's condition against the
//     query's parameters, and then prepares the statement again on every
//     run (PocketBase binds a filter's text as parameters).
func addDueCountIndexes(app core.App) error {
	return eachDueCountIndex(app, func(c *core.Collection, name, columns, where string) {
		c.AddIndex(name, false, columns, where)
	})
}

func dropDueCountIndexes(app core.App) error {
	return eachDueCountIndex(app, func(c *core.Collection, name, _, _ string) { c.RemoveIndex(name) })
}

// eachDueCountIndex changes the controls and the actions by change, then
// saves them.
func eachDueCountIndex(app core.App, change func(c *core.Collection, name, columns, where string)) error {
	for _, ix := range [][4]string{
		{"controls", "idx_controls_unreported_owner_due", "owner, due", "reported = 0"},
		{"actions", "idx_actions_owner_deadline", "owner, deadline, status", ""},
	} {
		c, err := app.FindCollectionByNameOrId(ix[0])
		if err != nil {
			return err
		}
		change(c, ix[1], ix[2], ix[3])
		if err := app.Save(c); err != nil {
			return err
		}
	}
	return nil
}
