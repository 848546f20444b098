package carry

import (
	"fmt"
	"time"
	_ "time/tzdata" // Europe/Stockholm on any server

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// Summary is what Transfer moves (Survey) or moved (Transfer) from a board
// to its successor.
type Summary struct {
	From *model.Board // the giving board
	To   *model.Board // its successor
	Into *model.Plan  // the successor's draft that receives the copies; nil when nothing is copied

	Risks    []*model.Risk    // the giving board's risks, moved to the successor
	Controls []*model.Control // controls of its adopted plans left without a result: marked not performed, transferred
	Actions  []*model.Action  // its open actions: marked transferred, continued in Into
	Copies   []*model.Control // the controls copied into Into (Controls and the controls of Actions)
}

// Empty reports whether there is nothing left to transfer.
func (s Summary) Empty() bool {
	return len(s.Risks) == 0 && len(s.Controls) == 0 && len(s.Actions) == 0
}

// TransferReason is the reason written on a transferred control's result;
// to is the receiving board's name inside a sentence (model.BoardInText).
func TransferReason(to string) string {
	// written on the record, in the municipality's language
	return i18n.M("carry.transferred_reason", "board", to, "board_text", to).In(i18n.Sv)
}

// Survey reads what Transfer would move from the board to its successor on
// the day of now, writing nothing. It refuses a board without a successor,
// and open items without a draft of the successor to receive them.
func Survey(app core.App, fromBoardId string, now time.Time) (Summary, error) {
	var s Summary
	rec, err := app.FindRecordById(model.Boards, fromBoardId)
	if err != nil {
		return s, fmt.Errorf("failed to load board %q: %w", fromBoardId, err)
	}
	from := model.AsBoard(rec)
	s.From = from
	succ := from.Successor()
	if succ == "" {
		return s, &Refusal{Msg: i18n.M("carry.refusal.no_successor", "board", from.Name(), "board_text", model.BoardInText(rec))}
	}
	to, err := app.FindRecordById(model.Boards, succ)
	if err != nil {
		return s, &Refusal{Msg: i18n.M("carry.refusal.successor_gone", "board", from.Name(), "board_text", model.BoardInText(rec))}
	}
	s.To = model.AsBoard(to)
	risks, err := app.FindRecordsByFilter(model.Risks, "board = {:b}", "title", 0, 0, dbx.Params{"b": from.Id})
	if err != nil {
		return s, fmt.Errorf("failed to load the risks of board %q: %w", from.Id, err)
	}
	s.Risks = model.AsRisks(risks)
	recs, err := app.FindRecordsByFilter(model.Plans, "board = {:b}", "year", 0, 0, dbx.Params{"b": from.Id})
	if err != nil {
		return s, fmt.Errorf("failed to load the plans of board %q: %w", from.Id, err)
	}
	toCopy := map[string]bool{}
	for _, p := range model.AsPlans(recs) {
		controls, err := controlsOf(app, p.Id)
		if err != nil {
			return s, err
		}
		if p.Status() == model.PlanAdopted {
			for _, c := range controls {
				if open, err := lacksResult(app, c, p.Year()); err != nil {
					return s, err
				} else if open {
					s.Controls = append(s.Controls, c)
					toCopy[c.Id] = true
				}
			}
		}
		recs, err := app.FindRecordsByFilter(model.Actions,
			"plan = {:p} && (status = 'planned' || status = 'in_progress') && transferred_to = ''", "created", 0, 0, dbx.Params{"p": p.Id})
		if err != nil {
			return s, fmt.Errorf("failed to load the actions of plan %q: %w", p.Id, err)
		}
		actions := model.AsActions(recs)
		s.Actions = append(s.Actions, actions...)
		for _, a := range actions {
			if c := a.Control(); c != "" {
				toCopy[c] = true
			}
		}
		for _, c := range controls {
			if toCopy[c.Id] {
				s.Copies = append(s.Copies, c)
			}
		}
	}
	if len(s.Copies) == 0 && len(s.Actions) == 0 {
		return s, nil
	}
	year := now.In(model.Stockholm).Year()
	drafts, err := app.FindRecordsByFilter(model.Plans, "board = {:b} && status = 'draft' && year >= {:y}", "year", 1, 0,
		dbx.Params{"b": s.To.Id, "y": year})
	if err != nil {
		return s, fmt.Errorf("failed to load the drafts of board %q: %w", s.To.Id, err)
	}
	if len(drafts) == 0 {
		return s, &Refusal{Msg: i18n.M("carry.refusal.no_draft", "board", s.To.Name(), "board_text", model.BoardInText(to), "year", year,
			"controls", len(s.Copies), "actions", len(s.Actions))}
	}
	s.Into = model.AsPlan(drafts[0])
	return s, nil
}

// lacksResult reports whether a control of an adopted plan misses a result
// for one of its periods and has no whole-year result.
func lacksResult(app core.App, c *model.Control, year int) (bool, error) {
	results, err := app.FindRecordsByFilter(model.Results, "control = {:c}", "", 0, 0, dbx.Params{"c": c.Id})
	if err != nil {
		return false, fmt.Errorf("failed to load the results of control %q: %w", c.Id, err)
	}
	outcomes := map[string]string{}
	for _, r := range model.AsResults(results) {
		outcomes[r.Period()] = r.Outcome()
	}
	// a whole-year result of another outcome is the period of a yearly control
	return len(model.MissingPeriods(c.Frequency(), year, outcomes)) > 0, nil
}

// Transfer moves what the board still has open to its successor, as Survey
// describes, in one transaction run for the actor (see the package comment
// for the design). It returns what it moved.
func Transfer(app core.App, actor model.Actor, fromBoardId string, now time.Time) (Summary, error) {
	var out Summary
	err := model.RunAs(app, actor, func(tx core.App) error {
		s, err := Survey(tx, fromBoardId, now)
		if err != nil {
			return err
		}
		to := s.To.Id
		reason := TransferReason(s.To.InText())
		for _, c := range s.Controls {
			if err := transferControl(tx, c, to, reason); err != nil {
				return err
			}
		}
		for _, a := range s.Actions {
			a.SetTransferredTo(to)
			if err := model.RunCarry(tx, func(tx core.App) error { return tx.Save(a) }); err != nil {
				return refusalFrom(err, i18n.M("carry.refusal.action_transfer", "action", clip(a.Description())))
			}
		}
		for _, r := range s.Risks {
			r.SetBoard(to)
			r.SetUnit("")
			if err := tx.Save(r); err != nil {
				return refusalFrom(err, i18n.M("carry.refusal.risk_move", "risk", clip(r.Title())))
			}
		}
		if s.Into != nil {
			if err := copyInto(tx, s); err != nil {
				return err
			}
		}
		out = s
		return nil
	})
	return out, err
}

// transferControl records that a control was not performed by the giving
// board because it went to the successor.
func transferControl(tx core.App, c *model.Control, to, reason string) error {
	col, err := tx.FindCachedCollectionByNameOrId(model.Results)
	if err != nil {
		return err
	}
	plan, err := tx.FindRecordById(model.Plans, c.Plan())
	if err != nil {
		return err
	}
	r := model.AsResult(core.NewRecord(col))
	r.SetControl(c.Id)
	r.SetPeriod(fmt.Sprint(model.AsPlan(plan).Year()))
	r.SetOutcome(model.OutcomeNotPerformed)
	r.SetNotPerformedReason(reason)
	r.SetTransferredTo(to)
	if err := model.RunCarry(tx, func(tx core.App) error { return tx.Save(r) }); err != nil {
		return refusalFrom(err, i18n.M("carry.refusal.control_transfer", "control", label(c)))
	}
	return nil
}

// copyInto copies the controls into the successor's draft, in a part named
// after the giving board and numbered after what that part already has,
// and continues each open action there.
func copyInto(tx core.App, s Summary) error {
	section := s.From.Name()
	var max struct{ N int }
	_ = tx.RecordQuery(model.Controls).Select("COALESCE(MAX(number), 0) AS n").
		AndWhere(dbx.HashExp{model.FieldControlPlan: s.Into.Id, model.FieldControlSection: section}).One(&max)
	copies := map[string]string{}
	for i, c := range s.Copies {
		if id, common := commonCopy(tx, c.Record, s.Into.Record); common {
			copies[c.Id] = id
			continue
		}
		plan, err := tx.FindRecordById(model.Plans, c.Plan())
		if err != nil {
			return err
		}
		cp, err := copyControl(tx, c, s.Into, s.Into.Year()-model.AsPlan(plan).Year(),
			map[string]any{model.FieldControlSection: section, model.FieldControlNumber: max.N + i + 1, model.FieldControlPosition: 0})
		if err != nil {
			return err
		}
		copies[c.Id] = cp.Id
	}
	for _, a := range s.Actions {
		if _, err := continueAction(tx, a, s.Into, copies[a.Control()]); err != nil {
			return err
		}
	}
	return nil
}
