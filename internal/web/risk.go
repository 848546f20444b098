package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// risk handles "GET /risks/{id}": a risk, its assessments year by year, its
// controls, and the forms that assess it (starting from ?year) and turn it
// into a control of a draft plan.
func (s *server) risk(e *core.RequestEvent) error {
	r, err := view(e.App, e.Auth, model.Risks, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	v, err := s.riskView(e, r)
	if err != nil {
		return err
	}
	p := s.page(e, "", "risks")
	p.Title = model.AsRisk(r).Title()
	return s.render(e, http.StatusOK, p, templates.Risk(p, v), nil)
}

func (s *server) riskView(e *core.RequestEvent, r *core.Record) (templates.RiskView, error) {
	v := templates.RiskView{Risk: r}
	scale, bands, words := riskMatrix(e)
	if b, err := view(e.App, e.Auth, model.Boards, model.AsRisk(r).Board()); err == nil {
		v.Board = model.AsBoard(b).Name()
	}
	if u, err := view(e.App, e.Auth, model.Units, model.AsRisk(r).Unit()); err == nil {
		v.Unit = model.AsUnit(u).Name()
	}
	assessments, err := list(e.App, e.Auth, model.RiskAssessments, "risk = {:r}", "-year", 0, dbx.Params{"r": r.Id})
	if err != nil {
		return v, err
	}

	// the form starts from the assessment of the year asked for, or this year
	year := s.now().Year()
	if y, err := strconv.Atoi(e.Request.URL.Query().Get("year")); err == nil && y >= 2000 && y <= 2100 {
		year = y
	}
	v.Assess = templates.AssessForm{Scale: scale, Words: words, Form: map[string]string{"year": strconv.Itoa(year)}}
	years := map[int]bool{year: true, s.now().Year(): true}
	for _, a := range assessments {
		years[model.AsRiskAssessment(a).Year()] = true
		v.Assessments = append(v.Assessments, templates.AssessmentRow{Assessment: a, Band: bands.Band(model.AsRiskAssessment(a).Value())})
		if model.AsRiskAssessment(a).Year() == year {
			for _, f := range assessFields[1:] {
				v.Assess.Form[f] = a.GetString(f)
			}
			v.CanAssess = may(e.App, e.Auth, a, a.Collection().UpdateRule)
		}
	}
	if !v.CanAssess {
		if col, err := e.App.FindCachedCollectionByNameOrId(model.RiskAssessments); err == nil {
			probe := model.AsRiskAssessment(core.NewRecord(col))
			probe.SetRisk(r.Id)
			probe.SetYear(year)
			probe.SetProbability(1)
			probe.SetConsequence(1)
			v.CanAssess = access.MayCreate(e.App, e.Auth, probe.Record)
		}
	}

	controls, err := list(e.App, e.Auth, model.Controls, "risk = {:r}", "number", 0, dbx.Params{"r": r.Id})
	if err != nil {
		return v, err
	}
	plans, err := list(e.App, e.Auth, model.Plans, "board = {:b}", "-year", 0, dbx.Params{"b": model.AsRisk(r).Board()})
	if err != nil {
		return v, err
	}
	// the form offers every year a plan of the board exists for
	for _, pl := range plans {
		years[model.AsPlan(pl).Year()] = true
	}
	for y := range years {
		v.Assess.Years = append(v.Assess.Years, y)
	}
	slices.SortFunc(v.Assess.Years, func(a, b int) int { return b - a })
	planLabels := map[string]string{}
	for _, pl := range plans {
		planLabels[pl.Id] = planLabel(pl, v.Board)
	}
	for _, c := range controls {
		v.Controls = append(v.Controls, templates.RiskControl{Control: c, Plan: planLabels[model.AsControl(c).Plan()]})
	}

	// the draft plans the user may add a control to
	if col, err := e.App.FindCachedCollectionByNameOrId(model.Controls); err == nil {
		for _, pl := range plans {
			if model.AsPlan(pl).Status() != model.PlanDraft {
				continue
			}
			probe := model.AsControl(core.NewRecord(col))
			probe.SetPlan(pl.Id)
			probe.SetNumber(1)
			probe.SetTitle(model.AsRisk(r).Title())
			probe.SetFrequency(model.FreqYearly)
			if access.MayCreate(e.App, e.Auth, probe.Record) {
				v.ToControl.Plans = append(v.ToControl.Plans, templates.PlanOption{Id: pl.Id, Label: planLabels[pl.Id]})
			}
		}
	}
	// those who may change the risk are told when there is no draft to use
	v.CanControl = len(v.ToControl.Plans) > 0 || may(e.App, e.Auth, r, r.Collection().UpdateRule)
	return v, nil
}

// planLabel names a plan in a list: its title, or the board and year.
func planLabel(pl *core.Record, board string) string {
	if t := model.AsPlan(pl).Title(); t != "" {
		return t
	}
	return board + " " + strconv.Itoa(model.AsPlan(pl).Year())
}

// assessFields are the assessment form's fields, in the form's order.
var assessFields = []string{
	model.FieldRiskAssessmentYear, model.FieldRiskAssessmentProbability,
	model.FieldRiskAssessmentConsequence, model.FieldRiskAssessmentTreatment,
	model.FieldRiskAssessmentMotivation,
}

// riskAssess handles "POST /risks/{id}/assessments": records the risk's
// assessment of a year, or changes it when the year has one. The server
// computes the value; a refusal comes back beside the fields (only the
// form's section for htmx).
func (s *server) riskAssess(e *core.RequestEvent) error {
	r, err := view(e.App, e.Auth, model.Risks, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	form := map[string]string{}
	for _, f := range assessFields {
		form[f] = strings.TrimSpace(e.Request.FormValue(f))
	}
	var a *core.Record
	if y, err := strconv.Atoi(form["year"]); err == nil {
		found, err := list(e.App, e.Auth, model.RiskAssessments, "risk = {:r} && year = {:y}", "year", 1, dbx.Params{"r": r.Id, "y": y})
		if err != nil {
			return err
		}
		if len(found) > 0 {
			a = found[0]
		}
	}
	if a == nil {
		col, err := e.App.FindCachedCollectionByNameOrId(model.RiskAssessments)
		if err != nil {
			return err
		}
		a = core.NewRecord(col)
		model.AsRiskAssessment(a).SetRisk(r.Id)
	}
	for _, f := range assessFields {
		a.Set(f, form[f])
	}
	err = save(e.App, e.Auth, a)
	if err == nil {
		return done(e, "/risks/"+r.Id+"?year="+strconv.Itoa(model.AsRiskAssessment(a).Year()), i18n.M("flash.risk_assessed", "year", model.AsRiskAssessment(a).Year()))
	}
	errs, ok := formErrors(lang(e), err, assessFields...)
	if !ok {
		if isForbidden(err) {
			return s.errorPage(e, http.StatusForbidden)
		}
		return err
	}
	v, err := s.riskView(e, r)
	if err != nil {
		return err
	}
	if !v.CanAssess {
		return s.errorPage(e, http.StatusForbidden) // no form to show the messages beside
	}
	v.Assess.Form, v.Assess.Errors = form, errorsOnto(errs, "year", assessFields...)
	p := s.page(e, "", "risks")
	p.Title, p.Error = model.AsRisk(r).Title(), true
	return s.render(e, http.StatusUnprocessableEntity, p, templates.Risk(p, v), fragmentFor(e, "assess", templates.AssessSection(p, v)))
}

// riskToControl handles "POST /risks/{id}/control": a new control of the
// chosen draft plan made from the risk — its title, process and unit, the
// plan's next free number, yearly — then the plan's page.
func (s *server) riskToControl(e *core.RequestEvent) error {
	r, err := view(e.App, e.Auth, model.Risks, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	planId := e.Request.FormValue("plan")
	// a plan the user may not see reads as one that does not exist: a
	// message beside the field for one who may make controls of the risk,
	// the same refusal as for any other plan for everyone else
	if _, err := view(e.App, e.Auth, model.Plans, planId); err != nil {
		if !may(e.App, e.Auth, r, r.Collection().UpdateRule) {
			return s.errorPage(e, http.StatusForbidden)
		}
		return s.riskControlRefused(e, r, planId, templates.Errors{{Field: "plan", Message: i18nT(e, "risk.no_such_plan")}})
	}
	number := 1
	last, err := list(e.App, e.Auth, model.Controls, "plan = {:p} && section = ''", "-number", 1, dbx.Params{"p": planId})
	if err != nil {
		return err
	}
	if len(last) > 0 {
		number = model.AsControl(last[0]).Number() + 1
	}
	col, err := e.App.FindCachedCollectionByNameOrId(model.Controls)
	if err != nil {
		return err
	}
	c := core.NewRecord(col)
	model.AsControl(c).SetPlan(planId)
	model.AsControl(c).SetRisk(r.Id)
	model.AsControl(c).SetTitle(model.AsRisk(r).Title())
	model.AsControl(c).SetProcess(model.AsRisk(r).Process())
	model.AsControl(c).SetUnit(model.AsRisk(r).Unit())
	model.AsControl(c).SetNumber(number)
	model.AsControl(c).SetFrequency(model.FreqYearly)
	err = save(e.App, e.Auth, c)
	if err == nil {
		return done(e, "/plans/"+planId, i18n.M("flash.risk_to_plan", "number", number))
	}
	errs, ok := formErrors(lang(e), err, "plan")
	if !ok {
		if isForbidden(err) {
			return s.errorPage(e, http.StatusForbidden)
		}
		return err
	}
	return s.riskControlRefused(e, r, planId, errs)
}

// riskControlRefused answers a refused "POST /risks/{id}/control": the risk
// page with the messages beside the plan.
func (s *server) riskControlRefused(e *core.RequestEvent, r *core.Record, planId string, errs templates.Errors) error {
	v, err := s.riskView(e, r)
	if err != nil {
		return err
	}
	if !v.CanControl {
		return s.errorPage(e, http.StatusForbidden)
	}
	v.ToControl.Errors, v.ToControl.Plan = errorsOnto(errs, "plan", "plan"), planId
	p := s.page(e, "", "risks")
	p.Title, p.Error = model.AsRisk(r).Title(), true
	return s.render(e, http.StatusUnprocessableEntity, p, templates.Risk(p, v), nil)
}
