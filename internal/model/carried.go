package model

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// One open item per real action
//
// An action that goes on in next year's plan is continued there by a new
// action (carried_from → the old one) and the old one is closed as
// continued (carried_to → the new one), in the same transaction: the
// carry operation does both, and only it may (the hooks). An action of a
// draft plan is on nobody's list until the plan is adopted: the hooks keep
// in_draft on each action from its plan's status, so that the lists can
// leave those actions out in the query they already make.

// OpenStatus reports whether an action of the status is still to be done:
// planned or in progress.
func OpenStatus(status string) bool {
	return status == ActionPlanned || status == ActionInProgress
}

// IsOpenAction reports whether an action is on its owner's to-do lists:
// planned or in progress, not transferred to another board (it goes on
// there) and not of a draft plan.
func IsOpenAction(a *core.Record) bool {
	return OpenStatus(a.GetString("status")) && a.GetString("transferred_to") == "" && !a.GetBool("in_draft")
}

// ActionOverdue reports whether an action on the lists (IsOpenAction) has
// a deadline that has passed on the day of now.
func ActionOverdue(a *core.Record, now time.Time) bool {
	return Overdue(a.GetDateTime("deadline").Time(), !IsOpenAction(a), now)
}

// ContinuedYear is the year of the plan an action of a plan of year
// continues in when it is continued: the next one.
func ContinuedYear(year int) int { return year + 1 }

// SetInDraft stores on every action of the plan whether the plan is a
// draft. It writes the derived field directly (no history row: no one
// changed the actions), so it must run in the transaction of the plan's
// change.
func SetInDraft(app core.App, planId string, draft bool) error {
	_, err := app.DB().Update(Actions, dbx.Params{"in_draft": draft},
		dbx.And(dbx.HashExp{"plan": planId}, dbx.Not(dbx.HashExp{"in_draft": draft}))).Execute()
	return err
}

// BackfillInDraft stores in_draft on every action from its plan's status:
// the migration that adds the field runs this once.
func BackfillInDraft(app core.App) error {
	_, err := app.DB().NewQuery(`UPDATE actions SET in_draft = COALESCE(
		(SELECT plans.status = 'draft' FROM plans WHERE plans.id = actions.plan), FALSE)`).Execute()
	return err
}

// continuation is the SQL of an action's continuation in its board's plan
// of the next year: the newest action there whose carried_from is it.
const continuation = `SELECT c.id FROM actions c
	JOIN plans cp ON cp.id = c.plan
	JOIN plans op ON op.id = actions.plan
	WHERE c.carried_from = actions.id AND cp.board = op.board AND cp.year = op.year + 1
	ORDER BY c.created DESC, c.id DESC LIMIT 1`

// CloseContinued closes as continued every open action (planned or in
// progress, not transferred) that already has a continuation in its
// board's plan of the next year, linking it to that continuation, and
// writes nothing else: the data of a carry made before the carry closed
// the originals. It returns how many it closed.
func CloseContinued(app core.App) (int64, error) {
	res, err := app.DB().NewQuery(`UPDATE actions
		SET status = 'continued', carried_to = (` + continuation + `)
		WHERE status IN ('planned', 'in_progress') AND transferred_to = ''
		AND EXISTS (` + continuation + `)`).Execute()
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
