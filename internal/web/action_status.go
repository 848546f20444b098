package web

import (
	"net/http"
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
// is shown beside the field. Every page posts the one status form
// (templates.ActionStatusForm), which sends back, the page it is on: saved,
// the browser returns there; htmx gets the action's status block
// (actionStatusElsewhere). A form that names no page returns to /actions.
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
	return s.actionStatusElsewhere(e, a.Id, returnPath(e.Request.PostForm.Get("back")), form, refused)
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
	model.AsAction(a).SetStatus(status)
	for name, when := range map[string]string{model.FieldActionDoneNote: model.ActionDone, model.FieldActionCancelReason: model.ActionCancelled} {
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
			model.AsAction(a).SetDoneOn(time.Time{})
		} else if day, perr := time.Parse(time.DateOnly, form["done_on"]); perr != nil {
			if !may(e.App, e.Auth, a, a.Collection().UpdateRule) {
				return form, nil, errForbidden
			}
			err = formError("done_on", i18nT(e, "controlpage.bad_date"))
		} else {
			model.AsAction(a).SetDoneOn(day)
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
