package hooks

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

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
		if r.GetInt("year") != r.Original().GetInt("year") {
			if from != model.PlanDraft {
				errs.add("year", "Året kan bara ändras medan planen är ett utkast.")
			}
			duesInYear(e.App, r, errs)
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
		if gaps := ReportGaps(e.App, r); len(gaps) > 0 {
			errs.add("status", "Planen kan inte återrapporteras ännu: "+summarize(gaps))
		}
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

// duesInYear: a control's due date lies in its plan's year, so a draft
// moves to another year only once no control's due date lies outside it.
func duesInYear(app core.App, plan *core.Record, errs fieldErrors) {
	controls, err := planControls(app, plan.Id)
	if err != nil {
		errs.add("year", "Planens kontrollpunkter kunde inte läsas; försök igen.")
		return
	}
	year := plan.GetInt("year")
	var outside []string
	for _, c := range controls {
		if due := c.GetDateTime("due"); !due.IsZero() && due.Time().Year() != year {
			outside = append(outside, "kontrollpunkt "+controlLabel(c)+" ("+due.Time().Format(time.DateOnly)+")")
		}
	}
	if len(outside) > 0 {
		errs.add("year", fmt.Sprintf("Planens år kan inte bli %d medan kontrollpunkter har datum i ett annat år: %s Ta bort datumen, ändra året och ange sedan datumen i %d.",
			year, summarize(outside), year))
	}
}

// checkAdoptable: a plan is adopted with at least one control, each with an owner.
func (h *rules) checkAdoptable(app core.App, plan *core.Record, errs fieldErrors) {
	controls, err := planControls(app, plan.Id)
	if err != nil || len(controls) == 0 {
		errs.add("status", "Planen har inga kontrollpunkter att anta.")
		return
	}
	var missing []string
	for _, c := range controls {
		if c.GetString("owner") == "" {
			missing = append(missing, "kontrollpunkt "+controlLabel(c)+" saknar ansvarig")
		}
	}
	if len(missing) > 0 {
		errs.add("status", "Planen kan inte antas: "+summarize(missing))
	}
}

// planControls lists a plan's controls in the plan's order.
func planControls(app core.App, planId string) ([]*core.Record, error) {
	return app.FindRecordsByFilter(model.Controls, "plan = {:plan}", "position,section,number", 0, 0, dbx.Params{"plan": planId})
}

// controlLabel is a control's number as the plan writes it: "3" or
// "3 (HR- och arbetsmarknadsförvaltningen)".
func controlLabel(c *core.Record) string {
	s := itoa(c.GetInt("number"))
	if sec := c.GetString("section"); sec != "" {
		s += " (" + sec + ")"
	}
	return s
}

// summarize joins the first few problems into one sentence.
func summarize(items []string) string {
	const shown = 5
	if len(items) <= shown {
		return strings.Join(items, "; ") + "."
	}
	return strings.Join(items[:shown], "; ") + fmt.Sprintf(" och %d till.", len(items)-shown)
}

// ReportGaps lists what keeps a plan from being marked reported: controls
// without a result for each of their periods (or an explicit not performed),
// results with the outcome deviation but no deviation, and significant
// deviations with neither an action with owner and deadline nor an accepted
// status.
func ReportGaps(app core.App, plan *core.Record) []string {
	var gaps []string
	year := plan.GetInt("year")
	controls, err := planControls(app, plan.Id)
	if err != nil {
		return []string{"kontrollpunkterna kunde inte läsas"}
	}
	for _, c := range controls {
		results, _ := app.FindRecordsByFilter(model.Results, "control = {:c}", "period", 0, 0, dbx.Params{"c": c.Id})
		outcomes := map[string]string{}
		for _, r := range results {
			outcomes[r.GetString("period")] = r.GetString("outcome")
		}
		if missing := model.MissingPeriods(c.GetString("frequency"), year, outcomes); len(missing) > 0 {
			gaps = append(gaps, "kontrollpunkt "+controlLabel(c)+" saknar resultat för "+strings.Join(missing, ", "))
		}
		for _, r := range results {
			if r.GetString("outcome") != model.OutcomeDeviation {
				continue
			}
			devs, _ := app.FindRecordsByFilter(model.Deviations, "result = {:r}", "created", 0, 0, dbx.Params{"r": r.Id})
			if len(devs) == 0 {
				gaps = append(gaps, "kontrollpunkt "+controlLabel(c)+" har utfallet avvikelse för "+r.GetString("period")+" men ingen beskriven avvikelse")
			}
			for _, d := range devs {
				if !d.GetBool("significant") || d.GetString("status") == model.DeviationAccepted {
					continue
				}
				n, _ := app.CountRecords(model.Actions, dbx.NewExp(
					"deviation = {:d} AND owner != '' AND deadline != '' AND status != 'cancelled'", dbx.Params{"d": d.Id}))
				if n == 0 {
					gaps = append(gaps, "den väsentliga avvikelsen i kontrollpunkt "+controlLabel(c)+" saknar åtgärd med ansvarig och slutdatum (eller ett godtagande med motivering)")
				}
			}
		}
	}
	return gaps
}
