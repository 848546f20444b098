package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/a-h/templ"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// formValues reads the named fields of a posted form, trimmed.
func formValues(e *core.RequestEvent, names ...string) map[string]string {
	vals := make(map[string]string, len(names))
	for _, n := range names {
		vals[n] = strings.TrimSpace(e.Request.FormValue(n))
	}
	return vals
}

// controlChild loads the control of the URL and a record under it that the
// user may view: a result, or a deviation of one of its results.
func (s *server) controlChild(e *core.RequestEvent, collection, id string) (c, r *core.Record, err error) {
	c, err = view(e.App, e.Auth, model.Controls, e.Request.PathValue("id"))
	if err != nil {
		return nil, nil, err
	}
	r, err = view(e.App, e.Auth, collection, id)
	if err != nil {
		return nil, nil, err
	}
	resultId := r.Id
	if collection == model.Deviations {
		resultId = model.AsDeviation(r).Result()
	}
	res, err := view(e.App, e.Auth, model.Results, resultId)
	if err != nil || model.AsResult(res).Control() != c.Id {
		return nil, nil, errNotFound
	}
	return c, r, nil
}

// formRefusal turns a failed save into the form's messages, or the error to
// return when it is no refusal of the form (403 page for the API rules).
func (s *server) formRefusal(e *core.RequestEvent, err error, order ...string) (templates.Errors, error) {
	errs, ok := formErrors(lang(e), err, order...)
	if ok {
		return errs, nil
	}
	if isForbidden(err) {
		return nil, s.errorPage(e, http.StatusForbidden)
	}
	return nil, err
}

// deviationAdd handles "POST /controls/{id}/results/{result}/deviations".
func (s *server) deviationAdd(e *core.RequestEvent) error {
	c, result, err := s.controlChild(e, model.Results, e.Request.PathValue("result"))
	if err != nil {
		return err
	}
	col, err := e.App.FindCachedCollectionByNameOrId(model.Deviations)
	if err != nil {
		return err
	}
	vals := formValues(e, "description", "root_cause", "significant")
	d := core.NewRecord(col)
	model.AsDeviation(d).SetResult(result.Id)
	model.AsDeviation(d).SetDescription(vals["description"])
	model.AsDeviation(d).SetRootCause(vals["root_cause"])
	model.AsDeviation(d).SetSignificant(vals["significant"] == "true")
	if !access.MayCreate(e.App, e.Auth, d) {
		return errForbidden
	}
	err = save(e.App, e.Auth, d)
	if err == nil {
		return s.controlSaved(e, c, "deviation-"+d.Id, i18n.M("flash.deviation_saved"), func(p templates.Page, v *templates.ControlPageView, notice string) templ.Component {
			item := findResult(v, result.Id)
			item.Notice = notice
			return templates.ResultSection(p, *v, *item)
		})
	}
	errs, err := s.formRefusal(e, err, "description", "root_cause", "significant")
	if errs == nil {
		return err
	}
	pre := "dev-" + result.Id + "-"
	errs = keyErrors(errs, pre, "", fieldNames("description", "root_cause", "significant"))
	v, err := s.controlView(e, c, "")
	if err != nil {
		return err
	}
	item := findResult(&v, result.Id)
	if item == nil {
		return errNotFound
	}
	item.NewDeviation = &templates.InlineForm{Values: vals, Errors: errs, Inline: isFragment(e)}
	return s.controlRefused(e, c, v, errs, func(p templates.Page, v *templates.ControlPageView) templ.Component {
		return templates.ResultSection(p, *v, *findResult(v, result.Id))
	})
}

// deviationStatus handles "POST /controls/{id}/deviations/{deviation}/status":
// open, handled, or accepted with a reason.
func (s *server) deviationStatus(e *core.RequestEvent) error {
	c, d, err := s.controlChild(e, model.Deviations, e.Request.PathValue("deviation"))
	if err != nil {
		return err
	}
	vals := formValues(e, "status", "acceptance_reason")
	model.AsDeviation(d).SetStatus(vals["status"])
	model.AsDeviation(d).SetAcceptanceReason(vals["acceptance_reason"])
	err = save(e.App, e.Auth, d)
	if err == nil {
		return s.controlSaved(e, c, "deviation-"+d.Id, i18n.M("flash.status_saved"), func(p templates.Page, v *templates.ControlPageView, notice string) templ.Component {
			item := findDeviation(v, d.Id)
			item.Notice = notice
			return templates.DeviationSection(p, *v, *item)
		})
	}
	return s.deviationRefused(e, c, d.Id, err, "dst-", vals, "status", "acceptance_reason")
}

