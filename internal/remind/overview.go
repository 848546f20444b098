package remind

import (
	"slices"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// The lists of the start page, by the names their addresses use.
const (
	ListOverdue  = "overdue"     // overdue: the user's own, a coordinator's everyone's
	ListSoon     = "soon"        // the user's own, due today or within the reminder days
	ListControls = "my-controls" // the user's controls that lack a result
	ListActions  = "my-actions"  // the user's open actions
)

// Lists are the start page's lists, in its order.
var Lists = []string{ListOverdue, ListSoon, ListControls, ListActions}

// Part is some of a list's items, and how many the whole list has.
type Part struct {
	Total int
	Items []Item
}

// PlanState is how an adopted plan's reporting stands, as one user sees it.
type PlanState struct {
	Plan       *core.Record // with its year, board and title
	Controls   int          // the plan's controls the user sees
	Unreported int          // of those, the ones that lack a result for a period
	Late       bool         // one of its controls or open actions is overdue
}

// Overview is what one user has to do, and how the adopted plans they see
// are going, on one day: what the start page shows. Everything is read
// through the API rules as the user. The controls of the adopted plans are
// read once (whether a control lacks a result is model.MissingPeriods,
// reckoned here); the actions are counted and listed by the database, a
// page at a time.
type Overview struct {
	app            core.App
	user           *core.Record
	now            time.Time
	days           []int
	today, horizon time.Time
	everyone       bool           // the overdue list holds everyone's items, not only the user's
	plans          []*core.Record // the adopted plans the user sees
	totals         map[string]int // plan → its controls the user sees
	controls       []Item         // those of them lacking a result, by due date, undated last
}

// NewOverview reads the adopted plans user sees and their controls that
// lack a result, on the day of now, with the reminder windows days (the
// largest is how far ahead "due soon" looks).
func NewOverview(app core.App, user *core.Record, now time.Time, days []int) (*Overview, error) {
	o := &Overview{app: app, user: user, now: now, days: days, today: Today(now), horizon: Horizon(days, now),
		everyone: user.GetString("role") == model.RoleCoordinator}
	list := As(app, user)
	var err error
	o.plans, err = list(model.Plans, "status = 'adopted'", "", nil, model.Fields{"year", "board", "title"})
	if err != nil {
		return nil, err
	}
	o.controls, o.totals, err = unreported(list, yearsOf(o.plans), "", nil, controlFields, nil)
	if err != nil {
		return nil, err
	}
	o.controls = undatedLast(o.controls) // the least pressing
	return o, nil
}

// Plans is each adopted plan the user sees that has controls they see.
func (o *Overview) Plans() ([]PlanState, error) {
	late, err := Actions{To: o.today.AddDate(0, 0, -1), Plans: model.IDs(o.plans)}.CountByPlan(o.app, o.user)
	if err != nil {
		return nil, err
	}
	byPlan := map[string]*PlanState{}
	var out []PlanState
	for _, p := range o.plans {
		if o.totals[p.Id] > 0 {
			out = append(out, PlanState{Plan: p, Controls: o.totals[p.Id], Late: late[p.Id] > 0})
		}
	}
	for i := range out {
		byPlan[out[i].Plan.Id] = &out[i]
	}
	for _, it := range o.controls {
		if s := byPlan[it.Plan]; s != nil {
			s.Unreported++
			s.Late = s.Late || o.overdue(it)
		}
	}
	return out, nil
}

// List is the part of the named list (one of Lists) from the offset-th
// item, at most limit items: overdue and due-soon items by date, the most
// overdue first; the user's controls by due date and open actions by
// deadline, the undated last.
func (o *Overview) List(name string, offset, limit int) (Part, error) {
	me := o.user.Id
	switch name {
	case ListOverdue:
		acts := Actions{To: o.today.AddDate(0, 0, -1)}
		if o.everyone {
			plans, err := o.fewPlans()
			if err != nil {
				return Part{}, err
			}
			acts.Plans = plans
		} else {
			acts.Owner = me
		}
		return o.merged(o.pick(func(it Item) bool { return (o.everyone || it.Owner == me) && o.overdue(it) }), acts, offset, limit)
	case ListSoon:
		soon := func(it Item) bool {
			return it.Owner == me && !it.Date.IsZero() && !it.Date.Before(o.today) && !it.Date.After(o.horizon)
		}
		return o.merged(o.pick(soon), Actions{Owner: me, From: o.today, To: o.horizon}, offset, limit)
	case ListControls:
		mine := o.pick(func(it Item) bool { return it.Owner == me })
		return Part{Total: len(mine), Items: window(mine, offset, limit)}, nil
	case ListActions:
		return o.myActions(offset, limit)
	}
	return Part{}, nil
}

// DueCount counts the user's own items that are overdue or due today: the
// menu's count, as CountDue reckons it.
func (o *Overview) DueCount() (int, error) {
	n, err := Actions{Owner: o.user.Id, To: o.today}.Count(o.app, o.user)
	for _, it := range o.controls {
		if it.Owner == o.user.Id && !it.Date.IsZero() && !it.Date.After(o.today) {
			n++
		}
	}
	return n, err
}

// CountDue counts user's own unfinished items that are overdue or due on
// the day of now, the menu's count on every page: their controls of the
// adopted plans due by today that lack a result, and their open actions
// due by today. Only those controls' results are read.
func CountDue(app core.App, user *core.Record, now time.Time) (int, error) {
	list := As(app, user)
	years, err := planYears(list)
	if err != nil {
		return 0, err
	}
	today := Today(now)
	controls, _, err := unreported(list, years, "owner = {:owner}", dbx.Params{"owner": user.Id}, model.Fields{"due", "owner", "plan", "frequency", "position"},
		func(due time.Time) bool { return !due.IsZero() && !model.DateOnly(due).After(today) })
	if err != nil {
		return 0, err
	}
	n, err := Actions{Owner: user.Id, To: today}.Count(app, user)
	return n + len(controls), err
}

// Due is the reminder an item of the overview is due for today, if any
// (its Kind is "" when none).
func (o *Overview) Due(it Item) Due {
	d, _ := Classify(it, o.days, o.now)
	return d
}

func (o *Overview) overdue(it Item) bool { return !it.Date.IsZero() && it.Date.Before(o.today) }

func (o *Overview) pick(keep func(Item) bool) []Item {
	var out []Item
	for _, it := range o.controls {
		if keep(it) {
			out = append(out, it)
		}
	}
	return out
}

// fewPlans is the ids of the plans the user sees when they are few, so
// that everyone's actions are looked up by them: by status alone SQLite
// reads the open actions of every board and lets the rule turn away the
// others'. nil (read by status) for one who sees many.
func (o *Overview) fewPlans() ([]string, error) {
	plans, err := model.ListAs(o.app, o.user, model.Plans, "", "", maxPlansByID+1, nil, model.Fields{"board"})
	if err != nil || len(plans) > maxPlansByID {
		return nil, err
	}
	return model.IDs(plans), nil
}

// merged is the part of a list of dated items, controls (all of them,
// sorted) and the actions acts picks, by date, controls first on a day.
func (o *Overview) merged(controls []Item, acts Actions, offset, limit int) (Part, error) {
	n, actions, err := acts.first(o.app, o.user, offset+limit)
	if err != nil {
		return Part{}, err
	}
	all := make([]Item, 0, len(controls)+len(actions))
	i, j := 0, 0
	for i < len(controls) || j < len(actions) {
		if j == len(actions) || (i < len(controls) && !actions[j].Date.Before(controls[i].Date)) {
			all, i = append(all, controls[i]), i+1
		} else {
			all, j = append(all, actions[j]), j+1
		}
	}
	return Part{Total: len(controls) + n, Items: window(all, offset, limit)}, nil
}

// myActions is the part of the user's open actions: by deadline, then
// those without one.
func (o *Overview) myActions(offset, limit int) (Part, error) {
	me := o.user.Id
	// most people have a few: all of them in one query, the undated (which
	// the database sorts first) put last here
	all, err := Actions{Owner: me}.List(o.app, o.user, 0, offset+limit+1)
	if err != nil {
		return Part{}, err
	}
	if len(all) <= offset+limit {
		all = undatedLast(all)
		return Part{Total: len(all), Items: window(all, offset, limit)}, nil
	}
	dated := Actions{Owner: me, Dated: true}
	items, err := dated.List(o.app, o.user, offset, limit)
	if err != nil {
		return Part{}, err
	}
	if len(items) < limit {
		// the dated ones ran out on this page: the undated follow
		ndated := offset + len(items)
		if len(items) == 0 && offset > 0 {
			if ndated, err = dated.Count(o.app, o.user); err != nil {
				return Part{}, err
			}
		}
		more, err := Actions{Owner: me, Undated: true}.List(o.app, o.user, offset+len(items)-ndated, limit-len(items))
		if err != nil {
			return Part{}, err
		}
		items = append(items, more...)
	}
	total, err := Actions{Owner: me}.Count(o.app, o.user)
	return Part{Total: total, Items: items}, err
}

// undatedLast moves the undated items after the dated, keeping each in
// its order.
func undatedLast(items []Item) []Item {
	undated := slices.DeleteFunc(slices.Clone(items), func(it Item) bool { return !it.Date.IsZero() })
	return append(slices.DeleteFunc(items, func(it Item) bool { return it.Date.IsZero() }), undated...)
}

// window is items[offset:offset+limit], as much of it as there is.
func window(items []Item, offset, limit int) []Item {
	if offset >= len(items) {
		return nil
	}
	return items[offset:min(len(items), offset+limit)]
}
