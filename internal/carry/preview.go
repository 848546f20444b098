package carry

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// Proposal is what Apply would do with a plan: the draft it would make, what
// changed from the year before, the risks to re-assess and the unfinished
// actions that need a decision.
type Proposal struct {
	Plan     *model.Plan // the plan of Year
	Board    *model.Board
	Year     int
	NextYear int
	Existing *model.Plan // the board's plan for NextYear; Apply refuses while there is one
	Previous *model.Plan // the board's plan for Year-1, or nil

	Controls []*model.Control // the controls to copy, in the plan's order
	NoOwner  []*model.Control // controls whose owner has left the board: copied without one
	Added    []*model.Control // controls of Year that the plan of Year-1 did not have
	Removed  []*model.Control // controls of Year-1 that the plan of Year does not have

	Risks []RiskChange // risks linked from the controls and assessed for Year

	Unfinished  []*model.Action // actions that need a decision, in the plan's order
	Transferred []*model.Action // unfinished actions already transferred to another board
}

// RiskChange is a risk to re-assess for the next year, with the values of
// the plan's year and the year before.
type RiskChange struct {
	Risk     *model.Risk
	Value    int  // assessed value for the plan's year
	Previous int  // the year before's value, 0 when it was not assessed
	Assessed bool // the risk already has an assessment for the next year
}

// Changed reports whether the value differs from the year before's.
func (r RiskChange) Changed() bool { return r.Previous != 0 && r.Previous != r.Value }

// Preview reads what Apply would do with the plan, writing nothing. A draft
// plan is refused: next year's plan starts from an adopted one.
func Preview(app core.App, planId string) (Proposal, error) {
	var pv Proposal
	rec, err := app.FindRecordById(model.Plans, planId)
	if err != nil {
		return pv, fmt.Errorf("failed to load plan %q: %w", planId, err)
	}
	plan := model.AsPlan(rec)
	if plan.Status() == model.PlanDraft {
		return pv, &Refusal{Msg: i18n.M("carry.refusal.draft")}
	}
	board, err := app.FindRecordById(model.Boards, plan.Board())
	if err != nil {
		return pv, fmt.Errorf("failed to load the board of plan %q: %w", planId, err)
	}
	pv.Plan, pv.Board, pv.Year = plan, model.AsBoard(board), plan.Year()
	pv.NextYear = pv.Year + 1
	pv.Existing = planOf(app, board.Id, pv.NextYear)
	pv.Previous = planOf(app, board.Id, pv.Year-1)

	if pv.Controls, err = controlsOf(app, plan.Id); err != nil {
		return pv, err
	}
	for _, c := range pv.Controls {
		if o := c.Owner(); o != "" && !isMember(app, o, board.Id) {
			pv.NoOwner = append(pv.NoOwner, c)
		}
	}
	if pv.Previous != nil {
		prev, err := controlsOf(app, pv.Previous.Id)
		if err != nil {
			return pv, err
		}
		pv.Added, pv.Removed = compare(prev, pv.Controls)
	}
	if pv.Risks, err = risksOf(app, pv.Controls, pv.Year); err != nil {
		return pv, err
	}
	recs, err := app.FindRecordsByFilter(model.Actions,
		"plan = {:p} && (status = 'planned' || status = 'in_progress')", "created", 0, 0, dbx.Params{"p": plan.Id})
	if err != nil {
		return pv, fmt.Errorf("failed to load the actions of plan %q: %w", planId, err)
	}
	actions := model.AsActions(recs)
	order := map[string]int{}
	for i, c := range pv.Controls {
		order[c.Id] = i
	}
	rank := func(a *model.Action) int {
		if i, ok := order[a.Control()]; ok {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(actions, func(a, b *model.Action) int { return rank(a) - rank(b) })
	for _, a := range actions {
		if a.TransferredTo() != "" {
			pv.Transferred = append(pv.Transferred, a)
		} else {
			pv.Unfinished = append(pv.Unfinished, a)
		}
	}
	return pv, nil
}

// planOf is a board's plan for a year, or nil.
func planOf(app core.App, boardId string, year int) *model.Plan {
	p, err := app.FindFirstRecordByFilter(model.Plans, "board = {:b} && year = {:y}", dbx.Params{"b": boardId, "y": year})
	if err != nil {
		return nil
	}
	return model.AsPlan(p)
}

// controlsOf lists a plan's controls in the plan's order.
func controlsOf(app core.App, planId string) ([]*model.Control, error) {
	cs, err := app.FindRecordsByFilter(model.Controls, "plan = {:p}", "position,section,number", 0, 0, dbx.Params{"p": planId})
	if err != nil {
		return nil, fmt.Errorf("failed to load the controls of plan %q: %w", planId, err)
	}
	return model.AsControls(cs), nil
}

// controlKey identifies a control across years: controls are not linked
// from one year's plan to the next, and numbers shift, so a control is the
// same when its part of the plan and its title are (ignoring case and
// surrounding space).
func controlKey(c *model.Control) string {
	return strings.ToLower(strings.TrimSpace(c.Section())) + "\x00" + strings.ToLower(strings.TrimSpace(c.Title()))
}

// compare lists the controls of now that prev lacks and those of prev that now lacks.
func compare(prev, now []*model.Control) (added, removed []*model.Control) {
	had, has := map[string]bool{}, map[string]bool{}
	for _, c := range prev {
		had[controlKey(c)] = true
	}
	for _, c := range now {
		has[controlKey(c)] = true
		if !had[controlKey(c)] {
			added = append(added, c)
		}
	}
	for _, c := range prev {
		if !has[controlKey(c)] {
			removed = append(removed, c)
		}
	}
	return added, removed
}

// risksOf lists the risks the controls link to that were assessed for year,
// in the controls' order, with the values of year and year-1.
func risksOf(app core.App, controls []*model.Control, year int) ([]RiskChange, error) {
	var out []RiskChange
	seen := map[string]bool{}
	for _, c := range controls {
		id := c.Risk()
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		risk, err := app.FindRecordById(model.Risks, id)
		if err != nil {
			continue // a dangling link carries nothing forward
		}
		values := map[int]int{}
		as, err := app.FindRecordsByFilter(model.RiskAssessments, "risk = {:r} && year >= {:from} && year <= {:to}", "year", 0, 0,
			dbx.Params{"r": id, "from": year - 1, "to": year + 1})
		if err != nil {
			return nil, fmt.Errorf("failed to load the assessments of risk %q: %w", id, err)
		}
		for _, a := range model.AsRiskAssessments(as) {
			values[a.Year()] = a.Value()
		}
		v, ok := values[year]
		if !ok {
			continue
		}
		_, assessed := values[year+1]
		out = append(out, RiskChange{Risk: model.AsRisk(risk), Value: v, Previous: values[year-1], Assessed: assessed})
	}
	return out, nil
}

// isMember reports whether a user belongs to a board.
func isMember(app core.App, userId, boardId string) bool {
	u, err := app.FindRecordById(model.Users, userId)
	if err != nil {
		return false
	}
	for _, b := range model.AsUser(u).Boards() {
		if b == boardId {
			return true
		}
	}
	return false
}
