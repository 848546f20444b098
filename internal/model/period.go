package model

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Period kinds: the granularity of a result's period.
const (
	PeriodYear    = "year"
	PeriodHalf    = "half"
	PeriodTertial = "tertial"
	PeriodQuarter = "quarter"
	PeriodMonth   = "month"
)

// Period is the span of time a result reports on: "2024", "H1 2024",
// "T2 2024", "Q3 2024" or "2024-03".
type Period struct {
	Kind string
	Year int
	N    int // half, tertial, quarter or month number; 0 for a whole year
}

var (
	rePeriodYear  = regexp.MustCompile(`^(\d{4})$`)
	rePeriodPart  = regexp.MustCompile(`^([HTQ])([1-4]) (\d{4})$`)
	rePeriodMonth = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
)

// ParsePeriod reads a period as people write it in ikplan.
func ParsePeriod(s string) (Period, error) {
	if m := rePeriodYear.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return Period{Kind: PeriodYear, Year: y}, nil
	}
	if m := rePeriodMonth.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		n, _ := strconv.Atoi(m[2])
		if n < 1 || n > 12 {
			return Period{}, fmt.Errorf("month %d out of range", n)
		}
		return Period{Kind: PeriodMonth, Year: y, N: n}, nil
	}
	if m := rePeriodPart.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[3])
		n, _ := strconv.Atoi(m[2])
		kind, max := "", 0
		switch m[1] {
		case "H":
			kind, max = PeriodHalf, 2
		case "T":
			kind, max = PeriodTertial, 3
		case "Q":
			kind, max = PeriodQuarter, 4
		}
		if n > max {
			return Period{}, fmt.Errorf("%s %d out of range", kind, n)
		}
		return Period{Kind: kind, Year: y, N: n}, nil
	}
	return Period{}, fmt.Errorf("unknown period format %q", s)
}

// String writes the period in the form ParsePeriod reads.
func (p Period) String() string {
	switch p.Kind {
	case PeriodHalf:
		return fmt.Sprintf("H%d %d", p.N, p.Year)
	case PeriodTertial:
		return fmt.Sprintf("T%d %d", p.N, p.Year)
	case PeriodQuarter:
		return fmt.Sprintf("Q%d %d", p.N, p.Year)
	case PeriodMonth:
		return fmt.Sprintf("%d-%02d", p.Year, p.N)
	}
	return strconv.Itoa(p.Year)
}

// PeriodKindFor returns the period kind a control of the given frequency
// reports in.
func PeriodKindFor(frequency string) string {
	switch frequency {
	case FreqSemiannual:
		return PeriodHalf
	case FreqTertial:
		return PeriodTertial
	case FreqQuarterly:
		return PeriodQuarter
	case FreqMonthly:
		return PeriodMonth
	}
	return PeriodYear
}

// PeriodsFor lists the periods a control of the given frequency must report
// on in a plan year.
func PeriodsFor(frequency string, year int) []string {
	kind := PeriodKindFor(frequency)
	count := map[string]int{PeriodYear: 0, PeriodHalf: 2, PeriodTertial: 3, PeriodQuarter: 4, PeriodMonth: 12}[kind]
	if count == 0 {
		return []string{strconv.Itoa(year)}
	}
	out := make([]string, 0, count)
	for n := 1; n <= count; n++ {
		out = append(out, Period{Kind: kind, Year: year, N: n}.String())
	}
	return out
}

// PeriodExample is a Swedish example of a period of the given kind, for messages.
func PeriodExample(kind string, year int) string {
	switch kind {
	case PeriodHalf:
		return fmt.Sprintf("halvår, t.ex. \"H1 %d\"", year)
	case PeriodTertial:
		return fmt.Sprintf("tertial, t.ex. \"T2 %d\"", year)
	case PeriodQuarter:
		return fmt.Sprintf("kvartal, t.ex. \"Q2 %d\"", year)
	case PeriodMonth:
		return fmt.Sprintf("månad, t.ex. \"%d-03\"", year)
	}
	return fmt.Sprintf("helt år, t.ex. \"%d\"", year)
}

// DateOnly returns the calendar date of t as midnight UTC.
func DateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// MissingPeriods lists the periods of a plan year that a control of the
// given frequency still lacks a result for, given its results' outcomes by
// period. A whole year marked not performed covers every period. This is
// what reporting a plan requires, and what reminders and transfers chase.
func MissingPeriods(frequency string, year int, outcomes map[string]string) []string {
	if outcomes[Period{Kind: PeriodYear, Year: year}.String()] == OutcomeNotPerformed {
		return nil
	}
	var missing []string
	for _, p := range PeriodsFor(frequency, year) {
		if _, ok := outcomes[p]; !ok {
			missing = append(missing, p)
		}
	}
	return missing
}
