package hooks

import (
	"database/sql"
	"errors"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// bindReported keeps each control's progress — the "reported" flag and
// the next period due (model.Progress) — in the transaction of every write
// that can change it. It runs inside the history's transaction
// (PriorityRules, after PriorityHistory), so a write whose progress cannot
// be stored is rolled back with its history.
func bindReported(app core.App) {
	// a control saved: reckoned from its own frequency, due date and plan,
	// whatever the client sent
	own := func(e *core.RecordEvent) error {
		p, err := model.ProgressOf(e.App, e.Record)
		if errors.Is(err, sql.ErrNoRows) {
			p = model.Progress{} // no plan: validation refuses the control
		} else if err != nil {
			return err
		}
		p.Set(e.Record)
		return e.Next()
	}
	bindAt(app.OnRecordCreateExecute(model.Controls), "hook:reported.control", PriorityRules, own)
	bindAt(app.OnRecordUpdateExecute(model.Controls), "hook:reported.control", PriorityRules, own)

	// a result saved or removed: its control, and the one it left
	results := func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		ids := []string{model.AsResult(e.Record).Control()}
		if was := model.AsResult(e.Record.Original()).Control(); was != ids[0] {
			ids = append(ids, was)
		}
		return model.UpdateReported(e.App, ids...)
	}
	bindAt(app.OnRecordCreateExecute(model.Results), "hook:reported.result", PriorityRules, results)
	bindAt(app.OnRecordUpdateExecute(model.Results), "hook:reported.result", PriorityRules, results)
	bindAt(app.OnRecordDeleteExecute(model.Results), "hook:reported.result", PriorityRules, results)

	// a draft plan's year changed: its controls' periods changed
	bindAt(app.OnRecordUpdateExecute(model.Plans), "hook:reported.plan", PriorityRules, func(e *core.RecordEvent) error {
		moved := model.AsPlan(e.Record).Year() != model.AsPlan(e.Record.Original()).Year()
		if err := e.Next(); err != nil || !moved {
			return err
		}
		var ids []string
		if err := e.App.DB().Select("id").From(model.Controls).Where(dbx.HashExp{model.FieldControlPlan: e.Record.Id}).Column(&ids); err != nil {
			return err
		}
		return model.UpdateReported(e.App, ids...)
	})
}
