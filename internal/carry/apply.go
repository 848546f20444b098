package carry

import (
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// Decision kinds for an unfinished action.
const (
	DecideContinue = "continue"
	DecideClose    = "close"
	DecideTransfer = "transfer"
)

// Decision is what happens to one unfinished action when next year's plan
// is made: continue it in the new plan, close it with a reason, or transfer
// it to another board.
type Decision struct {
	Kind   string
	Reason string // close: why the action is closed
	Board  string // transfer: the board that takes the action over
}

// Apply makes the draft plan for the next year from the plan, as Preview
// describes, and carries out a decision for every unfinished action, in one
// transaction run for the actor; each decision is a carry operation
// (model.RunCarry), the only write that may close an action as continued or
// mark it transferred. It writes nothing and returns a *Refusal
// when the board already has a plan for the next year, when an unfinished
// action has no valid decision (the refusal names each one) or when the
// hooks refuse a write.
func Apply(app core.App, actor model.Actor, planId string, decisions map[string]Decision) (newPlanId string, err error) {
	err = model.RunAs(app, actor, func(tx core.App) error {
		pv, err := Preview(tx, planId)
		if err != nil {
			return err
		}
		next, err := createPlan(tx, pv)
		if err != nil {
			return err
		}
		if err := checkDecisions(tx, pv, decisions); err != nil {
			return err
		}
		copies := map[string]string{}
		for _, c := range pv.Controls {
			if id, common := commonCopy(tx, c.Record, next.Record); common {
				copies[c.Id] = id
				continue
			}
			cp, err := copyControl(tx, c, next, pv.NextYear-pv.Year, nil)
			if err != nil {
				return err
			}
			copies[c.Id] = cp.Id
		}
		for _, a := range pv.Unfinished {
			if err := decide(tx, a, next, copies, decisions[a.Id]); err != nil {
				return err
			}
		}
		newPlanId = next.Id
		return nil
	})
	if err != nil {
		return "", err
	}
	return newPlanId, nil
}

// createPlan saves the draft for the next year; the hooks refuse a second
// plan for the same board and year, and their message is returned.
func createPlan(tx core.App, pv Proposal) (*model.Plan, error) {
	col, err := tx.FindCachedCollectionByNameOrId(model.Plans)
	if err != nil {
		return nil, err
	}
	p := model.AsPlan(core.NewRecord(col))
	p.SetBoard(pv.Board.Id)
	p.SetYear(pv.NextYear)
	p.SetStatus(model.PlanDraft)
	if t := pv.Plan.Title(); strings.Contains(t, strconv.Itoa(pv.Year)) {
		p.SetTitle(strings.ReplaceAll(t, strconv.Itoa(pv.Year), strconv.Itoa(pv.NextYear)))
	}
	if err := tx.Save(p); err != nil {
		return nil, refusalFrom(err, i18n.Message{})
	}
	return p, nil
}

// checkDecisions refuses unless every unfinished action has a valid decision.
func checkDecisions(tx core.App, pv Proposal, decisions map[string]Decision) error {
	fields := map[string]i18n.Message{}
	for _, a := range pv.Unfinished {
		d := decisions[a.Id]
		switch d.Kind {
		case DecideContinue:
		case DecideClose:
			if model.Blank(d.Reason) {
				fields["reason-"+a.Id] = i18n.M("carry.refusal.reason")
			}
		case DecideTransfer:
			switch {
			case d.Board == "":
				fields["board-"+a.Id] = i18n.M("carry.refusal.board")
			case d.Board == pv.Board.Id:
				fields["board-"+a.Id] = i18n.M("carry.refusal.own_board")
			default:
				if _, err := tx.FindRecordById(model.Boards, d.Board); err != nil {
					fields["board-"+a.Id] = i18n.M("carry.refusal.no_board")
				}
			}
		default:
			fields["decision-"+a.Id] = i18n.M("carry.refusal.decision")
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return &Refusal{
		Msg:    i18n.M("carry.refusal.decisions", "year", pv.NextYear, "missing", countActions(fields), "unfinished", len(pv.Unfinished)),
		Fields: fields,
	}
}

// countActions counts the actions named by the field messages.
func countActions(fields map[string]i18n.Message) int {
	ids := map[string]bool{}
	for k := range fields {
		if i := strings.IndexByte(k, '-'); i >= 0 {
			ids[k[i+1:]] = true
		}
	}
	return len(ids)
}

// decide carries out one decision.
func decide(tx core.App, a *model.Action, next *model.Plan, copies map[string]string, d Decision) error {
	switch d.Kind {
	case DecideContinue:
		cp, err := continueAction(tx, a, next, copies[a.Control()])
		if err != nil {
			return err
		}
		// one open item per real action: the old one closes, linked to the new
		a.SetStatus(model.ActionContinued)
		a.SetCarriedTo(cp.Id)
	case DecideClose:
		a.SetStatus(model.ActionCancelled)
		a.SetCancelReason(strings.TrimSpace(d.Reason))
	case DecideTransfer:
		a.SetTransferredTo(d.Board)
	}
	// a decision on an unfinished action is a carry operation: the one
	// write that may mark it transferred, or close it when its plan is
	// already reported
	if err := model.RunCarry(tx, func(tx core.App) error { return tx.Save(a) }); err != nil {
		return refusalFrom(err, i18n.M("carry.refusal.action_change", "action", clip(a.Description())))
	}
	return nil
}
