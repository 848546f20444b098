package web

import (
	"slices"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/internal/perf"
	"ikplan/internal/remind"
)

func (o *overview) overdue(it remind.Item) bool { return !it.Date.IsZero() && it.Date.Before(o.today) }

func (o *overview) pick(f func(remind.Item) bool) []remind.Item { return keepItems(o.controls, f) }

// FewPlans is the ids of the plans user sees when they are at most
// perf.PlansByID, so that everyone's open actions or deviations are looked
// up by them (an index) rather than by status, which reads those of every
// board and lets the rule turn away the others'. nil (read by status, the
// quicker way then) for one who sees more.
func fewPlans(app core.App, user *core.Record) ([]string, error) {
	plans, err := access.ListIDsAs(app, user, model.Plans, "", "", perf.PlansByID+1, nil)
	if err != nil || len(plans) > perf.PlansByID {
		return nil, err
	}
	if plans == nil {
		plans = []string{} // none: not nil, which means "read by status"
	}
	return plans, nil
}

// merged is the part of a list of dated items, controls (sorted, at least
// the first offset+limit of nControls) and the actions acts picks, by
// date, controls first on a day.
func (o *overview) merged(controls []remind.Item, nControls int, acts remind.Actions, offset, limit int) (listPart, error) {
	n, more, actions, err := acts.First(o.app, o.user, offset+limit, o.most)
	if err != nil {
		return listPart{}, err
	}
	p := mergeParts(controls, nControls, actions, n, offset, limit)
	p.More = p.More || more
	return p, nil
}

// overdueControls filters the unreported controls whose earliest
// unreported period fell due before today.
const overdueControls = "reported = false && next_due != '' && next_due < {:today}"

func (o *overview) todayParam() dbx.Params {
	return dbx.Params{"today": model.DateOnly(o.today).Format(time.DateOnly) + " 00:00:00.000Z"}
}

// overdueControls is the first n of everyone's unreported controls of the
// adopted plans with a period due before today that the user sees, by
// that date and position, and how many there are: counted and limited by the database.
func (o *overview) overdueControls(n int) ([]remind.Item, int, bool, error) {
	adopted := access.In{Field: "plan", Values: access.IDs(o.plans)}
	total, more, err := o.count(model.Controls, overdueControls, o.todayParam(), adopted)
	if err != nil {
		return nil, 0, false, err
	}
	records, err := access.ListAs(o.app, o.user, model.Controls, overdueControls, "next_due,position", n, o.todayParam(), adopted, remind.ControlFields)
	if err != nil {
		return nil, 0, false, err
	}
	items := make([]remind.Item, len(records))
	for i, c := range records {
		items[i] = remind.ControlItem(c)
	}
	return items, total, more, nil
}

// count counts the records of collection that match filter that the user
// sees, no further than the overview counts (CountUpTo).
func (o *overview) count(collection, filter string, params dbx.Params, opts ...access.ListOption) (int, bool, error) {
	if o.most <= 0 {
		n, err := access.CountAs(o.app, o.user, collection, filter, params, opts...)
		return n, false, err
	}
	return access.CountUpTo(o.app, o.user, collection, filter, params, o.most, opts...)
}

// mergeParts is the part from offset of the list of controls and actions
// (each sorted by date; the actions at least the first offset+limit of
// nActions; the controls likewise of nControls), by date, controls first
// on a day.
func mergeParts(controls []remind.Item, nControls int, actions []remind.Item, nActions, offset, limit int) listPart {
	all := make([]remind.Item, 0, len(controls)+len(actions))
	i, j := 0, 0
	for i < len(controls) || j < len(actions) {
		if j == len(actions) || (i < len(controls) && !actions[j].Date.Before(controls[i].Date)) {
			all, i = append(all, controls[i]), i+1
		} else {
			all, j = append(all, actions[j]), j+1
		}
	}
	return listPart{Total: nControls + nActions, Items: windowOf(all, offset, limit)}
}

// myOpen is the user's open actions by deadline (the undated first, as the
// database sorts), read once, and whether that is all of them: most people
// have a few, and their lists and count are made from those; one who has
// more than ownFew gets each list from the database, and myOpen reads none.
func (o *overview) myOpen() ([]remind.Item, bool, error) {
	if !o.loadedMine {
		// counted first: reading them all only to learn that there are
		// more cost a busy coordinator's start page much
		mine := remind.Actions{Owner: o.user.Id}
		_, many, err := mine.CountUpTo(o.app, o.user, ownFew)
		if err != nil {
			return nil, false, err
		}
		o.loadedMine, o.allMine = true, !many
		if !many {
			if o.mine, err = mine.List(o.app, o.user, 0, ownFew); err != nil {
				o.loadedMine = false
				return nil, false, err
			}
		}
	}
	return o.mine, o.allMine, nil
}

// ownFew is the most open actions of one person that the overview reads
// all at once, to make each list and the count from them; more are listed
// and counted by the database, a page at a time.
const ownFew = 100

// keepItems is the items f keeps, in their order.
func keepItems(items []remind.Item, f func(remind.Item) bool) []remind.Item {
	var out []remind.Item
	for _, it := range items {
		if f(it) {
			out = append(out, it)
		}
	}
	return out
}

// myActions is the part of the user's open actions when they are many: by
// deadline, then those without one.
func (o *overview) myActions(offset, limit int) (listPart, error) {
	me := o.user.Id
	dated := remind.Actions{Owner: me, Dated: true}
	items, err := dated.List(o.app, o.user, offset, limit)
	if err != nil {
		return listPart{}, err
	}
	if len(items) < limit {
		// the dated ones ran out on this page: the undated follow
		ndated := offset + len(items)
		if len(items) == 0 && offset > 0 {
			if ndated, err = dated.Count(o.app, o.user); err != nil {
				return listPart{}, err
			}
		}
		more, err := remind.Actions{Owner: me, Undated: true}.List(o.app, o.user, offset+len(items)-ndated, limit-len(items))
		if err != nil {
			return listPart{}, err
		}
		items = append(items, more...)
	}
	total, more, err := remind.Actions{Owner: me}.CountUpTo(o.app, o.user, o.most)
	return listPart{Total: total, More: more, Items: items}, err
}

// undatedLast moves the undated items after the dated, keeping each in
// its order.
func undatedLast(items []remind.Item) []remind.Item {
	undated := slices.DeleteFunc(slices.Clone(items), func(it remind.Item) bool { return !it.Date.IsZero() })
	return append(slices.DeleteFunc(items, func(it remind.Item) bool { return it.Date.IsZero() }), undated...)
}

// windowOf is items[offset:offset+limit], as much of it as there is.
func windowOf(items []remind.Item, offset, limit int) []remind.Item {
	if offset >= len(items) {
		return nil
	}
	return items[offset:min(len(items), offset+limit)]
}
