package web

import "testing"

// TestPickYear: the plans list shows the year asked for when it offers it
// (a year with plans, or this year), every year when asked for, else this
// year if it has plans, else the newest year that has, else this year.
func TestPickYear(t *testing.T) {
	years := map[string]int{"2026": 30, "2025": 30, "2024": 30}
	for _, c := range []struct {
		asked string
		now   int
		want  string
	}{
		{"2024", 2025, "2024"}, // asked, and has plans
		{"all", 2025, ""},      // every year, asked for
		{"", 2025, "2025"},     // this year
		{"", 2030, "2026"},     // this year has no plans: the newest year that has
		{"1999", 2025, "2025"}, // a year the list does not offer: as if not asked
		{"abc", 2025, "2025"},  // not a year
		{"2030", 2030, "2030"}, // this year, asked for, without plans: its boards have none yet
	} {
		sorted := []string{"2026", "2025", "2024"}
		if years[itoa(c.now)] == 0 {
			sorted = append([]string{itoa(c.now)}, sorted...)
		}
		if got := pickYear(c.asked, years, sorted, c.now); got != c.want {
			t.Errorf("pickYear(%q, now %d) = %q, want %q", c.asked, c.now, got, c.want)
		}
	}
}
