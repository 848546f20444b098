package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addAuditReason, dropAuditReason)
}

// addAuditReason gives each history row the reason its change was made,
// when one was given: a delete or a plan moved back, confirmed on a page
// that asks why.
func addAuditReason(app core.App) error {
	c, err := app.FindCollectionByNameOrId("audit_log")
	if err != nil {
		return err
	}
	c.Fields.Add(&core.TextField{Name: "reason", Max: 2000})
	return app.Save(c)
}

// dropAuditReason leaves the field: the history's fields are never removed
// (hooks/audit.go refuses it), and the reasons written belong to it.
func dropAuditReason(app core.App) error { return nil }
