package web

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/templates"
)

// Confirmation pages: a step back (an adopted plan to draft, a reported plan
// reopened) and every delete of the web UI is asked for on a page that says
// what will happen and why it is done; the reason goes into the history row
// of the change (model.Actor.Reason). The rules themselves stay in the
// hooks: the reason of a plan's move back is required there, for every way
// in; a delete's reason is asked for here, since the REST API's DELETE
// carries none.

// maxReason is the longest reason the history keeps.
const maxReason = 2000

func (s *server) bindConfirmRoutes(g *groupRouter) {
	g.GET("/plans/{id}/back", s.planBackForm)
	g.POST("/plans/{id}/back", s.planBack)
	g.GET("/plans/{id}/controls/{control}/delete", s.planControlDeleteForm)
}

// backTarget is the status a plan goes back to, and the words of that step
// ("revert" or "reopen"); ok is false for a plan that cannot go back.
func backTarget(plan *core.Record) (to, step string, ok bool) {
	switch model.AsPlan(plan).Status() {
	case model.PlanAdopted:
		return model.PlanDraft, "revert", true
	case model.PlanReported:
		return model.PlanAdopted, "reopen", true
	}
	return "", "", false
}

// planBackForm handles "GET /plans/{id}/back": what moving the plan back
// will undo, and a field for why.
func (s *server) planBackForm(e *core.RequestEvent) error {
	plan, err := s.planGoingBack(e)
	if err != nil || plan == nil {
		return err
	}
	return s.renderPlanBack(e, plan, "", nil, http.StatusOK)
}

// planBack handles "POST /plans/{id}/back": the plan moves back with the
// reason given; the hooks decide whether it may (who, which reason, no
// results under a plan going back to draft).
func (s *server) planBack(e *core.RequestEvent) error {
	plan, err := s.planGoingBack(e)
	if err != nil || plan == nil {
		return err
	}
	return s.movePlanBack(e, plan, e.Request.FormValue("reason"))
}

// movePlanBack moves the plan back a step with the reason given, or shows
// the confirmation page again with the refusal.
func (s *server) movePlanBack(e *core.RequestEvent, plan *core.Record, reason string) error {
	to, _, _ := backTarget(plan)
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) > maxReason {
		return s.renderPlanBack(e, plan, reason, templates.Errors{{Field: "reason", Message: i18nT(e, "confirm.reason_long", maxReason)}}, http.StatusUnprocessableEntity)
	}
	model.AsPlan(plan).SetStatus(to)
	model.AsPlan(plan).SetStatusReason(reason)
	err := saveBecause(e.App, e.Auth, plan, reason)
	if err == nil {
		return done(e, "/plans/"+plan.Id, statusFlash(to, true))
	}
	errs, ok := formErrors(lang(e), err, "status_reason", "status")
	if !ok {
		if isForbidden(err) {
			return s.errorPage(e, http.StatusForbidden)
		}
		return err
	}
	for i := range errs {
		if errs[i].Field == "status_reason" {
			errs[i].Field = "reason"
		} else {
			errs[i].Field = "confirm"
		}
	}
	fresh, err := e.App.FindRecordById(model.Plans, plan.Id)
	if err != nil {
		return err
	}
	return s.renderPlanBack(e, fresh, reason, errs, http.StatusUnprocessableEntity)
}

// planGoingBack is the plan of the URL when the user may move it back; nil
// (with the answer written) when the plan cannot go back.
func (s *server) planGoingBack(e *core.RequestEvent) (*core.Record, error) {
	plan, err := view(e.App, e.Auth, model.Plans, e.Request.PathValue("id"))
	if err != nil {
		return nil, err
	}
	if !may(e.App, e.Auth, plan, plan.Collection().UpdateRule) || !model.ActorFromAuth(e.Auth).MayReopenPlan() {
		return nil, s.errorPage(e, http.StatusForbidden)
	}
	if _, _, ok := backTarget(plan); !ok {
		return nil, s.messagePage(e, http.StatusConflict, i18nT(e, "confirm.back_none"),
			i18nT(e, "confirm.back_none_text", i18nT(e, "plan.status."+model.AsPlan(plan).Status())))
	}
	return plan, nil
}

