package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// commonFormFields are the fields of a common control its form edits,
// beside the year (fixed by the page) and confidential (a checkbox).
var commonFormFields = []string{
	model.FieldControlTitle, model.FieldControlDescription, model.FieldControlProcess,
	model.FieldControlLegalRefs, model.FieldControlMethod, model.FieldControlFrequency,
	model.FieldControlTargetMetric, model.FieldControlTargetOperator, model.FieldControlTargetValue,
	model.FieldControlTargetUnit,
}

func (s *server) bindCommonRoutes(g *groupRouter) {
	g.GET("/common", s.commonList)
	g.POST("/common", s.commonCreate)
	g.GET("/common/{id}", s.commonEditPage)
	g.POST("/common/{id}", s.commonUpdate)
	g.POST("/common/{id}/delete", s.commonDelete)
}

// mayDefineCommon reports whether the user is one of kommunstyrelsen's
// coordinators (the common controls' create rule: a coordinator of the
// board marked executive). The writes themselves are checked by the rules.
func mayDefineCommon(app core.App, user *core.Record) bool {
	if user == nil || user.IsSuperuser() || model.AsUser(user).Role() != model.RoleCoordinator {
		return false
	}
	ids := model.AsUser(user).Boards()
	if len(ids) == 0 {
		return false
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	n, _ := app.CountRecords(model.Boards, dbx.HashExp{model.ExecutiveField: true}, dbx.In("id", args...))
	return n > 0
}

// commonYear is the year the page asks for, or the current one.
func (s *server) commonYear(e *core.RequestEvent) (int, bool) {
	q := e.Request.URL.Query().Get("year")
	if q == "" {
		return s.now().Year(), true
	}
	y, err := strconv.Atoi(q)
	return y, err == nil && y >= 2000 && y <= 2100
}

// commonList handles "GET /common[?year=Y]": the year's common controls,
// each with how every board the user sees stands on it, and, for
// kommunstyrelsen's coordinators, the form to define another.
func (s *server) commonList(e *core.RequestEvent) error {
	year, ok := s.commonYear(e)
	if !ok {
		return errNotFound
	}
	f := templates.ControlForm{Values: map[string]string{"year": strconv.Itoa(year), "frequency": model.FreqYearly}}
	return s.commonPage(e, http.StatusOK, year, f)
}

func (s *server) commonPage(e *core.RequestEvent, status, year int, f templates.ControlForm) error {
	items, err := commonComparison(e, year)
	if err != nil {
		return err
	}
	v := templates.CommonView{Year: year, Items: items, CanEdit: mayDefineCommon(e.App, e.Auth), Form: f}
	v.Years = commonYears(e, year)
	p := s.page(e, i18nT(e, "common.title", year), "common")
	p.Error = len(f.Errors) > 0
	return s.render(e, status, p, templates.Common(p, v), nil)
}

// commonYears are the years with a plan or a common control the user
// sees, and the year shown.
func commonYears(e *core.RequestEvent, year int) []int {
	years := []int{year}
	for _, c := range []string{model.Plans, model.CommonControls} {
		rs, _ := list(e.App, e.Auth, c, "", "-year", 0, nil)
		for _, r := range rs {
			if y := model.AsCommonControl(r).Year(); !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	return years
}

// commonComparison is each common control of the year with how every
// board the user may list stands on it. It reads through the API rules
// alone: a board, plan, copy or result the user may not read is not shown.
func commonComparison(e *core.RequestEvent, year int) ([]templates.CommonItem, error) {
	commons, err := list(e.App, e.Auth, model.CommonControls, "year = {:y}", "title", 0, dbx.Params{"y": year})
	if err != nil || len(commons) == 0 {
		return nil, err
	}
	boards, err := list(e.App, e.Auth, model.Boards, "", "name", 0, nil)
	if err != nil {
		return nil, err
	}
	plans, err := list(e.App, e.Auth, model.Plans, "year = {:y}", "", 0, dbx.Params{"y": year})
	if err != nil {
		return nil, err
	}
	planOf := map[string]*core.Record{} // board → plan
	for _, p := range plans {
		planOf[model.AsPlan(p).Board()] = p
	}
	l := lang(e)
	var out []templates.CommonItem
	for _, k := range commons {
		it := templates.CommonItem{
			Id: k.Id, Title: model.AsCommonControl(k).Title(),
			Method:    templates.ValueLabel(l, model.Controls, model.FieldControlMethod, model.AsCommonControl(k).Method()),
			Frequency: templates.ValueLabel(l, model.Controls, model.FieldControlFrequency, model.AsCommonControl(k).Frequency()),
			Target:    commonTarget(l, k),
		}
		copies, err := list(e.App, e.Auth, model.Controls, "common_control = {:k}", "", 0, dbx.Params{"k": k.Id})
		if err != nil {
			return nil, err
		}
		results, err := list(e.App, e.Auth, model.Results, "control.common_control = {:k}", "period", 0, dbx.Params{"k": k.Id})
		if err != nil {
			return nil, err
		}
		for _, b := range boards {
			c := templates.CommonCopy{Board: model.AsBoard(b).Name()}
			standing, measured := model.StandingNoPlan, ""
			if p := planOf[b.Id]; p != nil {
				standing = model.StandingNotReported
				if i := slices.IndexFunc(copies, func(c *core.Record) bool { return model.AsControl(c).Plan() == p.Id }); i >= 0 {
					cp := copies[i]
					c.Control = cp.Id
					var outcomes, values []string
					for _, r := range results {
						if model.AsResult(r).Control() == cp.Id {
							outcomes = append(outcomes, model.AsResult(r).Outcome())
							if m := model.AsResult(r).MeasuredValue(); m != "" {
								values = append(values, m)
							}
						}
					}
					standing, measured = model.CommonStanding(outcomes, model.AsControl(cp).Reported()), strings.Join(values, ", ")
				}
			}
			c.Missing = model.StandingMissing(standing)
			if standing == model.StandingNoPlan {
				c.Status = i18n.T(l, "common.standing."+standing, year)
			} else {
				c.Status = i18n.T(l, "common.standing."+standing)
			}
			if measured != "" {
				c.Status += " (" + measured + ")"
			}
			it.Copies = append(it.Copies, c)
		}
		out = append(out, it)
	}
	return out, nil
}

// commonTarget is a common control's target as one phrase, "Andel fel ≤ 5 %".
func commonTarget(l string, r *core.Record) string {
	k := model.AsCommonControl(r)
	if k.TargetOperator() == "" {
		return ""
	}
	return strings.TrimSpace(k.TargetMetric() + " " +
		templates.ValueLabel(l, model.Controls, model.FieldControlTargetOperator, k.TargetOperator()) + " " +
		k.TargetValue() + " " + k.TargetUnit())
}

// readCommonForm copies the posted form onto the common control and the form.
func readCommonForm(e *core.RequestEvent, r *core.Record, f *templates.ControlForm) {
	for _, name := range commonFormFields {
		v := strings.TrimSpace(e.Request.FormValue(name))
		f.Values[name] = v
		r.Set(name, v)
	}
	f.Confidential = e.Request.FormValue("confidential") == "true"
	model.AsCommonControl(r).SetConfidential(f.Confidential)
}

// commonCreate handles "POST /common": defines a common control for the
// year; the rules and hooks decide, as for a REST API write.
func (s *server) commonCreate(e *core.RequestEvent) error {
	year, err := strconv.Atoi(e.Request.FormValue("year"))
	if err != nil || year < 2000 || year > 2100 {
		year = s.now().Year()
	}
	col, err := e.App.FindCachedCollectionByNameOrId(model.CommonControls)
	if err != nil {
		return err
	}
	r := core.NewRecord(col)
	model.AsCommonControl(r).SetYear(year)
	f := templates.ControlForm{Values: map[string]string{"year": strconv.Itoa(year)}}
	readCommonForm(e, r, &f)
	if err := save(e.App, e.Auth, r); err != nil {
		errs, ok := formErrors(lang(e), err, append([]string{"year"}, commonFormFields...)...)
		if !ok {
			return err
		}
		f.Errors = errs
		return s.commonPage(e, http.StatusUnprocessableEntity, year, f)
	}
	return done(e, "/common?year="+strconv.Itoa(year), i18n.M("flash.common_saved", "title", model.AsCommonControl(r).Title()))
}

// commonRecord loads the common control of the URL for an edit: the user
// must be allowed to update it (403 for the rest).
func commonRecord(e *core.RequestEvent) (*core.Record, error) {
	r, err := view(e.App, e.Auth, model.CommonControls, e.Request.PathValue("id"))
	if err != nil {
		return nil, err
	}
	if !may(e.App, e.Auth, r, r.Collection().UpdateRule) {
		return nil, errForbidden
	}
	return r, nil
}

func commonForm(r *core.Record) templates.ControlForm {
	f := templates.ControlForm{Id: r.Id, Values: map[string]string{"year": strconv.Itoa(model.AsCommonControl(r).Year())}}
	for _, name := range commonFormFields {
		f.Values[name] = r.GetString(name)
	}
	f.Confidential = model.AsCommonControl(r).Confidential()
	return f
}

// commonEditPage handles "GET /common/{id}": the form of one common control.
func (s *server) commonEditPage(e *core.RequestEvent) error {
	r, err := commonRecord(e)
	if err != nil {
		return err
	}
	return s.commonEdit(e, http.StatusOK, r, commonForm(r))
}

func (s *server) commonEdit(e *core.RequestEvent, status int, r *core.Record, f templates.ControlForm) error {
	p := s.page(e, i18nT(e, "common.edit_title", model.AsCommonControl(r).Year()), "common")
	p.Error = len(f.Errors) > 0
	return s.render(e, status, p, templates.CommonEdit(p, f), nil)
}

// commonUpdate handles "POST /common/{id}": saves the change, which the
// hooks carry to the copies in the boards' open plans (or refuse once a
// board has reported a result for it).
func (s *server) commonUpdate(e *core.RequestEvent) error {
	r, err := commonRecord(e)
	if err != nil {
		return err
	}
	f := commonForm(r)
	readCommonForm(e, r, &f)
	if err := save(e.App, e.Auth, r); err != nil {
		errs, ok := formErrors(lang(e), err, commonFormFields...)
		if !ok {
			return err
		}
		f.Errors = errs
		return s.commonEdit(e, http.StatusUnprocessableEntity, r, f)
	}
	return done(e, "/common?year="+strconv.Itoa(model.AsCommonControl(r).Year()), i18n.M("flash.common_saved", "title", model.AsCommonControl(r).Title()))
}

// commonDelete handles "POST /common/{id}/delete": removes the common
// control and its copies, unless a board has reported a result for it.
func (s *server) commonDelete(e *core.RequestEvent) error {
	r, err := commonRecord(e)
	if err != nil {
		return err
	}
	if err := removeBecause(e.App, e.Auth, r, ""); err != nil {
		errs, ok := formErrors(lang(e), err)
		if !ok {
			return err
		}
		f := commonForm(r)
		f.Errors = errs
		return s.commonEdit(e, http.StatusUnprocessableEntity, r, f)
	}
	return done(e, "/common?year="+strconv.Itoa(model.AsCommonControl(r).Year()), i18n.M("flash.common_deleted", "title", model.AsCommonControl(r).Title()))
}
