package remind

import (
	"strings"
	"testing"
	"time"

	"ikplan/internal/model"
)

// TestSubjectsCountInTheirNumber: a reminder's subject names how many
// items are overdue, due today and due soon in the number it counts — "1
// ska vara klar i dag", "2 ska vara klara i dag" — for one and for several
// of each kind, and in every combination of them.
func TestSubjectsCountInTheirNumber(t *testing.T) {
	words := map[string][2]string{
		Overdue:  {"1 försenad", "%d försenade"},
		DueToday: {"1 ska vara klar i dag", "%d ska vara klara i dag"},
		DueSoon:  {"1 ska snart vara klar", "%d ska snart vara klara"},
	}
	kinds := []string{Overdue, DueToday, DueSoon}
	for _, counts := range [][3]int{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {2, 0, 0}, {0, 3, 0}, {0, 0, 2}, {1, 1, 1}, {2, 2, 2}, {1, 2, 3}, {3, 0, 1}} {
		var due []Due
		var want []string
		for i, kind := range kinds {
			for range counts[i] {
				due = append(due, Due{Item: Item{Collection: model.Actions, Id: "a", Title: "Åtgärd",
					Date: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC), Precision: model.PrecisionDay}, Kind: kind})
			}
			switch n := counts[i]; {
			case n == 1:
				want = append(want, words[kind][0])
			case n > 1:
				want = append(want, strings.Replace(words[kind][1], "%d", string(rune('0'+n)), 1))
			}
		}
		if got := personal("Anders", due, "https://ikplan.example").Subject; got != "ikplan: "+strings.Join(want, ", ") {
			t.Errorf("%v: expected the subject %q, got %q", counts, "ikplan: "+strings.Join(want, ", "), got)
		}
	}
}
