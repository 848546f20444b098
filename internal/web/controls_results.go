package web

import (
	"errors"
	"mime"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// reportFields are the report form's inputs, in the form's order.
var reportFields = []string{
	"result", "period", "period_other", "outcome", "performed_on", "measured_value", "account", "not_performed_reason",
	"deviation_description", "deviation_root_cause", "deviation_significant",
}

// resultReport handles "POST /controls/{id}/results": a result for a
// period, or a change to the result the field result names, with evidence
// files. When the outcome is deviation and the result has no deviation yet,
// the form's first deviation is created in the same transaction, so a
// refusal of either leaves nothing.
func (s *server) resultReport(e *core.RequestEvent) error {
	c, err := view(e.App, e.Auth, model.Controls, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	if err := e.Request.ParseMultipartForm(router.DefaultMaxMemory); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return router.NewBadRequestError("", err)
	}
	vals := map[string]string{}
	for _, k := range reportFields {
		vals[k] = strings.TrimSpace(e.Request.FormValue(k))
	}
	result, hadDeviations, err := s.reportedResult(e, c, vals["result"])
	if err != nil {
		return err
	}
	period := vals["period"]
	if vals["period_other"] != "" {
		period = vals["period_other"]
	}
	outcome := vals["outcome"]
	model.AsResult(result).SetPeriod(period)
	model.AsResult(result).SetOutcome(outcome)
	model.AsResult(result).SetMeasuredValue(vals["measured_value"])
	model.AsResult(result).SetAccount(vals["account"])
	model.AsResult(result).SetNotPerformedReason(vals["not_performed_reason"])
	// the day it was performed, as typed; none is today, and a control not
	// performed has none, whatever the form holds (the hook decides both,
	// for every way in); who performed it the server decides: the person
	// who saves it
	var readErrs templates.Errors
	if _, sent := e.Request.Form["performed_on"]; sent && outcome != model.OutcomeNotPerformed {
		if vals["performed_on"] == "" {
			model.AsResult(result).SetPerformedOn(time.Time{})
		} else if day, perr := time.Parse(time.DateOnly, vals["performed_on"]); perr != nil {
			readErrs = templates.Errors{{Field: "performed_on", Message: i18nT(e, "controlpage.bad_date")}}
		} else {
			model.AsResult(result).SetPerformedOn(day)
		}
	}
	if files, err := e.FindUploadedFiles("evidence"); err == nil {
		result.Set(model.FieldResultEvidence+"+", files)
	} else if !errors.Is(err, http.ErrMissingFile) && !errors.Is(err, http.ErrNotMultipart) {
		readErrs = append(readErrs, templates.FieldError{Field: "evidence", Message: i18nT(e, "controlpage.evidence_unreadable")})
	}
	if gone := e.Request.Form["evidence_remove"]; len(gone) > 0 && !result.IsNew() {
		result.Set(model.FieldResultEvidence+"-", gone)
	}

	var first *core.Record
	if outcome == model.OutcomeDeviation && !hadDeviations {
		col, err := e.App.FindCachedCollectionByNameOrId(model.Deviations)
		if err != nil {
			return err
		}
		first = core.NewRecord(col)
		model.AsDeviation(first).SetDescription(vals["deviation_description"])
		model.AsDeviation(first).SetRootCause(vals["deviation_root_cause"])
		model.AsDeviation(first).SetSignificant(vals["deviation_significant"] == "true")
	}
	stage := "result"
	if readErrs == nil {
		err = model.RunAs(e.App, model.ActorFromAuth(e.Auth), func(tx core.App) error {
			if err := save(tx, e.Auth, result); err != nil {
				return err
			}
			if first == nil {
				return nil
			}
			stage = "deviation"
			model.AsDeviation(first).SetResult(result.Id)
			return save(tx, e.Auth, first)
		})
		if err == nil {
			return s.controlSaved(e, c, "result-"+result.Id, i18n.M("flash.result_saved", "period", period), func(p templates.Page, v *templates.ControlPageView, notice string) templ.Component {
				v.Notice = notice
				return templates.ResultsSection(p, *v)
			})
		}
	}

	errs := readErrs
	if errs == nil {
		var ok bool
		if stage == "deviation" {
			errs, ok = formErrors(lang(e), err, "description", "root_cause", "significant")
			errs = keyErrors(errs, "", "report-form", map[string]string{
				"description": "deviation_description", "root_cause": "deviation_root_cause", "significant": "deviation_significant",
			})
		} else {
			errs, ok = formErrors(lang(e), err, "period", "outcome", "performed_on", "measured_value", "account", "not_performed_reason", "evidence")
			errs = keyErrors(errs, "", "report-form", fieldNames("period", "outcome", "performed_on", "measured_value", "account", "not_performed_reason", "evidence"))
		}
		if !ok {
			if isForbidden(err) {
				return s.errorPage(e, http.StatusForbidden)
			}
			return err
		}
	}
	v, err := s.controlView(e, c, vals["result"])
	if err != nil {
		return err
	}
	if v.Report == nil { // the plan takes no results now: the refusal says so
		v.Report = &templates.ReportForm{AskDeviation: true}
	}
	v.Report.Values, v.Report.Errors, v.Report.Inline = vals, errs, isFragment(e)
	return s.controlRefused(e, c, v, errs, func(p templates.Page, v *templates.ControlPageView) templ.Component {
		return templates.ResultsSection(p, *v)
	})
}

// reportedResult is the result a report changes (one of the control's that
// the user may update), or a new one the user may create; hadDeviations
// says whether it already has deviations.
func (s *server) reportedResult(e *core.RequestEvent, c *core.Record, id string) (r *core.Record, hadDeviations bool, err error) {
	if id == "" {
		col, err := e.App.FindCachedCollectionByNameOrId(model.Results)
		if err != nil {
			return nil, false, err
		}
		r = core.NewRecord(col)
		model.AsResult(r).SetControl(c.Id)
		if !access.MayCreate(e.App, e.Auth, r) {
			return nil, false, errForbidden
		}
		return r, false, nil
	}
	r, err = view(e.App, e.Auth, model.Results, id)
	if err != nil {
		return nil, false, err
	}
	if model.AsResult(r).Control() != c.Id {
		return nil, false, errNotFound
	}
	if !may(e.App, e.Auth, r, r.Collection().UpdateRule) {
		return nil, false, errForbidden
	}
	devs, err := list(e.App, e.Auth, model.Deviations, "result = {:r}", "created", 1, map[string]any{"r": r.Id})
	if err != nil {
		return nil, false, err
	}
	return r, len(devs) > 0, nil
}

// resultEvidence handles "GET /controls/{id}/evidence/{result}/{name}": an
// evidence file of a result the user may view, as a download.
func (s *server) resultEvidence(e *core.RequestEvent) error {
	r, err := view(e.App, e.Auth, model.Results, e.Request.PathValue("result"))
	if err != nil {
		return err
	}
	name := e.Request.PathValue("name")
	if model.AsResult(r).Control() != e.Request.PathValue("id") || !slices.Contains(model.AsResult(r).Evidence(), name) {
		return errNotFound
	}
	fsys, err := e.App.NewFilesystem()
	if err != nil {
		return err
	}
	defer fsys.Close()
	h := e.Response.Header()
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Cache-Control", "private, no-store")
	if err := fsys.Serve(e.Response, e.Request, r.BaseFilesPath()+"/"+name, name); err != nil {
		h.Del("Content-Disposition")
		return errNotFound
	}
	return nil
}
