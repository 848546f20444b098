package hooks

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// bindActions holds the rules of actions: where they belong, their deadline
// and precision, and what done and cancelled require.
func bindActions(app core.App, h *rules) {
	onSave(app, model.Actions, func(e *core.RecordEvent) { h.computeAction(e.App, e.Record) })
	app.OnRecordValidate(model.Actions).BindFunc(func(e *core.RecordEvent) error {
		return check(e, h.validateAction)
	})
}

// computeAction fills in what the server decides: the control and plan an
// action belongs to, the deadline as the end of its period, and done_on
// when the owner gives none.
func (h *rules) computeAction(app core.App, r *core.Record) {
	a := model.AsAction(r)
	if a.Status() == "" {
		a.SetStatus(model.ActionPlanned)
	}
	if a.DeadlinePrecision() == "" {
		a.SetDeadlinePrecision(model.PrecisionDay)
	}
	if dev := model.AsDeviation(find(app, model.Deviations, a.Deviation())); dev != nil && a.Control() == "" {
		if res := model.AsResult(find(app, model.Results, dev.Result())); res != nil {
			a.SetControl(res.Control())
		}
	}
	if c := model.AsControl(find(app, model.Controls, a.Control())); c != nil && a.Plan() == "" {
		a.SetPlan(c.Plan())
	}
	if d := a.Deadline(); !d.IsZero() {
		a.SetDeadline(model.NormalizeDeadline(d.Time(), a.DeadlinePrecision()))
	}
	// done_on is the day the action was done, as its owner gives it; today
	// when they give none. A done action keeps its day when a later save
	// leaves it out.
	switch {
	case a.Status() != model.ActionDone:
		a.SetDoneOn(time.Time{})
	case !a.DoneOn().IsZero():
	case !r.IsNew() && !model.AsAction(r.Original()).DoneOn().IsZero():
		a.SetDoneOn(model.AsAction(r.Original()).DoneOn().Time())
	default:
		a.SetDoneOn(h.today())
	}
}

func (h *rules) validateAction(e *core.RecordEvent, errs fieldErrors) {
	r := e.Record
	a := model.AsAction(r)
	immutable(e, errs, model.FieldActionPlan, model.FieldActionDeviation, model.FieldActionControl)
	if a.Deviation() == "" && a.Control() == "" && a.Risk() == "" {
		errs.add(model.FieldActionDeviation, "ikplan.action.belongs")
	}
	plan := model.AsPlan(find(e.App, model.Plans, a.Plan()))
	if dev := model.AsDeviation(find(e.App, model.Deviations, a.Deviation())); dev != nil {
		if res := model.AsResult(find(e.App, model.Results, dev.Result())); res != nil && res.Control() != a.Control() {
			errs.add(model.FieldActionControl, "ikplan.action.control_mismatch")
		}
	}
	if c := model.AsControl(find(e.App, model.Controls, a.Control())); c != nil && c.Plan() != a.Plan() {
		errs.add(model.FieldActionPlan, "ikplan.action.plan_mismatch")
	}
	if plan != nil {
		board := plan.Board()
		if k := model.AsRisk(find(e.App, model.Risks, a.Risk())); k != nil && k.Board() != board && linkChanged(r, model.FieldActionRisk) {
			errs.add(model.FieldActionRisk, "ikplan.action.risk_board")
		}
		// checked when given: an owner who has left the board since does
		// not keep the action from being closed
		if o := a.Owner(); o != "" && linkChanged(r, model.FieldActionOwner) {
			if msg, ok := ownerProblem(e.App, o, board); ok {
				errs.put(model.FieldActionOwner, msg)
			}
		}
		if t := a.TransferredTo(); t != "" && t == board {
			errs.add(model.FieldActionTransferredTo, "ikplan.action.own_board")
		}
		transferredTo(e.App, r, board, errs)
		if d := a.DoneOn(); !d.IsZero() && linkChanged(r, model.FieldActionDoneOn) {
			if msg, ok := dateMessage(d.Time(), h.today(), plan.Year(), model.FieldActionDoneOn, "ikplan.when.action_done"); ok {
				errs.put(model.FieldActionDoneOn, msg)
			}
		}
	}
	if cf := a.CarriedFrom(); cf != "" && cf == r.Id {
		errs.add(model.FieldActionCarriedFrom, "ikplan.action.carried_self")
	}
	switch a.Status() {
	case model.ActionDone:
		if model.Blank(a.DoneNote()) {
			errs.add(model.FieldActionDoneNote, "ikplan.action.done_note")
		}
	case model.ActionCancelled:
		if model.Blank(a.CancelReason()) {
			errs.add(model.FieldActionCancelReason, "ikplan.action.cancel_reason")
		}
	}
}
