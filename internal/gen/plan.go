package gen

import (
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// control is a saved control with what the generator needs of it.
type control struct {
	rec    *core.Record
	owner  string
	freq   string
	due    time.Time
	target *target
}

// pending is a result to write: a control and a period that has ended.
type pending struct {
	c      *control
	period string
	end    time.Time
}

// plan writes the board's plan for the year with its controls, adopts it,
// reports results for every period that has ended, and, for a plan age
// years old, reports (age ≥ 1) and archives (age ≥ 2) it.
func (g *generator) plan(b *board, year, age int) error {
	plan, err := g.save(model.Plans, map[string]any{
		"board": b.rec.Id, "year": year, "title": fmt.Sprintf("Internkontrollplan %d – %s", year, b.name),
	})
	if err != nil {
		return err
	}
	g.sum.Plans++

	controls := make([]*control, g.opts.Controls)
	offset := g.rng.IntN(len(themes))
	for i := range controls {
		c, err := g.control(b, plan, year, i, offset)
		if err != nil {
			return err
		}
		controls[i] = c
	}

	// a saved record keeps its original values; the hooks compare against a fresh one
	if plan, err = g.app.FindRecordById(model.Plans, plan.Id); err != nil {
		return err
	}
	pl := model.AsPlan(plan)
	pl.SetStatus(model.PlanAdopted)
	pl.SetAdoptedOn(time.Date(year-1, 12, 1+g.rng.IntN(20), 0, 0, 0, 0, time.UTC))
	pl.SetAdoptedRef(fmt.Sprintf("%s § %d, dnr %s %d/%03d", b.short, 100+g.rng.IntN(150), b.short, year-1, 1+g.rng.IntN(999)))
	if err := g.app.Save(plan); err != nil {
		return fmt.Errorf("failed to adopt: %w", err)
	}

	var due []pending
	for _, c := range controls {
		for _, p := range model.PeriodsFor(c.freq, year) {
			end := periodEnd(p)
			if c.freq == model.FreqYearly {
				end = c.due
			}
			if end.Before(g.today) {
				due = append(due, pending{c: c, period: p, end: end})
			}
		}
	}
	// about one in five results has a deviation, at least one per plan;
	// a few controls were not performed
	outcome := make([]string, len(due))
	deviations := 0
	if len(due) > 0 {
		deviations = max(1, (len(due)+2)/5)
	}
	for n, k := range g.rng.Perm(len(due)) {
		switch {
		case n < deviations:
			outcome[k] = model.OutcomeDeviation
		case n < deviations+len(due)/30:
			outcome[k] = model.OutcomeNotPerformed
		default:
			outcome[k] = model.OutcomeNoDeviation
		}
	}
	for k, p := range due {
		if err := g.result(b, p, outcome[k], age); err != nil {
			return err
		}
	}

	if age >= 1 {
		reported := time.Date(year+1, 3, 10+g.rng.IntN(15), 0, 0, 0, 0, time.UTC)
		if reported.After(g.today) {
			reported = g.today
		}
		if plan, err = g.app.FindRecordById(model.Plans, plan.Id); err != nil {
			return err
		}
		pl := model.AsPlan(plan)
		pl.SetStatus(model.PlanReported)
		pl.SetReportedOn(reported)
		pl.SetReportedRef(fmt.Sprintf("%s § %d, dnr %s %d/%03d", b.short, 20+g.rng.IntN(60), b.short, year+1, 1+g.rng.IntN(999)))
		if err := g.app.Save(plan); err != nil {
			return fmt.Errorf("failed to report: %w", err)
		}
	}
	if age >= 2 {
		if plan, err = g.app.FindRecordById(model.Plans, plan.Id); err != nil {
			return err
		}
		model.AsPlan(plan).SetStatus(model.PlanArchived)
		if err := g.app.Save(plan); err != nil {
			return fmt.Errorf("failed to archive: %w", err)
		}
	}
	g.sum.PlansByStatus[model.AsPlan(plan).Status()]++
	return nil
}

// control writes the plan's control number i+1.
func (g *generator) control(b *board, plan *core.Record, year, i, offset int) (*control, error) {
	th := themes[(offset+i)%len(themes)]
	title := th.title
	if round := i / len(themes); round > 0 {
		title = fmt.Sprintf("%s, del %d", th.title, round+1)
	}
	c := &control{owner: b.owners[g.rng.IntN(len(b.owners))].Id, freq: model.FreqYearly,
		due: time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)}
	switch r := g.rng.Float64(); {
	case r < 0.15:
		c.freq = model.FreqQuarterly
	case r < 0.2:
		c.freq = model.FreqSemiannual
	case r < 0.5:
		// due at the end of a month during the year
		c.due = time.Date(year, time.Month(3+g.rng.IntN(9))+1, 0, 0, 0, 0, 0, time.UTC)
	}
	fields := map[string]any{
		"plan": plan.Id, "number": i + 1, "position": i + 1, "title": title, "process": th.process,
		"description": th.description, "legal_refs": th.legal, "method": g.pick(methods), "frequency": c.freq,
		"unit": b.units[g.rng.IntN(len(b.units))].Id, "owner": c.owner, "report_to": b.name, "due": c.due,
		"confidential": g.chance(0.05),
	}
	if g.chance(0.5) && len(b.risks) > 0 {
		fields["risk"] = b.risks[g.rng.IntN(len(b.risks))].Id
	}
	if g.chance(0.25) {
		t := &targets[g.rng.IntN(len(targets))]
		c.target = t
		fields["target_metric"], fields["target_operator"], fields["target_value"], fields["target_unit"] = t.metric, t.op, t.value, t.unit
	}
	rec, err := g.save(model.Controls, fields)
	if err != nil {
		return nil, err
	}
	c.rec = rec
	g.sum.Controls++
	return c, nil
}

