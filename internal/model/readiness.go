package model

import (
	"strconv"
	"strings"
	"time"

	"ikplan/internal/access"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Readiness is what stands between a plan and its next step: a draft and
// its adoption (controls, each with an owner, a due date and a method), an
// adopted plan and its follow-up report to the board (a result for every
// control and period, a described deviation for every result with the
// outcome deviation, an action with owner and deadline — or an acceptance —
// for every significant deviation). The hook that refuses a move and the
// pages that show the checklist both ask ReadinessOf, so they cannot
// disagree.
type Readiness struct {
	Status   string    // the plan's status
	Next     string    // the status the plan moves to next (PlanAdopted, PlanReported), "" when reported or archived
	Blockers []Blocker // what keeps it from Next, in the plan's order of controls

	Controls        int // the controls the facts hold
	Reported        int // of those, the ones with a result for every period (or not performed for the year)
	Late            int // of those, the ones with a period past its due date and no result
	LateActions     int // open actions past their deadline
	OpenSignificant int // significant deviations still open
}

// Blocker is one thing that keeps a plan from its next step, as a message
// key of the catalogue (internal/i18n) with its arguments, and the control
// where it is put right ("" when it is the plan's own).
type Blocker struct {
	Key     string
	Args    []any
	Control string // the control's id, the link target
	Label   string // the control's number as the plan writes it
}

// The keys of the blockers.
const (
	BlockNoControls  = "ready.no_controls"  // a draft without controls
	BlockNoOwner     = "ready.no_owner"     // a control without an owner: label
	BlockNoDue       = "ready.no_due"       // a control without a due date: label
	BlockNoMethod    = "ready.no_method"    // a control without a method: label
	BlockNoResult    = "ready.no_result"    // a control without a result for periods: label, periods
	BlockNoDeviation = "ready.no_deviation" // outcome deviation without a deviation: label, period
	BlockNoAction    = "ready.no_action"    // a significant deviation without an action: label
)

// Ready reports whether the plan can take its next step now.
func (r Readiness) Ready() bool { return r.Next != "" && len(r.Blockers) == 0 }

// Count is how many blockers have the key.
func (r Readiness) Count(key string) int {
	n := 0
	for _, b := range r.Blockers {
		if b.Key == key {
			n++
		}
	}
	return n
}

// Labels are the control labels of the blockers with any of the keys, in
// order, each once.
func (r Readiness) Labels(keys ...string) []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range r.Blockers {
		for _, k := range keys {
			if b.Key == k && !seen[b.Label] {
				seen[b.Label] = true
				out = append(out, b.Label)
			}
		}
	}
	return out
}

// PlanFacts are the records of one plan that its readiness is reckoned
// from: all of them for the server's checks; those a person may read for a
// page (so that no figure counts what they cannot see).
type PlanFacts struct {
	Plan       *core.Record
	Controls   []*core.Record // in the plan's order
	Results    []*core.Record
	Deviations []*core.Record
	Actions    []*core.Record
}

// adoptionNeeds are the fields of a control that a draft may leave empty
// but its adoption needs, each with the blocker that says so.
var adoptionNeeds = []struct{ field, block string }{
	{"owner", BlockNoOwner},
	{"due", BlockNoDue},
	{"method", BlockNoMethod},
}

// NeededToAdopt reports whether a field of a collection, which a save lets
// be empty, must be filled in before the plan can be adopted: a form marks
// it so instead of "(frivilligt)".
func NeededToAdopt(collection, field string) bool {
	if collection != Controls {
		return false
	}
	for _, need := range adoptionNeeds {
		if need.field == field {
			return true
		}
	}
	return false
}

// ReadinessOf reckons a plan's readiness from its records on the day of now.
func ReadinessOf(f PlanFacts, now time.Time) Readiness {
	status := f.Plan.GetString("status")
	r := Readiness{Status: status, Controls: len(f.Controls)}
	switch status {
	case PlanDraft:
		r.Next = PlanAdopted
	case PlanAdopted:
		r.Next = PlanReported
	}
	year := f.Plan.GetInt("year")
	results := map[string][]*core.Record{}
	for _, res := range f.Results {
		results[res.GetString("control")] = append(results[res.GetString("control")], res)
	}
	devs := map[string][]*core.Record{}
	for _, d := range f.Deviations {
		if d.GetBool("significant") && d.GetString("status") == DeviationOpen {
			r.OpenSignificant++
		}
		devs[d.GetString("result")] = append(devs[d.GetString("result")], d)
	}
	acted := map[string]bool{} // deviations with an action that has an owner and a deadline
	for _, a := range f.Actions {
		if d := a.GetString("deviation"); d != "" && a.GetString("owner") != "" &&
			!a.GetDateTime("deadline").IsZero() && a.GetString("status") != ActionCancelled {
			acted[d] = true
		}
		if status == PlanAdopted && ActionOverdue(a, now) {
			r.LateActions++
		}
	}
	if status == PlanDraft && len(f.Controls) == 0 {
		r.Blockers = append(r.Blockers, Blocker{Key: BlockNoControls})
	}
	for _, c := range f.Controls {
		label := ControlLabel(c)
		block := func(key string, args ...any) {
			r.Blockers = append(r.Blockers, Blocker{Key: key, Args: append([]any{label}, args...), Control: c.Id, Label: label})
		}
		outcomes := map[string]string{}
		for _, res := range results[c.Id] {
			outcomes[res.GetString("period")] = res.GetString("outcome")
		}
		missing := MissingPeriods(c.GetString("frequency"), year, outcomes)
		if len(missing) == 0 {
			r.Reported++
		} else if status == PlanAdopted && len(OverduePeriods(c.GetString("frequency"), year, c.GetDateTime("due").Time(), outcomes, now)) > 0 {
			r.Late++
		}
		switch status {
		case PlanDraft:
			for _, need := range adoptionNeeds {
				if c.GetString(need.field) == "" { // a date not set reads as ""
					block(need.block)
				}
			}
		case PlanAdopted:
			if len(missing) > 0 {
				block(BlockNoResult, strings.Join(missing, ", "))
			}
			for _, res := range results[c.Id] {
				if res.GetString("outcome") != OutcomeDeviation {
					continue
				}
				if len(devs[res.Id]) == 0 {
					block(BlockNoDeviation, res.GetString("period"))
				}
				for _, d := range devs[res.Id] {
					if d.GetBool("significant") && d.GetString("status") != DeviationAccepted && !acted[d.Id] {
						block(BlockNoAction)
					}
				}
			}
		}
	}
	return r
}

