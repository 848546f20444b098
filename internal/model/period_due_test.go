package model_test

import (
	"strings"
	"testing"
	"time"

	"ikplan/internal/model"
)

func TestPeriodDues(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name      string
		frequency string
		due       string // "" for none
		want      string // period=due, …
	}{
		{"yearly on its due date", model.FreqYearly, "2024-11-30", "2024=2024-11-30"},
		{"continuous on its due date", model.FreqContinuous, "2024-12-31", "2024=2024-12-31"},
		{"yearly without a due date has none", model.FreqOnce, "", "2024="},
		{"halves at their ends, the last on the due date", model.FreqSemiannual, "2024-12-15", "H1 2024=2024-06-30,H2 2024=2024-12-15"},
		{"tertials", model.FreqTertial, "2024-12-31", "T1 2024=2024-04-30,T2 2024=2024-08-31,T3 2024=2024-12-31"},
		{"quarters", model.FreqQuarterly, "2024-12-31", "Q1 2024=2024-03-31,Q2 2024=2024-06-30,Q3 2024=2024-09-30,Q4 2024=2024-12-31"},
		{"no period after the due date", model.FreqQuarterly, "2024-05-15", "Q1 2024=2024-03-31,Q2 2024=2024-05-15,Q3 2024=2024-05-15,Q4 2024=2024-05-15"},
		{"quarters without a due date: the last has none", model.FreqQuarterly, "", "Q1 2024=2024-03-31,Q2 2024=2024-06-30,Q3 2024=2024-09-30,Q4 2024="},
		{"february of a leap year", model.FreqMonthly, "2024-12-31", "2024-01=2024-01-31,2024-02=2024-02-29,2024-03=2024-03-31,2024-04=2024-04-30,2024-05=2024-05-31,2024-06=2024-06-30,2024-07=2024-07-31,2024-08=2024-08-31,2024-09=2024-09-30,2024-10=2024-10-31,2024-11=2024-11-30,2024-12=2024-12-31"},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			var due time.Time
			if s.due != "" {
				due = day(s.due)
			}
			var parts []string
			for _, pd := range model.PeriodDues(s.frequency, 2024, due) {
				d := ""
				if !pd.Due.IsZero() {
					d = pd.Due.Format(time.DateOnly)
				}
				parts = append(parts, pd.Period+"="+d)
			}
			if got := strings.Join(parts, ","); got != s.want {
				t.Fatalf("Expected %s, got %s", s.want, got)
			}
		})
	}
}

// TestOverduePeriods: only unreported past periods are overdue, and a
// control is overdue exactly when the earliest period it lacks (NextDue,
// what the lists store as next_due) fell due before today.
func TestOverduePeriods(t *testing.T) {
	t.Parallel()
	reported := func(periods ...string) map[string]string {
		out := map[string]string{}
		for _, p := range periods {
			out[p] = model.OutcomeNoDeviation
		}
		return out
	}
	scenarios := []struct {
		name      string
		frequency string
		due       string
		outcomes  map[string]string
		today     string
		overdue   string // the overdue periods
		next      string // NextDue: period=due, or "" when all are reported
	}{
		{"quarterly, Q1 reported, Q2 past and missing: overdue for Q2 only", model.FreqQuarterly, "2024-12-31",
			reported("Q1 2024"), "2024-08-15", "Q2 2024", "Q2 2024=2024-06-30"},
		{"quarterly, every past period reported: not overdue, later ones unreported", model.FreqQuarterly, "2024-12-31",
			reported("Q1 2024", "Q2 2024"), "2024-08-15", "", "Q3 2024=2024-09-30"},
		{"quarterly, nothing reported in early April: Q1 only", model.FreqQuarterly, "2024-12-31",
			reported(), "2024-04-01", "Q1 2024", "Q1 2024=2024-03-31"},
		{"a period is not overdue on its own due day", model.FreqQuarterly, "2024-12-31",
			reported(), "2024-03-31", "", "Q1 2024=2024-03-31"},
		{"a later period reported does not cover an earlier one", model.FreqQuarterly, "2024-12-31",
			reported("Q2 2024"), "2024-07-01", "Q1 2024", "Q1 2024=2024-03-31"},
		{"monthly, three months missing", model.FreqMonthly, "2024-12-31",
			reported("2024-01"), "2024-05-02", "2024-02,2024-03,2024-04", "2024-02=2024-02-29"},
		{"semiannual, H1 missing in the autumn", model.FreqSemiannual, "2024-12-31",
			reported(), "2024-10-01", "H1 2024", "H1 2024=2024-06-30"},
		{"tertial, T1 reported", model.FreqTertial, "2024-12-31",
			reported("T1 2024"), "2024-10-01", "T2 2024", "T2 2024=2024-08-31"},
		{"yearly before its due date: not overdue", model.FreqYearly, "2024-12-31",
			reported(), "2024-08-15", "", "2024=2024-12-31"},
		{"yearly after its due date", model.FreqYearly, "2024-12-31",
			reported(), "2025-01-01", "2024", "2024=2024-12-31"},
		{"yearly without a due date is never overdue", model.FreqYearly, "",
			reported(), "2025-06-01", "", "2024="},
		{"all reported", model.FreqQuarterly, "2024-12-31",
			reported("Q1 2024", "Q2 2024", "Q3 2024", "Q4 2024"), "2025-03-15", "", ""},
		{"the whole year not performed covers every period", model.FreqQuarterly, "2024-12-31",
			map[string]string{"2024": model.OutcomeNotPerformed}, "2025-03-15", "", ""},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			var due time.Time
			if s.due != "" {
				due = day(s.due)
			}
			today := day(s.today)
			got := strings.Join(model.OverduePeriods(s.frequency, 2024, due, s.outcomes, today), ",")
			if got != s.overdue {
				t.Fatalf("Expected overdue %q, got %q", s.overdue, got)
			}
			next, ok := model.NextDue(s.frequency, 2024, due, s.outcomes)
			gotNext := ""
			if ok {
				gotNext = next.Period + "="
				if !next.Due.IsZero() {
					gotNext += next.Due.Format(time.DateOnly)
				}
			}
			if gotNext != s.next {
				t.Fatalf("Expected the next period due %q, got %q", s.next, gotNext)
			}
			// the lists' rule: overdue when next_due is before today
			if late := ok && !next.Due.IsZero() && next.Due.Before(today); late != (s.overdue != "") {
				t.Fatalf("Expected next_due before today (%v) exactly when some period is overdue (%q)", late, s.overdue)
			}
		})
	}
}
