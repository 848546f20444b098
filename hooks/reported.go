package hooks

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// bindReported keeps each control's progress — the "reported" flag and
// the next period due (model.Progress) — in the transaction of every write
// that can change it. It is bound after the history, so it runs inside the
// history's transaction.
func bindReported(app core.App) {
	// a control saved: reckoned from its own frequency, due date and plan,
	// whatever the client sent
	own := func(e *core.RecordEvent) error {
		p, err := model.ProgressOf(e.App, e.Record)
		if err != nil {
			p = model.Progress{}
		}
		p.Set(e.Record)
		return e.Next()
	}
	app.OnRecordCreateExecute(model.Controls).BindFunc(own)
	app.OnRecordUpdateExecute(model.Controls).BindFunc(own)

	// a result saved or removed: its control, and the one it left
	results := func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		ids := []string{e.Record.GetString("control")}
		if was := e.Record.Original().GetString("control"); was != ids[0] {
			ids = append(ids, was)
		}
		return model.UpdateReported(e.App, ids...)
	}
	app.OnRecordCreateExecute(model.Results).BindFunc(results)
	app.OnRecordUpdateExecute(model.Results).BindFunc(results)
	app.OnRecordDeleteExecute(model.Results).BindFunc(results)

	// a draft plan's year changed: its controls' periods changed
	app.OnRecordUpdateExecute(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		moved := e.Record.GetInt("year") != e.Record.Original().GetInt("year")
		if err := e.Next(); err != nil || !moved {
			return err
		}
		var ids []string
		if err := e.App.DB().Select("id").From(model.Controls).Where(dbx.HashExp{"plan": e.Record.Id}).Column(&ids); err != nil {
			return err
		}
		return model.UpdateReported(e.App, ids...)
	})
}
