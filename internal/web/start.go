package web

import (
	"net/http"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/templates"
)

// start handles "GET /": the user's controls and actions, what is overdue,
// each adopted plan's progress and the open significant deviations.
func (s *server) start(e *core.RequestEvent) error {
	v, err := s.startView(e)
	if err != nil {
		return err
	}
	p := s.page(e, "", "start")
	p.Title = p.T("start.title")
	p.Count = len(v.Overdue)
	return s.render(e, http.StatusOK, p, templates.Start(p, v), nil)
}

func (s *server) startView(e *core.RequestEvent) (templates.StartView, error) {
	var v templates.StartView
	l := lang(e)
	now := s.now()
	me := e.Auth.Id

	// controls of adopted plans and whether they have a result
	controls, err := list(e.App, e.Auth, model.Controls, "plan.status = 'adopted'", "due,position", 0, nil)
	if err != nil {
		return v, err
	}
	reported := map[string]string{}
	results, err := list(e.App, e.Auth, model.Results, "control.plan.status = 'adopted'", "period", 0, nil)
	if err != nil {
		return v, err
	}
	for _, r := range results {
		reported[r.GetString("control")] = r.GetString("outcome")
	}
	coordinator := e.Auth.GetString("role") == model.RoleCoordinator
	perPlan := map[string]*templates.PlanProgress{}
	var planOrder []string
	for _, c := range controls {
		planId := c.GetString("plan")
		pp := perPlan[planId]
		if pp == nil {
			pp = &templates.PlanProgress{Light: "green"}
			perPlan[planId] = pp
			planOrder = append(planOrder, planId)
		}
		pp.Total++
		_, done := reported[c.Id]
		late := model.Overdue(c.GetDateTime("due").Time(), done, now)
		if done {
			pp.Reported++
		} else if late {
			pp.Light = "red"
		} else if pp.Light == "green" {
			pp.Light = "yellow"
		}
		item := templates.DueItem{Kind: "control", Href: "/controls/" + c.Id, Title: c.GetString("title"),
			When: templates.Date(c, "due"), Overdue: late, Tag: templates.OutcomeTag(l, reported[c.Id])}
		if c.GetString("owner") == me && !done {
			v.Controls = append(v.Controls, item)
		}
		if late && (c.GetString("owner") == me || coordinator) {
			v.Overdue = append(v.Overdue, item)
		}
	}

	actions, err := list(e.App, e.Auth, model.Actions, "status = 'planned' || status = 'in_progress'", "deadline", 0, nil)
	if err != nil {
		return v, err
	}
	for _, a := range actions {
		late := model.Overdue(a.GetDateTime("deadline").Time(), false, now)
		item := templates.DueItem{Kind: "action", Href: "/actions#action-" + a.Id, Title: a.GetString("description"),
			When: templates.Deadline(a), Overdue: late, Tag: templates.ActionTag(l, a.GetString("status"))}
		if c := a.GetString("control"); c != "" {
			item.Href = "/controls/" + c + "#action-" + a.Id
		}
		if a.GetString("owner") == me {
			v.Actions = append(v.Actions, item)
		}
		if late {
			if pp := perPlan[a.GetString("plan")]; pp != nil {
				pp.Light = "red"
			}
			if a.GetString("owner") == me || coordinator {
				v.Overdue = append(v.Overdue, item)
			}
		}
	}

	for _, id := range planOrder {
		plan, err := e.App.FindRecordById(model.Plans, id)
		if err != nil {
			continue
		}
		pp := perPlan[id]
		pp.Plan = plan
		if b, err := e.App.FindRecordById(model.Boards, plan.GetString("board")); err == nil {
			pp.Board = b.GetString("name")
		}
		v.Plans = append(v.Plans, *pp)
	}

	devs, err := list(e.App, e.Auth, model.Deviations, "significant = true && status = 'open'", "created", 50, dbx.Params{})
	if err != nil {
		return v, err
	}
	for _, d := range devs {
		href := "/"
		if r, err := e.App.FindRecordById(model.Results, d.GetString("result")); err == nil {
			href = "/controls/" + r.GetString("control")
		}
		v.Significant = append(v.Significant, templates.DueItem{Href: href, Title: d.GetString("description"),
			Tag: templates.Tag{Text: i18nT(e, "significant"), Class: "tag--red"}})
	}
	return v, nil
}
