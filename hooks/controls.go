package hooks

import (
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// bindControls holds the rules of a plan's controls: unique numbers, a
// well-formed target and a due date in the plan's year; bindFrozen keeps
// the fields the board decided once the plan is adopted.
func bindControls(app core.App, h *rules) {
	onSave(app, model.Controls, func(e *core.RecordEvent) {
		c := model.AsControl(e.Record)
		if c.IsNew() && c.Frequency() == "" {
			c.SetFrequency(model.FreqYearly)
		}
		if c.IsNew() && c.Position() == 0 && c.Plan() != "" {
			var max struct{ N int }
			err := e.App.RecordQuery(model.Controls).Select("COALESCE(MAX(position), 0) AS n").
				AndWhere(dbx.HashExp{model.FieldControlPlan: c.Plan()}).One(&max)
			failLookup(model.Controls, "", err)
			c.SetPosition(max.N + 1)
		}
		canonicalNumber(e.Record, model.FieldControlTargetValue)
	})
	app.OnRecordValidate(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		return check(e, h.validateControl)
	})
	app.OnRecordCreate(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		// a common control's copy joins an adopted plan too (bindCommon)
		c := model.AsControl(e.Record)
		if plan := model.AsPlan(find(e.App, model.Plans, c.Plan())); plan != nil && plan.Status() != model.PlanDraft &&
			!(plan.Status() == model.PlanAdopted && c.CommonControl() != "") {
			return fieldErrors{model.FieldControlPlan: i18n.M("ikplan.control.add_draft", "status", planStatusKey(plan.Status()))}.err()
		}
		return e.Next()
	})
	app.OnRecordDelete(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		// a common control's copy leaves an adopted plan with its definition
		c := model.AsControl(e.Record)
		if plan := model.AsPlan(find(e.App, model.Plans, c.Plan())); plan != nil && plan.Status() != model.PlanDraft &&
			!(plan.Status() == model.PlanAdopted && byCommon(e.Context)) {
			return refuse("ikplan.control.delete_draft", "status", planStatusKey(plan.Status()))
		}
		return e.Next()
	})
}

// canonicalNumber stores a decimal field written as "8,1" as "8.1"; a value
// that is not a number is left for validation to refuse.
func canonicalNumber(r *core.Record, field string) {
	s := strings.TrimSpace(r.GetString(field))
	if s == "" {
		r.Set(field, "")
		return
	}
	if f, err := model.ParseDecimal(s); err == nil {
		r.Set(field, model.CanonicalDecimal(f))
	}
}

func (h *rules) validateControl(e *core.RecordEvent, errs fieldErrors) {
	c := model.AsControl(e.Record)
	immutable(e, errs, model.FieldControlPlan)
	plan := model.AsPlan(find(e.App, model.Plans, c.Plan()))
	if plan == nil {
		return
	}
	board := plan.Board()

	// a number is unique within its part (section) of the plan
	var other []struct{ Id string }
	err := e.App.RecordQuery(model.Controls).Select("id").
		AndWhere(dbx.HashExp{model.FieldControlPlan: plan.Id, model.FieldControlSection: c.Section(), model.FieldControlNumber: c.Number()}).
		AndWhere(dbx.Not(dbx.HashExp{model.FieldId: c.Id})).Limit(1).All(&other)
	failLookup(model.Controls, "", err)
	if len(other) > 0 {
		errs.add(model.FieldControlNumber, "ikplan.control.number_taken", "number", c.Number())
	}

	if u := model.AsUnit(find(e.App, model.Units, c.Unit())); u != nil && u.Board() != board {
		errs.add(model.FieldControlUnit, "ikplan.control.unit_board")
	}
	// a link made while the risk was the board's holds after the risk moved
	// to the board's successor in a reorganisation
	if k := model.AsRisk(find(e.App, model.Risks, c.Risk())); k != nil && k.Board() != board && linkChanged(c.Record, model.FieldControlRisk) {
		errs.add(model.FieldControlRisk, "ikplan.control.risk_board")
	}
	if o := c.Owner(); o != "" {
		if msg, ok := ownerProblem(e.App, o, board); ok {
			errs.put(model.FieldControlOwner, msg)
		}
	}

	checkTarget(c.Record, errs)

	// the due date lies in the plan's year (what was decided before stays
	// as it was: bindFrozen keeps an adopted plan's due dates)
	if due := c.Due(); !due.IsZero() && linkChanged(c.Record, model.FieldControlDue) {
		if y := plan.Year(); due.Time().Year() != y {
			errs.add(model.FieldControlDue, "ikplan.control.due_year", "year", y)
		}
	}
}

// target is a measurable target: a control's, or a common control's.
type target interface {
	TargetOperator() string
	TargetValue() string
	TargetMetric() string
	TargetUnit() string
}

// checkTarget: a target is an operator and a number, with an optional
// metric and unit (a control's, and a common control's; the two name the
// target's fields alike, model.CommonFields).
func checkTarget(r *core.Record, errs fieldErrors) {
	var t target = model.AsControl(r)
	if r.Collection().Name == model.CommonControls {
		t = model.AsCommonControl(r)
	}
	op, value := t.TargetOperator(), t.TargetValue()
	anyTarget := op != "" || value != "" || t.TargetMetric() != "" || t.TargetUnit() != ""
	if anyTarget {
		if op == "" {
			errs.add(model.FieldControlTargetOperator, "ikplan.control.target_operator")
		}
		if value == "" {
			errs.add(model.FieldControlTargetValue, "ikplan.control.target_value")
		} else if _, err := model.ParseDecimal(value); err != nil {
			errs.add(model.FieldControlTargetValue, "ikplan.control.target_value_number")
		}
		if t.TargetMetric() == "" {
			errs.add(model.FieldControlTargetMetric, "ikplan.control.target_metric")
		}
	}
}

// ownerProblem says why a user cannot own a control or action of a board
// (ok is false when they can): an owner belongs to the board and is a
// coordinator or an owner — readers and auditors write nothing, so they
// cannot be responsible.
func ownerProblem(app core.App, userId, boardId string) (i18n.Message, bool) {
	u := find(app, model.Users, userId)
	if !memberOf(u, boardId) {
		return i18n.M("ikplan.owner.member"), true
	}
	if !model.MayOwn(model.AsUser(u).Role()) {
		return i18n.M("ikplan.owner.role"), true
	}
	return i18n.Message{}, false
}

// planStatusKey is the key of a plan's status as a word in a sentence
// ("antagen"), for a message's {t:status}.
func planStatusKey(status string) string { return "ikplan.plan_status." + status }

// linkChanged reports whether a new record has the field or an existing one
// changes it.
func linkChanged(r *core.Record, field string) bool {
	return r.IsNew() || r.GetString(field) != r.Original().GetString(field)
}

// isMember reports whether a user belongs to a board.
func isMember(app core.App, userId, boardId string) bool {
	return memberOf(find(app, model.Users, userId), boardId)
}

// memberOf reports whether a user (nil for none) belongs to a board.
func memberOf(u *core.Record, boardId string) bool {
	return u != nil && slices.Contains(model.AsUser(u).Boards(), boardId)
}