// periodEnd is the last day of a period such as "2024", "Q2 2024" or "H1 2024".
func periodEnd(s string) time.Time {
	p, err := model.ParsePeriod(s)
	if err != nil {
		panic(err) // the periods come from model.PeriodsFor
	}
	months := map[string]int{model.PeriodYear: 12, model.PeriodHalf: 6, model.PeriodTertial: 4, model.PeriodQuarter: 3, model.PeriodMonth: 1}[p.Kind]
	n := max(p.N, 1)
	if p.Kind == model.PeriodYear {
		n = 1
	}
	return time.Date(p.Year, time.Month(n*months)+1, 0, 0, 0, 0, 0, time.UTC)
}

// result writes the result of a period, and its deviation and actions.
func (g *generator) result(b *board, p pending, outcome string, age int) error {
	performed := p.end.AddDate(0, 0, 3+g.rng.IntN(40))
	if performed.After(g.today) {
		performed = g.today
	}
	fields := map[string]any{"control": p.c.rec.Id, "period": p.period, "outcome": outcome}
	switch outcome {
	case model.OutcomeNotPerformed:
		fields["not_performed_reason"] = g.pick(notPerformedReasons)
		g.sum.NotPerformed++
	case model.OutcomeDeviation:
		fields["account"] = "Kontrollen genomförd; avvikelse noterad, se nedan."
	default:
		fields["account"] = g.pick(noDeviationTexts)
	}
	if outcome != model.OutcomeNotPerformed {
		fields["performed_on"] = performed
		fields["performed_by"] = p.c.owner
		if t := p.c.target; t != nil {
			if outcome == model.OutcomeDeviation {
				fields["measured_value"] = g.pick(t.bad)
			} else {
				fields["measured_value"] = g.pick(t.good)
			}
		}
	}
	res, err := g.save(model.Results, fields)
	if err != nil {
		return err
	}
	g.sum.Results++
	if outcome == model.OutcomeDeviation {
		return g.deviation(b, p, res, performed, age)
	}
	return nil
}

