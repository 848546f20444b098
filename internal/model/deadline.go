package model

import (
	"fmt"
	"time"
)

// Deadline precisions: how exactly a deadline was given.
const (
	PrecisionDay     = "day"
	PrecisionMonth   = "month"
	PrecisionQuarter = "quarter"
	PrecisionTertial = "tertial"
	PrecisionHalf    = "half"
	PrecisionYear    = "year"
)

// Precisions lists every deadline precision.
var Precisions = []string{PrecisionDay, PrecisionMonth, PrecisionQuarter, PrecisionTertial, PrecisionHalf, PrecisionYear}

var monthsSv = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}

// monthsPer is the length in months of a period of each precision.
var monthsPer = map[string]int{PrecisionMonth: 1, PrecisionQuarter: 3, PrecisionTertial: 4, PrecisionHalf: 6, PrecisionYear: 12}

// NormalizeDeadline moves d to the last day of the period the precision
// names, so "kvartal 2 2025" is always stored as 2025-06-30.
func NormalizeDeadline(d time.Time, precision string) time.Time {
	d = DateOnly(d)
	size, ok := monthsPer[precision]
	if !ok {
		return d
	}
	index := (int(d.Month()) - 1) / size // 0-based period within the year
	endMonth := time.Month((index + 1) * size)
	// day 0 of the next month is the last day of endMonth
	return time.Date(d.Year(), endMonth+1, 0, 0, 0, 0, 0, time.UTC)
}

// FormatDeadline writes a deadline the way people write it:
// "2025-03-31", "juni 2025", "kvartal 2 2025", "tertial 1 2025",
// "första halvåret 2025" or "under 2025".
func FormatDeadline(d time.Time, precision string) string {
	return formatDeadline(d, precision, deadlineWordsSv)
}

// deadlineWords are the words of a written deadline in one language: its
// months, and the patterns of a quarter, tertial, first and second half
// and whole year (each with its number, if any, and the year).
type deadlineWords struct {
	months                                  [12]string
	quarter, tertial, first, second, during string
}

var deadlineWordsSv = deadlineWords{monthsSv, "kvartal %d %d", "tertial %d %d", "första halvåret %d", "andra halvåret %d", "under %d"}

func formatDeadline(d time.Time, precision string, w deadlineWords) string {
	if d.IsZero() {
		return ""
	}
	d = DateOnly(d)
	n := func(size int) int { return (int(d.Month())-1)/size + 1 }
	switch precision {
	case PrecisionMonth:
		return fmt.Sprintf("%s %d", w.months[d.Month()-1], d.Year())
	case PrecisionQuarter:
		return fmt.Sprintf(w.quarter, n(3), d.Year())
	case PrecisionTertial:
		return fmt.Sprintf(w.tertial, n(4), d.Year())
	case PrecisionHalf:
		if n(6) == 1 {
			return fmt.Sprintf(w.first, d.Year())
		}
		return fmt.Sprintf(w.second, d.Year())
	case PrecisionYear:
		return fmt.Sprintf(w.during, d.Year())
	}
	return d.Format(time.DateOnly)
}

// Overdue reports whether a deadline has passed on the day of now for an
// item that is not finished. A deadline is the whole of its day.
func Overdue(deadline time.Time, finished bool, now time.Time) bool {
	if finished || deadline.IsZero() {
		return false
	}
	return DateOnly(now).After(DateOnly(deadline))
}
