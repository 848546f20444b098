package templates

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// Date writes a record's date (model.AsPlan(r).AdoptedOn()) as ÅÅÅÅ-MM-DD, or "".
func Date(d types.DateTime) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// Deadline writes an action's deadline the way people write it, in the
// UI's language (DeadlineText): "kvartal 2 2025", "quarter 2 2025". Every
// deadline a page shows goes through it; model.FormatDeadline, Swedish
// only, is for the documents.
func Deadline(lang string, r *core.Record) string {
	a := model.AsAction(r)
	d := a.Deadline()
	if d.IsZero() {
		return ""
	}
	return DeadlineText(lang, d.Time(), a.DeadlinePrecision())
}

// Tag is a status shown as words with a colour, never colour alone.
type Tag struct {
	Text  string
	Class string // tag--grey, tag--blue, tag--green, tag--yellow, tag--red
}

// PlanTag is a plan status as a tag.
func PlanTag(lang, status string) Tag {
	class := map[string]string{"draft": "tag--grey", "adopted": "tag--blue", "reported": "tag--green", "archived": "tag--grey"}[status]
	return Tag{i18n.T(lang, "plan.status."+status), class}
}

// OutcomeTag is a result's outcome as a tag; "" is not reported yet.
func OutcomeTag(lang, outcome string) Tag {
	if outcome == "" {
		return Tag{i18n.T(lang, "outcome.none"), "tag--grey"}
	}
	class := map[string]string{"no_deviation": "tag--green", "deviation": "tag--red", "not_performed": "tag--yellow"}[outcome]
	return Tag{i18n.T(lang, "outcome."+outcome), class}
}

// ActionTag is an action's status as a tag.
func ActionTag(lang, status string) Tag {
	class := map[string]string{"planned": "tag--grey", "in_progress": "tag--blue", "done": "tag--green", "cancelled": "tag--grey", "continued": "tag--grey"}[status]
	return Tag{i18n.T(lang, "action.status."+status), class}
}

// ActionStatusTag is the status of an action of a plan of planYear as a
// tag, which for a continued action names the plan it continues in:
// "Fortsätter i planen för 2025".
func ActionStatusTag(lang string, a *core.Record, planYear int) Tag {
	status := model.AsAction(a).Status()
	t := ActionTag(lang, status)
	if status == model.ActionContinued && planYear > 0 {
		t.Text = i18n.T(lang, "action.status.continued_in", model.ContinuedYear(planYear))
	}
	return t
}

// OverdueTag is a status tag of an item that is overdue: one red tag that
// says both, "Pågår, försenad", where two tags stacked in a cell.
func OverdueTag(lang string, t Tag) Tag {
	return Tag{i18n.T(lang, "status.overdue", t.Text), "tag--red"}
}

// DeadlinePassed is the warning for an open action just given a deadline
// that has already passed on the day of now, or "": such a date is
// accepted — an action may be recorded late — but not silently.
func DeadlinePassed(lang string, a *core.Record, now time.Time) string {
	if !model.DeadlinePassed(a, now) {
		return ""
	}
	return i18n.T(lang, "action.deadline_passed", Deadline(lang, a))
}

// Target writes a control's target: "Medel responstid < 10 minuter".
func Target(r *core.Record) string {
	c := model.AsControl(r)
	op := c.TargetOperator()
	if op == "" {
		return ""
	}
	v := c.TargetValue()
	if f, err := model.ParseDecimal(v); err == nil {
		v = model.FormatDecimalSv(f)
	}
	sym := map[string]string{"<": "<", "<=": "≤", "=": "=", ">=": "≥", ">": ">"}[op]
	s := c.TargetMetric() + " " + sym + " " + v
	if u := c.TargetUnit(); u != "" {
		s += " " + u
	}
	return s
}

// Measured writes a result's measured value with a decimal comma.
func Measured(r *core.Record) string {
	v := model.AsResult(r).MeasuredValue()
	if f, err := model.ParseDecimal(v); err == nil {
		return model.FormatDecimalSv(f)
	}
	return v
}
