package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// actionStatusView is an action's status block as a page shows it: the
// form is offered when the user may change the action (mayUpdate: the
// actions' update rule lets them) and its plan is not reported; back is the
// page the form is on, where a save without JavaScript returns.
func (s *server) actionStatusView(a, plan *core.Record, mayUpdate bool, back string) templates.ActionStatusView {
	v := templates.ActionStatusView{
		Action:    a,
		Overdue:   model.ActionOverdue(a, s.now()),
		CanUpdate: mayUpdate,
		Today:     model.Today(s.now()).Format(time.DateOnly),
		Back:      back,
	}
	if plan != nil {
		v.Year = model.AsPlan(plan).Year()
		if model.PlanFrozen(model.AsPlan(plan).Status()) {
			v.CanUpdate = false // nothing under a reported plan changes: no form is offered
		}
	}
	return v
}

// actionStatusPage handles "GET /actions/{id}/status": one action with its
// status form, for any link that leads to changing an action; ?back= names
// the page to return to.
func (s *server) actionStatusPage(e *core.RequestEvent) error {
	a, err := view(e.App, e.Auth, model.Actions, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	back := returnPath(e.Request.URL.Query().Get("back"))
	return s.renderActionStatus(e, a, back, nil, nil, http.StatusOK)
}

// actionStatusElsewhere answers a status change made on another page than
// the actions list: saved, the browser goes back to that page, at the
// action (htmx gets the status block); refused, the status block with the
// form open (htmx), or the action's status page with the messages.
func (s *server) actionStatusElsewhere(e *core.RequestEvent, id, back string, form map[string]string, refused templates.Errors) error {
	fresh, err := e.App.FindRecordById(model.Actions, id)
	if err != nil {
		return err
	}
	if len(refused) == 0 && !isFragment(e) {
		return done(e, back+"#action-"+id, i18n.M("flash.action_status_saved"))
	}
	status := http.StatusOK
	if len(refused) > 0 {
		status = http.StatusUnprocessableEntity
	}
	return s.renderActionStatus(e, fresh, back, form, refused, status)
}

// renderActionStatus renders an action's status page, or for htmx its
// status block; refused (plain field names) opens the form with the
// messages beside the fields.
func (s *server) renderActionStatus(e *core.RequestEvent, a *core.Record, back string, form map[string]string, refused templates.Errors, status int) error {
	plan, _ := view(e.App, e.Auth, model.Plans, model.AsAction(a).Plan())
	v := templates.ActionStatusPageView{
		Status: s.actionStatusView(a, plan, may(e.App, e.Auth, a, a.Collection().UpdateRule), back),
	}
	if len(refused) > 0 {
		v.Status.Open, v.Status.Form = true, form
		v.Status.Errors = fieldIds(refused, v.Status.FieldId)
		v.Errors = v.Status.Errors
	}
	if c := model.AsAction(a).Control(); c != "" {
		v.Control, _ = view(e.App, e.Auth, model.Controls, c)
	}
	if o := model.AsAction(a).Owner(); o != "" {
		v.Owner = s.userNames(e, []string{o})[o]
	}
	p := s.page(e, "", "actions")
	p.Title, p.Error = p.T("actions.change_for"), len(refused) > 0
	return s.render(e, status, p, templates.ActionStatusPage(p, v), templates.ActionStatus(p, v.Status))
}

// returnPath is a page of this site to return to (localPath), without a
// fragment: the answer adds the action's.
func returnPath(s string) string {
	if before, _, found := strings.Cut(s, "#"); found {
		s = before
	}
	if localPath(s) != s {
		return "/actions"
	}
	return s
}
