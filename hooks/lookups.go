package hooks

import (
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// bindLookups drops every record written from its write's lookup cache
// (model.CacheLookups, which e.App carries: bindWrite) once the write has
// run, so that a rule checked later in the same write reads the record as
// it now is.
func bindLookups(app core.App) {
	forget := func(e *core.RecordEvent) error {
		err := e.Next()
		model.ForgetLookup(e.App, e.Record.Collection().Name, e.Record.Id)
		return err
	}
	bindAt(app.OnRecordCreateExecute(), "hook:lookups", PriorityLookups, forget)
	bindAt(app.OnRecordUpdateExecute(), "hook:lookups", PriorityLookups, forget)
	bindAt(app.OnRecordDeleteExecute(), "hook:lookups", PriorityLookups, forget)
}
