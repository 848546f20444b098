package remind

import (
	"slices"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
)

func (o *Overview) overdue(it Item) bool { return !it.Date.IsZero() && it.Date.Before(o.today) }

func (o *Overview) pick(f func(Item) bool) []Item { return keep(o.controls, f) }

// FewPlans is the ids of the plans user sees when they are at most
// maxPlansByID, so that everyone's open actions or deviations are looked up
// by them (an index): by status alone SQLite reads those of every board and
// lets the rule turn away the others'. nil (read by status, the quicker
// way then) for one who sees more.
func FewPlans(app core.App, user *core.Record) ([]string, error) {
	plans, err := access.ListIDsAs(app, user, model.Plans, "", "", maxPlansByID+1, nil)
	if err != nil || len(plans) > maxPlansByID {
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
func (o *Overview) merged(controls []Item, nControls int, acts Actions, offset, limit int) (Part, error) {
	n, more, actions, err := acts.first(o.app, o.user, offset+limit, o.most)
	if err != nil {
		return Part{}, err
	}
	p := mergeParts(controls, nControls, actions, n, offset, limit)
	p.More = p.More || more
	return p, nil
}

// overdueControls filters the unreported controls whose earliest
// unreported period fell due before today.
const overdueControls = "reported = false && next_due != '' && next_due < {:today}"

func (o *Overview) todayParam() dbx.Params {
	return dbx.Params{"today": model.DateOnly(o.today).Format(time.DateOnly) + " 00:00:00.000Z"}
}

// overdueControls is the first n of everyone's unreported controls of the
// adopted plans with a period due before today that the user sees, by
// that date and position, and how many there are: counted and limited by the database.
func (o *Overview) overdueControls(n int) ([]Item, int, bool, error) {
	adopted := access.In{Field: "plan", Values: access.IDs(o.plans)}
	total, more, err := o.count(model.Controls, overdueControls, o.todayParam(), adopted)
	if err != nil {
		return nil, 0, false, err
	}
	records, err := access.ListAs(o.app, o.user, model.Controls, overdueControls, "next_due,position", n, o.todayParam(), adopted, controlFields)
	if err != nil {
		return nil, 0, false, err
	}
	items := make([]Item, len(records))
	for i, c := range records {
		items[i] = controlItem(c)
	}
	return items, total, more, nil
}

// count counts the records of collection that match filter that the user
// sees, no further than the overview counts (CountUpTo).
func (o *Overview) count(collection, filter string, params dbx.Params, opts ...access.ListOption) (int, bool, error) {
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
func mergeParts(controls []Item, nControls int, actions []Item, nActions, offset, limit int) Part {
	all := make([]Item, 0, len(controls)+len(actions))
	i, j := 0, 0
	for i < len(controls) || j < len(actions) {
		if j == len(actions) || (i < len(controls) && !actions[j].Date.Before(controls[i].Date)) {
			all, i = append(all, controls[i]), i+1
		} else {
			all, j = append(all, actions[j]), j+1
		}
	}
	return Part{Total: nControls + nActions, Items: window(all, offset, limit)}
}

// myOpen is the user's open actions by deadline (the undated first, as the
// database sorts), read once, and whether that is all of them: most people
// have a few, and their lists and count are made from those; one who has
// more than ownFew gets each list from the database, and myOpen reads none.
func (o *Overview) myOpen() ([]Item, bool, error) {
	if !o.loadedMine {
		// counted first: reading a hundred actions only to learn that there
		// are more was a third of a busy coordinator's start page
		mine := Actions{Owner: o.user.Id}
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
// all at once.
const ownFew = 100

// keep is the items f keeps, in their order.
func keep(items []Item, f func(Item) bool) []Item {
	var out []Item
	for _, it := range items {
		if f(it) {
			out = append(out, it)
		}
	}
	return out
}

// myActions is the part of the user's open actions when they are many: by
// deadline, then those without one.
func (o *Overview) myActions(offset, limit int) (Part, error) {
	me := o.user.Id
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
	total, more, err := Actions{Owner: me}.CountUpTo(o.app, o.user, o.most)
	return Part{Total: total, More: more, Items: items}, err
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
