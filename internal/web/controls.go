package web

import (
	"net/http"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

func (s *server) bindControlRoutes(g *groupRouter) {
	g.GET("/controls/{id}", s.controlPage)
	g.POST("/controls/{id}/target", s.controlTarget)
	g.POST("/controls/{id}/deadline", s.controlDeadline)
	g.POST("/controls/{id}/results", s.resultReport)
	g.GET("/controls/{id}/evidence/{result}/{name}", s.resultEvidence)
	g.POST("/controls/{id}/results/{result}/deviations", s.deviationAdd)
	g.POST("/controls/{id}/deviations/{deviation}/status", s.deviationStatus)
	g.POST("/controls/{id}/deviations/{deviation}/actions", s.deviationActionAdd)
}

// controlPage handles "GET /controls/{id}": the control's facts, results,
// deviations and actions with the forms the user may use. ?edit={result}
// opens a result in the report form; an htmx request gets the results part.
func (s *server) controlPage(e *core.RequestEvent) error {
	c, err := view(e.App, e.Auth, model.Controls, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	v, err := s.controlView(e, c, e.Request.URL.Query().Get("edit"))
	if err != nil {
		return err
	}
	p := s.controlMeta(e, c)
	return s.render(e, http.StatusOK, p, templates.ControlPage(p, v), templates.ResultsSection(p, v))
}

// controlTarget handles "POST /controls/{id}/target": whether the measured
// value typed so far meets the control's target, as a small fragment. It
// changes nothing.
func (s *server) controlTarget(e *core.RequestEvent) error {
	c, err := view(e.App, e.Auth, model.Controls, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	measured := e.Request.FormValue("measured_value")
	p := s.controlMeta(e, c)
	verdict := templates.TargetVerdict(p, c, measured)
	return s.render(e, http.StatusOK, p, verdict, verdict)
}

// controlDeadline handles "POST /controls/{id}/deadline": how a deadline
// typed so far in words is understood, as a small fragment under the
// field. It changes nothing.
func (s *server) controlDeadline(e *core.RequestEvent) error {
	c, err := view(e.App, e.Auth, model.Controls, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	p := s.controlMeta(e, c)
	preview := templates.DeadlinePreview(p, e.Request.FormValue("deadline"), s.now())
	return s.render(e, http.StatusOK, p, preview, preview)
}

// controlMeta is the layout data of a control's page.
func (s *server) controlMeta(e *core.RequestEvent, c *core.Record) templates.Page {
	p := s.page(e, "", "plans")
	p.Title = p.T("controlpage.caption", templates.ControlNumber(c)) + ": " + model.AsControl(c).Title()
	return p
}

// controlView gathers what the control page shows the signed-in user;
// editId names a result to open in the report form.
func (s *server) controlView(e *core.RequestEvent, c *core.Record, editId string) (templates.ControlPageView, error) {
	v := templates.ControlPageView{Control: c}
	ctl := model.AsControl(c)
	plan, err := view(e.App, e.Auth, model.Plans, ctl.Plan())
	if err != nil {
		return v, err
	}
	pl := model.AsPlan(plan)
	v.Plan = plan
	v.Samples = sampleLinks(e, c, plan)
	board := pl.Board()
	if b, err := view(e.App, e.Auth, model.Boards, board); err == nil {
		v.Board = model.AsBoard(b).Name()
	}
	if u, err := view(e.App, e.Auth, model.Units, ctl.Unit()); err == nil {
		v.Unit = model.AsUnit(u).Name()
	}
	params := dbx.Params{"c": c.Id}
	results, err := list(e.App, e.Auth, model.Results, "control = {:c}", "period", 0, params)
	if err != nil {
		return v, err
	}
	deviations, err := list(e.App, e.Auth, model.Deviations, "result.control = {:c}", "created", 0, params)
	if err != nil {
		return v, err
	}
	actions, err := list(e.App, e.Auth, model.Actions, "control = {:c}", "deadline,created", 0, params)
	if err != nil {
		return v, err
	}
	byResult := map[string][]*core.Record{}
	for _, d := range deviations {
		byResult[model.AsDeviation(d).Result()] = append(byResult[model.AsDeviation(d).Result()], d)
	}
	adopted := pl.Status() == model.PlanAdopted
	perm := controlPermissions(e, results, byResult, adopted)
	if model.PlanFrozen(pl.Status()) {
		perm = controlMay{} // nothing under a reported plan changes: no form is offered
	}
	// a deviation shown may get a new action: its owner is chosen among
	// the board's people
	names, err := controlPeople(e, board, len(perm.deviations) > 0, append([]*core.Record{c}, actions...), results)
	if err != nil {
		return v, err
	}
	v.Owner = names.of[ctl.Owner()]
	v.Owners = names.choices
	now := s.now()
	v.Today = now
	byDeviation := map[string][]templates.ActionItem{}
	l, added := lang(e), addedAction(e)
	mayUpdate, err := access.Allowed(e.App, e.Auth, model.Actions, col(e, model.Actions).UpdateRule, access.IDs(actions))
	if err != nil {
		return v, err
	}
	for _, a := range actions {
		item := templates.ActionItem{Action: a, Owner: names.of[model.AsAction(a).Owner()], Deadline: templates.Deadline(lang(e), a),
			Change: s.actionStatusView(a, plan, mayUpdate[a.Id], "/controls/"+c.Id)}
		if a.Id == added {
			// just added: how its deadline was understood, and a warning
			// when that day has passed
			item.Deadline = templates.DeadlineLong(l, a)
			item.Warning = templates.DeadlinePassed(l, a, now)
		}
		if d := model.AsAction(a).Deviation(); d != "" {
			byDeviation[d] = append(byDeviation[d], item)
		} else {
			v.Actions = append(v.Actions, item)
		}
	}
	reported := map[string]bool{}
	var edit *core.Record
	for _, r := range results {
		reported[model.AsResult(r).Period()] = true
		item := templates.ResultItem{Result: r, PerformedBy: names.of[model.AsResult(r).PerformedBy()], CanEdit: perm.editResult[r.Id]}
		if item.CanEdit && r.Id == editId {
			edit = r
		}
		for i, d := range byResult[r.Id] {
			di := templates.DeviationItem{Deviation: d, N: i + 1, Actions: byDeviation[d.Id]}
			if perm.editDeviation[d.Id] {
				di.Status = &templates.InlineForm{Values: map[string]string{"status": model.AsDeviation(d).Status(), "acceptance_reason": model.AsDeviation(d).AcceptanceReason()}}
			}
			if perm.addAction[d.Id] {
				di.NewAction = &templates.InlineForm{Values: map[string]string{}}
			}
			item.Deviations = append(item.Deviations, di)
		}
		if perm.addDeviation[r.Id] {
			item.NewDeviation = &templates.InlineForm{Values: map[string]string{}}
		}
		v.Results = append(v.Results, item)
	}
	if adopted {
		// only unreported past periods are overdue (model.OverduePeriods)
		outcomes := map[string]string{}
		for _, r := range results {
			outcomes[model.AsResult(r).Period()] = model.AsResult(r).Outcome()
		}
		late := model.OverduePeriods(ctl.Frequency(), pl.Year(), ctl.Due().Time(), outcomes, model.Today(now))
		v.Overdue = len(late) > 0
		if v.Overdue && model.PeriodKindFor(ctl.Frequency()) != model.PeriodYear {
			v.Late = strings.Join(late, ", ")
		}
	}

	periods := model.PeriodsFor(ctl.Frequency(), pl.Year())
	switch {
	case edit != nil && adopted:
		v.Report = editForm(edit, periods, len(byResult[edit.Id]) > 0)
	case access.MayCreate(e.App, e.Auth, probe(e.App, model.Results, "control", c.Id)):
		if !adopted {
			v.Closed = i18nT(e, "controlpage.closed."+pl.Status())
			break
		}
		f := &templates.ReportForm{InlineForm: templates.InlineForm{Values: map[string]string{"performed_on": model.Today(now).Format(time.DateOnly)}}, AskDeviation: true}
		for _, per := range periods {
			if !reported[per] {
				f.Periods = append(f.Periods, per)
			}
		}
		if len(f.Periods) > 0 {
			f.Values["period"] = f.Periods[0]
		}
		v.Report = f
	}
	return v, nil
}

// editForm is the report form filled in with a result to change.
func editForm(r *core.Record, periods []string, hasDeviations bool) *templates.ReportForm {
	res := model.AsResult(r)
	f := &templates.ReportForm{Edit: r, Evidence: res.Evidence(), EditDeviation: hasDeviations}
	f.Values = map[string]string{
		"period": res.Period(), "outcome": res.Outcome(), "measured_value": templates.Measured(r),
		"account": res.Account(), "not_performed_reason": res.NotPerformedReason(),
	}
	if d := res.PerformedOn(); !d.IsZero() {
		f.Values["performed_on"] = d.Time().Format(time.DateOnly)
	}
	f.AskDeviation = !hasDeviations
	f.Periods = periods
	found := false
	for _, per := range periods {
		found = found || per == res.Period()
	}
	if !found {
		f.Periods = append([]string{res.Period()}, periods...)
	}
	return f
}

// probe is an unsaved record of collection with one field set, to ask the
// create rule whether the user may create such a record.
func probe(app core.App, collection, field, value string) *core.Record {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		col = core.NewBaseCollection(collection) // no create rule: mayCreate says no
	}
	r := core.NewRecord(col)
	r.Set(field, value)
	return r
}

// displayName is a user's name, or their email.
func displayName(u *core.Record) string {
	if n := model.AsUser(u).Name(); n != "" {
		return n
	}
	return u.Email()
}

// controlSaved ends a successful post on a control's page with the
// confirmation m: for htmx the section the form swaps, built by section
// from the fresh page data with m shown in it, otherwise back to the page
// with 303 and m in the banner at its top (flash.go).
func (s *server) controlSaved(e *core.RequestEvent, c *core.Record, anchor string, m i18n.Message, section func(p templates.Page, v *templates.ControlPageView, notice string) templ.Component) error {
	if !isFragment(e) {
		return done(e, "/controls/"+c.Id+"#"+anchor, m)
	}
	v, err := s.controlView(e, c, "")
	if err != nil {
		return err
	}
	p := s.controlMeta(e, c)
	return s.render(e, http.StatusOK, p, templates.ControlPage(p, v), section(p, &v, m.In(p.Lang)))
}

// controlRefused answers a refused post on a control's page with 422: the
// section with the form and its messages for htmx, or the whole page with
// the error summary at the top.
func (s *server) controlRefused(e *core.RequestEvent, c *core.Record, v templates.ControlPageView, errs templates.Errors, section func(p templates.Page, v *templates.ControlPageView) templ.Component) error {
	p := s.controlMeta(e, c)
	p.Error = true
	if !isFragment(e) {
		v.Errors = errs
	}
	return s.render(e, http.StatusUnprocessableEntity, p, templates.ControlPage(p, v), section(p, &v))
}

// keyErrors gives a form's messages the ids of its inputs: a field in
// names maps to prefix+field (or to the id names gives it); any other to
// the form's general message, prefix+"form" (or general when set).
func keyErrors(errs templates.Errors, prefix, general string, names map[string]string) templates.Errors {
	if general == "" {
		general = prefix + "form"
	}
	out := make(templates.Errors, 0, len(errs))
	for _, fe := range errs {
		id, ok := names[fe.Field]
		switch {
		case !ok:
			id = general
		case id == "":
			id = prefix + fe.Field
		}
		out = append(out, templates.FieldError{Field: id, Message: fe.Message})
	}
	return out
}

// fieldNames is names for keyErrors: each field keeps its own name.
func fieldNames(fields ...string) map[string]string {
	m := make(map[string]string, len(fields))
	for _, f := range fields {
		m[f] = ""
	}
	return m
}

// findResult is the result item with id on the page, or nil.
func findResult(v *templates.ControlPageView, id string) *templates.ResultItem {
	for i := range v.Results {
		if v.Results[i].Result.Id == id {
			return &v.Results[i]
		}
	}
	return nil
}

// findDeviation is the deviation item with id on the page, or nil.
func findDeviation(v *templates.ControlPageView, id string) *templates.DeviationItem {
	for i := range v.Results {
		for j := range v.Results[i].Deviations {
			if v.Results[i].Deviations[j].Deviation.Id == id {
				return &v.Results[i].Deviations[j]
			}
		}
	}
	return nil
}
