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
		r := model.AsResult(e.Record)
		r.SetPeriod(strings.TrimSpace(r.Period()))
		canonicalNumber(r.Record, model.FieldResultMeasuredValue)
		r.SetTargetMet(false)
		control := model.AsControl(find(e.App, model.Controls, r.Control()))
		if control == nil {
			return
		}
		if met, ok := targetMet(control, r); ok {
			r.SetTargetMet(met)
		}
	})
	onSave(app, model.Results, func(e *core.RecordEvent) { h.performed(e.App, model.AsResult(e.Record)) })
	app.OnRecordValidate(model.Results).BindFunc(func(e *core.RecordEvent) error {
		return check(e, h.validateResult)
	})
}

// targetMet compares a result's measured value with its control's target;
// ok is false when there is no target or nothing was measured.
func targetMet(control *model.Control, result *model.Result) (met, ok bool) {
	op := control.TargetOperator()
	target, err1 := model.ParseDecimal(control.TargetValue())
	measured, err2 := model.ParseDecimal(result.MeasuredValue())
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
	control := model.AsControl(find(app, model.Controls, controlId))
	if control == nil {
		return i18n.Message{}
	}
	if plan := model.AsPlan(find(app, model.Plans, control.Plan())); plan != nil && plan.Status() == model.PlanDraft {
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
func (h *rules) performed(app core.App, r *model.Result) {
	if a := model.ActorOf(app); a.Kind == model.ActorUser {
		if a.Role != model.RoleCoordinator || r.PerformedBy() == "" {
			r.SetPerformedBy(a.Id)
		}
	}
	switch {
	case r.Outcome() == model.OutcomeNotPerformed:
		r.SetPerformedOn(time.Time{})
	case r.PerformedOn().IsZero():
		r.SetPerformedOn(h.today())
	}
}

func (h *rules) validateResult(e *core.RecordEvent, errs fieldErrors) {
	r := model.AsResult(e.Record)
	immutable(e, errs, model.FieldResultControl)
	control := model.AsControl(find(e.App, model.Controls, r.Control()))
	if control == nil {
		return
	}
	plan := model.AsPlan(find(e.App, model.Plans, control.Plan()))
	if plan == nil {
		return
	}
	if msg := reportable(e.App, control.Id); msg.Key != "" {
		errs.put(model.FieldResultControl, msg)
	}
	outcome := r.Outcome()
	year := plan.Year()

	if s := r.Period(); s != "" {
		checkPeriod(control.Record, year, s, outcome == model.OutcomeNotPerformed, errs)
		var other []struct{ Id string }
		err := e.App.RecordQuery(model.Results).Select("id").
			AndWhere(dbx.HashExp{model.FieldResultControl: control.Id, model.FieldResultPeriod: s}).
			AndWhere(dbx.Not(dbx.HashExp{model.FieldId: r.Id})).Limit(1).All(&other)
		failLookup(model.Results, "", err)
		if len(other) > 0 {
			errs.add(model.FieldResultPeriod, "ikplan.result.period_taken", "period", s)
		}
	}

	if mv := r.MeasuredValue(); mv != "" {
		if _, err := model.ParseDecimal(mv); err != nil {
			errs.add(model.FieldResultMeasuredValue, "ikplan.result.measured_number")
		}
	}
	if met, ok := targetMet(control, r); ok && !met && outcome == model.OutcomeNoDeviation {
		target, _ := model.ParseDecimal(control.TargetValue())
		measured, _ := model.ParseDecimal(r.MeasuredValue())
		errs.add(model.FieldResultOutcome, "ikplan.result.target_missed", "operator", "ikplan.operator."+control.TargetOperator(),
			"target", model.FormatDecimalSv(target), "unit", control.TargetUnit(), "measured", model.FormatDecimalSv(measured))
	}

	h.checkPerformed(e.App, r, plan, errs)
	checkSampled(e.App, r.Record, errs)
	transferredTo(e.App, r.Record, plan.Board(), errs)
	if outcome == model.OutcomeNotPerformed {
		if model.Blank(r.NotPerformedReason()) && r.TransferredTo() == "" {
			errs.add(model.FieldResultNotPerformedReason, "ikplan.result.not_performed_reason")
		}
	}
	if t := r.TransferredTo(); t != "" {
		if t == plan.Board() {
			errs.add(model.FieldResultTransferredTo, "ikplan.result.own_board")
		} else if outcome != model.OutcomeNotPerformed {
			errs.add(model.FieldResultTransferredTo, "ikplan.result.transfer_not_performed")
		}
	}

	if !r.IsNew() && model.AsResult(r.Original()).Outcome() == model.OutcomeDeviation && outcome != model.OutcomeDeviation {
		n, err := e.App.CountRecords(model.Deviations, dbx.HashExp{model.FieldDeviationResult: r.Id})
		failLookup(model.Deviations, "", err)
		if n > 0 {
			errs.add(model.FieldResultOutcome, "ikplan.result.has_deviations")
		}
	}
}

// checkPeriod: a period of a control is written as its frequency's
// periods are ("H1 2024", "Q3 2024", "2024"), in the plan's year; a control
// not performed may be reported for the whole year.
func checkPeriod(control *core.Record, year int, s string, wholeYear bool, errs fieldErrors) {
	p, err := model.ParsePeriod(s)
	freq := model.AsControl(control).Frequency()
	want := model.PeriodKindFor(freq)
	switch {
	case err != nil:
		errs.add(model.FieldResultPeriod, "ikplan.result.period_format", "example", periodExampleKey(want), "year", year)
	case p.Year != year:
		errs.add(model.FieldResultPeriod, "ikplan.result.period_year", "year", year)
	case p.Kind != want && !(wholeYear && p.Kind == model.PeriodYear):
		errs.add(model.FieldResultPeriod, "ikplan.result.period_kind", "frequency", "ikplan.freq_adverb."+freq, "example", periodExampleKey(want), "year", year)
	}
}

// checkPerformed: the day a control was performed lies in the plan's year
// or later, and not after today; who performed it belongs to the plan's
// board — for a coordinator's naming, as a control owner or coordinator.
func (h *rules) checkPerformed(app core.App, r *model.Result, plan *model.Plan, errs fieldErrors) {
	if d := r.PerformedOn(); !d.IsZero() && linkChanged(r.Record, model.FieldResultPerformedOn) {
		if msg, ok := dateMessage(d.Time(), h.today(), plan.Year(), model.FieldResultPerformedOn, "ikplan.when.performed"); ok {
			errs.put(model.FieldResultPerformedOn, msg)
		}
	}
	by := r.PerformedBy()
	if by == "" || !linkChanged(r.Record, model.FieldResultPerformedBy) {
		return
	}
	board := plan.Board()
	u := find(app, model.Users, by)
	switch {
	case !memberOf(u, board):
		errs.add(model.FieldResultPerformedBy, "ikplan.result.performed_by_member")
	case model.ActorOf(app).Kind != model.ActorUser:
	case model.AsUser(u).Role() != model.RoleOwner && model.AsUser(u).Role() != model.RoleCoordinator:
		errs.add(model.FieldResultPerformedBy, "ikplan.result.performed_by_role")
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
	field, to := transferOf(r)
	if r.IsNew() && to == "" {
		return
	}
	if !r.IsNew() {
		if _, was := transferOf(r.Original()); to == was {
			return
		}
	}
	if !model.Carrying(app) {
		errs.add(field, "ikplan.transfer.direct")
		return
	}
	if a := model.ActorOf(app); a.Kind == model.ActorUser {
		if a.Role != model.RoleCoordinator || !isMember(app, a.Id, board) || (to != "" && !isMember(app, a.Id, to)) {
			errs.add(field, "ikplan.transfer.role")
		}
	}
}

// transferOf is the field of a result or an action (r) that names the board
// it is transferred to, and that board.
func transferOf(r *core.Record) (field, to string) {
	if r.Collection().Name == model.Actions {
		return model.FieldActionTransferredTo, model.AsAction(r).TransferredTo()
	}
	return model.FieldResultTransferredTo, model.AsResult(r).TransferredTo()
}

// bindDeviations holds the rules of deviations.
func bindDeviations(app core.App, h *rules) {
	// the plan of the result's control, kept for lookups; fixed, like the
	// result, whatever a client sends
	onSave(app, model.Deviations, func(e *core.RecordEvent) {
		d := model.AsDeviation(e.Record)
		if !d.IsNew() {
			d.SetPlan(model.AsDeviation(d.Original()).Plan())
			return
		}
		d.SetPlan("")
		if res := model.AsResult(find(e.App, model.Results, d.Result())); res != nil {
			if c := model.AsControl(find(e.App, model.Controls, res.Control())); c != nil {
				d.SetPlan(c.Plan())
			}
		}
	})
	app.OnRecordCreate(model.Deviations).BindFunc(func(e *core.RecordEvent) error {
		if d := model.AsDeviation(e.Record); d.Status() == "" {
			d.SetStatus(model.DeviationOpen)
		}
		return e.Next()
	})
	app.OnRecordValidate(model.Deviations).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {
			d := model.AsDeviation(e.Record)
			immutable(e, errs, model.FieldDeviationResult)
			if d.IsNew() {
				if res := model.AsResult(find(e.App, model.Results, d.Result())); res != nil {
					if res.Outcome() != model.OutcomeDeviation {
						errs.add(model.FieldDeviationResult, "ikplan.deviation.outcome")
					} else if msg := reportable(e.App, res.Control()); msg.Key != "" {
						errs.put(model.FieldDeviationResult, msg)
					}
				}
			}
			if d.Status() == model.DeviationAccepted && model.Blank(d.AcceptanceReason()) {
				errs.add(model.FieldDeviationAcceptanceReason, "ikplan.deviation.acceptance_reason")
			}
		})
	})
}
