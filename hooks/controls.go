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
		r := e.Record
		if r.IsNew() && r.GetString("frequency") == "" {
			r.Set("frequency", model.FreqYearly)
		}
		if r.IsNew() && r.GetInt("position") == 0 && r.GetString("plan") != "" {
			var max struct{ N int }
			err := e.App.RecordQuery(model.Controls).Select("COALESCE(MAX(position), 0) AS n").
				AndWhere(dbx.HashExp{"plan": r.GetString("plan")}).One(&max)
			failLookup(model.Controls, "", err)
			r.Set("position", max.N+1)
		}
		canonicalNumber(r, "target_value")
	})
	app.OnRecordValidate(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		return check(e, h.validateControl)
	})
	app.OnRecordCreate(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		// a common control's copy joins an adopted plan too (bindCommon)
		if plan := find(e.App, model.Plans, e.Record.GetString("plan")); plan != nil && plan.GetString("status") != model.PlanDraft &&
			!(plan.GetString("status") == model.PlanAdopted && e.Record.GetString(model.CommonControlField) != "") {
			return fieldErrors{"plan": i18n.M("ikplan.control.add_draft", "status", planStatusKey(plan.GetString("status")))}.err()
		}
		return e.Next()
	})
	app.OnRecordDelete(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		// a common control's copy leaves an adopted plan with its definition
		if plan := find(e.App, model.Plans, e.Record.GetString("plan")); plan != nil && plan.GetString("status") != model.PlanDraft &&
			!(plan.GetString("status") == model.PlanAdopted && byCommon(e.Context)) {
			return refuse("ikplan.control.delete_draft", "status", planStatusKey(plan.GetString("status")))
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
	r := e.Record
	immutable(e, errs, "plan")
	plan := find(e.App, model.Plans, r.GetString("plan"))
	if plan == nil {
		return
	}
	board := plan.GetString("board")

	// a number is unique within its part (section) of the plan
	var other []struct{ Id string }
	err := e.App.RecordQuery(model.Controls).Select("id").
		AndWhere(dbx.HashExp{"plan": plan.Id, "section": r.GetString("section"), "number": r.GetInt("number")}).
		AndWhere(dbx.Not(dbx.HashExp{"id": r.Id})).Limit(1).All(&other)
	failLookup(model.Controls, "", err)
	if len(other) > 0 {
		errs.add("number", "ikplan.control.number_taken", "number", r.GetInt("number"))
	}

	if u := find(e.App, model.Units, r.GetString("unit")); u != nil && u.GetString("board") != board {
		errs.add("unit", "ikplan.control.unit_board")
	}
	// a link made while the risk was the board's holds after the risk moved
	// to the board's successor in a reorganisation
	if k := find(e.App, model.Risks, r.GetString("risk")); k != nil && k.GetString("board") != board && linkChanged(r, "risk") {
		errs.add("risk", "ikplan.control.risk_board")
	}
	if o := r.GetString("owner"); o != "" {
		if msg, ok := ownerProblem(e.App, o, board); ok {
			errs.put("owner", msg)
		}
	}

	checkTarget(r, errs)

	// the due date lies in the plan's year (what was decided before stays
	// as it was: bindFrozen keeps an adopted plan's due dates)
	if due := r.GetDateTime("due"); !due.IsZero() && linkChanged(r, "due") {
		if y := plan.GetInt("year"); due.Time().Year() != y {
			errs.add("due", "ikplan.control.due_year", "year", y)
		}
	}
}

// checkTarget: a target is an operator and a number, with an optional
// metric and unit (a control's, and a common control's).
func checkTarget(r *core.Record, errs fieldErrors) {
	op, value := r.GetString("target_operator"), r.GetString("target_value")
	anyTarget := op != "" || value != "" || r.GetString("target_metric") != "" || r.GetString("target_unit") != ""
	if anyTarget {
		if op == "" {
			errs.add("target_operator", "ikplan.control.target_operator")
		}
		if value == "" {
			errs.add("target_value", "ikplan.control.target_value")
		} else if _, err := model.ParseDecimal(value); err != nil {
			errs.add("target_value", "ikplan.control.target_value_number")
		}
		if r.GetString("target_metric") == "" {
			errs.add("target_metric", "ikplan.control.target_metric")
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
	if !model.MayOwn(u.GetString("role")) {
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
	return u != nil && slices.Contains(u.GetStringSlice("boards"), boardId)
}
