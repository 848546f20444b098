package templates

import (
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// ControlPageView is a control's page: its facts, its results with their
// deviations and actions, and the forms the user may use.
type ControlPageView struct {
	Control *core.Record
	Plan    *core.Record
	Board   string // the plan's board
	Unit    string
	Owner   string
	Overdue bool   // a period that lacks a result fell due before today
	Late    string // those periods, "Q1 2025, Q2 2025", when the control reports more often than yearly
	Results []ResultItem
	Actions []ActionItem // the control's actions not born from a deviation
	// Report is the form to report a result, nil when the user may not
	// report or the plan takes no results now.
	Report *ReportForm
	// Closed says why results are not reported now (the plan is a draft,
	// or already reported), for a user who could otherwise report.
	Closed string
	Owners []Choice  // who can own an action: users of the plan's board
	Errors Errors    // a refused form's messages, summarised at the top of a full page
	Notice string    // what was just saved, when the results are swapped in
	Today  time.Time // the day the page is drawn: a deadline typed may already have passed
	// Samples are the sample pages of a stickprov control's periods (scope "sample").
	Samples []SampleLink
}

// Choice is one option of a select.
type Choice struct {
	Value string
	Label string
}

// ResultItem is a result of the control with its deviations.
type ResultItem struct {
	Result      *core.Record
	PerformedBy string
	CanEdit     bool
	Deviations  []DeviationItem
	// NewDeviation is the form to add a deviation, nil when the user may
	// not or the result's outcome is not deviation.
	NewDeviation *InlineForm
	Notice       string
}

// DeviationItem is a deviation of a result with its actions.
type DeviationItem struct {
	Deviation *core.Record
	N         int // its number under the result, from 1
	Actions   []ActionItem
	Status    *InlineForm // nil when the user may not change the deviation
	NewAction *InlineForm // nil when the user may not add an action
	Notice    string
}

// ActionItem is an action as the control page lists it.
type ActionItem struct {
	Action   *core.Record
	Owner    string
	Deadline string // "kvartal 2 2025"
	Warning  string // the action was just given a deadline that has passed (DeadlinePassed)
	// Change is the action's status tags ("Pågår", "Fortsätter i planen för
	// 2025", "Försenad") and, for those who may, the form that changes it.
	Change ActionStatusView
}

// InlineForm is one of the page's small forms: what was typed and the
// server's refusal, keyed by the inputs' ids.
type InlineForm struct {
	Values map[string]string
	Errors Errors
	Inline bool // the answer to an htmx post: the error summary goes in the form
}

// ReportForm is the form that reports a result, or changes one.
type ReportForm struct {
	InlineForm
	Edit          *core.Record // the result being changed; nil for a new one
	Periods       []string     // the periods offered
	AskDeviation  bool         // the form also takes the result's first deviation
	Evidence      []string     // files of the result being changed
	EditDeviation bool         // the result being changed already has deviations
}

// Shown reports whether the form is shown: a period is left to report, a
// result is being changed, or a refusal must be shown.
func (f ReportForm) Shown() bool {
	return f.Edit != nil || len(f.Periods) > 0 || len(f.Errors) > 0
}

// TargetCheck compares a measured value as typed ("8,1") with the
// control's target; ok is false when there is no target or no number.
func TargetCheck(r *core.Record, measured string) (met, ok bool) {
	c := model.AsControl(r)
	op := c.TargetOperator()
	target, err1 := model.ParseDecimal(c.TargetValue())
	value, err2 := model.ParseDecimal(measured)
	if op == "" || err1 != nil || err2 != nil {
		return false, false
	}
	return model.TargetMet(op, target, value), true
}

// HasTarget reports whether the control has a measurable target.
func HasTarget(c *core.Record) bool { return model.AsControl(c).TargetOperator() != "" }

// ControlNumber is a control's number in its plan.
func ControlNumber(c *core.Record) string { return strconv.Itoa(model.AsControl(c).Number()) }

// describedBy lists the ids of a field's hint and message for aria-describedby.
func describedBy(id string, hint bool, errs Errors) string {
	var ids []string
	if errs.For(id) != "" {
		ids = append(ids, id+"-error")
	}
	if hint {
		ids = append(ids, id+"-hint")
	}
	return strings.Join(ids, " ")
}

// describedAttr is the aria-describedby attribute of a field, or none.
func describedAttr(id string, hint bool, errs Errors) templ.Attributes {
	if s := describedBy(id, hint, errs); s != "" {
		return templ.Attributes{"aria-describedby": s}
	}
	return nil
}

// messagesFor lists every message of a field, for a form's general messages.
func messagesFor(errs Errors, field string) []string {
	var out []string
	for _, e := range errs {
		if e.Field == field {
			out = append(out, e.Message)
		}
	}
	return out
}

// controlURL is a path under a control's page.
func controlURL(c *core.Record, rest string) string { return "/controls/" + c.Id + rest }