// deviationActionAdd handles "POST /controls/{id}/deviations/{deviation}/actions":
// an action for a deviation, its deadline given as a date and a precision.
func (s *server) deviationActionAdd(e *core.RequestEvent) error {
	c, d, err := s.controlChild(e, model.Deviations, e.Request.PathValue("deviation"))
	if err != nil {
		return err
	}
	col, err := e.App.FindCachedCollectionByNameOrId(model.Actions)
	if err != nil {
		return err
	}
	vals := formValues(e, "description", "owner", "deadline", "deadline_precision")
	a := core.NewRecord(col)
	model.AsAction(a).SetDeviation(d.Id)
	if !access.MayCreate(e.App, e.Auth, a) {
		return errForbidden
	}
	model.AsAction(a).SetDescription(vals["description"])
	model.AsAction(a).SetOwner(vals["owner"])
	model.AsAction(a).SetStatus(model.ActionPlanned)
	if vals["deadline"] != "" {
		day, precision, perr := model.ParseDeadline(vals["deadline"])
		if perr != nil {
			err = formError("deadline", i18nT(e, "deadline.unread", clipText(vals["deadline"])))
		} else {
			// a date with a coarser precision chosen beside it (the
			// form before deadlines in words, and scripts) keeps it
			if pr := vals["deadline_precision"]; pr != "" && precision == model.PrecisionDay {
				precision = pr
			}
			model.AsAction(a).SetDeadline(day)
			model.AsAction(a).SetDeadlinePrecision(precision)
		}
	}
	if err == nil {
		err = save(e.App, e.Auth, a)
	}
	if err == nil && !model.AsAction(a).Deadline().IsZero() {
		// saved: the page says how the deadline was understood, with a
		// warning beside it when it has already passed
		if !isFragment(e) {
			return done(e, "/controls/"+c.Id+"?"+url.Values{addedParam: {a.Id}}.Encode()+"#action-"+a.Id, i18n.M("flash.action_saved"))
		}
		e.Set(addedParam, a.Id)
	}
	if err == nil {
		return s.controlSaved(e, c, "deviation-"+d.Id, i18n.M("flash.action_saved"), func(p templates.Page, v *templates.ControlPageView, notice string) templ.Component {
			item := findDeviation(v, d.Id)
			item.Notice = notice
			for _, a := range item.Actions {
				if a.Action.Id == addedAction(e) && model.AsAction(a.Action).DeadlinePrecision() != model.PrecisionDay && a.Deadline != "" {
					item.Notice += " " + p.T("deadline.saved", a.Deadline)
				}
				if a.Warning != "" {
					item.Notice += " " + a.Warning
				}
			}
			return templates.DeviationSection(p, *v, *item)
		})
	}
	return s.deviationRefused(e, c, d.Id, err, "act-", vals, "description", "owner", "deadline", "deadline_precision")
}

// addedParam names the action just added, on the control page after the
// save (a query parameter, or the request's value for an htmx answer): its
// deadline had already passed, which the page warns about beside it.
const addedParam = "added"

// addedAction is the id of the action just added whose deadline the page
// warns about, or "".
func addedAction(e *core.RequestEvent) string {
	if id, ok := e.Get(addedParam).(string); ok {
		return id
	}
	return e.Request.URL.Query().Get(addedParam)
}

// formError is a refusal of one field by the web UI itself, for input it
// cannot read (a date that is no date), in the form of the hooks' refusals.
func formError(field, message string) error {
	return router.NewBadRequestError(message, validation.Errors{field: validation.NewError("validation_ikplan_web", message)})
}

// deviationRefused shows a deviation's form (status or new action, by
// prefix) again with the refusal beside its fields.
func (s *server) deviationRefused(e *core.RequestEvent, c *core.Record, id string, err error, prefix string, vals map[string]string, fields ...string) error {
	errs, err := s.formRefusal(e, err, fields...)
	if errs == nil {
		return err
	}
	pre := prefix + id + "-"
	errs = keyErrors(errs, pre, "", fieldNames(fields...))
	v, err := s.controlView(e, c, "")
	if err != nil {
		return err
	}
	item := findDeviation(&v, id)
	if item == nil {
		return errNotFound
	}
	f := &templates.InlineForm{Values: vals, Errors: errs, Inline: isFragment(e)}
	if prefix == "dst-" {
		item.Status = f
	} else {
		item.NewAction = f
	}
	return s.controlRefused(e, c, v, errs, func(p templates.Page, v *templates.ControlPageView) templ.Component {
		return templates.DeviationSection(p, *v, *findDeviation(v, id))
	})
}

// clipText shortens a value quoted in a message.
func clipText(v string) string {
	v = strings.TrimSpace(v)
	if r := []rune(v); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return v
}
