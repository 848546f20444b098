package web

import (
	"slices"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/internal/remind"
)

// The start page's lists are made here, in the web layer: remind answers
// only what is due for whom (remind.Item, remind.Unreported, remind.Actions,
// remind.Classify, remind.CountDue), and the overview puts it in the
// page's lists, counted and paged.

// The lists of the start page, by the names their addresses use.
const (
	listOverdue  = "overdue"     // overdue: the user's own, a coordinator's everyone's
	listSoon     = "soon"        // the user's own, due today or within the reminder days
	listControls = "my-controls" // the user's controls that lack a result
	listActions  = "my-actions"  // the user's open actions
)

// startLists are the start page's lists, in its order.
var startLists = []string{listOverdue, listSoon, listControls, listActions}

// listPart is some of a list's items, and how many the whole list has: when
// More, more than Total (the overview counted no further, CountUpTo).
type listPart struct {
	Total int
	More  bool
	Items []remind.Item
}

// planState is how an adopted plan's reporting stands, as one user sees it.
type planState struct {
	Plan       *core.Record // with its year, board and title
	Controls   int          // the plan's controls the user sees
	Unreported int          // of those, the ones that lack a result for a period
	Late       bool         // one of its controls or open actions is overdue
}

// overview is what one user has to do, and how the adopted plans they see
// are going, on one day: what the start page shows. Everything is read
// through the API rules as the user. The controls of the adopted plans are
// read once (whether a control lacks a result is model.MissingPeriods,
// reckoned here); the actions are counted and listed by the database, a
// page at a time, but for the user's own when they are few, which are
// read once.
type overview struct {
	app            core.App
	user           *core.Record
	now            time.Time
	days           []int
	today, horizon time.Time
	everyone       bool           // the overdue list holds everyone's items, not only the user's
	plans          []*core.Record // the adopted plans the user sees
	totals         map[string]int // plan → its controls the user sees
	controls       []remind.Item  // those of them lacking a result, by due date, undated last
	mine           []remind.Item  // the user's open actions by deadline, once loadedMine
	allMine        bool           // mine holds all of them
	loadedMine     bool           // myOpen has read mine
	most           int            // the lists' counts stop here (0: count all)
	few            []string       // FewPlans, once loadedFew
	loadedFew      bool
}

// FewPlans is FewPlans of the overview's user, read once.
func (o *overview) FewPlans() ([]string, error) {
	if !o.loadedFew {
		few, err := fewPlans(o.app, o.user)
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
func (o *overview) CountUpTo(most int) *overview {
	o.most = most
	return o
}

// newOverview reads the adopted plans user sees and their controls that
// lack a result, on the day of now, with the reminder windows days (the
// largest is how far ahead "due soon" looks).
func newOverview(app core.App, user *core.Record, now time.Time, days []int) (*overview, error) {
	o := &overview{app: app, user: user, now: now, days: days, today: remind.Today(now), horizon: remind.Horizon(days, now),
		everyone: model.AsUser(user).Role() == model.RoleCoordinator}
	list := remind.As(app, user)
	var err error
	o.plans, err = list(model.Plans, "status = 'adopted'", "", nil, access.Fields{"year", "board", "title"})
	if err != nil {
		return nil, err
	}
	// the user's own unreported controls (a person's, so few); everyone's
	// are counted and listed by the database
	o.controls, err = remind.Unreported(list, o.plans, "owner = {:owner}", dbx.Params{"owner": user.Id})
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
func (o *overview) Plans() ([]planState, error) {
	late, err := remind.Actions{To: o.today.AddDate(0, 0, -1), Plans: access.IDs(o.plans)}.CountByPlan(o.app, o.user)
	if err != nil {
		return nil, err
	}
	byPlan := map[string]*planState{}
	var out []planState
	for _, p := range o.plans {
		if o.totals[p.Id] > 0 {
			out = append(out, planState{Plan: p, Controls: o.totals[p.Id], Late: late[p.Id] > 0})
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

// List is the part of the named list (one of startLists) from the offset-th
// item, at most limit items: overdue and due-soon items by date, the most
// overdue first; the user's controls by due date and open actions by
// deadline, the undated last.
func (o *overview) List(name string, offset, limit int) (listPart, error) {
	me := o.user.Id
	if name == listControls {
		controls := o.pick(func(it remind.Item) bool { return it.Owner == me })
		return listPart{Total: len(controls), Items: windowOf(controls, offset, limit)}, nil
	}
	mine, all, err := o.myOpen()
	if err != nil {
		return listPart{}, err
	}
	yesterday := o.today.AddDate(0, 0, -1)
	soon := func(it remind.Item) bool {
		return !it.Date.IsZero() && !it.Date.Before(o.today) && !it.Date.After(o.horizon)
	}
	switch name {
	case listOverdue:
		if o.everyone {
			controls, n, more, err := o.overdueControls(offset + limit)
			if err != nil {
				return listPart{}, err
			}
			plans, err := o.FewPlans()
			if err != nil {
				return listPart{}, err
			}
			p, err := o.merged(controls, n, remind.Actions{To: yesterday, Plans: plans}, offset, limit)
			p.More = p.More || more
			return p, err
		}
		controls := o.pick(func(it remind.Item) bool { return it.Owner == me && o.overdue(it) })
		if all {
			late := keepItems(mine, o.overdue)
			return mergeParts(controls, len(controls), late, len(late), offset, limit), nil
		}
		return o.merged(controls, len(controls), remind.Actions{Owner: me, To: yesterday}, offset, limit)
	case listSoon:
		controls := o.pick(func(it remind.Item) bool { return it.Owner == me && soon(it) })
		if all {
			due := keepItems(mine, soon)
			return mergeParts(controls, len(controls), due, len(due), offset, limit), nil
		}
		return o.merged(controls, len(controls), remind.Actions{Owner: me, From: o.today, To: o.horizon}, offset, limit)
	case listActions:
		if all {
			items := undatedLast(slices.Clone(mine))
			return listPart{Total: len(items), Items: windowOf(items, offset, limit)}, nil
		}
		return o.myActions(offset, limit)
	}
	return listPart{}, nil
}

// DueCount counts the user's own items that are overdue or due today: the
// menu's count, as CountDue reckons it.
func (o *overview) DueCount() (int, error) {
	n := 0
	for _, it := range o.controls {
		if it.Owner == o.user.Id && !it.Date.IsZero() && !it.Date.After(o.today) {
			n++
		}
	}
	mine, all, err := o.myOpen()
	if err != nil || all {
		return n + len(keepItems(mine, func(it remind.Item) bool { return !it.Date.IsZero() && !it.Date.After(o.today) })), err
	}
	m, err := remind.Actions{Owner: o.user.Id, To: o.today}.Count(o.app, o.user)
	return n + m, err
}

// Due is the reminder an item of the overview is due for today, if any
// (its Kind is "" when none).
func (o *overview) Due(it remind.Item) remind.Due {
	d, _ := remind.Classify(it, o.days, o.now)
	return d
}
