package remind

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/internal/perf"
)

// Item is a control or an action that someone has yet to finish: a control
// of an adopted plan that lacks a result for one of its periods, or an
// action on the lists (model.IsOpenAction: planned or in progress, not
// transferred, not of a draft plan).
type Item struct {
	Collection string    // model.Controls or model.Actions
	Id         string    // the record's id
	Title      string    // a control's title, an action's description
	Date       time.Time // the due date or deadline as a date (midnight UTC); zero when there is none
	Period     string    // a control reported more often than yearly: the period Date is for ("Q2 2024")
	Precision  string    // how exactly the date was given (model.Precision*); day for a control
	Owner      string    // the owner's user id, or ""
	Plan       string    // the plan's id
	Control    string    // an action's control id, or ""
	Status     string    // an action's status; "" for a control
	Updated    time.Time // when the record last changed
	// Event is what happened on a plan's date, for a plan in a
	// coordinator's calendar (PlanAdopted, PlanReported); "" otherwise
	Event string
	// OwnerName is the owner's name, for an item in a coordinator's
	// calendar that is someone else's; "" otherwise
	OwnerName string
}

// When is the date the way people write it: "2025-03-31" or "kvartal 2 2025".
func (it Item) When() string { return model.FormatDeadline(it.Date, it.Precision) }

// Named is a title of the item (shortened as it suits the caller) with the
// period it is due for, if it names one: "Kassaflöde (Q2 2024)".
func (it Item) Named(title string) string {
	if it.Period == "" {
		return title
	}
	return title + " (" + it.Period + ")"
}

// Path is the item's page in the web UI: a control's page, an action on its
// control's page, or the actions list for an action of no control.
func (it Item) Path() string {
	switch {
	case it.Collection == model.Plans:
		return "/plans/" + it.Id
	case it.Collection == model.Controls:
		return "/controls/" + it.Id
	case it.Control != "":
		return "/controls/" + it.Control + "#action-" + it.Id
	}
	return "/actions#action-" + it.Id
}

// UID is the item's stable identifier in calendars: "{collection}-{id}@ikplan",
// and for a plan's date what happened on it: "plans-{id}-adopted@ikplan".
func (it Item) UID() string {
	if it.Event != "" {
		return it.Collection + "-" + it.Id + "-" + it.Event + "@ikplan"
	}
	return it.Collection + "-" + it.Id + "@ikplan"
}

// Open lists the unfinished items the lister shows, controls first by due
// date, then actions by deadline. owner, when not "", keeps only that
// user's items (otherwise everyone's, as a coordinator sees their boards).
// until, when not zero, keeps only items dated on or before that day (and
// so leaves out the undated ones); zero lists them all.
func Open(list Lister, owner string, until time.Time) ([]Item, error) {
	params := dbx.Params{"owner": owner}
	// the controls of the adopted plans the lister shows, found by the
	// plans' ids (an index), not through plan.status row by row
	ctlFilter := ""
	actFilter := openActions
	if owner != "" {
		ctlFilter = "owner = {:owner}"
		actFilter += " && owner = {:owner}"
	}
	if !until.IsZero() {
		// (the controls' due dates are compared below: in the query they
		// made SQLite read a person's controls of every year by due date)
		params["until"] = model.DateOnly(until).Format(time.DateOnly) + " 23:59:59.999Z"
		actFilter += " && deadline != '' && deadline <= {:until}"
	}

	years, err := planYears(list)
	if err != nil {
		return nil, err
	}
	var keep func(due time.Time) bool
	if !until.IsZero() {
		last := model.DateOnly(until)
		keep = func(due time.Time) bool { return !due.IsZero() && !model.DateOnly(due).After(last) }
	}
	out, err := unreported(list, years, ctlFilter, params, append(access.Fields{"updated"}, ControlFields...), keep)
	if err != nil {
		return nil, err
	}

	opts := []access.ListOption{actionFields}
	if owner == "" {
		// everyone's actions in the plans the lister shows, found by the
		// plans' ids: by status alone SQLite read the open actions of
		// every board and let the rule turn away the others' (an action
		// is seen only through its plan's board). For one who sees most
		// plans, reading by status is the quicker way.
		plans, err := list(model.Plans, "", "", nil, access.Fields{"board"})
		if err != nil {
			return nil, err
		}
		if len(plans) <= perf.PlansByID {
			opts = append(opts, access.In{Field: "plan", Values: access.IDs(plans)})
		}
	}
	actions, err := list(model.Actions, actFilter, "deadline,created", params, opts...)
	if err != nil {
		return nil, err
	}
	for _, a := range actions {
		out = append(out, actionItem(a))
	}
	return out, nil
}

// actionFields are the fields of an action that make its Item.
var actionFields = access.Fields{"description", "deadline", "deadline_precision", "owner", "plan", "control", "status", "updated"}

// actionItem is an open action as an Item.
func actionItem(r *core.Record) Item {
	a := model.AsAction(r)
	precision := a.DeadlinePrecision()
	if precision == "" {
		precision = model.PrecisionDay
	}
	return Item{
		Collection: model.Actions, Id: a.Id, Title: a.Description(),
		Date: dateOf(a.Deadline().Time()), Precision: precision,
		Owner: a.Owner(), Plan: a.Plan(), Control: a.Control(),
		Status: a.Status(), Updated: a.Updated().Time(),
	}
}

func dateOf(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return model.DateOnly(t)
}
