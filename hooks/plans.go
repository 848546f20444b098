package hooks

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// bindPlans holds the rules of a plan's life: draft → adopted → reported →
// archived, and back — adopted → draft, reported → adopted — by a
// coordinator with a reason.
func bindPlans(app core.App, h *rules) {
	app.OnRecordCreate(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		if p := model.AsPlan(e.Record); p.Status() == "" {
			p.SetStatus(model.PlanDraft)
		}
		return e.Next()
	})
	// a move back undoes the decision it goes back over: the history row
	// of the move keeps the decision's date and reference as its old values
	app.OnRecordUpdate(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		p := model.AsPlan(e.Record)
		switch from, to := model.AsPlan(p.Original()).Status(), p.Status(); {
		case from == model.PlanAdopted && to == model.PlanDraft:
			p.SetAdoptedOn(time.Time{})
			p.SetAdoptedRef("")
		case from == model.PlanReported && to == model.PlanAdopted:
			p.SetReportedOn(time.Time{})
			p.SetReportedRef("")
		}
		return e.Next()
	})
	app.OnRecordValidate(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		return check(e, h.validatePlan)
	})
	app.OnRecordDelete(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		if s := model.AsPlan(e.Record).Status(); s != model.PlanDraft {
			return refuse("ikplan.plan.delete_draft", "status", planStatusKey(s))
		}
		return e.Next()
	})
}

func (h *rules) validatePlan(e *core.RecordEvent, errs fieldErrors) {
	p := model.AsPlan(e.Record)
	status := p.Status()
	immutable(e, errs, model.FieldPlanBoard)

	// one plan per board and year
	if p.Board() != "" && p.Year() != 0 {
		var other []struct{ Id string }
		err := e.App.RecordQuery(model.Plans).Select("id").
			AndWhere(dbx.HashExp{model.FieldPlanBoard: p.Board(), model.FieldPlanYear: p.Year()}).
			AndWhere(dbx.Not(dbx.HashExp{model.FieldId: p.Id})).Limit(1).All(&other)
		failLookup(model.Plans, "", err)
		if len(other) > 0 {
			errs.add(model.FieldPlanYear, "ikplan.plan.year_taken", "year", p.Year())
		}
	}

	from := model.PlanDraft
	if !p.IsNew() {
		orig := model.AsPlan(p.Original())
		from = orig.Status()
		if p.Year() != orig.Year() {
			if from != model.PlanDraft {
				errs.add(model.FieldPlanYear, "ikplan.plan.year_draft")
			}
			duesInYear(e.App, p, errs)
		}
	} else if status != model.PlanDraft {
		errs.add(model.FieldPlanStatus, "ikplan.plan.new_draft")
		return
	}
	if !model.CanMovePlan(from, status) {
		errs.add(model.FieldPlanStatus, "ikplan.plan.move", "from", planStatusKey(from), "to", planStatusKey(status))
		return
	}
	if model.PlanMovesBack(from, status) {
		h.checkMoveBack(e, status, errs)
	}
	if !p.IsNew() {
		decidedPlanFields(p.Record, from, status, errs)
	}

	if status != model.PlanDraft {
		if p.AdoptedOn().IsZero() {
			errs.add(model.FieldPlanAdoptedOn, "ikplan.plan.adopted_on")
		}
		if model.Blank(p.AdoptedRef()) {
			errs.add(model.FieldPlanAdoptedRef, "ikplan.plan.adopted_ref")
		}
	}
	if from == model.PlanDraft && status == model.PlanAdopted {
		h.checkAdoptable(e.App, p.Record, errs)
	}
	if status == model.PlanReported || status == model.PlanArchived {
		if p.ReportedOn().IsZero() {
			errs.add(model.FieldPlanReportedOn, "ikplan.plan.reported_on")
		}
	}
	h.checkDecisionDates(p, errs)
	if from == model.PlanAdopted && status == model.PlanReported {
		h.checkReportable(e.App, p.Record, errs)
	}
}

