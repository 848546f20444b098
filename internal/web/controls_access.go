package web

import (
	"errors"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

var errProbeDone = errors.New("create rule probed")

// mayCreate reports whether the collection's create rule lets the user
// create a record with the given fields, so a page offers only the forms
// the server will accept. A create rule speaks of the record as written, so
// like PocketBase's own create check it writes a bare row (without hooks or
// history) in a transaction that is always rolled back, and asks the rule
// about that row. save checks the rule again on the real record.
func mayCreate(app core.App, user *core.Record, collection string, fields map[string]any) bool {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil || col.CreateRule == nil || user == nil {
		return false
	}
	allowed := false
	_ = app.RunInTransaction(func(tx core.App) error {
		r := core.NewRecord(col)
		r.Id = core.GenerateDefaultRandomId()
		row := dbx.Params{"id": r.Id}
		for k, v := range fields {
			row[k] = v
			r.Set(k, v)
		}
		if _, err := tx.DB().Insert(col.Name, row).Execute(); err != nil {
			return err
		}
		allowed = may(tx, user, r, col.CreateRule)
		return errProbeDone
	})
	return allowed
}
