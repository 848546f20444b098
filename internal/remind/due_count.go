package remind

import (
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
)

// dueControls are a person's controls of the adopted plans that lack a
// result whose earliest unreported period falls due by a day ({:owner},
// {:to}; next_due, model.NextDue): SQLite finds them by the index of
// unreported controls by owner and next_due. The plan's status is asked
// of the control's plan, which the controls' rule joins anyway: one who
// may see a control may see its plan (the rule asks the plan's board).
const dueControls = "owner = {:owner} && reported = false && next_due != '' && next_due <= {:to} && plan.status = 'adopted'"

// dueActions are a person's open actions due by a day ({:owner}, {:to}):
// openActions, with the statuses written as those it leaves out. Written
// as "status = 'planned' || …", PocketBase binds each status as a
// parameter, SQLite compares the parameters with the condition of the
// partial index of open actions, and so prepares the statement again on
// every run, on every page (docs/PERFORMANCE.md#statements).
var dueActions = unfinishedStatuses() + " && transferred_to = '' && in_draft = false && owner = {:owner} && deadline != '' && deadline <= {:to}"

// unfinishedStatuses is openActions' condition on the status as the
// statuses an open action has not: every status but planned and in
// progress (the field is a required select of model.ActionStatuses).
func unfinishedStatuses() string {
	var parts []string
	for _, st := range model.ActionStatuses {
		if !slices.Contains([]string{model.ActionPlanned, model.ActionInProgress}, st) {
			parts = append(parts, "status != '"+st+"'")
		}
	}
	return strings.Join(parts, " && ")
}

// CountDue counts user's own unfinished items that are overdue or due on
// the day of now, the menu's count on every page: their controls of the
// adopted plans with a period due by today that lacks a result, and their
// open actions (not of a draft plan) due by today. Two counts in SQL that
// load no record, each through an index of the person's items by date.
func CountDue(app core.App, user *core.Record, now time.Time) (int, error) {
	params := dbx.Params{"owner": user.Id, "to": Today(now).Format(time.DateOnly) + " 23:59:59.999Z"}
	controls, err := access.CountAs(app, user, model.Controls, dueControls, params)
	if err != nil {
		return 0, err
	}
	actions, err := access.CountAs(app, user, model.Actions, dueActions, params)
	return controls + actions, err
}
