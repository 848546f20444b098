package remind

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
)

// openActions are the actions someone has yet to finish: planned or in
// progress, not handed over to another board (it goes on there) and not of
// a draft plan (on nobody's list until it is adopted; model.IsOpenAction).
// A continued action is closed (status continued): its continuation in
// next year's plan is the open one.
const openActions = "(status = 'planned' || status = 'in_progress') && transferred_to = '' && in_draft = false"

// Actions picks open actions a user may see, by their deadlines. The zero
// value is every open action.
type Actions struct {
	Owner   string    // only this user's actions, when not ""
	From    time.Time // only those due on or after this day, when not zero
	To      time.Time // only those due on or before this day, when not zero
	Undated bool      // only those without a deadline
	Dated   bool      // only those with a deadline
	Plans   []string  // only these plans' actions, when not nil
}

// filter is the query of a: a fixed PocketBase filter with the values as
// {:placeholders}, and the list options.
func (a Actions) filter() (string, dbx.Params, []access.ListOption) {
	f, params := openActions, dbx.Params{}
	if a.Owner != "" {
		f, params["owner"] = f+" && owner = {:owner}", a.Owner
	}
	if a.Dated || !a.From.IsZero() || !a.To.IsZero() {
		f += " && deadline != ''"
	}
	if a.Undated {
		f += " && deadline = ''"
	}
	if !a.From.IsZero() {
		f, params["from"] = f+" && deadline >= {:from}", model.DateOnly(a.From).Format(time.DateOnly)+" 00:00:00.000Z"
	}
	if !a.To.IsZero() {
		f, params["to"] = f+" && deadline <= {:to}", model.DateOnly(a.To).Format(time.DateOnly)+" 23:59:59.999Z"
	}
	var opts []access.ListOption
	if a.Plans != nil {
		opts = append(opts, access.In{Field: "plan", Values: a.Plans})
	}
	return f, params, opts
}

// CountByPlan counts the actions a picks that user may see, per plan, in
// one query that loads none of them.
func (a Actions) CountByPlan(app core.App, user *core.Record) (map[string]int, error) {
	f, params, opts := a.filter()
	return access.CountByAs(app, user, model.Actions, f, params, "plan", opts...)
}

// Count counts the actions a picks that user may see.
func (a Actions) Count(app core.App, user *core.Record) (int, error) {
	if a.Plans == nil {
		// not grouped: grouped by plan, SQLite read every action through
		// the plan index rather than sort the few it needs
		f, params, _ := a.filter()
		return access.CountAs(app, user, model.Actions, f, params)
	}
	byPlan, err := a.CountByPlan(app, user)
	n := 0
	for _, c := range byPlan {
		n += c
	}
	return n, err
}

// CountUpTo counts the actions a picks that user may see, no further than
// most (0: all of them); more reports that there are more than most.
func (a Actions) CountUpTo(app core.App, user *core.Record, most int) (n int, more bool, err error) {
	if most <= 0 || a.Plans != nil {
		// by few plans' ids the count is quick in any case
		n, err = a.Count(app, user)
		return n, false, err
	}
	f, params, _ := a.filter()
	return access.CountUpTo(app, user, model.Actions, f, params, most)
}

// List lists at most limit of the actions a picks that user may see, from
// the offset-th, by deadline (then by when they were made).
func (a Actions) List(app core.App, user *core.Record, offset, limit int) ([]Item, error) {
	if limit <= 0 {
		return nil, nil
	}
	f, params, opts := a.filter()
	opts = append(opts, actionFields, access.Offset(offset))
	recs, err := access.ListAs(app, user, model.Actions, f, "deadline,created", limit, params, opts...)
	if err != nil {
		return nil, err
	}
	out := make([]Item, len(recs))
	for i, r := range recs {
		out[i] = actionItem(r)
	}
	return out, nil
}

// First lists the first limit actions a picks that user may see, and
// counts them, no further than most (0: all): when they are no more than
// limit, without a query of its own (for one who sees few boards, counting
// read every board's actions a second time). more reports that there are
// more than n.
func (a Actions) First(app core.App, user *core.Record, limit, most int) (n int, more bool, items []Item, err error) {
	items, err = a.List(app, user, 0, limit+1)
	if err != nil || len(items) <= limit {
		return len(items), false, items, err
	}
	n, more, err = a.CountUpTo(app, user, most)
	return n, more, items[:limit], err
}
