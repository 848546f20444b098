package hooks

import (
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"ikplan/internal/model"
)

// bindActor runs every REST API write (the dashboard's and each of the
// batch API's requests too) in a transaction that knows who made it: e.App
// becomes an app carrying the write (model.RunAs), and the API's own save or
// delete with it hands the write to every hook, so the history names the
// user or superuser.
func bindActor(app core.App) {
	asActor := func(e *core.RecordRequestEvent) error {
		if err := checkDates(e); err != nil {
			return err
		}
		orig := e.App
		defer func() { e.App = orig }()
		return model.RunAs(orig, model.ActorFromAuth(e.Auth), func(txApp core.App) error {
			e.App = txApp
			return e.Next()
		})
	}
	app.OnRecordCreateRequest().BindFunc(asActor)
	app.OnRecordUpdateRequest().BindFunc(asActor)
	app.OnRecordDeleteRequest().BindFunc(asActor)
}

// checkDates refuses a date the REST API would otherwise quietly store as
// empty: PocketBase casts an unreadable date to none.
func checkDates(e *core.RecordRequestEvent) error {
	if e.Collection == nil || e.Request.Method == http.MethodDelete {
		return nil
	}
	// the request info holds values already cast; read the body again as sent
	body := map[string]any{}
	if err := e.BindBody(&body); err != nil {
		return nil // PocketBase reports an unreadable body itself
	}
	errs := fieldErrors{}
	for _, f := range e.Collection.Fields {
		if f.Type() != core.FieldTypeDate {
			continue
		}
		raw, ok := body[f.GetName()].(string)
		if !ok || strings.TrimSpace(raw) == "" {
			continue
		}
		if d, _ := types.ParseDateTime(raw); d.IsZero() {
			errs.add(f.GetName(), "ikplan.date.invalid", "field", fieldKey(f.GetName()))
		}
	}
	return errs.err()
}