// checkMoveBack: going back is a coordinator's act (or a superuser's, or
// the system's) with a reason of its own, given with the move so that the
// history row of the move holds it; an adoption is undone only while no
// result is reported under the plan.
func (h *rules) checkMoveBack(e *core.RecordEvent, to string, errs fieldErrors) {
	p := model.AsPlan(e.Record)
	revert := to == model.PlanDraft
	if !model.ActorOf(e.App).MayReopenPlan() {
		if revert {
			errs.add(model.FieldPlanStatus, "ikplan.plan.revert_role")
		} else {
			errs.add(model.FieldPlanStatus, "ikplan.plan.reopen_role")
		}
		return
	}
	switch reason := p.StatusReason(); {
	case model.Blank(reason) && revert:
		errs.add(model.FieldPlanStatusReason, "ikplan.plan.revert_reason")
	case model.Blank(reason):
		errs.add(model.FieldPlanStatusReason, "ikplan.plan.reopen_reason")
	case reason == model.AsPlan(p.Original()).StatusReason():
		errs.add(model.FieldPlanStatusReason, "ikplan.plan.same_reason")
	}
	if revert {
		var n struct{ N int }
		err := e.App.DB().NewQuery("SELECT COUNT(*) AS n FROM results JOIN controls ON controls.id = results.control WHERE controls.plan = {:p}").
			Bind(dbx.Params{"p": p.Id}).One(&n)
		failLookup(model.Results, "", err)
		if n.N > 0 {
			errs.add(model.FieldPlanStatus, "ikplan.plan.revert_results", "count", n.N)
		}
		err = e.App.DB().NewQuery("SELECT COUNT(*) AS n FROM samples JOIN controls ON controls.id = samples.control WHERE controls.plan = {:p}").
			Bind(dbx.Params{"p": p.Id}).One(&n)
		failLookup(model.Samples, "", err)
		if n.N > 0 {
			errs.add(model.FieldPlanStatus, "ikplan.plan.revert_samples", "count", n.N)
		}
	}
}

// decidedPlanFields refuses a change to what the board decided about the
// plan while the decision stands: its adoption while it is adopted or
// later, and, while it is reported or archived, everything — the decision
// on the follow-up, the title, the reason of the last move back. A move
// back clears the decision it undoes (bindPlans) and gives a new reason.
func decidedPlanFields(r *core.Record, from, to string, errs fieldErrors) {
	orig := r.Original()
	var fields []string
	if from != model.PlanDraft && to != model.PlanDraft {
		fields = append(fields, model.FieldPlanAdoptedOn, model.FieldPlanAdoptedRef)
	}
	if model.PlanFrozen(from) && model.PlanFrozen(to) {
		fields = append(fields, model.FieldPlanTitle, model.FieldPlanReportedOn, model.FieldPlanReportedRef, model.FieldPlanStatusReason)
	}
	for _, f := range fields {
		if r.GetString(f) != orig.GetString(f) {
			errs.add(f, "ikplan.plan.decided", "status", planStatusKey(from), "field", fieldKey(f))
		}
	}
}

// checkDecisionDates: a board's decisions are not dated in the future, and
// the follow-up is not decided before the plan was adopted. A date is
// checked when it is given or changed.
func (h *rules) checkDecisionDates(p *model.Plan, errs fieldErrors) {
	today := h.today()
	adopted, reported := p.AdoptedOn(), p.ReportedOn()
	for _, d := range []struct {
		field string
		on    types.DateTime
	}{{model.FieldPlanAdoptedOn, adopted}, {model.FieldPlanReportedOn, reported}} {
		if d.on.IsZero() || !linkChanged(p.Record, d.field) {
			continue
		}
		if model.DateOnly(d.on.Time()).After(today) {
			errs.add(d.field, "ikplan.plan.decision_future", "today", today.Format(time.DateOnly))
		}
	}
	if !adopted.IsZero() && !reported.IsZero() && linkChanged(p.Record, model.FieldPlanReportedOn) &&
		model.DateOnly(reported.Time()).Before(model.DateOnly(adopted.Time())) {
		errs.add(model.FieldPlanReportedOn, "ikplan.plan.reported_before", "adopted", adopted.Time().Format(time.DateOnly))
	}
}

