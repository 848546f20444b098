package hooks

import (
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/auditpkg"
	"ikplan/internal/model"
)

// bindPackageKey keeps the public key that signs the auditor's packages on
// the settings record, where the dashboard shows it: the server sets its
// fields on every save of the settings, whoever saves them and whatever
// they send, and creates the key (and shows it) when the server starts.
// Scope "package".
func bindPackageKey(app core.App) {
	app.OnRecordValidate(model.Settings).BindFunc(func(e *core.RecordEvent) error {
		if err := auditpkg.SetKeyFields(e.App, e.Record); err != nil {
			return err
		}
		return e.Next()
	})
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		if _, err := auditpkg.InstanceKey(e.App); err != nil {
			e.App.Logger().Error("the package key could not be created", "error", err)
		}
		return e.Next()
	})
}
