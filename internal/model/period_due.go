package model

import "time"

// When a control falls due
//
// A control reported once a year (once, yearly, continuous) falls due on
// its due date. A control reported more often than yearly (semiannual,
// tertial, quarterly, monthly) has a due date per period: each period
// falls due at its end (H1 on 30 June, T1 on 30 April, Q1 on 31 March, a
// month on its last day), the last period on the control's due date, and
// no period later than the control's due date. Without a due date the
// last period has none (and the others fall due at their ends).
//
// Only periods that lack a result (MissingPeriods) and whose due date has
// passed are overdue: a quarterly control with Q1 reported and Q2 past and
// missing is overdue for Q2 only, and one with every past period reported
// is not overdue although later periods lack results. The lists follow
// the earliest period that lacks a result (NextDue), which the hooks keep
// on each control as next_due and next_period, as they keep reported.

// End is the last day of the period, as midnight UTC.
func (p Period) End() time.Time {
	months := map[string]int{PeriodHalf: 6, PeriodTertial: 4, PeriodQuarter: 3, PeriodMonth: 1}[p.Kind]
	if months == 0 || p.N == 0 {
		return time.Date(p.Year, time.December, 31, 0, 0, 0, 0, time.UTC)
	}
	// day 0 of the month after the period is its last day
	return time.Date(p.Year, time.Month(p.N*months)+1, 0, 0, 0, 0, 0, time.UTC)
}

// PeriodDue is a period a control reports on and the day its result falls
// due (zero when it has none).
type PeriodDue struct {
	Period string
	Due    time.Time
}

// PeriodDues lists the periods a control of the given frequency reports on
// in the plan year, in order, each with the day it falls due, given the
// control's due date (zero for none): see "When a control falls due".
func PeriodDues(frequency string, year int, due time.Time) []PeriodDue {
	periods := PeriodsFor(frequency, year)
	out := make([]PeriodDue, len(periods))
	if !due.IsZero() {
		due = DateOnly(due)
	}
	for i, s := range periods {
		out[i].Period = s
		if i == len(periods)-1 {
			out[i].Due = due
			continue
		}
		p, _ := ParsePeriod(s) // PeriodsFor writes what ParsePeriod reads
		end := p.End()
		if !due.IsZero() && due.Before(end) {
			end = due
		}
		out[i].Due = end
	}
	return out
}

// NextDue is the earliest period that a control still lacks a result for,
// with the day it falls due, given its results' outcomes by period; ok is
// false when no period lacks one (MissingPeriods).
func NextDue(frequency string, year int, due time.Time, outcomes map[string]string) (next PeriodDue, ok bool) {
	missing := MissingPeriods(frequency, year, outcomes)
	if len(missing) == 0 {
		return PeriodDue{}, false
	}
	for _, pd := range PeriodDues(frequency, year, due) {
		if pd.Period == missing[0] {
			return pd, true
		}
	}
	return PeriodDue{Period: missing[0]}, true
}

// OverduePeriods lists the periods a control lacks a result for whose due
// day is before today (a date, as Today gives it).
func OverduePeriods(frequency string, year int, due time.Time, outcomes map[string]string, today time.Time) []string {
	missing := map[string]bool{}
	for _, p := range MissingPeriods(frequency, year, outcomes) {
		missing[p] = true
	}
	var out []string
	for _, pd := range PeriodDues(frequency, year, due) {
		if missing[pd.Period] && !pd.Due.IsZero() && pd.Due.Before(DateOnly(today)) {
			out = append(out, pd.Period)
		}
	}
	return out
}
