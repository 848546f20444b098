package remind

import (
	"slices"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
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

// Part is some of a list's items, and how many the whole list has: when
// More, more than Total (the overview counted no further, CountUpTo).
type Part struct {
	Total int
	More  bool
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
// page at a time, but for the user's own when they are few, which are
// read once.
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
	mine           []Item         // the user's open actions by deadline, once loadedMine
	allMine        bool           // mine holds all of them
	loadedMine     bool           // myOpen has read mine
	most           int            // the lists' counts stop here (0: count all)
	few            []string       // FewPlans, once loadedFew
	loadedFew      bool
}

// FewPlans is FewPlans of the overview's user, read once.
func (o *Overview) FewPlans() ([]string, error) {
	if !o.loadedFew {
		few, err := FewPlans(o.app, o.user)
		if err != nil {
			return nil, err
		}
		o.few, o.loadedFew = few, true
	}
	return o.few, nil
}

// CountUpTo makes the overview's lists count their items no further than
// most, saying "more than most" beyond: what a list shows on the start
// page, where counting everyone's overdue items of thirty boards cost more
// than the rest of the page. The whole lists (most 0, the default) count
// every item, for their pages.
func (o *Overview) CountUpTo(most int) *Overview {
	o.most = most
	return o
}

// NewOverview reads the adopted plans user sees and their controls that
// lack a result, on the day of now, with the reminder windows days (the
// largest is how far ahead "due soon" looks).
func NewOverview(app core.App, user *core.Record, now time.Time, days []int) (*Overview, error) {
	o := &Overview{app: app, user: user, now: now, days: days, today: Today(now), horizon: Horizon(days, now),
		everyone: user.GetString("role") == model.RoleCoordinator}
	list := As(app, user)
	var err error
	o.plans, err = list(model.Plans, "status = 'adopted'", "", nil, access.Fields{"year", "board", "title"})
	if err != nil {
		return nil, err
	}
	// the user's own unreported controls (a person's, so few); everyone's
	// are counted and listed by the database
	o.controls, err = unreported(list, yearsOf(o.plans), "owner = {:owner}", dbx.Params{"owner": user.Id}, controlFields, nil)
	if err != nil {
		return nil, err
	}
	// each plan's controls, counted by the database
	o.totals, err = access.CountByAs(app, user, model.Controls, "", nil, "plan", access.In{Field: "plan", Values: access.IDs(o.plans)})
	if err != nil {
		return nil, err
	}
	o.controls = undatedLast(o.controls) // the least pressing
	return o, nil
}

// Plans is each adopted plan the user sees that has controls they see.
func (o *Overview) Plans() ([]PlanState, error) {
	late, err := Actions{To: o.today.AddDate(0, 0, -1), Plans: access.IDs(o.plans)}.CountByPlan(o.app, o.user)
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
	adopted := access.In{Field: "plan", Values: access.IDs(o.plans)}
	open, err := access.CountByAs(o.app, o.user, model.Controls, "reported = false", nil, "plan", adopted)
	if err != nil {
		return nil, err
	}
	overdue, err := access.CountByAs(o.app, o.user, model.Controls, overdueControls, o.todayParam(), "plan", adopted)
	if err != nil {
		return nil, err
	}
	for id, s := range byPlan {
		s.Unreported = open[id]
		s.Late = s.Late || overdue[id] > 0
	}
	return out, nil
}

// List is the part of the named list (one of Lists) from the offset-th
// item, at most limit items: overdue and due-soon items by date, the most
// overdue first; the user's controls by due date and open actions by
// deadline, the undated last.
func (o *Overview) List(name string, offset, limit int) (Part, error) {
	me := o.user.Id
	if name == ListControls {
		controls := o.pick(func(it Item) bool { return it.Owner == me })
		return Part{Total: len(controls), Items: window(controls, offset, limit)}, nil
	}
	mine, all, err := o.myOpen()
	if err != nil {
		return Part{}, err
	}
	yesterday := o.today.AddDate(0, 0, -1)
	soon := func(it Item) bool { return !it.Date.IsZero() && !it.Date.Before(o.today) && !it.Date.After(o.horizon) }
	switch name {
	case ListOverdue:
		if o.everyone {
			controls, n, more, err := o.overdueControls(offset + limit)
			if err != nil {
				return Part{}, err
			}
			plans, err := o.FewPlans()
			if err != nil {
				return Part{}, err
			}
			p, err := o.merged(controls, n, Actions{To: yesterday, Plans: plans}, offset, limit)
			p.More = p.More || more
			return p, err
		}
		controls := o.pick(func(it Item) bool { return it.Owner == me && o.overdue(it) })
		if all {
			late := keep(mine, o.overdue)
			return mergeParts(controls, len(controls), late, len(late), offset, limit), nil
		}
		return o.merged(controls, len(controls), Actions{Owner: me, To: yesterday}, offset, limit)
	case ListSoon:
		controls := o.pick(func(it Item) bool { return it.Owner == me && soon(it) })
		if all {
			due := keep(mine, soon)
			return mergeParts(controls, len(controls), due, len(due), offset, limit), nil
		}
		return o.merged(controls, len(controls), Actions{Owner: me, From: o.today, To: o.horizon}, offset, limit)
	case ListActions:
		if all {
			items := undatedLast(slices.Clone(mine))
			return Part{Total: len(items), Items: window(items, offset, limit)}, nil
		}
		return o.myActions(offset, limit)
	}
	return Part{}, nil
}

// DueCount counts the user's own items that are overdue or due today: the
// menu's count, as CountDue reckons it.
func (o *Overview) DueCount() (int, error) {
	n := 0
	for _, it := range o.controls {
		if it.Owner == o.user.Id && !it.Date.IsZero() && !it.Date.After(o.today) {
			n++
		}
	}
	mine, all, err := o.myOpen()
	if err != nil || all {
		return n + len(keep(mine, func(it Item) bool { return !it.Date.IsZero() && !it.Date.After(o.today) })), err
	}
	m, err := Actions{Owner: o.user.Id, To: o.today}.Count(o.app, o.user)
	return n + m, err
}

// Due is the reminder an item of the overview is due for today, if any
// (its Kind is "" when none).
func (o *Overview) Due(it Item) Due {
	d, _ := Classify(it, o.days, o.now)
	return d
}
