package model

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// Dates that have already passed are warned about, not refused: people do
// record last year's plan, and actions decided a while ago, late. These
// say when the pages warn.

// YearOver reports whether a plan year is over on the day of now (in
// Sweden).
func YearOver(year int, now time.Time) bool {
	return year < Today(now).Year()
}

// DeadlinePassed reports whether an open action's deadline has passed on
// the day of now (in Sweden): said when it is given such a deadline.
func DeadlinePassed(a *core.Record, now time.Time) bool {
	d := a.GetDateTime("deadline")
	if d.IsZero() || !OpenStatus(a.GetString("status")) {
		return false
	}
	return Today(now).After(DateOnly(d.Time()))
}
