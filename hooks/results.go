package hooks

import (
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// bindResults holds the rules of a control's results: the period, the
// outcome against the target, and the reasons a control was not performed.
func bindResults(app core.App, h *rules) {
	onSave(app, model.Results, func(e *core.RecordEvent) {
		r := e.Record
		r.Set("period", strings.TrimSpace(r.GetString("period")))
		canonicalNumber(r, "measured_value")
		r.Set("target_met", false)
		control := find(e.App, model.Controls, r.GetString("control"))
		if control == nil {
			return
		}
		if met, ok := targetMet(control, r); ok {
			r.Set("target_met", met)
		}
	})
	onSave(app, model.Results, func(e *core.RecordEvent) { h.performed(e.App, e.Record) })
	app.OnRecordValidate(model.Results).BindFunc(func(e *core.RecordEvent) error {
		return check(e, h.validateResult)
	})
}

// targetMet compares a result's measured value with its control's target;
// ok is false when there is no target or nothing was measured.
func targetMet(control, result *core.Record) (met, ok bool) {
	op := control.GetString("target_operator")
	target, err1 := model.ParseDecimal(control.GetString("target_value"))
	measured, err2 := model.ParseDecimal(result.GetString("measured_value"))
	if op == "" || err1 != nil || err2 != nil {
		return false, false
	}
	return model.TargetMet(op, target, measured), true
}

// reportable says why results and deviations of a control cannot be
// written yet (key "" when they can be): they are reported once the plan is adopted, not in a
// draft. (Nothing under a reported or archived plan is written at all:
// bindFrozen, for every collection under a plan. A draft's results are
// removed with the draft.)
func reportable(app core.App, controlId string) i18n.Message {
	control := find(app, model.Controls, controlId)
	if control == nil {
		return i18n.Message{}
	}
	if plan := find(app, model.Plans, control.GetString("plan")); plan != nil && plan.GetString("status") == model.PlanDraft {
		return i18n.M("ikplan.result.draft")
	}
	return i18n.Message{}
}

// performed fills in who performed a control and when, as far as the
// server decides: performed_by is the person who saves the result — a
// coordinator may name another person of the board (validateResult checks
// whom), an owner is always themselves — and performed_on is today unless
// the person gives the day; a control not performed was performed on no
// day, whatever the request says. The command line and superusers (the
// demo, an import) name whoever did it. Every way in meets this here, not
// in a handler.
func (h *rules) performed(app core.App, r *core.Record) {
	if a := model.ActorOf(app); a.Kind == model.ActorUser {
		if a.Role != model.RoleCoordinator || r.GetString("performed_by") == "" {
			r.Set("performed_by", a.Id)
		}
	}
	switch {
	case r.GetString("outcome") == model.OutcomeNotPerformed:
		r.Set("performed_on", "")
	case r.GetDateTime("performed_on").IsZero():
		r.Set("performed_on", h.today())
	}
}

func (h *rules) validateResult(e *core.RecordEvent, errs fieldErrors) {
	r := e.Record
	immutable(e, errs, "control")
	control := find(e.App, model.Controls, r.GetString("control"))
	if control == nil {
		return
	}
	plan := find(e.App, model.Plans, control.GetString("plan"))
	if plan == nil {
		return
	}
	if msg := reportable(e.App, control.Id); msg.Key != "" {
		errs.put("control", msg)
	}
	outcome := r.GetString("outcome")
	year := plan.GetInt("year")

	if s := r.GetString("period"); s != "" {
		checkPeriod(control, year, s, outcome == model.OutcomeNotPerformed, errs)
		var other []struct{ Id string }
		_ = e.App.RecordQuery(model.Results).Select("id").
			AndWhere(dbx.HashExp{"control": control.Id, "period": s}).
			AndWhere(dbx.Not(dbx.HashExp{"id": r.Id})).Limit(1).All(&other)
		if len(other) > 0 {
			errs.add("period", "ikplan.result.period_taken", "period", s)
		}
	}

	if mv := r.GetString("measured_value"); mv != "" {
		if _, err := model.ParseDecimal(mv); err != nil {
			errs.add("measured_value", "ikplan.result.measured_number")
		}
	}
	if met, ok := targetMet(control, r); ok && !met && outcome == model.OutcomeNoDeviation {
		target, _ := model.ParseDecimal(control.GetString("target_value"))
		measured, _ := model.ParseDecimal(r.GetString("measured_value"))
		errs.add("outcome", "ikplan.result.target_missed", "operator", "ikplan.operator."+control.GetString("target_operator"),
			"target", model.FormatDecimalSv(target), "unit", control.GetString("target_unit"), "measured", model.FormatDecimalSv(measured))
	}

	h.checkPerformed(e.App, r, plan, errs)
	checkSampled(e.App, r, errs)
	transferredTo(e.App, r, plan.GetString("board"), errs)
	if outcome == model.OutcomeNotPerformed {
		if model.Blank(r.GetString("not_performed_reason")) && r.GetString("transferred_to") == "" {
			errs.add("not_performed_reason", "ikplan.result.not_performed_reason")
		}
	}
	if t := r.GetString("transferred_to"); t != "" {
		if t == plan.GetString("board") {
			errs.add("transferred_to", "ikplan.result.own_board")
		} else if outcome != model.OutcomeNotPerformed {
			errs.add("transferred_to", "ikplan.result.transfer_not_performed")
		}
	}

	if !r.IsNew() && r.Original().GetString("outcome") == model.OutcomeDeviation && outcome != model.OutcomeDeviation {
		n, _ := e.App.CountRecords(model.Deviations, dbx.HashExp{"result": r.Id})
		if n > 0 {
			errs.add("outcome", "ikplan.result.has_deviations")
		}
	}
}

// checkPeriod: a period of a control is written as its frequency's
// periods are ("H1 2024", "Q3 2024", "2024"), in the plan's year; a control
// not performed may be reported for the whole year.
func checkPeriod(control *core.Record, year int, s string, wholeYear bool, errs fieldErrors) {
	p, err := model.ParsePeriod(s)
	want := model.PeriodKindFor(control.GetString("frequency"))
	switch {
	case err != nil:
		errs.add("period", "ikplan.result.period_format", "example", periodExampleKey(want), "year", year)
	case p.Year != year:
		errs.add("period", "ikplan.result.period_year", "year", year)
	case p.Kind != want && !(wholeYear && p.Kind == model.PeriodYear):
		errs.add("period", "ikplan.result.period_kind", "frequency", "ikplan.freq_adverb."+control.GetString("frequency"), "example", periodExampleKey(want), "year", year)
	}
}

// checkPerformed: the day a control was performed lies in the plan's year
// or later, and not after today; who performed it belongs to the plan's
// board — for a coordinator's naming, as a control owner or coordinator.
func (h *rules) checkPerformed(app core.App, r, plan *core.Record, errs fieldErrors) {
	if d := r.GetDateTime("performed_on"); !d.IsZero() && linkChanged(r, "performed_on") {
		if msg, ok := dateMessage(d.Time(), h.today(), plan.GetInt("year"), "performed_on", "ikplan.when.performed"); ok {
			errs.put("performed_on", msg)
		}
	}
	by := r.GetString("performed_by")
	if by == "" || !linkChanged(r, "performed_by") {
		return
	}
	board := plan.GetString("board")
	u := find(app, model.Users, by)
	switch {
	case !memberOf(u, board):
		errs.add("performed_by", "ikplan.result.performed_by_member")
	case model.ActorOf(app).Kind != model.ActorUser:
	case u.GetString("role") != model.RoleOwner && u.GetString("role") != model.RoleCoordinator:
		errs.add("performed_by", "ikplan.result.performed_by_role")
	}
}

// dateMessage says what is wrong with the day something under a plan of
// the year was done (model.DateProblem); ok is false when nothing is.
// field is the date's field, when the key of what the date is, as in "då
// kontrollen utfördes".
func dateMessage(d, today time.Time, year int, field, when string) (i18n.Message, bool) {
	switch model.DateProblem(d, today, year) {
	case "future":
		return i18n.M("ikplan.date.future", "when", when, "field", fieldKey(field), "today", today.Format(time.DateOnly)), true
	case "early":
		return i18n.M("ikplan.date.early", "when", when, "field", fieldKey(field), "year", year), true
	}
	return i18n.Message{}, false
}

// periodExampleKey is the key of the example of a period of kind, for a
// message's {t:example} (which takes the message's {year}).
func periodExampleKey(kind string) string { return "ikplan.period_example." + kind }

// transferredTo: a result or action is marked transferred to another board
// only by a transfer (model.RunCarry: a reorganisation, or a decision on
// next year's plan), made by someone who coordinates both boards — or by
// the system or a superuser. Whoever sets the field directly is refused:
// the item would leave the board's lists without anyone taking it over.
func transferredTo(app core.App, r *core.Record, board string, errs fieldErrors) {
	to := r.GetString("transferred_to")
	if (r.IsNew() && to == "") || (!r.IsNew() && to == r.Original().GetString("transferred_to")) {
		return
	}
	if !model.Carrying(app) {
		errs.add("transferred_to", "ikplan.transfer.direct")
		return
	}
	if a := model.ActorOf(app); a.Kind == model.ActorUser {
		if a.Role != model.RoleCoordinator || !isMember(app, a.Id, board) || (to != "" && !isMember(app, a.Id, to)) {
			errs.add("transferred_to", "ikplan.transfer.role")
		}
	}
}

// bindDeviations holds the rules of deviations.
func bindDeviations(app core.App, h *rules) {
	// the plan of the result's control, kept for lookups; fixed, like the
	// result, whatever a client sends
	onSave(app, model.Deviations, func(e *core.RecordEvent) {
		r := e.Record
		if !r.IsNew() {
			r.Set("plan", r.Original().GetString("plan"))
			return
		}
		r.Set("plan", "")
		if res := find(e.App, model.Results, r.GetString("result")); res != nil {
			if c := find(e.App, model.Controls, res.GetString("control")); c != nil {
				r.Set("plan", c.GetString("plan"))
			}
		}
	})
	app.OnRecordCreate(model.Deviations).BindFunc(func(e *core.RecordEvent) error {
		if e.Record.GetString("status") == "" {
			e.Record.Set("status", model.DeviationOpen)
		}
		return e.Next()
	})
	app.OnRecordValidate(model.Deviations).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {
			r := e.Record
			immutable(e, errs, "result")
			if r.IsNew() {
				if res := find(e.App, model.Results, r.GetString("result")); res != nil {
					if res.GetString("outcome") != model.OutcomeDeviation {
						errs.add("result", "ikplan.deviation.outcome")
					} else if msg := reportable(e.App, res.GetString("control")); msg.Key != "" {
						errs.put("result", msg)
					}
				}
			}
			if r.GetString("status") == model.DeviationAccepted && model.Blank(r.GetString("acceptance_reason")) {
				errs.add("acceptance_reason", "ikplan.deviation.acceptance_reason")
			}
		})
	})
}