// ControlLabel is a control's number as the plan writes it: "3" or
// "3 (HR- och arbetsmarknadsförvaltningen)".
func ControlLabel(c *core.Record) string {
	s := strconv.Itoa(c.GetInt("number"))
	if sec := c.GetString("section"); sec != "" {
		s += " (" + sec + ")"
	}
	return s
}

// readinessFields are the fields ReadinessOf reads, per collection.
var readinessFields = map[string]access.Fields{
	Controls:   {"plan", "number", "section", "owner", "due", "method", "frequency"},
	Results:    {"control", "period", "outcome"},
	Deviations: {"plan", "result", "significant", "status"},
	Actions:    {"plan", "deviation", "owner", "deadline", "status", "transferred_to", "in_draft"},
}

// PlanReadiness is a plan's readiness from all its records, as the server
// checks it.
func PlanReadiness(app core.App, plan *core.Record, now time.Time) (Readiness, error) {
	f := PlanFacts{Plan: plan}
	var err error
	p := dbx.Params{"p": plan.Id}
	if f.Controls, err = app.FindRecordsByFilter(Controls, "plan = {:p}", "position,section,number", 0, 0, p); err != nil {
		return Readiness{}, err
	}
	if len(f.Controls) > 0 {
		if f.Results, err = app.FindRecordsByFilter(Results, "control.plan = {:p}", "period", 0, 0, p); err != nil {
			return Readiness{}, err
		}
	}
	// by the relations, as the checks always did: a deviation of a result
	// of a control of the plan, an action of such a deviation
	if f.Deviations, err = app.FindRecordsByFilter(Deviations, "result.control.plan = {:p}", "created", 0, 0, p); err != nil {
		return Readiness{}, err
	}
	devIds := make([]any, len(f.Deviations))
	for i, d := range f.Deviations {
		devIds[i] = d.Id
	}
	q := app.RecordQuery(Actions).AndWhere(dbx.HashExp{"plan": plan.Id})
	if len(devIds) > 0 {
		q = app.RecordQuery(Actions).AndWhere(dbx.Or(dbx.HashExp{"plan": plan.Id}, dbx.In("deviation", devIds...)))
	}
	if err = q.All(&f.Actions); err != nil {
		return Readiness{}, err
	}
	return ReadinessOf(f, now), nil
}

// PlansReadinessAs is the readiness of each of the plans from the records
// user may read (confidential controls and their children left out for a
// reader), by plan id: what a page shows that person.
func PlansReadinessAs(app core.App, user *core.Record, plans []*core.Record, now time.Time) (map[string]Readiness, error) {
	out := make(map[string]Readiness, len(plans))
	if len(plans) == 0 {
		return out, nil
	}
	ids := access.IDs(plans)
	controls, err := access.ListAs(app, user, Controls, "", "position,section,number", 0, nil, access.In{Field: "plan", Values: ids}, readinessFields[Controls])
	if err != nil {
		return nil, err
	}
	results, err := access.ListAs(app, user, Results, "", "period", 0, nil, access.In{Field: "control", Values: access.IDs(controls)}, readinessFields[Results])
	if err != nil {
		return nil, err
	}
	devs, err := access.ListAs(app, user, Deviations, "", "created", 0, nil, access.In{Field: "plan", Values: ids}, readinessFields[Deviations])
	if err != nil {
		return nil, err
	}
	actions, err := access.ListAs(app, user, Actions, "", "", 0, nil, access.In{Field: "plan", Values: ids}, readinessFields[Actions])
	if err != nil {
		return nil, err
	}
	facts := make(map[string]*PlanFacts, len(plans))
	for _, p := range plans {
		facts[p.Id] = &PlanFacts{Plan: p}
	}
	planOf := map[string]string{}
	for _, c := range controls {
		planOf[c.Id] = c.GetString("plan")
		if f := facts[c.GetString("plan")]; f != nil {
			f.Controls = append(f.Controls, c)
		}
	}
	for _, r := range results {
		if f := facts[planOf[r.GetString("control")]]; f != nil {
			f.Results = append(f.Results, r)
		}
	}
	for _, d := range devs {
		if f := facts[d.GetString("plan")]; f != nil {
			f.Deviations = append(f.Deviations, d)
		}
	}
	for _, a := range actions {
		if f := facts[a.GetString("plan")]; f != nil {
			f.Actions = append(f.Actions, a)
		}
	}
	for id, f := range facts {
		out[id] = ReadinessOf(*f, now)
	}
	return out, nil
}
