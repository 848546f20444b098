package remind

import (
	"fmt"
	"slices"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"ikplan/internal/access"
	"ikplan/internal/model"
)

// The events of a plan in a coordinator's calendar (Item.Event).
const (
	PlanAdopted  = "adopted"  // the day the board adopted the plan (plans.adopted_on)
	PlanReported = "reported" // the day the follow-up was reported back (plans.reported_on)
)

// withheld is the title a calendar shows for a confidential control, and
// an action under one, that is not the feed's owner's: a feed is read by
// calendar programs and services outside ikplan; the link leads to the
// page behind sign-in.
const withheld = "(sekretess)"

// Feed lists what the user's calendar feed holds: their own open items
// (controls to report, actions to finish, as their reminders have them);
// for a coordinator also every other open item of the boards they
// coordinate — each with its owner's name, and the title of a confidential
// one withheld — and the days their boards' plans were adopted and
// reported back. Everything is read as the user may see it.
func Feed(app core.App, user *core.Record) ([]Item, error) {
	list := As(app, user)
	own, err := Open(list, user.Id, time.Time{})
	if err != nil {
		return nil, err
	}
	if model.AsUser(user).Role() != model.RoleCoordinator {
		return own, nil
	}
	all, err := Open(list, "", time.Time{})
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(own))
	for _, it := range own {
		seen[it.UID()] = true
	}
	var others []Item
	for _, it := range all {
		if !seen[it.UID()] {
			others = append(others, it)
		}
	}
	if err := describeOthers(app, list, others); err != nil {
		return nil, err
	}
	plans, err := planDates(list)
	if err != nil {
		return nil, err
	}
	return slices.Concat(own, others, plans), nil
}

// describeOthers gives other people's items their owner's name and
// withholds the titles of confidential ones.
func describeOthers(app core.App, list Lister, items []Item) error {
	if len(items) == 0 {
		return nil
	}
	var owners, controls []string
	for _, it := range items {
		owners = append(owners, it.Owner)
		if it.Collection == model.Controls {
			controls = append(controls, it.Id)
		} else if it.Control != "" {
			controls = append(controls, it.Control)
		}
	}
	names := map[string]string{}
	users, err := list(model.Users, "", "", nil, access.In{Field: "id", Values: compact(owners)}, access.Fields{model.FieldUserName, "email"})
	if err != nil {
		return fmt.Errorf("failed to load the owners: %w", err)
	}
	for _, u := range model.AsUsers(users) {
		names[u.Id] = u.Name()
		if names[u.Id] == "" {
			names[u.Id] = u.Email()
		}
	}
	// read without rules: only to leave out what is confidential
	secret := map[string]bool{}
	if ids := compact(controls); len(ids) > 0 {
		recs, err := app.FindAllRecords(model.Controls, dbx.In("id", anys(ids)...), dbx.HashExp{"confidential": true})
		if err != nil {
			return fmt.Errorf("failed to load the confidential controls: %w", err)
		}
		for _, c := range recs {
			secret[c.Id] = true
		}
	}
	for i := range items {
		it := &items[i]
		it.OwnerName = names[it.Owner]
		if it.OwnerName == "" {
			it.OwnerName = "saknas"
		}
		if secret[it.Id] && it.Collection == model.Controls || secret[it.Control] {
			it.Title, it.Period = withheld, ""
		}
	}
	return nil
}

// planDates are the days the plans the lister shows were adopted and
// reported back, as events named by the board's name in running text:
// "Kommunstyrelsens internkontrollplan 2024 antagen".
func planDates(list Lister) ([]Item, error) {
	recs, err := list(model.Plans, "adopted_on != '' || reported_on != ''", "year,created", nil,
		access.Fields{model.FieldPlanBoard, model.FieldPlanYear, model.FieldPlanAdoptedOn, model.FieldPlanReportedOn, model.FieldUpdated})
	if err != nil {
		return nil, fmt.Errorf("failed to load the plans: %w", err)
	}
	if len(recs) == 0 {
		return nil, nil
	}
	plans := model.AsPlans(recs)
	var ids []string
	for _, p := range plans {
		ids = append(ids, p.Board())
	}
	boards, err := list(model.Boards, "", "", nil, access.In{Field: "id", Values: compact(ids)}, access.Fields{model.FieldBoardName, model.FieldBoardNameInText})
	if err != nil {
		return nil, fmt.Errorf("failed to load the boards: %w", err)
	}
	byId := map[string]*core.Record{}
	for _, b := range boards {
		byId[b.Id] = b
	}
	var out []Item
	for _, p := range plans {
		b := byId[p.Board()]
		if b == nil {
			continue
		}
		plan := fmt.Sprintf("%s internkontrollplan %d", model.BoardGenitive(b), p.Year())
		for _, ev := range []struct {
			on           types.DateTime
			event, title string
		}{
			{p.AdoptedOn(), PlanAdopted, model.UpperFirst(plan) + " antagen"},
			{p.ReportedOn(), PlanReported, "Uppföljningen av " + plan + " återrapporterad"},
		} {
			if d := ev.on; !d.IsZero() {
				out = append(out, Item{
					Collection: model.Plans, Id: p.Id, Event: ev.event, Title: ev.title,
					Date: dateOf(d.Time()), Precision: model.PrecisionDay, Plan: p.Id, Updated: p.Updated().Time(),
				})
			}
		}
	}
	return out, nil
}

// compact is the ids without repeats and blanks, sorted.
func compact(ids []string) []string {
	out := slices.DeleteFunc(slices.Clone(ids), func(s string) bool { return s == "" })
	slices.Sort(out)
	return slices.Compact(out)
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
