package model

import (
	"database/sql"
	"errors"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// A control is reported when its results cover every period of its plan's
// year (MissingPeriods), or the year is marked not performed. The hooks
// keep this on the control itself ("reported") in the transaction of every
// write that can change it — a result saved or removed, a control's
// frequency, due date or plan, a plan's year — so pages can count and list
// unreported controls in SQL instead of reading every control's results.
// With it they keep the earliest period the control lacks a result for
// ("next_period") and the day it falls due ("next_due", NextDue; both
// empty when the control is reported, next_due also when that period has
// no due date): a control is overdue when next_due is before today.
// A control's results are seen by exactly those who see the control (the
// same rule), so the stored fields tell no one more than the results would.

// Progress is what the hooks store on a control about its results.
type Progress struct {
	Reported   bool
	NextPeriod string    // the earliest period without a result, "" when reported
	NextDue    time.Time // the day it falls due; zero when reported or undated
}

// progressOf reckons a control's progress from its results' outcomes.
func progressOf(frequency string, year int, due time.Time, outcomes map[string]string) Progress {
	next, missing := NextDue(frequency, year, due, outcomes)
	return Progress{Reported: !missing, NextPeriod: next.Period, NextDue: next.Due}
}

// Set stores the progress in a control's fields.
func (p Progress) Set(c *core.Record) {
	c.Set("reported", p.Reported)
	c.Set("next_period", p.NextPeriod)
	c.Set("next_due", dateValue(p.NextDue))
}

// params are the progress as the columns' values.
func (p Progress) params() dbx.Params {
	due := ""
	if !p.NextDue.IsZero() {
		due = p.NextDue.UTC().Format(dateLayout)
	}
	return dbx.Params{"reported": p.Reported, "next_period": p.NextPeriod, "next_due": due}
}

// same reports whether a control's fields hold the progress.
func (p Progress) same(c *core.Record) bool {
	return c.GetBool("reported") == p.Reported && c.GetString("next_period") == p.NextPeriod &&
		c.GetDateTime("next_due").Time().Equal(p.NextDue)
}

// dateLayout is how PocketBase stores a date.
const dateLayout = "2006-01-02 15:04:05.000Z"

// dateValue is a date for a date field: "" for none.
func dateValue(t time.Time) any {
	if t.IsZero() {
		return ""
	}
	return t
}

// IsReported reckons whether the control is reported from its stored
// results, with its own frequency and plan as they stand in c.
func IsReported(app core.App, c *core.Record) (bool, error) {
	p, err := ProgressOf(app, c)
	return p.Reported, err
}

// ProgressOf reckons the control's progress from its stored results, with
// its own frequency, due date and plan as they stand in c.
func ProgressOf(app core.App, c *core.Record) (Progress, error) {
	plan, err := Find(app, Plans, c.GetString("plan"))
	if err != nil {
		return Progress{}, err
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
			return Progress{}, err
		}
		for _, r := range rows {
			outcomes[r.Period] = r.Outcome
		}
	}
	return progressOf(c.GetString("frequency"), plan.GetInt("year"), c.GetDateTime("due").Time(), outcomes), nil
}

// UpdateReported stores each control's progress (whether it is reported,
// and its next period due). It writes the derived fields directly (no
// history row: no one changed the control), so it must run in the
// transaction of the write that changed the results.
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
		p, err := ProgressOf(app, c)
		if err != nil {
			return err
		}
		if p.same(c) {
			continue
		}
		if _, err := app.DB().Update(Controls, p.params(), dbx.HashExp{"id": id}).Execute(); err != nil {
			return err
		}
		ForgetLookup(app, Controls, id)
	}
	return nil
}

// BackfillReported stores the progress of every control from the results
// as they stand: the migrations that add the fields run this once.
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
	columns := []string{"id", "plan", "frequency", "due"}
	withNext := hasColumn(app, Controls, "next_due")
	if !withNext {
		columns = columns[:3] // before the migration that adds next_due and next_period
	}
	var controls []struct {
		Id        string `db:"id"`
		Plan      string `db:"plan"`
		Frequency string `db:"frequency"`
		Due       string `db:"due"`
	}
	if err := app.DB().Select(columns...).From(Controls).All(&controls); err != nil {
		return err
	}
	for _, c := range controls {
		var due time.Time
		if d, err := time.Parse(dateLayout, c.Due); err == nil {
			due = d
		}
		p := progressOf(c.Frequency, years[c.Plan], due, outcomes[c.Id])
		values := p.params()
		if !withNext {
			values = dbx.Params{"reported": p.Reported}
		}
		if _, err := app.DB().Update(Controls, values, dbx.HashExp{"id": c.Id}).Execute(); err != nil {
			return err
		}
	}
	return nil
}

// hasColumn reports whether a collection's table has the column.
func hasColumn(app core.App, collection, column string) bool {
	var n int
	err := app.DB().NewQuery("SELECT COUNT(*) FROM pragma_table_info({:t}) WHERE name = {:c}").
		Bind(dbx.Params{"t": collection, "c": column}).Row(&n)
	return err == nil && n > 0
}
