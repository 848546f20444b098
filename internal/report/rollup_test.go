package report_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// summary is the roll-up's summary table.
func summary(t *testing.T, d *report.Doc) [][]string {
	t.Helper()
	for _, b := range d.Blocks {
		if b.Table != nil && slices.Equal(b.Table.Header, report.RollUpColumns) {
			return b.Table.Rows
		}
	}
	t.Fatalf("Expected a summary table in\n%s", d.Text())
	return nil
}

func TestRollUp(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	d, err := report.RollUp(app, 2024, false, testapp.Today)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Sammanställning av nämndernas internkontroll 2024" {
		t.Errorf("Expected the roll-up's title, got %q", d.Title)
	}
	// 20 controls, 20 with a result, 13 performed (HR 1-7 were not), 9
	// deviations, 5 significant, 6 open actions, 1 overdue on 2025-03-15:
	// the demo's and the confidential control 12's, which the internal
	// version counts
	want := [][]string{{"Kommunstyrelsen", "20", "20", "13", "9", "5", "6", "1"}}
	if got := summary(t, d); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Expected %q, got %q", want, got)
	}
	text := d.Text()
	for _, want := range []string{"Ingen internkontrollplan för 2024 finns för individ- och arbetsmarknadsnämnden.", "per 2025-03-15",
		"Uppföljning av kommunstyrelsens internkontrollplan 2024", "Punkt 1-7 i internkontrollplanen", "12. Cyberangrepp"} {
		if !strings.Contains(text, want) {
			t.Errorf("Expected %q in\n%s", want, text)
		}
	}
	// the board's follow-up starts on a new page, one level down, with ids of its own
	breaks, levels, ids := 0, map[string]int{}, map[string]bool{}
	for _, b := range d.Blocks {
		if b.PageBreak {
			breaks++
		}
		if h := b.Heading; h != nil {
			levels[h.Text] = h.Level
			if ids[h.Id] || h.Id == "" {
				t.Errorf("Expected unique heading ids, %q repeats", h.Id)
			}
			ids[h.Id] = true
		}
	}
	if breaks != 1 || levels["Uppföljning av kommunstyrelsens internkontrollplan 2024"] != 1 || levels["1.2 Åtgärder"] != 3 {
		t.Errorf("Expected one page break and the follow-up one level down, got %d breaks, levels %v", breaks, levels)
	}

	// action 2 (kvartal 2 2025) is overdue from July 2025, beside action 12
	later, err := report.RollUp(app, 2024, false, time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(t, later)[0]; got[6] != "6" || got[7] != "2" {
		t.Errorf("Expected 6 open actions, 2 overdue on 2025-07-01, got %q", got)
	}
	// a done action is never overdue, whatever its deadline
	if err := testapp.Update(app, model.Actions, f.Actions["2"], map[string]any{"status": "done", "done_note": "Klart."}); err != nil {
		t.Fatal(err)
	}
	later, err = report.RollUp(app, 2024, false, time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(t, later)[0]; got[6] != "5" || got[7] != "1" {
		t.Errorf("Expected 5 open actions, only action 12 overdue, got %q", got)
	}

	// the public version counts without the confidential control and its
	// deviation and action
	public, err := report.RollUp(app, 2024, true, testapp.Today)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := summary(t, public)[0], []string{"Kommunstyrelsen", "19", "19", "12", "8", "4", "4", "0"}; !slices.Equal(got, want) {
		t.Errorf("Expected the public roll-up to count nothing of control 12 %q, got %q", want, got)
	}
	if leaks := testapp.Leaks(public.Text()); leaks != nil {
		t.Errorf("Expected nothing confidential in the public roll-up, got %q", leaks)
	}

	// only the boards asked for; none with a plan is refused
	ian := testapp.Find(t, app, model.Boards, f.IAN)
	if _, err := report.RollUpOf(app, []*core.Record{ian}, 2024, model.Version{}, testapp.Today); !errors.Is(err, report.ErrNoPlan) {
		t.Errorf("Expected a roll-up without plans refused, got %v", err)
	}
	if _, err := report.RollUp(app, 2019, false, testapp.Today); !errors.Is(err, report.ErrNoPlan) || !strings.Contains(err.Error(), "2019") {
		t.Errorf("Expected a year without plans refused, got %v", err)
	}
}

func TestRollUpWithTwoBoards(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	// IAN's plan for 2024 has a control but no result yet
	plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2024, "status": "draft"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := testapp.Create(app, model.Controls, map[string]any{"plan": plan.Id, "number": 1, "title": "Försörjningsstöd", "owner": f.Users["annan"]}); err != nil {
		t.Fatal(err)
	}
	d, err := report.RollUp(app, 2024, false, testapp.Today)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Individ- och arbetsmarknadsnämnden", "1", "0", "0", "0", "0", "0", "0"},
		{"Kommunstyrelsen", "20", "20", "13", "9", "5", "6", "1"},
		{"Totalt", "21", "20", "13", "9", "5", "6", "1"},
	}
	if got := summary(t, d); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("Expected %q, got %q", want, got)
	}
	text := d.Text()
	if !strings.Contains(text, "Uppföljning av individ- och arbetsmarknadsnämndens internkontrollplan 2024\nPlanen har inga resultat ännu.") {
		t.Errorf("Expected IAN's part to say it has no results yet:\n%s", text)
	}
}
