package report

import "testing"

func TestNumberList(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   []int
		want string
	}{
		{[]int{1, 2, 3, 4, 5, 6, 7}, "1-7"},
		{[]int{7, 1, 3, 5}, "1, 3, 5 och 7"},
		{[]int{1, 2}, "1 och 2"},
		{[]int{6, 1, 2, 3, 3}, "1-3 och 6"},
		{[]int{4}, "4"},
		{[]int{1, 2, 3, 5, 9, 10, 11}, "1-3, 5 och 9-11"},
	} {
		if got := numberList(c.in); got != c.want {
			t.Errorf("Expected %v as %q, got %q", c.in, c.want, got)
		}
	}
}

func TestPeriodSv(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"2024": "2024", "Q2 2024": "kvartal 2 2024", "H1 2024": "första halvåret 2024", "H2 2024": "andra halvåret 2024",
		"T3 2024": "tertial 3 2024", "2024-03": "mars 2024", "hösten": "hösten",
	} {
		if got := periodSv(in); got != want {
			t.Errorf("Expected %q as %q, got %q", in, want, got)
		}
	}
	if comparePeriods("2024", "Q1 2024") >= 0 || comparePeriods("Q2 2024", "H1 2024") <= 0 || comparePeriods("2024-02", "Q1 2024") <= 0 {
		t.Errorf("Expected periods ordered by their start, a whole year first")
	}
}
