package web

import (
	"net/http"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/templates"
)

func (s *server) bindPlanRoutes(g *groupRouter) {
	g.GET("/plans", s.plans)
	g.POST("/plans", s.planCreate)
	g.GET("/plans/{id}", s.plan)
	g.POST("/plans/{id}/status", s.planStatus)
	s.bindPlanControlRoutes(g)
}

// plan handles "GET /plans/{id}".
func (s *server) plan(e *core.RequestEvent) error {
	plan, err := view(e.App, e.Auth, model.Plans, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	v, err := s.planView(e, plan)
	if err != nil {
		return err
	}
	p := s.page(e, v.Board, "plans")
	p.Title = v.Board + " " + itoa(model.AsPlan(plan).Year())
	return s.render(e, http.StatusOK, p, templates.Plan(p, v), nil)
}

// planControlFields are the fields of a control the plan page shows (its
// table: templates.Plan and Target) and groups it by.
var planControlFields = access.Fields{"number", "title", "confidential", "owner", "due", "unit", "section", "common_control",
	"target_metric", "target_operator", "target_value", "target_unit"}

func (s *server) planView(e *core.RequestEvent, plan *core.Record) (templates.PlanView, error) {
	v := templates.PlanView{Plan: plan, Form: map[string]string{}}
	// whoever may view the plan is a member of its board and may view the
	// board: read once, for its name and for what the page offers
	board, err := view(e.App, e.Auth, model.Boards, model.AsPlan(plan).Board())
	if err == nil {
		v.Board = model.AsBoard(board).Name()
	}
	v.CanManage = may(e.App, e.Auth, plan, plan.Collection().UpdateRule)
	if y := model.AsPlan(plan).Year(); model.AsPlan(plan).Status() == model.PlanDraft && model.YearOver(y, s.now()) {
		v.Warning = i18nT(e, "plan.year_over", y) // a warning: a plan may be recorded late
	}
	v.Carry = s.carryOffer(e, plan, board)
	if v.CanManage && model.AsPlan(plan).Status() == model.PlanDraft {
		f := s.controlForm(e, plan, nil)
		v.NewControl = &f
	}
	controls, err := access.ListAs(e.App, e.Auth, model.Controls, "plan = {:p}", "position,section,number", 0, dbx.Params{"p": plan.Id}, planControlFields)
	if err != nil {
		return v, err
	}
	// by the controls' ids (an index): through control.plan SQLite joins
	// every result to its control
	results, err := access.ListAs(e.App, e.Auth, model.Results, "", "period", 0, nil, access.In{Field: "control", Values: access.IDs(controls)},
		access.Fields{"control", "period", "outcome", "measured_value", "target_met"})
	if err != nil {
		return v, err
	}
	latest := map[string]*core.Record{}
	for _, r := range results {
		latest[model.AsResult(r).Control()] = r
	}
	units, err := access.ListAs(e.App, e.Auth, model.Units, "board = {:b}", "name", 0, dbx.Params{"b": model.AsPlan(plan).Board()}, access.Fields{"name"})
	if err != nil {
		return v, err
	}
	unitNames := map[string]string{}
	for _, u := range model.AsUnits(units) {
		unitNames[u.Id] = u.Name()
	}
	owners := s.userNames(e, field(controls, model.FieldControlOwner))
	// what stands between the plan and its next step, from what the user
	// may read: a reader's checklist leaves out the confidential controls
	ready, err := model.PlansReadinessAs(e.App, e.Auth, []*core.Record{plan}, s.now())
	if err != nil {
		return v, err
	}
	v.Ready = ready[plan.Id]
	v.Steps = templates.PlanSteps(lang(e), v.Ready)
	// the plan's progress as its readiness reckons it (a control counts as
	// reported once every period has its result), as the plans list shows it
	v.Reported, v.Total = v.Ready.Reported, v.Ready.Controls
	year := itoa(model.AsPlan(plan).Year())
	group := map[string]int{} // heading → its index in v.Groups
	for _, c := range controls {
		heading := unitNames[model.AsControl(c).Unit()]
		if heading == "" {
			heading = i18nT(e, "control.no_unit")
		}
		if sec := model.AsControl(c).Section(); sec != "" && sec != heading {
			heading = sec + " – " + heading
		}
		row := templates.ControlRow{Control: c, Owner: owners[model.AsControl(c).Owner()]}
		if r := latest[c.Id]; r != nil {
			v.WithResults++
			row.Outcome = model.AsResult(r).Outcome()
			if period := model.AsResult(r).Period(); period != year {
				row.Period = period
			}
			row.Measured = templates.Measured(r)
			if row.Measured != "" && model.AsControl(c).TargetOperator() != "" {
				met := model.AsResult(r).TargetMet()
				row.Met = &met
			}
		}
		// each unit once, where its first control stands, its controls in
		// the plan's order (a unit is a row group of the plan table)
		i, ok := group[heading]
		if !ok {
			i = len(v.Groups)
			group[heading] = i
			v.Groups = append(v.Groups, templates.ControlGroup{Heading: heading})
		}
		v.Groups[i].Rows = append(v.Groups[i].Rows, row)
	}
	return v, nil
}

// userNames maps the ids of the given users, as far as the signed-in user
// may see them, to their names.
func (s *server) userNames(e *core.RequestEvent, ids []string) map[string]string {
	users, _ := access.ListAs(e.App, e.Auth, model.Users, "", "", 0, nil,
		access.In{Field: "id", Values: ids}, access.Fields{"name", "email"})
	return names(users)
}

// names maps users' ids to their names, or their e-mail when they have none.
func names(users []*core.Record) map[string]string {
	out := make(map[string]string, len(users))
	for _, u := range users {
		out[u.Id] = displayName(u)
	}
	return out
}

// planStatus handles "POST /plans/{id}/status": adopt, report, archive,
// take back to draft or reopen (the last two with a reason); the server's
// refusals are shown beside the fields of the form that was sent.
func (s *server) planStatus(e *core.RequestEvent) error {
	plan, err := view(e.App, e.Auth, model.Plans, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	status := e.Request.FormValue("status")
	if to, _, back := backTarget(plan); back && status == to && may(e.App, e.Auth, plan, plan.Collection().UpdateRule) {
		// a step back is the confirmation page's (confirm.go), wherever it is asked for
		return s.movePlanBack(e, plan, e.Request.FormValue("status_reason"))
	}
	form := map[string]string{"status": status}
	model.AsPlan(plan).SetStatus(status)
	for _, f := range []string{model.FieldPlanAdoptedOn, model.FieldPlanAdoptedRef, model.FieldPlanReportedOn, model.FieldPlanReportedRef, model.FieldPlanStatusReason} {
		if vals, ok := e.Request.Form[f]; ok {
			form[f] = strings.TrimSpace(vals[0])
			plan.Set(f, form[f])
		}
	}
	err = save(e.App, e.Auth, plan)
	if err == nil {
		return done(e, "/plans/"+plan.Id, statusFlash(model.AsPlan(plan).Status(), false))
	}
	errs, ok := formErrors(lang(e), err, "status", "adopted_on", "adopted_ref", "reported_on", "reported_ref", "status_reason")
	if !ok {
		if isForbidden(err) {
			return s.errorPage(e, http.StatusForbidden)
		}
		return err
	}
	fresh, ferr := e.App.FindRecordById(model.Plans, plan.Id)
	if ferr != nil {
		return ferr
	}
	v, verr := s.planView(e, fresh)
	if verr != nil {
		return verr
	}
	v.Errors, v.Form = errs, form
	p := s.page(e, "", "plans")
	p.Title, p.Error = v.Board+" "+itoa(model.AsPlan(fresh).Year()), true
	return s.render(e, http.StatusUnprocessableEntity, p, templates.Plan(p, v), nil)
}
