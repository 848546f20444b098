package web

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/templates"
)

// controlFields are the fields of a control that a draft plan's form edits.
// The form's inputs are named as the fields.
var controlFields = []string{
	model.FieldControlSection, model.FieldControlNumber, model.FieldControlTitle, model.FieldControlDescription,
	model.FieldControlProcess, model.FieldControlUnit, model.FieldControlOwner, model.FieldControlMethod,
	model.FieldControlFrequency, model.FieldControlDue, model.FieldControlReportTo, model.FieldControlLegalRefs,
	model.FieldControlTargetMetric, model.FieldControlTargetOperator, model.FieldControlTargetValue,
	model.FieldControlTargetUnit,
}

func (s *server) bindPlanControlRoutes(g *groupRouter) {
	g.POST("/plans/{id}/controls", s.planControlCreate)
	g.GET("/plans/{id}/controls/{control}/edit", s.planControlEdit)
	g.POST("/plans/{id}/controls/{control}", s.planControlUpdate)
	g.POST("/plans/{id}/controls/{control}/delete", s.planControlDelete)
}

// controlForm fills the form for a control (nil for a new one) of plan.
func (s *server) controlForm(e *core.RequestEvent, plan, control *core.Record) templates.ControlForm {
	f := templates.ControlForm{PlanId: plan.Id, Values: map[string]string{}}
	units, _ := list(e.App, e.Auth, model.Units, "board = {:b}", "name", 0, dbx.Params{"b": model.AsPlan(plan).Board()})
	for _, u := range model.AsUnits(units) {
		f.Units = append(f.Units, templates.Option{Value: u.Id, Label: u.Name()})
	}
	owners, _ := list(e.App, e.Auth, model.Users, "boards.id ?= {:b} && role != 'reader' && role != 'auditor'", "name", 0, dbx.Params{"b": model.AsPlan(plan).Board()})
	for _, u := range model.AsUsers(owners) {
		f.Owners = append(f.Owners, templates.Option{Value: u.Id, Label: u.Name()})
	}
	if control == nil {
		var max struct{ N int }
		_ = e.App.RecordQuery(model.Controls).Select("COALESCE(MAX(number), 0) AS n").
			AndWhere(dbx.HashExp{"plan": plan.Id, "section": ""}).One(&max)
		f.Values["number"] = itoa(max.N + 1)
		f.Values["frequency"] = model.FreqYearly
		return f
	}
	f.Id = control.Id
	for _, name := range controlFields {
		f.Values[name] = control.GetString(name)
	}
	f.Values[model.FieldControlDue] = templates.Date(model.AsControl(control).Due())
	f.Confidential = model.AsControl(control).Confidential()
	return f
}

// readControlForm copies the posted form onto the control and the form.
func readControlForm(e *core.RequestEvent, control *core.Record, f *templates.ControlForm) {
	for _, name := range controlFields {
		v := strings.TrimSpace(e.Request.FormValue(name))
		f.Values[name] = v
		control.Set(name, v)
	}
	f.Confidential = e.Request.FormValue("confidential") == "true"
	model.AsControl(control).SetConfidential(f.Confidential)
}

// draftPlan loads the plan of the URL for a control edit.
func (s *server) draftPlan(e *core.RequestEvent) (*core.Record, error) {
	return view(e.App, e.Auth, model.Plans, e.Request.PathValue("id"))
}

// planControl loads the control of the URL, which must belong to the plan.
func (s *server) planControl(e *core.RequestEvent, plan *core.Record) (*core.Record, error) {
	c, err := view(e.App, e.Auth, model.Controls, e.Request.PathValue("control"))
	if err != nil {
		return nil, err
	}
	if model.AsControl(c).Plan() != plan.Id {
		return nil, errNotFound
	}
	return c, nil
}

