package hooks

import (
	"reflect"
	"slices"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// linkField is the field by which a record under a plan names what it
// belongs to: the field a refusal under a frozen plan names.
var linkField = map[string]string{
	model.Controls:    model.FieldControlPlan,
	model.Results:     model.FieldResultControl,
	model.Deviations:  model.FieldDeviationResult,
	model.Actions:     model.FieldActionPlan,
	model.Samples:     model.FieldSampleControl,
	model.SampleItems: model.FieldSampleItemSample,
}

// bindFrozen keeps a plan's decisions as they were taken: nothing under a
// reported or archived plan (model.PlanFrozen) — its controls, results with
// their evidence, samples with their items, deviations and actions — is created, changed or deleted
// until a coordinator reopens the plan, and a control's decided fields
// (model.FrozenControlFields) do not change once its plan is adopted.
//
// The checks run on the model hooks before the write, not on validation,
// so they also hold for the writes that skip validation (PocketBase clears
// the links to a deleted record with SaveNoValidate). They run after
// the values the server computes (PriorityFrozen), so they see the plan an
// action is given.
func bindFrozen(app core.App) {
	under := []string{model.Controls, model.Results, model.Deviations, model.Actions, model.Samples, model.SampleItems}
	bindAt(app.OnRecordCreate(under...), "hook:frozen", PriorityFrozen, func(e *core.RecordEvent) error {
		if msg := frozenUnder(e.App, e.Record, nil); msg.Key != "" {
			return fieldErrors{linkField[e.Record.Collection().Name]: msg}.err()
		}
		return e.Next()
	})
	bindAt(app.OnRecordUpdate(under...), "hook:frozen", PriorityFrozen, func(e *core.RecordEvent) error {
		r := e.Record
		if msg := frozenUnder(e.App, r, r.Original()); msg.Key != "" && !carriedOn(e.App, r) {
			return fieldErrors{linkField[r.Collection().Name]: msg}.err()
		}
		if r.Collection().Name == model.Controls {
			if err := decidedFields(e.App, r).err(); err != nil {
				return err
			}
		}
		return e.Next()
	})
	bindAt(app.OnRecordDelete(under...), "hook:frozen", PriorityFrozen, func(e *core.RecordEvent) error {
		if msg := frozenUnder(e.App, e.Record, nil); msg.Key != "" {
			return refuseWith(msg)
		}
		return e.Next()
	})
	// deleting a risk or unit would clear the links to it, decided ones too
	bindAt(app.OnRecordDelete(model.Risks, model.Units), "hook:frozen.links", PriorityFrozen, func(e *core.RecordEvent) error {
		if msg := linkedFromDecided(e.App, e.Record); msg.Key != "" {
			return refuseWith(msg)
		}
		return e.Next()
	})
}

// linkedFromDecided says why a risk or unit cannot be deleted, or "": a
// control of an adopted, reported or archived plan links it (the link is
// the board's decision), or an action of a reported or archived plan does.
// The message's key is "" when it can.
func linkedFromDecided(app core.App, r *core.Record) i18n.Message {
	field := model.FieldControlRisk
	if r.Collection().Name == model.Units {
		field = model.FieldControlUnit
	}
	var row struct {
		Number int    `db:"number"`
		Year   int    `db:"year"`
		Status string `db:"status"`
	}
	err := app.DB().NewQuery("SELECT controls.number AS number, plans.year AS year, plans.status AS status FROM controls " +
		"JOIN plans ON plans.id = controls.plan WHERE controls." + field + " = {:id} AND plans.status != 'draft' LIMIT 1").
		Bind(dbx.Params{"id": r.Id}).One(&row)
	failLookup(model.Controls, "", err)
	if err == nil && field == model.FieldControlUnit {
		return i18n.M("ikplan.unit.decided", "number", row.Number, "year", row.Year, "status", planStatusKey(row.Status))
	}
	if err == nil {
		return i18n.M("ikplan.risk.decided_control", "number", row.Number, "year", row.Year, "status", planStatusKey(row.Status))
	}
	if field != model.FieldControlRisk {
		return i18n.Message{}
	}
	err = app.DB().NewQuery("SELECT plans.year AS year, plans.status AS status FROM actions " +
		"JOIN plans ON plans.id = actions.plan WHERE actions.risk = {:id} AND plans.status IN ('reported', 'archived') LIMIT 1").
		Bind(dbx.Params{"id": r.Id}).One(&row)
	failLookup(model.Actions, "", err)
	if err == nil {
		return i18n.M("ikplan.risk.decided_action", "year", row.Year, "status", planStatusKey(row.Status))
	}
	return i18n.Message{}
}

// frozenUnder says why nothing may be written under the plan of r (and of
// its stored version, when given); the message's key is "" when the plan
// takes writes.
func frozenUnder(app core.App, r, stored *core.Record) i18n.Message {
	ids := plansOf(app, r)
	if stored != nil {
		ids = append(ids, plansOf(app, stored)...)
	}
	for _, id := range ids {
		plan := model.AsPlan(find(app, model.Plans, id))
		if plan == nil {
			continue
		}
		switch plan.Status() {
		case model.PlanReported:
			return i18n.M("ikplan.frozen.reported")
		case model.PlanArchived:
			return i18n.M("ikplan.frozen.archived")
		}
	}
	return i18n.Message{}
}

// plansOf lists the plans a record under a plan belongs to, by every link
// it has: an action names its plan, and its control and deviation lead to
// one too.
func plansOf(app core.App, r *core.Record) []string {
	var ids []string
	add := func(id string) {
		if id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	ofControl := func(id string) {
		if c := model.AsControl(find(app, model.Controls, id)); c != nil {
			add(c.Plan())
		}
	}
	ofResult := func(id string) {
		if res := model.AsResult(find(app, model.Results, id)); res != nil {
			ofControl(res.Control())
		}
	}
	switch r.Collection().Name {
	case model.Controls:
		add(model.AsControl(r).Plan())
	case model.Results:
		ofControl(model.AsResult(r).Control())
	case model.Samples:
		ofControl(model.AsSample(r).Control())
	case model.SampleItems:
		if s := model.AsSample(find(app, model.Samples, model.AsSampleItem(r).Sample())); s != nil {
			ofControl(s.Control())
		}
	case model.Deviations:
		d := model.AsDeviation(r)
		add(d.Plan())
		ofResult(d.Result())
	case model.Actions:
		a := model.AsAction(r)
		add(a.Plan())
		ofControl(a.Control())
		if d := model.AsDeviation(find(app, model.Deviations, a.Deviation())); d != nil {
			ofResult(d.Result())
		}
	}
	return ids
}

// carriedOn reports whether an update is a carry operation marking an
// unfinished action as moved on (model.RunCarry): transferred to another
// board, closed with a reason, or continued in next year's plan — or,
// when that continuation is removed, open again. That is the one change an
// action of a reported plan may take, so that next year's plan and a
// reorganisation can take over what the reported plan left unfinished.
func carriedOn(app core.App, r *core.Record) bool {
	if r.Collection().Name != model.Actions || !model.Carrying(app) {
		return false
	}
	orig := r.Original()
	from, to := model.AsAction(orig).Status(), model.AsAction(r).Status()
	switch {
	case model.OpenStatus(from) && (to == from || to == model.ActionCancelled || to == model.ActionContinued):
	case from == model.ActionContinued && model.OpenStatus(to): // its continuation removed
	default:
		return false
	}
	allowed := []string{model.FieldActionTransferredTo, model.FieldActionStatus, model.FieldActionCancelReason, model.FieldActionCarriedTo}
	for _, f := range r.Collection().Fields {
		name := f.GetName()
		if f.Type() == core.FieldTypeAutodate || slices.Contains(allowed, name) {
			continue
		}
		if !reflect.DeepEqual(plain(r.Get(name)), plain(orig.Get(name))) {
			return false
		}
	}
	return true
}

// decidedFields refuses a change to what the board decided about a
// control once its plan is adopted: every field but the owner.
func decidedFields(app core.App, r *core.Record) fieldErrors {
	errs := fieldErrors{}
	orig := model.AsControl(r.Original())
	plan := model.AsPlan(find(app, model.Plans, orig.Plan()))
	if plan == nil || plan.Status() == model.PlanDraft {
		return errs
	}
	common := commonOf(app, r)
	for _, f := range model.FrozenControlFields {
		if common != nil && slices.Contains(model.CommonFields, f) && r.GetString(f) == common.GetString(f) {
			continue // kommunstyrelsen's decision, not the board's (bindCommon)
		}
		if common != nil && f == model.FieldControlDue && orig.Due().IsZero() {
			continue // a common control added after the adoption: the board sets its due date once
		}
		if !reflect.DeepEqual(plain(r.Get(f)), plain(orig.Get(f))) {
			errs.add(f, "ikplan.control.decided", "status", planStatusKey(plan.Status()), "field", fieldKey(f))
		}
	}
	return errs
}
