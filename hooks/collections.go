package hooks

import (
	"slices"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/internal/session"
)

// bindCollections keeps ikplan's collections in place: the rules are bound
// to their names, so a rename or delete in the dashboard would switch the
// rules off.
func bindCollections(app core.App) {
	ours := append(slices.Clone(model.Domain), model.AuditLog, model.Reminders, session.Sessions)
	app.OnCollectionUpdate().BindFunc(func(e *core.CollectionEvent) error {
		stored, err := e.App.FindCollectionByNameOrId(e.Collection.Id)
		if err == nil && stored.Name != e.Collection.Name && slices.Contains(ours, stored.Name) {
			return refuse("ikplan.collection.rename", "name", stored.Name)
		}
		return e.Next()
	})
	app.OnCollectionDelete().BindFunc(func(e *core.CollectionEvent) error {
		if slices.Contains(ours, e.Collection.Name) {
			return refuse("ikplan.collection.delete", "name", e.Collection.Name)
		}
		return e.Next()
	})
	// the SQL built from the rules goes with the fields and rules it was
	// built from (a rule can reach into other collections)
	forget := func(e *core.CollectionEvent) error {
		access.ForgetQueries(e.App)
		return e.Next()
	}
	app.OnCollectionAfterCreateSuccess().BindFunc(forget)
	app.OnCollectionAfterUpdateSuccess().BindFunc(forget)
	app.OnCollectionAfterDeleteSuccess().BindFunc(forget)
}
