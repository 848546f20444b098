package carry

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// controlFields are the fields a control's copy keeps as they were.
var controlFields = []string{
	"section", "number", "position", "unit", "risk", "title", "process", "description", "method",
	"frequency", "owner", "report_to", "legal_refs", "confidential",
	"target_metric", "target_operator", "target_value", "target_unit",
}

// copyControl saves a copy of src in the plan, with its due date moved by
// years; set overrides fields of the copy. The owner, unit and risk are
// kept only when they belong to the plan's board.
func copyControl(tx core.App, src *core.Record, plan *core.Record, years int, set map[string]any) (*core.Record, error) {
	col, err := tx.FindCachedCollectionByNameOrId(model.Controls)
	if err != nil {
		return nil, err
	}
	c := core.NewRecord(col)
	for _, f := range controlFields {
		c.Set(f, src.Get(f))
	}
	c.Set("plan", plan.Id)
	if d := src.GetDateTime("due"); !d.IsZero() {
		c.Set("due", AddYears(d.Time(), years))
	}
	for k, v := range set {
		c.Set(k, v)
	}
	board := plan.GetString("board")
	if o := c.GetString("owner"); o != "" && !isMember(tx, o, board) {
		c.Set("owner", "")
	}
	if u := c.GetString("unit"); u != "" && boardOfField(tx, model.Units, u) != board {
		c.Set("unit", "")
	}
	if k := c.GetString("risk"); k != "" && boardOfField(tx, model.Risks, k) != board {
		c.Set("risk", "")
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
func continueAction(tx core.App, old, plan *core.Record, control string) (*core.Record, error) {
	col, err := tx.FindCachedCollectionByNameOrId(model.Actions)
	if err != nil {
		return nil, err
	}
	board := plan.GetString("board")
	a := core.NewRecord(col)
	a.Set("plan", plan.Id)
	a.Set("control", control)
	if k := old.GetString("risk"); k != "" && boardOfField(tx, model.Risks, k) == board {
		a.Set("risk", k)
	}
	for _, f := range []string{"description", "deadline", "deadline_precision", "status"} {
		a.Set(f, old.Get(f))
	}
	if o := old.GetString("owner"); o != "" && isMember(tx, o, board) {
		a.Set("owner", o)
	}
	a.Set("carried_from", old.Id)
	if err := tx.Save(a); err != nil {
		return nil, refusalFrom(err, i18n.M("carry.refusal.action_carry", "action", clip(old.GetString("description"))))
	}
	return a, nil
}

// boardOfField is the board of a unit or risk, or "".
func boardOfField(app core.App, collection, id string) string {
	r, err := app.FindRecordById(collection, id)
	if err != nil {
		return ""
	}
	return r.GetString("board")
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
func label(c *core.Record) string {
	s := c.GetString("number")
	if sec := c.GetString("section"); sec != "" {
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
