package web

import (
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/templates"
)

// actionLister finds the actions of /actions in the page's order — the
// newest plan year first, then by deadline, the actions without one last,
// then as created — reading only as many as a page needs. SQLite cannot
// sort by the plan's year from an index on actions, so the list is walked
// a plan year at a time: within a year the actions are found by the year's
// plans' ids and sorted by deadline, and the walk stops when the page is
// full. Every query goes through the actions' list rule.
type actionLister struct {
	e      *core.RequestEvent
	filter string // the status, owner and overdue filters
	params dbx.Params
	// narrowed: the board or year filter chose these plans (of the years
	// in years); otherwise each year's plans are looked up when reached
	narrowed bool
	years    []int
	byYear   map[int][]string
	plans    map[string]*core.Record // the plans looked up, with board, year and status
}

func (s *server) actionLister(e *core.RequestEvent, f templates.ActionFilters, o actionOptions) (*actionLister, error) {
	l := &actionLister{e: e, byYear: map[int][]string{}, plans: map[string]*core.Record{}}
	l.filter, l.params = actionFilter(f, s.now())
	pf, pp := planFilter(f)
	if pf == "" {
		l.years = o.yearsDesc
		return l, nil
	}
	l.narrowed = true
	plans, err := access.ListAs(e.App, e.Auth, model.Plans, pf, "-year", 0, pp, access.Fields{"board", "year", "status"})
	if err != nil {
		return nil, err
	}
	l.add(plans)
	return l, nil
}

// add records plans as looked up, under their years.
func (l *actionLister) add(plans []*core.Record) {
	for _, pl := range plans {
		y := model.AsPlan(pl).Year()
		if _, ok := l.byYear[y]; !ok && l.narrowed {
			l.years = append(l.years, y)
		}
		l.byYear[y] = append(l.byYear[y], pl.Id)
		l.plans[pl.Id] = pl
	}
}

// planIds are the ids of the plans the board and year filters chose.
func (l *actionLister) planIds() []string {
	ids := make([]string, 0, len(l.plans))
	for id := range l.plans {
		ids = append(ids, id)
	}
	return ids
}

// yearPlans are the ids of the plans of year, looked up when first asked.
func (l *actionLister) yearPlans(year int) ([]string, error) {
	if ids, ok := l.byYear[year]; ok || l.narrowed {
		return ids, nil
	}
	plans, err := access.ListAs(l.e.App, l.e.Auth, model.Plans, "year = {:y}", "", 0, dbx.Params{"y": year}, access.Fields{"board", "year", "status"})
	if err != nil {
		return nil, err
	}
	l.byYear[year] = []string{}
	l.add(plans)
	return l.byYear[year], nil
}

// and joins filters with &&.
func and(filters ...string) string {
	var parts []string
	for _, f := range filters {
		if f != "" {
			parts = append(parts, "("+f+")")
		}
	}
	return strings.Join(parts, " && ")
}

// opts narrows a query to the chosen plans when the filters chose some.
func (l *actionLister) opts(extra ...access.ListOption) []access.ListOption {
	if l.narrowed {
		extra = append(extra, access.In{Field: "plan", Values: l.planIds()})
	}
	return extra
}

// count is how many actions match, when they are at most limit (0: no
// limit); otherwise limit and more. With a limit SQLite stops counting
// there (access.CountUpTo): counting every action of every board cost more
// than the page.
func (l *actionLister) count(limit int) (n int, more bool, err error) {
	app, user := l.e.App, l.e.Auth
	if limit > 0 {
		return access.CountUpTo(app, user, model.Actions, l.filter, l.params, limit, l.opts()...)
	}
	if !l.narrowed {
		n, err = access.CountAs(app, user, model.Actions, l.filter, l.params)
		return n, false, err
	}
	n, err = l.countIn(l.filter, l.planIds())
	return n, false, err
}

// countIn counts the actions of the given plans that match filter.
func (l *actionLister) countIn(filter string, plans []string) (int, error) {
	byPlan, err := access.CountByAs(l.e.App, l.e.Auth, model.Actions, filter, l.params, "plan", access.In{Field: "plan", Values: plans})
	n := 0
	for _, c := range byPlan {
		n += c
	}
	return n, err
}

// yearParts are the two parts each plan year is read in: the actions with
// a deadline, by deadline, then those without one.
var yearParts = []struct{ filter, sort string }{
	{"deadline != ''", "deadline,created"},
	{"deadline = ''", "created"},
}

// page lists n actions from offset in the page's order.
func (l *actionLister) page(offset, n int) ([]*core.Record, error) {
	var out []*core.Record
	for _, year := range l.years {
		plans, err := l.yearPlans(year)
		if err != nil {
			return nil, err
		}
		if len(plans) == 0 {
			continue
		}
		for _, part := range yearParts {
			filter := and(l.filter, part.filter)
			if offset > 0 {
				// the page starts further on: skip this part if it is all before
				c, err := l.countIn(filter, plans)
				if err != nil {
					return nil, err
				}
				if c <= offset {
					offset -= c
					continue
				}
			}
			recs, err := access.ListAs(l.e.App, l.e.Auth, model.Actions, filter, part.sort, n-len(out), l.params,
				access.In{Field: "plan", Values: plans}, access.Offset(offset))
			if err != nil {
				return nil, err
			}
			offset, out = 0, append(out, recs...)
			if len(out) >= n {
				return out, nil
			}
		}
	}
	return out, nil
}

// all lists every matching action, in the page's order: for a few, one
// query and a sort beat the walk through the years.
func (l *actionLister) all() ([]*core.Record, error) {
	actions, err := access.ListAs(l.e.App, l.e.Auth, model.Actions, l.filter, "", 0, l.params, l.opts()...)
	if err != nil {
		return nil, err
	}
	if err := l.lookUp(field(actions, model.FieldActionPlan)); err != nil {
		return nil, err
	}
	year := func(a *core.Record) int {
		if pl := l.plans[model.AsAction(a).Plan()]; pl != nil {
			return model.AsPlan(pl).Year()
		}
		return 0
	}
	slices.SortStableFunc(actions, func(a, b *core.Record) int {
		ya, yb := year(a), year(b)
		if ya != yb {
			return yb - ya
		}
		da, db := model.AsAction(a).Deadline().String(), model.AsAction(b).Deadline().String()
		if (da == "") != (db == "") {
			if da == "" {
				return 1
			}
			return -1
		}
		return strings.Compare(da+a.GetString(model.FieldCreated), db+b.GetString(model.FieldCreated))
	})
	return actions, nil
}

// lookUp adds the plans with the given ids that are not looked up yet.
func (l *actionLister) lookUp(ids []string) error { return lookUpPlans(l.e, l.plans, ids) }

// lookUpPlans adds to plans (by id, with their board, year and status) those of
// the given ids it lacks.
func lookUpPlans(e *core.RequestEvent, plans map[string]*core.Record, ids []string) error {
	var missing []string
	for _, id := range ids {
		if plans[id] == nil {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	found, err := access.ListAs(e.App, e.Auth, model.Plans, "", "", 0, nil,
		access.In{Field: "id", Values: missing}, access.Fields{"board", "year", "status"})
	for _, pl := range found {
		plans[pl.Id] = pl
	}
	return err
}
