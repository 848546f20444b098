package remind

import (
	"cmp"
	"slices"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
)

// ControlFields are the fields of a control that make its Item (but for
// when it last changed: add "updated" for that).
var ControlFields = access.Fields{"title", "next_due", "next_period", "owner", "plan", "frequency", "position"}

// unreported lists the controls of the adopted plans years names (plan id →
// plan year) that the lister shows, that match filter and that lack a
// result for one of their periods — the flag the hooks keep on each control
// (model.IsReported) —, by the due date of the earliest such period
// (next_due; undated first) and position, loading fields (ControlFields,
// and "updated" if wanted). keep, when not nil, says by that date (zero
// when it has none) whether a control is wanted.
func unreported(list Lister, years map[string]int, filter string, params dbx.Params, fields access.Fields, keep func(due time.Time) bool) ([]Item, error) {
	adopted := make([]string, 0, len(years))
	for id := range years {
		adopted = append(adopted, id)
	}
	if filter != "" {
		filter = "(" + filter + ") && "
	}
	// found by the plans' ids (an index), not through plan.status row by
	// row; sorted here, not by the query: an order by due made SQLite read
	// a person's controls of every year through the (owner, due) index
	controls, err := list(model.Controls, filter+"reported = false", "", params, access.In{Field: "plan", Values: adopted}, fields)
	if err != nil {
		return nil, err
	}
	type control struct {
		*model.Control
		due      time.Time
		position int
	}
	kept := make([]control, 0, len(controls))
	for _, c := range model.AsControls(controls) {
		due := c.NextDue().Time()
		if keep == nil || keep(due) {
			kept = append(kept, control{c, due, c.Position()})
		}
	}
	slices.SortStableFunc(kept, func(a, b control) int {
		if c := a.due.Compare(b.due); c != 0 {
			return c
		}
		return cmp.Compare(a.position, b.position)
	})
	var out []Item
	for _, c := range kept {
		out = append(out, ControlItem(c.Record))
	}
	return out, nil
}

// ControlItem is an unreported control as an item: dated by its earliest
// period without a result, which it names when the control reports more
// often than yearly.
func ControlItem(r *core.Record) Item {
	c := model.AsControl(r)
	it := Item{
		Collection: model.Controls, Id: c.Id, Title: c.Title(),
		Date: dateOf(c.NextDue().Time()), Precision: model.PrecisionDay,
		Owner: c.Owner(), Plan: c.Plan(), Updated: c.Updated().Time(),
	}
	if model.PeriodKindFor(c.Frequency()) != model.PeriodYear {
		it.Period = c.NextPeriod()
	}
	return it
}

// Unreported lists the controls of plans (adopted plans, with their
// years) that the lister shows, that match filter and that lack a result
// for one of their periods: what is due from whom, by the due date of the
// earliest such period (the undated first) and position.
func Unreported(list Lister, plans []*core.Record, filter string, params dbx.Params) ([]Item, error) {
	return unreported(list, yearsOf(plans), filter, params, ControlFields, nil)
}

// planYears maps each adopted plan the lister shows to its year.
func planYears(list Lister) (map[string]int, error) {
	plans, err := list(model.Plans, "status = 'adopted'", "", nil, access.Fields{model.FieldPlanYear})
	if err != nil {
		return nil, err
	}
	return yearsOf(plans), nil
}

// yearsOf maps plans to their years.
func yearsOf(plans []*core.Record) map[string]int {
	out := make(map[string]int, len(plans))
	for _, p := range model.AsPlans(plans) {
		out[p.Id] = p.Year()
	}
	return out
}
