package remind_test

import (
	"slices"
	"testing"
	"time"

	"ikplan/internal/model"
	"ikplan/internal/remind"
)

// at is 06:00 Swedish time on the day, when the daily job runs.
func at(day string) time.Time {
	d, err := time.ParseInLocation(time.DateOnly, day, remind.Stockholm())
	if err != nil {
		panic(err)
	}
	return d.Add(6 * time.Hour)
}

func date(day string) time.Time {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		panic(err)
	}
	return d
}

func TestClassify(t *testing.T) {
	t.Parallel()
	item := func(day, precision string) remind.Item {
		return remind.Item{Collection: model.Actions, Id: "a1", Date: date(day), Precision: precision}
	}
	days := []int{14, 3}
	scenarios := []struct {
		name    string
		item    remind.Item
		now     time.Time
		days    []int
		ok      bool
		kind    string
		key     string
		window  int
		daysTil int
	}{
		{"beyond the largest window", item("2025-07-05", "day"), at("2025-06-20"), days, false, "", "", 0, 0},
		{"the first day of the 14-day window", item("2025-07-04", "day"), at("2025-06-20"), days, true, remind.DueSoon, "14d:2025-07-04", 14, 14},
		{"kvartal 2 2025 ten days ahead", item("2025-06-30", "quarter"), at("2025-06-20"), days, true, remind.DueSoon, "14d:2025-06-30", 14, 10},
		{"four days ahead is still the 14-day window", item("2025-06-24", "day"), at("2025-06-20"), days, true, remind.DueSoon, "14d:2025-06-24", 14, 4},
		{"three days ahead is the 3-day window", item("2025-06-23", "day"), at("2025-06-20"), days, true, remind.DueSoon, "3d:2025-06-23", 3, 3},
		{"tomorrow", item("2025-06-21", "day"), at("2025-06-20"), days, true, remind.DueSoon, "3d:2025-06-21", 3, 1},
		{"windows in any order", item("2025-06-21", "day"), at("2025-06-20"), []int{3, 14}, true, remind.DueSoon, "3d:2025-06-21", 3, 1},
		{"due today", item("2025-06-20", "day"), at("2025-06-20"), days, true, remind.DueToday, "2025-06-20", 0, 0},
		{"overdue, keyed by the ISO week", item("2025-06-30", "quarter"), at("2025-07-02"), days, true, remind.Overdue, "2025-W27", 0, -2},
		{"overdue a week later is another week", item("2025-06-30", "quarter"), at("2025-07-09"), days, true, remind.Overdue, "2025-W28", 0, -9},
		{"overdue across the new year", item("2024-12-31", "day"), at("2025-01-01"), days, true, remind.Overdue, "2025-W01", 0, -1},
		{"no date, no reminder", remind.Item{Collection: model.Actions, Id: "a1"}, at("2025-06-20"), days, false, "", "", 0, 0},
		// 23:30 on 19 June in UTC is already 20 June in Sweden
		{"the day is Sweden's", item("2025-06-20", "day"), time.Date(2025, 6, 19, 23, 30, 0, 0, time.UTC), days, true, remind.DueToday, "2025-06-20", 0, 0},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			d, ok := remind.Classify(s.item, s.days, s.now)
			if ok != s.ok {
				t.Fatalf("Expected due %v, got %v (%+v)", s.ok, ok, d)
			}
			if !ok {
				return
			}
			if d.Kind != s.kind || d.Key != s.key || d.Window != s.window || d.Days != s.daysTil {
				t.Fatalf("Expected %s %s window %d in %d days, got %s %s window %d in %d days",
					s.kind, s.key, s.window, s.daysTil, d.Kind, d.Key, d.Window, d.Days)
			}
		})
	}
}

func TestSelectOrdersOverdueFirst(t *testing.T) {
	t.Parallel()
	items := []remind.Item{
		{Id: "later", Date: date("2025-07-30")},
		{Id: "soon", Date: date("2025-06-25")},
		{Id: "today", Date: date("2025-06-20")},
		{Id: "none"},
		{Id: "late2", Date: date("2025-06-01")},
		{Id: "late1", Date: date("2025-05-01")},
	}
	var got []string
	for _, d := range remind.Select(items, remind.DefaultDays, at("2025-06-20")) {
		got = append(got, d.Id)
	}
	want := []string{"late1", "late2", "today", "soon"}
	if !slices.Equal(got, want) {
		t.Fatalf("Expected %v, got %v", want, got)
	}
}

func TestParseDays(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		raw  string
		want []int
	}{
		{"[14, 3]", []int{14, 3}},
		{"[3, 30, 7]", []int{30, 7, 3}},
		{"[7, 7, 0, -1, 2.5, 400]", []int{7}},
		{"[]", remind.DefaultDays},
		{"null", remind.DefaultDays},
		{`"14"`, remind.DefaultDays},
		{"", remind.DefaultDays},
	}
	for _, s := range scenarios {
		if got := remind.ParseDays(s.raw); !slices.Equal(got, s.want) {
			t.Errorf("%q: Expected %v, got %v", s.raw, s.want, got)
		}
	}
}

func TestHorizon(t *testing.T) {
	t.Parallel()
	if got := remind.Horizon([]int{3, 14}, at("2025-06-20")); !got.Equal(date("2025-07-04")) {
		t.Fatalf("Expected 2025-07-04, got %v", got)
	}
}
