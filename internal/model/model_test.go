package model_test

import (
	"testing"
	"time"

	"ikplan/internal/model"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParsePeriod(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		in   string
		want model.Period
		ok   bool
	}{
		{"2024", model.Period{Kind: model.PeriodYear, Year: 2024}, true},
		{"H1 2024", model.Period{Kind: model.PeriodHalf, Year: 2024, N: 1}, true},
		{"T3 2024", model.Period{Kind: model.PeriodTertial, Year: 2024, N: 3}, true},
		{"Q2 2024", model.Period{Kind: model.PeriodQuarter, Year: 2024, N: 2}, true},
		{"2024-03", model.Period{Kind: model.PeriodMonth, Year: 2024, N: 3}, true},
		{"H3 2024", model.Period{}, false},
		{"T4 2024", model.Period{}, false},
		{"Q5 2024", model.Period{}, false},
		{"2024-13", model.Period{}, false},
		{"2024-00", model.Period{}, false},
		{"q2 2024", model.Period{}, false},
		{"", model.Period{}, false},
		{"våren 2024", model.Period{}, false},
	}
	for _, s := range scenarios {
		got, err := model.ParsePeriod(s.in)
		if (err == nil) != s.ok || got != s.want {
			t.Errorf("ParsePeriod(%q): expected %v (ok %v), got %v (%v)", s.in, s.want, s.ok, got, err)
		}
		if s.ok && got.String() != s.in {
			t.Errorf("Expected %q to write back as itself, got %q", s.in, got.String())
		}
	}
}

func TestPeriodsFor(t *testing.T) {
	t.Parallel()
	scenarios := map[string][]string{
		model.FreqYearly:     {"2024"},
		model.FreqContinuous: {"2024"},
		model.FreqOnce:       {"2024"},
		model.FreqSemiannual: {"H1 2024", "H2 2024"},
		model.FreqTertial:    {"T1 2024", "T2 2024", "T3 2024"},
		model.FreqQuarterly:  {"Q1 2024", "Q2 2024", "Q3 2024", "Q4 2024"},
	}
	for freq, want := range scenarios {
		got := model.PeriodsFor(freq, 2024)
		if len(got) != len(want) {
			t.Fatalf("%s: expected %v, got %v", freq, want, got)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: expected %v, got %v", freq, want, got)
			}
		}
	}
	if m := model.PeriodsFor(model.FreqMonthly, 2024); len(m) != 12 || m[0] != "2024-01" || m[11] != "2024-12" {
		t.Errorf("Expected 12 months 2024-01…2024-12, got %v", m)
	}
}

func TestDeadlines(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		given, precision, stored, written string
	}{
		{"2025-04-01", model.PrecisionQuarter, "2025-06-30", "kvartal 2 2025"},
		{"2025-12-01", model.PrecisionQuarter, "2025-12-31", "kvartal 4 2025"},
		{"2025-01-15", model.PrecisionYear, "2025-12-31", "under 2025"},
		{"2024-02-03", model.PrecisionMonth, "2024-02-29", "februari 2024"},
		{"2025-05-01", model.PrecisionTertial, "2025-08-31", "tertial 2 2025"},
		{"2025-09-01", model.PrecisionTertial, "2025-12-31", "tertial 3 2025"},
		{"2025-02-01", model.PrecisionHalf, "2025-06-30", "första halvåret 2025"},
		{"2025-07-01", model.PrecisionHalf, "2025-12-31", "andra halvåret 2025"},
		{"2025-03-31", model.PrecisionDay, "2025-03-31", "2025-03-31"},
	}
	for _, s := range scenarios {
		got := model.NormalizeDeadline(day(s.given), s.precision)
		if got.Format(time.DateOnly) != s.stored {
			t.Errorf("NormalizeDeadline(%s, %s): expected %s, got %s", s.given, s.precision, s.stored, got.Format(time.DateOnly))
		}
		if w := model.FormatDeadline(got, s.precision); w != s.written {
			t.Errorf("FormatDeadline(%s, %s): expected %q, got %q", s.stored, s.precision, s.written, w)
		}
	}
	if model.FormatDeadline(time.Time{}, model.PrecisionDay) != "" {
		t.Errorf("Expected no text for no deadline")
	}
}

