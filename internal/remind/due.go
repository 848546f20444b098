package remind

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// Reminder kinds, as the reminders collection stores them.
const (
	DueSoon  = "due_soon"
	DueToday = "due_today"
	Overdue  = "overdue"
)

// DefaultDays are the reminder windows when the settings name none.
var DefaultDays = []int{14, 3}

// Due is an item with the reminder it is due for on a day.
//
// The windows (the settings' reminder_days, default 14 and 3 days) work
// like this: an item dated d days ahead is due_soon when d is within the
// largest window, and its window is the smallest one that still holds d.
// Each window reminds once: the key is "{window}d:{date}", so with 14 and 3
// an item gets one reminder when it comes within 14 days (or on the first
// run after that), one more when it comes within 3 days, then due_today
// on its day ("{date}"), then overdue once per ISO week ("2025-W27") until
// it is finished. The date is part of the due_soon and due_today keys, so
// a moved deadline is reminded of again; the period of a control reported
// more often than yearly is part of every key, so each period is reminded
// of in its turn.
type Due struct {
	Item
	Kind   string // DueSoon, DueToday or Overdue
	Window int    // for DueSoon: the window in days
	Days   int    // days from today to the date; negative when overdue
	Key    string // what makes the reminder once only, with the item, kind and recipient
}

// Classify says which reminder, if any, the item is due for on the day of
// now (in Sweden) with the windows days.
func Classify(it Item, days []int, now time.Time) (Due, bool) {
	if it.Date.IsZero() {
		return Due{}, false
	}
	today := Today(now)
	d := int(it.Date.Sub(today).Hours() / 24)
	due := Due{Item: it, Days: d}
	switch {
	case d < 0:
		y, w := today.ISOWeek()
		due.Kind, due.Key = Overdue, fmt.Sprintf("%d-W%02d", y, w)
	case d == 0:
		due.Kind, due.Key = DueToday, it.Date.Format(time.DateOnly)
	default:
		for _, w := range days { // the smallest window that holds d
			if d <= w && (due.Window == 0 || w < due.Window) {
				due.Window = w
			}
		}
		if due.Window == 0 {
			return Due{}, false
		}
		due.Kind, due.Key = DueSoon, fmt.Sprintf("%dd:%s", due.Window, it.Date.Format(time.DateOnly))
	}
	if it.Period != "" {
		due.Key += " " + it.Period
	}
	return due, true
}

// Select keeps the items due for a reminder on the day of now, overdue
// first, then due today, then due soon, each by date.
func Select(items []Item, days []int, now time.Time) []Due {
	var out []Due
	for _, it := range items {
		if d, ok := Classify(it, days, now); ok {
			out = append(out, d)
		}
	}
	rank := map[string]int{Overdue: 0, DueToday: 1, DueSoon: 2}
	slices.SortStableFunc(out, func(a, b Due) int {
		if r := rank[a.Kind] - rank[b.Kind]; r != 0 {
			return r
		}
		return a.Date.Compare(b.Date)
	})
	return out
}

// Horizon is the last day an item can be dated and still be due for a
// reminder on the day of now: today plus the largest window.
func Horizon(days []int, now time.Time) time.Time {
	return Today(now).AddDate(0, 0, slices.Max(append([]int{0}, days...)))
}

// Days reads the reminder windows from the settings record, largest first;
// DefaultDays when there are none or they make no sense.
func Days(app core.App) []int {
	s, err := app.FindFirstRecordByFilter(model.Settings, "")
	if err != nil {
		return DefaultDays
	}
	return ParseDays(model.AsSetup(s).ReminderDays())
}

// ParseDays reads reminder windows written as a JSON list of days ("[14, 3]"),
// keeping whole numbers from 1 to 365, largest first, without repeats.
func ParseDays(raw string) []int {
	var list []float64
	if err := json.Unmarshal([]byte(raw), &list); err != nil {
		return DefaultDays
	}
	var out []int
	for _, f := range list {
		n := int(f)
		if float64(n) != f || n < 1 || n > 365 || slices.Contains(out, n) {
			continue
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return DefaultDays
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

// Stockholm is Sweden's time zone (embedded with time/tzdata).
func Stockholm() *time.Location { return model.Stockholm }

// Today is the calendar date of now in Sweden, as midnight UTC, the way
// dates are stored.
func Today(now time.Time) time.Time { return model.DateOnly(now.In(model.Stockholm)) }
