package web

import "testing"

// TestPickYear: the plans list shows the year asked for, or every year
// while there are few plans, else this year's or the newest year's.
func TestPickYear(t *testing.T) {
	years := map[string]int{"2026": 30, "2025": 30, "2024": 30}
	sorted := []string{"2026", "2025", "2024"}
	for _, c := range []struct {
		asked      string
		total, now int
		want       string
	}{
		{"2024", 90, 2025, "2024"},       // asked, and has plans
		{"all", 900, 2025, ""},           // every year, asked for
		{"", 90, 2025, ""},               // few plans: every year
		{"", 900, 2025, "2025"},          // many: this year
		{"", 900, 2030, "2026"},          // many, none this year: the newest
		{"1999", 900, 2025, "2025"},      // a year without plans: as if not asked
		{"abc", 90, 2025, ""},            // not a year
		{"", allPlans + 1, 2025, "2025"}, // one over the limit
	} {
		if got := pickYear(c.asked, years, sorted, c.total, c.now); got != c.want {
			t.Errorf("pickYear(%q, total %d, now %d) = %q, want %q", c.asked, c.total, c.now, got, c.want)
		}
	}
}
