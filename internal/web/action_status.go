package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// actionStatus handles "POST /actions/{id}/status": planned, in progress,
// done (with what was done, on the day given) or cancelled (with why). The
// server's hooks refuse done without done_note, a done day in the future or
// before the plan's year, and cancelled without cancel_reason; the refusal
// is shown beside the field. A form of the actions list (it sends its
// filters) gets the list back, an htmx request its row; a form shown
// elsewhere (it sends back, the page it is on) gets that page, an htmx
// request the action's status block (actionStatusElsewhere).
func (s *server) actionStatus(e *core.RequestEvent) error {
	a, err := view(e.App, e.Auth, model.Actions, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	if err := e.Request.ParseForm(); err != nil {
		return s.errorPage(e, http.StatusBadRequest)
	}
	form, refused, err := s.changeActionStatus(e, a)
	if err != nil {
		if isForbidden(err) {
			return s.errorPage(e, http.StatusForbidden)
		}
		return err
	}
	if _, elsewhere := e.Request.PostForm["back"]; elsewhere {
		return s.actionStatusElsewhere(e, a.Id, returnPath(e.Request.PostForm.Get("back")), form, refused)
	}
	back, _ := url.ParseQuery(e.Request.PostForm.Get("filters"))
	if len(refused) == 0 {
		if !isFragment(e) {
			f := templates.ActionFilters{Board: back.Get("board"), Year: back.Get("year"), Status: back.Get("status"),
				Owner: back.Get("owner"), Overdue: back.Get("overdue") != ""}
			return done(e, f.URL()+"#action-"+a.Id, i18n.M("flash.action_status_saved"))
		}
		return s.actionRowOnly(e, a.Id, back)
	}
	row := templates.ActionRow{Action: a}
	return s.actionRefused(e, a.Id, back, form, fieldIds(refused, row.FieldId))
}

// fieldIds keys a form's refusal by the ids its fields have on the page.
func fieldIds(errs templates.Errors, id func(name string) string) templates.Errors {
	out := make(templates.Errors, 0, len(errs))
	for _, fe := range errs {
		out = append(out, templates.FieldError{Field: id(fe.Field), Message: fe.Message})
	}
	return out
}

// changeActionStatus saves the status form's change to a: the form as
// typed, and the fields the server refused (none when it was saved). An
// error is one the form cannot show: a write the user may not make, or a
// failure.
func (s *server) changeActionStatus(e *core.RequestEvent, a *core.Record) (map[string]string, templates.Errors, error) {
	status := strings.TrimSpace(e.Request.PostForm.Get("status"))
	form := map[string]string{"status": status}
	if !slices.Contains(model.ActionStatuses, status) {
		if !may(e.App, e.Auth, a, a.Collection().UpdateRule) {
			return form, nil, errForbidden
		}
		return form, templates.Errors{{Field: "status", Message: i18nT(e, "actions.unknown_status")}}, nil
	}
	a.Set("status", status)
	for name, when := range map[string]string{"done_note": model.ActionDone, "cancel_reason": model.ActionCancelled} {
		if vals, ok := e.Request.PostForm[name]; ok && status == when {
			form[name] = strings.TrimSpace(vals[0])
			a.Set(name, form[name])
		}
	}
	// the day it was done, as typed; none is today (or, once done, the day kept)
	var err error
	if vals, ok := e.Request.PostForm["done_on"]; ok && status == model.ActionDone {
		form["done_on"] = strings.TrimSpace(vals[0])
		if form["done_on"] == "" {
			a.Set("done_on", "")
		} else if day, perr := time.Parse(time.DateOnly, form["done_on"]); perr != nil {
			if !may(e.App, e.Auth, a, a.Collection().UpdateRule) {
				return form, nil, errForbidden
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
		return form, nil, nil
	}
	refused, ok := formErrors(lang(e), err, "status", "done_note", "done_on", "cancel_reason")
	if !ok {
		return form, nil, err
	}
	for i, fe := range refused {
		if fe.Field != "done_note" && fe.Field != "done_on" && fe.Field != "cancel_reason" {
			refused[i].Field = "status" // a rule about the action as a whole
		}
	}
	return form, refused, nil
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
