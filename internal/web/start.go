package web

import (
	"log/slog"
	"net/http"
	"sort"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/templates"
)

// start handles "GET /": the user's controls and actions, what is due soon
// and overdue (the same items as their reminder e-mails, chosen by the same
// function), each adopted plan's progress and the open significant
// deviations.
func (s *server) start(e *core.RequestEvent) error {
	v, err := s.startView(e)
	if err != nil {
		return err
	}
	p := s.page(e, "", "start")
	p.Title = p.T("start.title")
	return s.render(e, http.StatusOK, p, templates.Start(p, v), nil)
}

// navCount is the number of the signed-in user's own items that are overdue
// or due today, shown beside "Start" on every page. A fragment has no
// navigation, so it costs nothing there.
func (s *server) navCount(e *core.RequestEvent) int {
	if e.Auth == nil || e.Auth.Collection().Name != model.Users || isFragment(e) {
		return 0
	}
	return s.cachedCount(e, func() int { return s.countDue(e) })
}

// countDue counts the user's own items that are overdue or due today.
func (s *server) countDue(e *core.RequestEvent) int {
	now := s.now()
	items, err := remind.Open(remind.As(e.App, e.Auth), e.Auth.Id, remind.Today(now))
	if err != nil {
		e.App.Logger().Warn("failed to count the user's due items", slog.String("user", e.Auth.Id), slog.String("error", err.Error()))
		return 0
	}
	n := 0
	for _, d := range remind.Select(items, nil, now) {
		if d.Kind == remind.Overdue || d.Kind == remind.DueToday {
			n++
		}
	}
	return n
}

func (s *server) startView(e *core.RequestEvent) (templates.StartView, error) {
	var v templates.StartView
	l := lang(e)
	now := s.now()
	me := e.Auth.Id
	coordinator := e.Auth.GetString("role") == model.RoleCoordinator

	// every unfinished item the user may see: theirs, and for a coordinator
	// the overdue ones of their boards, as in the reminder e-mails
	open, err := remind.Open(remind.As(e.App, e.Auth), "", time.Time{})
	if err != nil {
		return v, err
	}
	openControls := map[string]int{} // plan → unfinished controls
	late := map[string]bool{}        // plan → something overdue
	days := remind.Days(e.App)
	for _, it := range open {
		due, dated := remind.Classify(it, days, now)
		item := dueItem(l, it, due)
		if it.Collection == model.Controls {
			openControls[it.Plan]++
		}
		if due.Kind == remind.Overdue {
			late[it.Plan] = true
			if it.Owner == me || coordinator {
				v.Overdue = append(v.Overdue, item)
			}
		}
		if it.Owner != me {
			continue
		}
		if dated && due.Kind != remind.Overdue {
			v.Soon = append(v.Soon, item)
		}
		if it.Collection == model.Controls {
			v.Controls = append(v.Controls, item)
		} else {
			v.Actions = append(v.Actions, item)
		}
	}

	// each adopted plan's progress with its light: the plans' controls
	// counted by the plans' ids, which SQLite looks up by index (through
	// plan.status it read every board's controls)
	adopted, err := list(e.App, e.Auth, model.Plans, "status = 'adopted'", "", 0, nil)
	if err != nil {
		return v, err
	}
	totals, err := model.CountByAs(e.App, e.Auth, model.Controls, "", nil, "plan", model.In{Field: "plan", Values: model.IDs(adopted)})
	if err != nil {
		return v, err
	}
	var plans []*core.Record
	for _, p := range adopted {
		if totals[p.Id] > 0 {
			plans = append(plans, p)
		}
	}
	boards, err := s.byIds(e, model.Boards, field(plans, "board"))
	if err != nil {
		return v, err
	}
	for _, plan := range plans {
		pp := templates.PlanProgress{Plan: plan, Total: totals[plan.Id]}
		pp.Reported = pp.Total - openControls[plan.Id]
		switch {
		case late[plan.Id]:
			pp.Light = "red"
		case openControls[plan.Id] > 0:
			pp.Light = "yellow"
		default:
			pp.Light = "green"
		}
		if b := boards[plan.GetString("board")]; b != nil {
			pp.Board = b.GetString("name")
		}
		v.Plans = append(v.Plans, pp)
	}
	sort.SliceStable(v.Plans, func(i, j int) bool { return v.Plans[i].Board < v.Plans[j].Board })

	devs, err := list(e.App, e.Auth, model.Deviations, "significant = true && status = 'open'", "created", 50, dbx.Params{})
	if err != nil {
		return v, err
	}
	results, err := s.byIds(e, model.Results, field(devs, "result"))
	if err != nil {
		return v, err
	}
	for _, d := range devs {
		href := "/"
		if r := results[d.GetString("result")]; r != nil {
			href = "/controls/" + r.GetString("control")
		}
		v.Significant = append(v.Significant, templates.DueItem{Href: href, Title: d.GetString("description"),
			Tag: templates.Tag{Text: i18nT(e, "significant"), Class: "tag--red"}})
	}
	return v, nil
}

// dueItem is an unfinished item as the start page shows it, with the
// reminder it is due for today, if any.
func dueItem(l string, it remind.Item, due remind.Due) templates.DueItem {
	item := templates.DueItem{Kind: "action", Href: it.Path(), Title: it.Title, When: it.When(),
		Overdue: due.Kind == remind.Overdue, Tag: templates.ActionTag(l, it.Status)}
	if it.Collection == model.Controls {
		item.Kind, item.Tag = "control", templates.OutcomeTag(l, "")
	}
	switch due.Kind {
	case remind.DueToday:
		item.Reminder = templates.Tag{Text: i18n.T(l, "start.due_today"), Class: "tag--yellow"}
	case remind.DueSoon:
		item.Reminder = templates.Tag{Text: i18n.T(l, "start.due_in", due.Days), Class: "tag--blue"}
	}
	return item
}