// duesInYear: a control's due date lies in its plan's year, so a draft
// moves to another year only once no control's due date lies outside it.
func duesInYear(app core.App, plan *model.Plan, errs fieldErrors) {
	controls, err := app.FindRecordsByFilter(model.Controls, "plan = {:plan}", "position,section,number", 0, 0, dbx.Params{"plan": plan.Id})
	if err != nil {
		errs.add(model.FieldPlanYear, "ready.unreadable")
		return
	}
	year := plan.Year()
	outside := i18n.Phrases{Shown: 5, More: "ready.and_more"}
	for _, c := range model.AsControls(controls) {
		if due := c.Due(); !due.IsZero() && due.Time().Year() != year {
			outside.List = append(outside.List, i18n.Phrase{Key: "ikplan.plan.due_outside", Args: []any{model.ControlLabel(c.Record), due.Time().Format(time.DateOnly)}})
		}
	}
	if len(outside.List) > 0 {
		errs.add(model.FieldPlanYear, "ikplan.plan.year_dues", "year", year, "controls", outside)
	}
}

// checkAdoptable: a plan is adopted with at least one control, each with
// an owner, a due date and a method: what model.ReadinessOf lists.
func (h *rules) checkAdoptable(app core.App, plan *core.Record, errs fieldErrors) {
	p := model.AsPlan(plan.Clone())
	p.SetStatus(model.PlanDraft) // the step from draft, as it stands
	r, err := model.PlanReadiness(app, p.Record, h.now())
	switch {
	case err != nil:
		errs.add(model.FieldPlanStatus, "ready.unreadable")
	case r.Count(model.BlockNoControls) > 0:
		errs.add(model.FieldPlanStatus, "ready.refuse_empty")
	case len(r.Blockers) > 0:
		errs.add(model.FieldPlanStatus, "ready.refuse_adopt", "problems", problems(r.Blockers))
	}
}

// blockerTexts are the blockers in lang, as parts of a sentence.
func blockerTexts(lang string, bs []model.Blocker) []string {
	var out []string
	for _, b := range bs {
		out = append(out, i18n.T(lang, b.Key, b.Args...))
	}
	return out
}

// checkReportable: a plan is marked reported when nothing stands between
// it and the follow-up report (model.ReadinessOf).
func (h *rules) checkReportable(app core.App, plan *core.Record, errs fieldErrors) {
	p := model.AsPlan(plan.Clone())
	p.SetStatus(model.PlanAdopted) // the step from adopted, as it stands
	r, err := model.PlanReadiness(app, p.Record, h.now())
	if err != nil {
		errs.add(model.FieldPlanStatus, "ready.unreadable")
	} else if len(r.Blockers) > 0 {
		errs.add(model.FieldPlanStatus, "ready.refuse_report", "problems", problems(r.Blockers))
	}
}

// problems are the first few blockers as one sentence's parts, in the
// reader's language.
func problems(bs []model.Blocker) i18n.Phrases {
	p := i18n.Phrases{Shown: 5, More: "ready.and_more"}
	for _, b := range bs {
		p.List = append(p.List, i18n.Phrase{Key: b.Key, Args: b.Args})
	}
	return p
}

// ReportGaps lists what keeps an adopted plan from being marked reported
// (model.ReadinessOf): controls without a result for each of their periods
// (or an explicit not performed), results with the outcome deviation but no
// deviation, and significant deviations with neither an action with owner
// and deadline nor an accepted status. The texts are in lang (i18n.Sv or
// i18n.En); a plan whose controls cannot be read has that as its gap.
func ReportGaps(app core.App, plan *core.Record, lang string) []string {
	p := model.AsPlan(plan.Clone())
	p.SetStatus(model.PlanAdopted) // the gaps of the step to reported, whatever the status
	r, err := model.PlanReadiness(app, p.Record, time.Now())
	if err != nil {
		return []string{i18n.T(lang, "ready.unreadable")}
	}
	return blockerTexts(lang, r.Blockers)
}
