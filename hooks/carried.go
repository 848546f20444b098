package hooks

import (
	"context"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// bindCarried holds the rules of an action continued in next year's plan
// (model "One open item per real action"): only the carry operation closes
// an action as continued or links it to its continuation, a continued
// action names its continuation in its board's plan of the next year, and
// removing that continuation (with its draft plan, say) opens the action
// again where it was. It is bound after the history and after bindActions.
func bindCarried(app core.App) {
	app.OnRecordValidate(model.Actions).BindFunc(func(e *core.RecordEvent) error {
		if err := e.Next(); err != nil {
			return err
		}
		errs := fieldErrors{}
		validateCarried(e, errs)
		return errs.err()
	})
	app.OnRecordDeleteExecute(model.Actions).BindFunc(func(e *core.RecordEvent) error {
		if err := reopenOriginal(e.App, e.Context, e.Record); err != nil {
			return err
		}
		return e.Next()
	})
}

// validateCarried refuses a continued status or a carried_to that the carry
// operation did not write, a continued action without its continuation,
// and a change of carried_from.
func validateCarried(e *core.RecordEvent, errs fieldErrors) {
	r := e.Record
	a := model.AsAction(r)
	carrying := model.Carrying(e.App)
	immutable(e, errs, model.FieldActionCarriedFrom)
	was := ""
	if !r.IsNew() {
		was = model.AsAction(r.Original()).Status()
	}
	status := a.Status()
	plan := model.AsPlan(find(e.App, model.Plans, a.Plan()))
	next := 0
	if plan != nil {
		next = model.ContinuedYear(plan.Year())
	}
	switch {
	case carrying:
	case status == model.ActionContinued && was != model.ActionContinued:
		errs.add(model.FieldActionStatus, "ikplan.carried.status_set", "year", next)
		return
	case was == model.ActionContinued && status != model.ActionContinued:
		errs.add(model.FieldActionStatus, "ikplan.carried.closed_here", "year", next)
		return
	}
	if !carrying && linkChanged(r, model.FieldActionCarriedTo) && (a.CarriedTo() != "" || !r.IsNew()) {
		errs.add(model.FieldActionCarriedTo, "ikplan.carried.set_by_carry")
		return
	}
	if status != model.ActionContinued {
		if a.CarriedTo() != "" {
			errs.add(model.FieldActionCarriedTo, "ikplan.carried.only_continued")
		}
		return
	}
	// a continued action names its continuation in its board's next plan
	to := model.AsAction(find(e.App, model.Actions, a.CarriedTo()))
	var toPlan *model.Plan
	if to != nil {
		toPlan = model.AsPlan(find(e.App, model.Plans, to.Plan()))
	}
	if to == nil || to.CarriedFrom() != r.Id || plan == nil || toPlan == nil ||
		toPlan.Board() != plan.Board() || toPlan.Year() != next {
		errs.add(model.FieldActionCarriedTo, "ikplan.carried.name_continuation", "year", next)
	}
}

// reopenOriginal opens the action that a removed action continued, when
// that one is closed as continued in it: planned or in progress as the
// continuation was (in progress when it was already finished), without its
// link. It is part of the carry operation, in the removal's transaction.
func reopenOriginal(app core.App, ctx context.Context, copy *core.Record) error {
	c := model.AsAction(copy)
	orig := model.AsAction(find(app, model.Actions, c.CarriedFrom()))
	if orig == nil || orig.Status() != model.ActionContinued || orig.CarriedTo() != copy.Id {
		return nil
	}
	status := c.Status()
	if !model.OpenStatus(status) {
		status = model.ActionInProgress
	}
	return model.RunCarry(app, func(tx core.App) error {
		rec, err := tx.FindRecordById(model.Actions, orig.Id)
		if err != nil {
			return err
		}
		orig := model.AsAction(rec)
		orig.SetStatus(status)
		orig.SetCarriedTo("")
		return tx.SaveWithContext(ctx, rec)
	})
}
