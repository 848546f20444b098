package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/templates"
)

// actionStatus handles "POST /actions/{id}/status": planned, in progress,
// done (with what was done, on the day given) or cancelled (with why). The
// server's hooks refuse done without done_note, a done day in the future or
// before the plan's year, and cancelled without cancel_reason; the refusal
// is shown beside the field. An htmx request gets the action's row.
func (s *server) actionStatus(e *core.RequestEvent) error {
	a, err := view(e.App, e.Auth, model.Actions, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	if err := e.Request.ParseForm(); err != nil {
		return s.errorPage(e, http.StatusBadRequest)
	}
	back, _ := url.ParseQuery(e.Request.PostForm.Get("filters"))
	status := strings.TrimSpace(e.Request.PostForm.Get("status"))
	form := map[string]string{"status": status}
	row := templates.ActionRow{Action: a}
	if !slices.Contains(model.ActionStatuses, status) {
		if !may(e.App, e.Auth, a, a.Collection().UpdateRule) {
			return s.errorPage(e, http.StatusForbidden)
		}
		errs := templates.Errors{{Field: row.FieldId("status"), Message: i18nT(e, "actions.unknown_status")}}
		return s.actionRefused(e, a.Id, back, form, errs)
	}
	a.Set("status", status)
	for name, when := range map[string]string{"done_note": model.ActionDone, "cancel_reason": model.ActionCancelled} {
		if vals, ok := e.Request.PostForm[name]; ok && status == when {
			form[name] = strings.TrimSpace(vals[0])
			a.Set(name, form[name])
		}
	}
	// the day it was done, as typed; none is today (or, once done, the day kept)
	err = nil
	if vals, ok := e.Request.PostForm["done_on"]; ok && status == model.ActionDone {
		form["done_on"] = strings.TrimSpace(vals[0])
		if form["done_on"] == "" {
			a.Set("done_on", "")
		} else if day, perr := time.Parse(time.DateOnly, form["done_on"]); perr != nil {
			if !may(e.App, e.Auth, a, a.Collection().UpdateRule) {
				return s.errorPage(e, http.StatusForbidden)
			}
			err = formError("done_on", i18nT(e, "controlpage.bad_date"))
		} else {
			a.Set("done_on", day)
		}
	}
	if err == nil {
		err = save(e.App, e.Auth, a)
	}
	if err == nil {
		if !isFragment(e) {
			f := templates.ActionFilters{Board: back.Get("board"), Year: back.Get("year"), Status: back.Get("status"),
				Owner: back.Get("owner"), Overdue: back.Get("overdue") != ""}
			return redirect(e, f.URL()+"#action-"+a.Id)
		}
		return s.actionRowOnly(e, a.Id, back)
	}
	refused, ok := formErrors(lang(e), err, "status", "done_note", "done_on", "cancel_reason")
	if !ok {
		if isForbidden(err) {
			return s.errorPage(e, http.StatusForbidden)
		}
		return err
	}
	errs := make(templates.Errors, 0, len(refused))
	for _, fe := range refused {
		name := fe.Field
		if name != "done_note" && name != "done_on" && name != "cancel_reason" {
			name = "status" // a rule about the action as a whole
		}
		errs = append(errs, templates.FieldError{Field: row.FieldId(name), Message: fe.Message})
	}
	return s.actionRefused(e, a.Id, back, form, errs)
}

// actionRefused answers a refused status change with 422: the actions page
// (or, for htmx, the row) with the form open and the messages beside the
// fields.
func (s *server) actionRefused(e *core.RequestEvent, id string, back url.Values, form map[string]string, errs templates.Errors) error {
	fresh, err := e.App.FindRecordById(model.Actions, id)
	if err != nil {
		return err
	}
	v, err := s.actionsView(e, back)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(v.Rows, func(r templates.ActionRow) bool { return r.Action.Id == id })
	if i < 0 {
		// the filters hide the action: show it anyway, first, with its form
		row, err := s.singleActionRow(e, fresh)
		if err != nil {
			return err
		}
		v.Rows = append([]templates.ActionRow{row}, v.Rows...)
		i = 0
	}
	v.Rows[i].Action, v.Rows[i].Open, v.Rows[i].Form, v.Rows[i].Errors = fresh, true, form, errs
	v.Errors = errs
	p := s.page(e, "", "actions")
	p.Title, p.Error = p.T("actions.title"), true
	return s.render(e, http.StatusUnprocessableEntity, p, templates.Actions(p, v), templates.ActionRowView(p, v.Rows[i], v.Filters))
}

// actionRowOnly answers an htmx status change with the action's new row.
func (s *server) actionRowOnly(e *core.RequestEvent, id string, back url.Values) error {
	fresh, err := e.App.FindRecordById(model.Actions, id)
	if err != nil {
		return err
	}
	o, err := s.actionOptions(e, back)
	if err != nil {
		return err
	}
	row, err := s.singleActionRow(e, fresh)
	if err != nil {
		return err
	}
	f, _ := parseActionFilters(e, back, o)
	p := s.page(e, "", "actions")
	p.Title = p.T("actions.title")
	c := templates.ActionRowView(p, row, f)
	return s.render(e, http.StatusOK, p, c, c)
}

// singleActionRow is the row of one action.
func (s *server) singleActionRow(e *core.RequestEvent, a *core.Record) (templates.ActionRow, error) {
	one := []*core.Record{a}
	plans := map[string]*core.Record{}
	if err := lookUpPlans(e, plans, field(one, "plan")); err != nil {
		return templates.ActionRow{}, err
	}
	rows, err := s.actionRows(e, one, plans, nil)
	if err != nil || len(rows) == 0 {
		return templates.ActionRow{}, err
	}
	return rows[0], nil
}
