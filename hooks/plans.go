package hooks

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

func itoa(n int) string { return strconv.Itoa(n) }

// bindPlans holds the rules of a plan's life: draft → adopted → reported →
// archived, and back — adopted → draft, reported → adopted — by a
// coordinator with a reason.
func bindPlans(app core.App, h *rules) {
	app.OnRecordCreate(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		if e.Record.GetString("status") == "" {
			e.Record.Set("status", model.PlanDraft)
		}
		return e.Next()
	})
	// a move back undoes the decision it goes back over: the history row
	// of the move keeps the decision's date and reference as its old values
	app.OnRecordUpdate(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		r := e.Record
		switch from, to := r.Original().GetString("status"), r.GetString("status"); {
		case from == model.PlanAdopted && to == model.PlanDraft:
			r.Set("adopted_on", "")
			r.Set("adopted_ref", "")
		case from == model.PlanReported && to == model.PlanAdopted:
			r.Set("reported_on", "")
			r.Set("reported_ref", "")
		}
		return e.Next()
	})
	app.OnRecordValidate(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		return check(e, h.validatePlan)
	})
	app.OnRecordDelete(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		if s := e.Record.GetString("status"); s != model.PlanDraft {
			return refuse("Planen är " + model.PlanStatusSv(s) + " och kan inte tas bort; bara ett utkast kan tas bort.")
		}
		return e.Next()
	})
}

func (h *rules) validatePlan(e *core.RecordEvent, errs fieldErrors) {
	r := e.Record
	status := r.GetString("status")
	immutable(e, errs, "board")

	// one plan per board and year
	if r.GetString("board") != "" && r.GetInt("year") != 0 {
		var other []struct{ Id string }
		_ = e.App.RecordQuery(model.Plans).Select("id").
			AndWhere(dbx.HashExp{"board": r.GetString("board"), "year": r.GetInt("year")}).
			AndWhere(dbx.Not(dbx.HashExp{"id": r.Id})).Limit(1).All(&other)
		if len(other) > 0 {
			errs.add("year", fmt.Sprintf("Nämnden har redan en internkontrollplan för %d.", r.GetInt("year")))
		}
	}

	from := model.PlanDraft
	if !r.IsNew() {
		from = r.Original().GetString("status")
		if from != model.PlanDraft && r.GetInt("year") != r.Original().GetInt("year") {
			errs.add("year", "Året kan bara ändras medan planen är ett utkast.")
		}
	} else if status != model.PlanDraft {
		errs.add("status", "En ny plan börjar som utkast; anta den när kontrollpunkterna är klara.")
		return
	}
	if !model.CanMovePlan(from, status) {
		errs.add("status", fmt.Sprintf("En plan kan inte gå från %s till %s. Ordningen är utkast → antagen → återrapporterad → arkiverad.",
			model.PlanStatusSv(from), model.PlanStatusSv(status)))
		return
	}
	if model.PlanMovesBack(from, status) {
		h.checkMoveBack(e, status, errs)
	}
	if !r.IsNew() {
		decidedPlanFields(r, from, status, errs)
	}

	if status != model.PlanDraft {
		if r.GetDateTime("adopted_on").IsZero() {
			errs.add("adopted_on", "Ange datum för nämndens beslut att anta planen.")
		}
		if model.Blank(r.GetString("adopted_ref")) {
			errs.add("adopted_ref", "Ange beslutets paragraf och diarienummer, t.ex. \"§ 45, dnr KS 2024/12\".")
		}
	}
	if from == model.PlanDraft && status == model.PlanAdopted {
		h.checkAdoptable(e.App, r, errs)
	}
	if status == model.PlanReported || status == model.PlanArchived {
		if r.GetDateTime("reported_on").IsZero() {
			errs.add("reported_on", "Ange datum för nämndens beslut om uppföljningen.")
		}
	}
	h.checkDecisionDates(r, errs)
	if from == model.PlanAdopted && status == model.PlanReported {
		h.checkReportable(e.App, r, errs)
	}
}

