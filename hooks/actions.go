package hooks

import (
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
	if r.GetString("status") == "" {
		r.Set("status", model.ActionPlanned)
	}
	if r.GetString("deadline_precision") == "" {
		r.Set("deadline_precision", model.PrecisionDay)
	}
	if dev := find(app, model.Deviations, r.GetString("deviation")); dev != nil && r.GetString("control") == "" {
		if res := find(app, model.Results, dev.GetString("result")); res != nil {
			r.Set("control", res.GetString("control"))
		}
	}
	if c := find(app, model.Controls, r.GetString("control")); c != nil && r.GetString("plan") == "" {
		r.Set("plan", c.GetString("plan"))
	}
	if d := r.GetDateTime("deadline"); !d.IsZero() {
		r.Set("deadline", model.NormalizeDeadline(d.Time(), r.GetString("deadline_precision")))
	}
	// done_on is the day the action was done, as its owner gives it; today
	// when they give none. A done action keeps its day when a later save
	// leaves it out.
	switch {
	case r.GetString("status") != model.ActionDone:
		r.Set("done_on", "")
	case !r.GetDateTime("done_on").IsZero():
	case !r.IsNew() && !r.Original().GetDateTime("done_on").IsZero():
		r.Set("done_on", r.Original().GetDateTime("done_on"))
	default:
		r.Set("done_on", h.today())
	}
}

func (h *rules) validateAction(e *core.RecordEvent, errs fieldErrors) {
	r := e.Record
	immutable(e, errs, "plan", "deviation", "control")
	if r.GetString("deviation") == "" && r.GetString("control") == "" && r.GetString("risk") == "" {
		errs.add("deviation", "ikplan.action.belongs")
	}
	plan := find(e.App, model.Plans, r.GetString("plan"))
	if dev := find(e.App, model.Deviations, r.GetString("deviation")); dev != nil {
		if res := find(e.App, model.Results, dev.GetString("result")); res != nil && res.GetString("control") != r.GetString("control") {
			errs.add("control", "ikplan.action.control_mismatch")
		}
	}
	if c := find(e.App, model.Controls, r.GetString("control")); c != nil && c.GetString("plan") != r.GetString("plan") {
		errs.add("plan", "ikplan.action.plan_mismatch")
	}
	if plan != nil {
		board := plan.GetString("board")
		if k := find(e.App, model.Risks, r.GetString("risk")); k != nil && k.GetString("board") != board && linkChanged(r, "risk") {
			errs.add("risk", "ikplan.action.risk_board")
		}
		// checked when given: an owner who has left the board since does
		// not keep the action from being closed
		if o := r.GetString("owner"); o != "" && linkChanged(r, "owner") {
			if msg, ok := ownerProblem(e.App, o, board); ok {
				errs.put("owner", msg)
			}
		}
		if t := r.GetString("transferred_to"); t != "" && t == board {
			errs.add("transferred_to", "ikplan.action.own_board")
		}
		transferredTo(e.App, r, board, errs)
		if d := r.GetDateTime("done_on"); !d.IsZero() && linkChanged(r, "done_on") {
			if msg, ok := dateMessage(d.Time(), h.today(), plan.GetInt("year"), "done_on", "ikplan.when.action_done"); ok {
				errs.put("done_on", msg)
			}
		}
	}
	if cf := r.GetString("carried_from"); cf != "" && cf == r.Id {
		errs.add("carried_from", "ikplan.action.carried_self")
	}
	switch r.GetString("status") {
	case model.ActionDone:
		if model.Blank(r.GetString("done_note")) {
			errs.add("done_note", "ikplan.action.done_note")
		}
	case model.ActionCancelled:
		if model.Blank(r.GetString("cancel_reason")) {
			errs.add("cancel_reason", "ikplan.action.cancel_reason")
		}
	}
}
