package carry

import (
	"strconv"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// controlFields are the fields a control's copy keeps as they were.
var controlFields = []string{
	model.FieldControlSection, model.FieldControlNumber, model.FieldControlPosition, model.FieldControlUnit,
	model.FieldControlRisk, model.FieldControlTitle, model.FieldControlProcess, model.FieldControlDescription,
	model.FieldControlMethod, model.FieldControlFrequency, model.FieldControlOwner, model.FieldControlReportTo,
	model.FieldControlLegalRefs, model.FieldControlConfidential,
	model.FieldControlTargetMetric, model.FieldControlTargetOperator, model.FieldControlTargetValue, model.FieldControlTargetUnit,
}

// copyControl saves a copy of src in the plan, with its due date moved by
// years; set overrides fields of the copy. The owner, unit and risk are
// kept only when they belong to the plan's board.
func copyControl(tx core.App, src *model.Control, plan *model.Plan, years int, set map[string]any) (*model.Control, error) {
	col, err := tx.FindCachedCollectionByNameOrId(model.Controls)
	if err != nil {
		return nil, err
	}
	c := model.AsControl(core.NewRecord(col))
	for _, f := range controlFields {
		c.Set(f, src.Get(f))
	}
	c.SetPlan(plan.Id)
	if d := src.Due(); !d.IsZero() {
		c.SetDue(AddYears(d.Time(), years))
	}
	for k, v := range set {
		c.Set(k, v)
	}
	board := plan.Board()
	if o := c.Owner(); o != "" && !isMember(tx, o, board) {
		c.SetOwner("")
	}
	if u := c.Unit(); u != "" && boardOfField(tx, model.Units, u) != board {
		c.SetUnit("")
	}
	if k := c.Risk(); k != "" && boardOfField(tx, model.Risks, k) != board {
		c.SetRisk("")
	}
	if err := tx.Save(c); err != nil {
		return nil, refusalFrom(err, i18n.M("carry.refusal.control_copy", "control", label(src)))
	}
	return c, nil
}

// continueAction saves a new action in the plan that continues old:
// the same description, owner, deadline, precision and status, attached
// to control (or, for an action of a risk only, to the same risk), with
// carried_from = old. The owner is kept only when they belong to the plan's
// board.
func continueAction(tx core.App, old *model.Action, plan *model.Plan, control string) (*model.Action, error) {
	col, err := tx.FindCachedCollectionByNameOrId(model.Actions)
	if err != nil {
		return nil, err
	}
	board := plan.Board()
	a := model.AsAction(core.NewRecord(col))
	a.SetPlan(plan.Id)
	a.SetControl(control)
	if k := old.Risk(); k != "" && boardOfField(tx, model.Risks, k) == board {
		a.SetRisk(k)
	}
	for _, f := range []string{model.FieldActionDescription, model.FieldActionDeadline, model.FieldActionDeadlinePrecision, model.FieldActionStatus} {
		a.Set(f, old.Get(f))
	}
	if o := old.Owner(); o != "" && isMember(tx, o, board) {
		a.SetOwner(o)
	}
	a.SetCarriedFrom(old.Id)
	if err := tx.Save(a); err != nil {
		return nil, refusalFrom(err, i18n.M("carry.refusal.action_carry", "action", clip(old.Description())))
	}
	return a, nil
}

// boardOfField is the board of a unit or risk, or "".
func boardOfField(app core.App, collection, id string) string {
	r, err := app.FindRecordById(collection, id)
	if err != nil {
		return ""
	}
	if collection == model.Units {
		return model.AsUnit(r).Board()
	}
	return model.AsRisk(r).Board()
}

// AddYears moves a date by whole years; 29 February becomes 28 February in
// a year that has none.
func AddYears(t time.Time, years int) time.Time {
	y, m, d := t.Date()
	y += years
	if m == time.February && d == 29 && !isLeap(y) {
		d = 28
	}
	return time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// label is a control's number as the plan writes it: "3" or "3 (HR-delen)".
func label(c *model.Control) string {
	s := strconv.Itoa(c.Number())
	if sec := c.Section(); sec != "" {
		s += " (" + sec + ")"
	}
	return s
}

// clip shortens an action's description for a message (which quotes it
// as the reader's language does).
func clip(s string) string {
	const max = 60
	r := []rune(s)
	if len(r) > max {
		s = string(r[:max]) + "…"
	}
	return s
}