// checkMoveBack: going back is a coordinator's act (or a superuser's, or
// the system's) with a reason of its own, given with the move so that the
// history row of the move holds it; an adoption is undone only while no
// result is reported under the plan.
func (h *rules) checkMoveBack(e *core.RecordEvent, to string, errs fieldErrors) {
	r := e.Record
	revert := to == model.PlanDraft
	if !model.ActorOf(e.App).MayReopenPlan() {
		if revert {
			errs.add("status", "Bara en IK-samordnare kan återföra en antagen plan till utkast.")
		} else {
			errs.add("status", "Bara en IK-samordnare kan öppna en återrapporterad plan igen.")
		}
		return
	}
	switch reason := r.GetString("status_reason"); {
	case model.Blank(reason) && revert:
		errs.add("status_reason", "Ange varför planen återförs till utkast; skälet sparas i ändringshistoriken.")
	case model.Blank(reason):
		errs.add("status_reason", "Ange varför planen öppnas igen; skälet sparas i ändringshistoriken.")
	case reason == r.Original().GetString("status_reason"):
		errs.add("status_reason", "Skälet är detsamma som vid förra ändringen; skriv varför planen går tillbaka den här gången.")
	}
	if revert {
		var n struct{ N int }
		_ = e.App.DB().NewQuery("SELECT COUNT(*) AS n FROM results JOIN controls ON controls.id = results.control WHERE controls.plan = {:p}").
			Bind(dbx.Params{"p": r.Id}).One(&n)
		if n.N > 0 {
			errs.add("status", fmt.Sprintf("Planen har redan %d kontrollresultat och kan inte återföras till utkast. Nämndens beslut står fast; en ändring av planen beslutas som en ny plan eller ett tillägg.", n.N))
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
		fields = append(fields, "adopted_on", "adopted_ref")
	}
	if model.PlanFrozen(from) && model.PlanFrozen(to) {
		fields = append(fields, "title", "reported_on", "reported_ref", "status_reason")
	}
	for _, f := range fields {
		if r.GetString(f) != orig.GetString(f) {
			errs.add(f, fmt.Sprintf("Planen är %s och fältet ”%s” kan inte längre ändras.", model.PlanStatusSv(from), label(f)))
		}
	}
}

// checkDecisionDates: a board's decisions are not dated in the future, and
// the follow-up is not decided before the plan was adopted. A date is
// checked when it is given or changed.
func (h *rules) checkDecisionDates(r *core.Record, errs fieldErrors) {
	today := h.today()
	for _, f := range []string{"adopted_on", "reported_on"} {
		d := r.GetDateTime(f)
		if d.IsZero() || !linkChanged(r, f) {
			continue
		}
		if model.DateOnly(d.Time()).After(today) {
			errs.add(f, fmt.Sprintf("Beslutet kan inte vara fattat senare än i dag (%s); ange dagen då nämnden fattade beslutet.", today.Format(time.DateOnly)))
		}
	}
	adopted, reported := r.GetDateTime("adopted_on"), r.GetDateTime("reported_on")
	if !adopted.IsZero() && !reported.IsZero() && linkChanged(r, "reported_on") &&
		model.DateOnly(reported.Time()).Before(model.DateOnly(adopted.Time())) {
		errs.add("reported_on", "Uppföljningen kan inte vara beslutad före planen antogs ("+adopted.Time().Format(time.DateOnly)+").")
	}
}

// checkAdoptable: a plan is adopted with at least one control, each with
// an owner, a due date and a method: what model.ReadinessOf lists.
func (h *rules) checkAdoptable(app core.App, plan *core.Record, errs fieldErrors) {
	p := plan.Clone()
	p.Set("status", model.PlanDraft) // the step from draft, as it stands
	r, err := model.PlanReadiness(app, p, h.now())
	switch {
	case err != nil:
		errs.add("status", "Planens kontrollpunkter kunde inte läsas; försök igen.")
	case r.Count(model.BlockNoControls) > 0:
		errs.add("status", i18n.T(i18n.Sv, "ready.refuse_empty"))
	case len(r.Blockers) > 0:
		errs.add("status", i18n.T(i18n.Sv, "ready.refuse_adopt", summarize(blockerTexts(r.Blockers))))
	}
}

// blockerTexts are the blockers in Swedish, as parts of a sentence.
func blockerTexts(bs []model.Blocker) []string {
	var out []string
	for _, b := range bs {
		out = append(out, i18n.T(i18n.Sv, b.Key, b.Args...))
	}
	return out
}

// checkReportable: a plan is marked reported when nothing stands between
// it and the follow-up report (model.ReadinessOf).
func (h *rules) checkReportable(app core.App, plan *core.Record, errs fieldErrors) {
	p := plan.Clone()
	p.Set("status", model.PlanAdopted) // the step from adopted, as it stands
	r, err := model.PlanReadiness(app, p, h.now())
	if err != nil {
		errs.add("status", "Planens kontrollpunkter kunde inte läsas; försök igen.")
	} else if len(r.Blockers) > 0 {
		errs.add("status", i18n.T(i18n.Sv, "ready.refuse_report", summarize(blockerTexts(r.Blockers))))
	}
}

// summarize joins the first few problems into one sentence.
func summarize(items []string) string {
	const shown = 5
	if len(items) <= shown {
		return strings.Join(items, "; ") + "."
	}
	return strings.Join(items[:shown], "; ") + i18n.T(i18n.Sv, "ready.and_more", len(items)-shown)
}

// ReportGaps lists what keeps an adopted plan from being marked reported
// (model.ReadinessOf): controls without a result for each of their periods
// (or an explicit not performed), results with the outcome deviation but no
// deviation, and significant deviations with neither an action with owner
// and deadline nor an accepted status.
func ReportGaps(app core.App, plan *core.Record) []string {
	p := plan.Clone()
	p.Set("status", model.PlanAdopted) // the gaps of the step to reported, whatever the status
	r, err := model.PlanReadiness(app, p, time.Now())
	if err != nil {
		return []string{"kontrollpunkterna kunde inte läsas"}
	}
	return blockerTexts(r.Blockers)
}