// deviation writes a result's deviation and its actions. Actions take every
// status in turn; a significant deviation always keeps an action with an
// owner and a deadline that is not cancelled, as reporting demands.
func (g *generator) deviation(b *board, p pending, res *core.Record, performed time.Time, age int) error {
	significant := g.chance(0.3)
	fields := map[string]any{
		"result": res.Id, "description": fmt.Sprintf(g.pick(deviationTexts), 1+g.rng.IntN(6)), "significant": significant,
	}
	if g.chance(0.5) {
		fields["root_cause"] = "Rutinen var inte känd av alla berörda medarbetare."
	}
	var statuses []string
	if g.chance(0.1) {
		fields["status"] = model.DeviationAccepted
		fields["acceptance_reason"] = "Avvikelsen är av engångskaraktär och bedöms inte kräva åtgärd."
	} else {
		n := 1
		if g.chance(0.2) {
			n = 2
		}
		for k := 0; k < n; k++ {
			s := g.actionStatus(age)
			if s == model.ActionCancelled && k == 0 && significant {
				s = model.ActionInProgress
			}
			statuses = append(statuses, s)
		}
		fields["status"] = model.DeviationHandled
		for _, s := range statuses {
			if s != model.ActionDone && s != model.ActionCancelled {
				fields["status"] = model.DeviationOpen
			}
		}
	}
	dev, err := g.save(model.Deviations, fields)
	if err != nil {
		return err
	}
	g.sum.Deviations++
	if significant {
		g.sum.Significant++
	}
	for _, s := range statuses {
		if err := g.action(b, p, dev, s, performed, age); err != nil {
			return err
		}
	}
	return nil
}

// actionStatus cycles through the statuses, weighted by the plan's age:
// old plans' actions are mostly done.
func (g *generator) actionStatus(age int) string {
	cycles := [][]string{
		{model.ActionPlanned, model.ActionInProgress, model.ActionPlanned, model.ActionDone, model.ActionInProgress, model.ActionCancelled},
		{model.ActionInProgress, model.ActionDone, model.ActionPlanned, model.ActionCancelled, model.ActionDone, model.ActionInProgress},
		{model.ActionDone, model.ActionDone, model.ActionInProgress, model.ActionDone, model.ActionCancelled, model.ActionDone},
	}
	cycle := cycles[min(age, 2)]
	s := cycle[g.turn%len(cycle)]
	g.turn++
	return s
}

func (g *generator) action(b *board, p pending, dev *core.Record, status string, performed time.Time, age int) error {
	deadline := performed.AddDate(0, 1+g.rng.IntN(6), 0)
	if status == model.ActionPlanned || status == model.ActionInProgress {
		// open actions of older plans are mostly overdue, the current year's mostly not
		if (age >= 1 && g.chance(0.7)) || g.chance(0.2) {
			deadline = g.today.AddDate(0, 0, -1-g.rng.IntN(90))
		} else {
			deadline = g.today.AddDate(0, 0, 14+g.rng.IntN(200))
		}
	}
	precision := model.PrecisionDay
	switch r := g.rng.Float64(); {
	case r < 0.15:
		precision = model.PrecisionMonth
	case r < 0.2:
		precision = model.PrecisionQuarter
	}
	fields := map[string]any{
		"deviation": dev.Id, "description": g.pick(actionTexts), "owner": p.c.owner,
		"deadline": deadline, "deadline_precision": precision, "status": status,
	}
	switch status {
	case model.ActionDone:
		fields["done_note"] = g.pick(doneNotes)
	case model.ActionCancelled:
		fields["cancel_reason"] = g.pick(cancelReasons)
	}
	a, err := g.save(model.Actions, fields)
	if err != nil {
		return err
	}
	g.sum.Actions++
	g.sum.ActionsByStatus[status]++
	finished := status == model.ActionDone || status == model.ActionCancelled
	if model.Overdue(model.AsAction(a).Deadline().Time(), finished, g.now) {
		g.sum.Overdue++
	}
	return nil
}