func TestOverdue(t *testing.T) {
	t.Parallel()
	deadline := day("2025-06-30")
	scenarios := []struct {
		now      string
		finished bool
		want     bool
	}{
		{"2025-06-30", false, false}, // the deadline day itself is not late
		{"2025-07-01", false, true},
		{"2025-07-01", true, false},
		{"2025-01-01", false, false},
	}
	for _, s := range scenarios {
		if got := model.Overdue(deadline, s.finished, day(s.now).Add(23*time.Hour)); got != s.want {
			t.Errorf("Overdue(%s, finished %v): expected %v, got %v", s.now, s.finished, s.want, got)
		}
	}
	if model.Overdue(time.Time{}, false, day("2030-01-01")) {
		t.Errorf("Expected no deadline never to be overdue")
	}
}

func TestDecimalsAndTargets(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]float64{"8,1": 8.1, "8.1": 8.1, " 1 200 ": 1200, "-3": -3, "10": 10} {
		got, err := model.ParseDecimal(in)
		if err != nil || got != want {
			t.Errorf("ParseDecimal(%q): expected %v, got %v (%v)", in, want, got, err)
		}
	}
	for _, in := range []string{"", "åtta", "1,2,3", "NaN", "Inf", "1e400"} {
		if _, err := model.ParseDecimal(in); err == nil {
			t.Errorf("ParseDecimal(%q): expected an error", in)
		}
	}
	if s := model.FormatDecimalSv(8.1); s != "8,1" {
		t.Errorf("Expected 8,1, got %s", s)
	}
	scenarios := []struct {
		op               string
		target, measured float64
		want             bool
	}{
		{"<", 10, 8.1, true}, {"<", 10, 10, false},
		{"<=", 10, 10, true}, {"<=", 10, 10.5, false},
		{"=", 25, 25, true}, {"=", 25, 24, false},
		{">=", 25, 25, true}, {">=", 200, 199, false},
		{">", 0, 1, true}, {">", 1, 1, false},
		{"?", 1, 1, false},
	}
	for _, s := range scenarios {
		if got := model.TargetMet(s.op, s.target, s.measured); got != s.want {
			t.Errorf("TargetMet(%s %v, measured %v): expected %v, got %v", s.op, s.target, s.measured, s.want, got)
		}
	}
}

func TestPlanMoves(t *testing.T) {
	t.Parallel()
	allowed := map[[2]string]bool{
		{"draft", "adopted"}: true, {"adopted", "reported"}: true, {"reported", "archived"}: true,
	}
	back := map[[2]string]bool{{"adopted", "draft"}: true, {"reported", "adopted"}: true}
	for _, from := range model.PlanStatuses {
		for _, to := range model.PlanStatuses {
			move := [2]string{from, to}
			if got, want := model.CanMovePlan(from, to), from == to || allowed[move] || back[move]; got != want {
				t.Errorf("CanMovePlan(%s, %s): expected %v, got %v", from, to, want, got)
			}
			if got := model.PlanMovesBack(from, to); got != back[move] {
				t.Errorf("PlanMovesBack(%s, %s): expected %v, got %v", from, to, back[move], got)
			}
		}
		if got, want := model.PlanFrozen(from), from == "reported" || from == "archived"; got != want {
			t.Errorf("PlanFrozen(%s): expected %v, got %v", from, want, got)
		}
	}
	if model.RiskValue(4, 5) != 20 {
		t.Errorf("Expected 4 × 5 = 20")
	}
}

