package model

import (
	"time"
	_ "time/tzdata" // Europe/Stockholm on any server, Windows included
)

// Stockholm is Sweden's time zone: the days of due dates, deadlines,
// reminders and the history's times are Swedish days.
var Stockholm = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Stockholm")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// Today is the calendar date in Sweden at now, as midnight UTC (the way
// ikplan stores dates).
func Today(now time.Time) time.Time {
	t := now.In(Stockholm)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