func (s *server) renderPlanBack(e *core.RequestEvent, plan *core.Record, reason string, errs templates.Errors, status int) error {
	_, step, _ := backTarget(plan)
	caption := model.AsPlan(plan).Title()
	if b, err := view(e.App, e.Auth, model.Boards, model.AsPlan(plan).Board()); err == nil {
		caption = model.AsBoard(b).Name() + " " + itoa(model.AsPlan(plan).Year())
	}
	var n struct{ Controls, Results int }
	_ = e.App.DB().NewQuery("SELECT (SELECT COUNT(*) FROM controls WHERE plan = {:p}) AS controls, " +
		"(SELECT COUNT(*) FROM results JOIN controls ON controls.id = results.control WHERE controls.plan = {:p}) AS results").
		Bind(dbx.Params{"p": plan.Id}).One(&n)
	v := templates.ConfirmView{
		Heading: i18nT(e, "confirm."+step+".heading"),
		Caption: caption,
		Action:  "/plans/" + plan.Id + "/back",
		Reason:  reason,
		Label:   i18nT(e, "confirm."+step+".reason"),
		Button:  i18nT(e, "confirm."+step+".button"),
		Cancel:  "/plans/" + plan.Id,
		Errors:  errs,
	}
	if step == "revert" {
		v.Facts = []templates.Fact{
			{Term: i18nT(e, "history.f.adopted_on"), Value: templates.Date(model.AsPlan(plan).AdoptedOn())},
			{Term: i18nT(e, "history.f.adopted_ref"), Value: model.AsPlan(plan).AdoptedRef()},
		}
		v.Effects = []string{i18nT(e, "confirm.revert.effect_status"), i18nT(e, "confirm.revert.effect_decision"),
			i18nT(e, "confirm.revert.effect_controls", n.Controls), i18nT(e, "confirm.effect_history")}
		if n.Results > 0 && len(errs) == 0 {
			v.Blocked = i18nT(e, "confirm.revert.blocked", n.Results)
		}
	} else {
		v.Facts = []templates.Fact{
			{Term: i18nT(e, "history.f.reported_on"), Value: templates.Date(model.AsPlan(plan).ReportedOn())},
			{Term: i18nT(e, "history.f.reported_ref"), Value: model.AsPlan(plan).ReportedRef()},
		}
		v.Effects = []string{i18nT(e, "confirm.reopen.effect_status"), i18nT(e, "confirm.reopen.effect_decision"),
			i18nT(e, "confirm.reopen.effect_results", n.Results), i18nT(e, "confirm.effect_history")}
	}
	p := s.page(e, "", "plans")
	p.Title, p.Error = v.Heading, len(errs) > 0
	return s.render(e, status, p, templates.Confirm(p, v), nil)
}

// planControlDeleteForm handles "GET /plans/{id}/controls/{control}/delete":
// what deleting the control does, and a field for why.
func (s *server) planControlDeleteForm(e *core.RequestEvent) error {
	plan, control, err := s.controlToDelete(e)
	if err != nil || control == nil {
		return err
	}
	return s.renderControlDelete(e, plan, control, "", nil, http.StatusOK)
}

// controlToDelete is the plan and control of the URL when the user may
// delete the control; a nil control means the answer is written.
func (s *server) controlToDelete(e *core.RequestEvent) (*core.Record, *core.Record, error) {
	plan, err := s.draftPlan(e)
	if err != nil {
		return nil, nil, err
	}
	control, err := s.planControl(e, plan)
	if err != nil {
		return nil, nil, err
	}
	if !may(e.App, e.Auth, control, control.Collection().DeleteRule) {
		return nil, nil, s.errorPage(e, http.StatusForbidden)
	}
	return plan, control, nil
}

func (s *server) renderControlDelete(e *core.RequestEvent, plan, control *core.Record, reason string, errs templates.Errors, status int) error {
	v := templates.ConfirmView{
		Heading: i18nT(e, "confirm.delete_control.heading"),
		Caption: i18nT(e, "controlpage.caption", templates.ControlNumber(control)) + " " + model.AsControl(control).Title(),
		Facts: []templates.Fact{
			{Term: i18nT(e, "history.f.number"), Value: templates.ControlNumber(control)},
			{Term: i18nT(e, "history.f.title"), Value: model.AsControl(control).Title()},
		},
		Effects: []string{i18nT(e, "confirm.delete_control.effect"), i18nT(e, "confirm.effect_history")},
		Action:  "/plans/" + plan.Id + "/controls/" + control.Id + "/delete",
		Reason:  reason,
		Label:   i18nT(e, "confirm.delete_control.reason"),
		Button:  i18nT(e, "confirm.delete_control.button"),
		Cancel:  "/plans/" + plan.Id,
		Errors:  errs,
	}
	if model.AsPlan(plan).Status() != model.PlanDraft && len(errs) == 0 {
		v.Blocked = i18nT(e, "confirm.delete_control.blocked")
	}
	p := s.page(e, "", "plans")
	p.Title, p.Error = v.Heading, len(errs) > 0
	return s.render(e, status, p, templates.Confirm(p, v), nil)
}