// planControlCreate handles "POST /plans/{id}/controls".
func (s *server) planControlCreate(e *core.RequestEvent) error {
	plan, err := s.draftPlan(e)
	if err != nil {
		return err
	}
	col, err := e.App.FindCachedCollectionByNameOrId(model.Controls)
	if err != nil {
		return err
	}
	control := core.NewRecord(col)
	model.AsControl(control).SetPlan(plan.Id)
	f := s.controlForm(e, plan, nil)
	readControlForm(e, control, &f)
	err = save(e.App, e.Auth, control)
	if err == nil {
		return done(e, "/plans/"+plan.Id, controlFlash("flash.control_added", control))
	}
	if f.Errors, err = s.refusal(e, err, controlFields...); err != nil {
		return err
	}
	p := s.page(e, "", "plans")
	p.Error = true
	if isFragment(e) {
		return s.render(e, http.StatusUnprocessableEntity, p, nil, templates.ControlFormView(p, f))
	}
	v, err := s.planView(e, plan)
	if err != nil {
		return err
	}
	v.NewControl = &f
	p.Title = v.Board + " " + itoa(model.AsPlan(plan).Year())
	return s.render(e, http.StatusUnprocessableEntity, p, templates.Plan(p, v), nil)
}

// planControlEdit handles "GET /plans/{id}/controls/{control}/edit".
func (s *server) planControlEdit(e *core.RequestEvent) error {
	plan, err := s.draftPlan(e)
	if err != nil {
		return err
	}
	control, err := s.planControl(e, plan)
	if err != nil {
		return err
	}
	if !may(e.App, e.Auth, control, control.Collection().UpdateRule) {
		return s.errorPage(e, http.StatusForbidden)
	}
	f := s.controlForm(e, plan, control)
	p := s.page(e, "", "plans")
	p.Title = p.T("control.edit_title", strconv.Itoa(model.AsControl(control).Number()))
	return s.render(e, http.StatusOK, p, templates.ControlEdit(p, f), templates.ControlEditRow(p, f))
}

// planControlUpdate handles "POST /plans/{id}/controls/{control}".
func (s *server) planControlUpdate(e *core.RequestEvent) error {
	plan, err := s.draftPlan(e)
	if err != nil {
		return err
	}
	control, err := s.planControl(e, plan)
	if err != nil {
		return err
	}
	f := s.controlForm(e, plan, control)
	readControlForm(e, control, &f)
	err = save(e.App, e.Auth, control)
	if err == nil {
		return done(e, "/plans/"+plan.Id, controlFlash("flash.control_saved", control))
	}
	if f.Errors, err = s.refusal(e, err, controlFields...); err != nil {
		return err
	}
	p := s.page(e, "", "plans")
	p.Title, p.Error = p.T("control.edit_title", e.Request.FormValue("number")), true
	if isFragment(e) {
		return s.render(e, http.StatusUnprocessableEntity, p, nil, templates.ControlFormView(p, f))
	}
	return s.render(e, http.StatusUnprocessableEntity, p, templates.ControlEdit(p, f), nil)
}

// planControlDelete handles "POST /plans/{id}/controls/{control}/delete":
// the control is deleted with the reason given on the confirmation page
// (planControlDeleteForm), which its history row keeps.
func (s *server) planControlDelete(e *core.RequestEvent) error {
	plan, control, err := s.controlToDelete(e)
	if err != nil || control == nil {
		return err
	}
	reason := strings.TrimSpace(e.Request.FormValue("reason"))
	draft := model.AsPlan(plan).Status() == model.PlanDraft // else the hooks refuse the delete, whatever the reason
	switch {
	case draft && model.Blank(reason):
		return s.renderControlDelete(e, plan, control, reason, templates.Errors{{Field: "reason", Message: i18nT(e, "confirm.delete_control.no_reason")}}, http.StatusUnprocessableEntity)
	case utf8.RuneCountInString(reason) > maxReason:
		return s.renderControlDelete(e, plan, control, reason, templates.Errors{{Field: "reason", Message: i18nT(e, "confirm.reason_long", maxReason)}}, http.StatusUnprocessableEntity)
	}
	if err := removeBecause(e.App, e.Auth, control, reason); err != nil {
		if errs, ok := formErrors(lang(e), err); ok && len(errs) > 0 {
			return s.messagePage(e, http.StatusBadRequest, i18nT(e, "error.bad_request"), errs[0].Message)
		}
		return err // the API rules' 403
	}
	return done(e, "/plans/"+plan.Id, controlFlash("flash.control_deleted", control))
}

// refusal sorts out a failed save: the form's messages for a refusal by
// the server's rules; any other error (the API rules' 403 among them) is
// returned for the error page.
func (s *server) refusal(e *core.RequestEvent, err error, order ...string) (templates.Errors, error) {
	errs, ok := formErrors(lang(e), err, order...)
	if !ok {
		return nil, err
	}
	return errs, nil
}
