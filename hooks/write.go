package hooks

import (
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// bindWrite hands every record hook the write it runs for (model.Write):
// PocketBase gives a model hook the write in the event's context only, and
// the app in e.App is its own, which knows nothing of it. Outermost of all
// (PriorityWrite), it replaces e.App with the app carrying the context's
// write (model.Carry), so that
//
//   - the rules read the write's actor, lookups and marks from e.App
//     (model.ActorOf(e.App), find, model.Carrying), and
//   - every nested save or delete made with e.App or a transaction of it
//     carries the write on — a rule's, a cascade the hooks make, and
//     PocketBase's own cascade of a delete (core's deleteRefRecords saves
//     and deletes without the event's context, but with e.App's
//     transaction) — so its history names the same actor.
//
// A hook that makes a context of its own for a nested write derives it
// from e.Context (TestHooksPassTheWriteOn).
func bindWrite(app core.App) {
	hooks := []recordHook{
		app.OnRecordValidate(),
		app.OnRecordCreate(), app.OnRecordCreateExecute(), app.OnRecordAfterCreateSuccess(),
		app.OnRecordUpdate(), app.OnRecordUpdateExecute(), app.OnRecordAfterUpdateSuccess(),
		app.OnRecordDelete(), app.OnRecordDeleteExecute(), app.OnRecordAfterDeleteSuccess(),
	}
	for _, h := range hooks {
		bindAt(h, "hook:write", PriorityWrite, carryWrite)
	}
}

func carryWrite(e *core.RecordEvent) error {
	orig := e.App
	e.App = model.Carry(orig, e.Context)
	defer func() { e.App = orig }()
	return e.Next()
}
