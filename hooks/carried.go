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
	carrying := model.Carrying(e.App)
	immutable(e, errs, "carried_from")
	was := ""
	if !r.IsNew() {
		was = r.Original().GetString("status")
	}
	status := r.GetString("status")
	plan := find(e.App, model.Plans, r.GetString("plan"))
	next := 0
	if plan != nil {
		next = model.ContinuedYear(plan.GetInt("year"))
	}
	switch {
	case carrying:
	case status == model.ActionContinued && was != model.ActionContinued:
		errs.add("status", "ikplan.carried.status_set", "year", next)
		return
	case was == model.ActionContinued && status != model.ActionContinued:
		errs.add("status", "ikplan.carried.closed_here", "year", next)
		return
	}
	if !carrying && linkChanged(r, "carried_to") && (r.GetString("carried_to") != "" || !r.IsNew()) {
		errs.add("carried_to", "ikplan.carried.set_by_carry")
		return
	}
	if status != model.ActionContinued {
		if r.GetString("carried_to") != "" {
			errs.add("carried_to", "ikplan.carried.only_continued")
		}
		return
	}
	// a continued action names its continuation in its board's next plan
	to := find(e.App, model.Actions, r.GetString("carried_to"))
	var toPlan *core.Record
	if to != nil {
		toPlan = find(e.App, model.Plans, to.GetString("plan"))
	}
	if to == nil || to.GetString("carried_from") != r.Id || plan == nil || toPlan == nil ||
		toPlan.GetString("board") != plan.GetString("board") || toPlan.GetInt("year") != next {
		errs.add("carried_to", "ikplan.carried.name_continuation", "year", next)
	}
}

// reopenOriginal opens the action that a removed action continued, when
// that one is closed as continued in it: planned or in progress as the
// continuation was (in progress when it was already finished), without its
// link. It is part of the carry operation, in the removal's transaction.
func reopenOriginal(app core.App, ctx context.Context, copy *core.Record) error {
	orig := find(app, model.Actions, copy.GetString("carried_from"))
	if orig == nil || orig.GetString("status") != model.ActionContinued || orig.GetString("carried_to") != copy.Id {
		return nil
	}
	status := copy.GetString("status")
	if !model.OpenStatus(status) {
		status = model.ActionInProgress
	}
	return model.RunCarry(app, func(tx core.App) error {
		orig, err := tx.FindRecordById(model.Actions, orig.Id)
		if err != nil {
			return err
		}
		orig.Set("status", status)
		orig.Set("carried_to", "")
		return tx.SaveWithContext(ctx, orig)
	})
}
