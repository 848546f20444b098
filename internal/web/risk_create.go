package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// newRisk is the new-risk form: the boards whose create rule lets the user
// add a risk (asked for them all in one query), and their units. It is
// empty for everyone else.
func (s *server) newRisk(e *core.RequestEvent, boards []*core.Record) (templates.NewRisk, error) {
	n := templates.NewRisk{Form: map[string]string{"status": "active"}}
	col, err := e.App.FindCachedCollectionByNameOrId(model.Risks)
	if err != nil {
		return n, nil
	}
	probe := core.NewRecord(col)
	model.AsRisk(probe).SetTitle("-")
	model.AsRisk(probe).SetStatus("active")
	may := access.MayCreateWith(e.App, e.Auth, probe, "board", access.IDs(boards))
	names := map[string]string{}
	var allowed []string
	for _, b := range boards {
		if may[b.Id] {
			n.Boards = append(n.Boards, b)
			names[b.Id] = model.AsBoard(b).Name()
			allowed = append(allowed, b.Id)
		}
	}
	if len(allowed) == 0 {
		return n, nil
	}
	units, err := access.ListAs(e.App, e.Auth, model.Units, "", "name", 0, nil,
		access.In{Field: "board", Values: allowed}, access.Fields{model.FieldUnitName, model.FieldUnitBoard})
	if err != nil {
		return n, err
	}
	for _, u := range model.AsUnits(units) {
		n.Units = append(n.Units, templates.UnitOption{Id: u.Id, Name: u.Name(), Board: names[u.Board()]})
	}
	return n, nil
}

// riskFields are the new-risk form's fields, in the form's order.
var riskFields = []string{
	model.FieldRiskBoard, model.FieldRiskTitle, model.FieldRiskDescription, model.FieldRiskProcess,
	model.FieldRiskCategory, model.FieldRiskUnit, model.FieldRiskStatus,
}

// riskCreate handles "POST /risks": a new risk in a board's register.
func (s *server) riskCreate(e *core.RequestEvent) error {
	col, err := e.App.FindCachedCollectionByNameOrId(model.Risks)
	if err != nil {
		return err
	}
	r := core.NewRecord(col)
	form := map[string]string{}
	for _, f := range riskFields {
		form[f] = strings.TrimSpace(e.Request.FormValue(f))
		r.Set(f, form[f])
	}
	err = save(e.App, e.Auth, r)
	if err == nil {
		return done(e, "/risks/"+r.Id, i18n.M("flash.risk_created", "title", model.AsRisk(r).Title()))
	}
	errs, ok := formErrors(lang(e), err, riskFields...)
	if !ok {
		if isForbidden(err) {
			return s.errorPage(e, http.StatusForbidden)
		}
		return err
	}
	v, verr := s.risksView(e)
	if verr != nil {
		return verr
	}
	if len(v.New.Boards) == 0 {
		// the rules refuse this user any risk: no form to show the messages beside
		return s.errorPage(e, http.StatusForbidden)
	}
	v.New.Errors, v.New.Form = errorsOnto(errs, "board", riskFields...), form
	p := s.page(e, "", "risks")
	p.Title, p.Error = p.T("risks.title"), true
	return s.render(e, http.StatusUnprocessableEntity, p, templates.Risks(p, v), nil)
}

// errorsOnto moves the messages of fields the form does not have onto field, so
// that every message in the summary links to something on the page.
func errorsOnto(errs templates.Errors, field string, fields ...string) templates.Errors {
	out := make(templates.Errors, 0, len(errs))
	var extra []string
	for _, fe := range errs {
		if fe.Field == field || slices.Contains(fields, fe.Field) {
			out = append(out, fe)
		} else {
			extra = append(extra, fe.Message)
		}
	}
	if len(extra) == 0 {
		return out
	}
	for i := range out {
		if out[i].Field == field {
			out[i].Message += " " + strings.Join(extra, " ")
			return out
		}
	}
	return append(templates.Errors{{Field: field, Message: strings.Join(extra, " ")}}, out...)
}