func TestActors(t *testing.T) {
	t.Parallel()
	if !model.System.MayReopenPlan() || model.System.Label() != "system" {
		t.Errorf("Expected the system to reopen plans and be labelled system")
	}
	owner := model.Actor{Kind: model.ActorUser, Id: "u1", Role: model.RoleOwner}
	if owner.MayReopenPlan() || owner.Label() != "users/u1" {
		t.Errorf("Expected an owner not to reopen plans, labelled users/u1; got %v %s", owner.MayReopenPlan(), owner.Label())
	}
	coordinator := model.Actor{Kind: model.ActorUser, Id: "u2", Role: model.RoleCoordinator}
	if !coordinator.MayReopenPlan() {
		t.Errorf("Expected a coordinator to reopen plans")
	}
}

func TestMissingPeriods(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		frequency string
		outcomes  map[string]string
		want      []string
	}{
		{model.FreqYearly, map[string]string{}, []string{"2024"}},
		{model.FreqYearly, map[string]string{"2024": "no_deviation"}, nil},
		{model.FreqQuarterly, map[string]string{"Q1 2024": "deviation", "Q3 2024": "no_deviation"}, []string{"Q2 2024", "Q4 2024"}},
		{model.FreqQuarterly, map[string]string{"2024": "not_performed"}, nil},
		{model.FreqSemiannual, map[string]string{"2024": "no_deviation"}, []string{"H1 2024", "H2 2024"}},
	}
	for _, s := range scenarios {
		got := model.MissingPeriods(s.frequency, 2024, s.outcomes)
		if len(got) != len(s.want) {
			t.Errorf("%s %v: expected %v, got %v", s.frequency, s.outcomes, s.want, got)
			continue
		}
		for i := range got {
			if got[i] != s.want[i] {
				t.Errorf("%s %v: expected %v, got %v", s.frequency, s.outcomes, s.want, got)
			}
		}
	}
}

func TestTodayIsASwedishDay(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2025-03-15T22:30:00Z": "2025-03-15", // 23:30 in Stockholm (winter time)
		"2025-03-15T23:30:00Z": "2025-03-16", // 00:30 the next day in Stockholm
		"2025-07-01T22:30:00Z": "2025-07-02", // 00:30 in summer time
	} {
		now, _ := time.Parse(time.RFC3339, in)
		if got := model.Today(now).Format(time.DateOnly); got != want {
			t.Errorf("Today(%s): expected %s, got %s", in, want, got)
		}
	}
}

func TestBlank(t *testing.T) {
	t.Parallel()
	blank := []string{"", " ", "\t\r\n", "\u200b", "\u200c\u200d", "\u2060", "\ufeff", "\u00ad", "\u00a0", "\u202f",
		"\u2007", "\u3000", "\u200e\u200f", "\u061c", "\u180e", "\u034f", "\u115f\u1160\u3164\uffa0", "\ufe0f",
		"\U000e0020", "\u2800", "\u2028\u2029", "\x00\x7f", " \u200b \u00a0\u2060 "}
	for _, s := range blank {
		if !model.Blank(s) {
			t.Errorf("Blank(%q): expected true, got false", s)
		}
	}
	shown := []string{"a", " a ", "\u200bx", "§", "-", ".", "0", "\u00e5", "\U0001F600", "\ufffd", "\xff", "\u0301"}
	for _, s := range shown {
		if model.Blank(s) {
			t.Errorf("Blank(%q): expected false, got true", s)
		}
	}
}

func TestDateProblem(t *testing.T) {
	t.Parallel()
	today := time.Date(2025, 3, 15, 23, 30, 0, 0, time.UTC)
	scenarios := []struct {
		day  time.Time
		year int
		want string
	}{
		{day("2025-03-15"), 2024, ""},
		{time.Date(2025, 3, 15, 22, 0, 0, 0, time.UTC), 2024, ""},
		{day("2025-03-16"), 2024, "future"},
		{day("2024-01-01"), 2024, ""},
		{day("2023-12-31"), 2024, "early"},
		{day("2025-01-01"), 2025, ""},
		{day("2024-12-31"), 2025, "early"},
	}
	for _, s := range scenarios {
		if got := model.DateProblem(s.day, today, s.year); got != s.want {
			t.Errorf("DateProblem(%v, plan %d): expected %q, got %q", s.day, s.year, s.want, got)
		}
	}
}
