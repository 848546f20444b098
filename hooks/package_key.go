package hooks

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"ikplan/internal/auditpkg"
	"ikplan/internal/model"
)

// bindPackageKey keeps the public key that signs the auditor's packages on
// the settings record, where the dashboard shows it: the server sets its
// fields on every save of the settings, whoever saves them and whatever
// they send, and creates the key (and shows it) when the server starts.
// Scope "package".
func bindPackageKey(app core.App) {
	// first of the settings' validators, so that what was sent is checked
	// by all of them as any text is (broken or too long, it is refused
	// naming the field), and replaced only once it passed
	app.OnRecordValidate(model.Settings).Bind(&hook.Handler[*core.RecordEvent]{Id: "ikplanPackageKey", Priority: -1, Func: func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		return auditpkg.SetKeyFields(e.App, e.Record)
	}})
	app.OnServe().BindFunc(func(e *core.ServeEvent) error {
		if _, err := auditpkg.InstanceKey(e.App); err != nil {
			e.App.Logger().Error("the package key could not be created", "error", err)
		}
		return e.Next()
	})
}
