package report_test

import (
	"strconv"
	"testing"
	"time"

	"ikplan/proof/testapp"
)

// TestImportReadsDeadlinesInWords: Klar senast takes what people write,
// with the same parser as an action's deadline — a period is due on its
// last day — alongside Excel's dates and ÅÅÅÅ-MM-DD.
func TestImportReadsDeadlinesInWords(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	data := nextYearSheet(t, app, f.Plan)
	draft := newDraft(t, app, f.KS, 2025)
	cells := map[string]string{}
	want := map[int]string{}
	for i, c := range []struct{ typed, due string }{
		{"kvartal 3 2025", "2025-09-30"},
		{"Q2 2025", "2025-06-30"},
		{"kv 1 2025", "2025-03-31"},
		{"3:e kvartalet 2025", "2025-09-30"},
		{"tertial 2 2025", "2025-08-31"},
		{"första halvåret 2025", "2025-06-30"},
		{"andra halvåret 2025", "2025-12-31"},
		{"H1 2025", "2025-06-30"},
		{"under 2025", "2025-12-31"},
		{"2025", "2025-12-31"},
		{"mars 2025", "2025-03-31"},
		{"30 september 2025", "2025-09-30"},
		{"2025-10-15", "2025-10-15"},
	} {
		cells["L"+strconv.Itoa(i+2)] = c.typed
		want[i] = c.due
	}
	res, got := importErrors(t, app, draft, edit(t, data, cells), false)
	if !res.OK() || res.Created != 20 {
		t.Fatalf("Expected 20 controls created, got %+v %v", res, got)
	}
	for i, c := range planControls(t, app, draft) {
		due, ok := want[i]
		if !ok {
			break
		}
		if d := c.GetDateTime("due").Time().Format(time.DateOnly); d != due {
			t.Errorf("row %d (%q): expected due %s, got %s", i+2, cells["L"+strconv.Itoa(i+2)], due, d)
		}
	}
}
