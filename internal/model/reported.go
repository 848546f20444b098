package model

import (
	"database/sql"
	"errors"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// A control is reported when its results cover every period of its plan's
// year (MissingPeriods), or the year is marked not performed. The hooks
// keep this on the control itself ("reported") in the transaction of every
// write that can change it — a result saved or removed, a control's
// frequency or plan, a plan's year — so pages can count and list
// unreported controls in SQL instead of reading every control's results.
// A control's results are seen by exactly those who see the control (the
// same rule), so the stored flag tells no one more than the results would.

// IsReported reckons whether the control is reported from its stored
// results, with its own frequency and plan as they stand in c.
func IsReported(app core.App, c *core.Record) (bool, error) {
	plan, err := Find(app, Plans, c.GetString("plan"))
	if err != nil {
		return false, err
	}
	outcomes := map[string]string{}
	if !c.IsNew() { // a new control has no results yet
		var rows []struct {
			Period  string `db:"period"`
			Outcome string `db:"outcome"`
		}
		err := app.DB().Select("period", "outcome").From(Results).
			Where(dbx.HashExp{"control": c.Id}).All(&rows)
		if err != nil {
			return false, err
		}
		for _, r := range rows {
			outcomes[r.Period] = r.Outcome
		}
	}
	return len(MissingPeriods(c.GetString("frequency"), plan.GetInt("year"), outcomes)) == 0, nil
}

// UpdateReported stores whether each of the controls is reported. It
// writes the derived flag directly (no history row: no one changed the
// control), so it must run in the transaction of the write that changed
// the results.
func UpdateReported(app core.App, controlIds ...string) error {
	for _, id := range controlIds {
		if id == "" {
			continue
		}
		c, err := app.FindRecordById(Controls, id)
		if errors.Is(err, sql.ErrNoRows) {
			continue // removed with its plan
		} else if err != nil {
			return err
		}
		ok, err := IsReported(app, c)
		if err != nil {
			return err
		}
		if ok == c.GetBool("reported") {
			continue
		}
		if _, err := app.DB().Update(Controls, dbx.Params{"reported": ok}, dbx.HashExp{"id": id}).Execute(); err != nil {
			return err
		}
		ForgetLookup(app, Controls, id)
	}
	return nil
}

// BackfillReported stores the flag of every control from the results as
// they stand: the migration that adds it runs this once.
func BackfillReported(app core.App) error {
	var plans []struct {
		Id   string `db:"id"`
		Year int    `db:"year"`
	}
	if err := app.DB().Select("id", "year").From(Plans).All(&plans); err != nil {
		return err
	}
	years := make(map[string]int, len(plans))
	for _, p := range plans {
		years[p.Id] = p.Year
	}
	var results []struct {
		Control string `db:"control"`
		Period  string `db:"period"`
		Outcome string `db:"outcome"`
	}
	if err := app.DB().Select("control", "period", "outcome").From(Results).All(&results); err != nil {
		return err
	}
	outcomes := map[string]map[string]string{}
	for _, r := range results {
		if outcomes[r.Control] == nil {
			outcomes[r.Control] = map[string]string{}
		}
		outcomes[r.Control][r.Period] = r.Outcome
	}
	var controls []struct {
		Id        string `db:"id"`
		Plan      string `db:"plan"`
		Frequency string `db:"frequency"`
	}
	if err := app.DB().Select("id", "plan", "frequency").From(Controls).All(&controls); err != nil {
		return err
	}
	var done []any
	for _, c := range controls {
		if len(MissingPeriods(c.Frequency, years[c.Plan], outcomes[c.Id])) == 0 {
			done = append(done, c.Id)
		}
	}
	if _, err := app.DB().Update(Controls, dbx.Params{"reported": false}, nil).Execute(); err != nil {
		return err
	}
	for len(done) > 0 {
		n := min(len(done), 500)
		if _, err := app.DB().Update(Controls, dbx.Params{"reported": true}, dbx.In("id", done[:n]...)).Execute(); err != nil {
			return err
		}
		done = done[n:]
	}
	return nil
}
