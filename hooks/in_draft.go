package hooks

import (
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// bindInDraft keeps each action's in_draft — whether its plan is a draft,
// so that the lists leave it out (model "One open item per real action") —
// in the transaction of every write that can change it: the action saved,
// whatever the client sent, and its plan leaving or going back to draft.
// It is bound after the history, so it runs inside the history's
// transaction.
func bindInDraft(app core.App) {
	own := func(e *core.RecordEvent) error {
		a := model.AsAction(e.Record)
		plan := model.AsPlan(find(e.App, model.Plans, a.Plan()))
		a.SetInDraft(plan != nil && plan.Status() == model.PlanDraft)
		return e.Next()
	}
	app.OnRecordCreateExecute(model.Actions).BindFunc(own)
	app.OnRecordUpdateExecute(model.Actions).BindFunc(own)

	app.OnRecordUpdateExecute(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		draft := model.AsPlan(e.Record).Status() == model.PlanDraft
		moved := draft != (model.AsPlan(e.Record.Original()).Status() == model.PlanDraft)
		if err := e.Next(); err != nil || !moved {
			return err
		}
		return model.SetInDraft(e.App, e.Record.Id, draft)
	})
}
