package remind_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/proof/testapp"
)

// quarterly adopts a 2025 plan of IAN with two quarterly controls of Hanna
// HR-chef, due 2025-12-31: "Kvartal A" with Q1 reported, "Kvartal B" with
// Q1 and Q2 reported. It returns their ids.
func quarterly(t *testing.T, app core.App, f *testapp.Fixture) (a, b string) {
	t.Helper()
	plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025, "title": "IAN 2025"})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for i, title := range []string{"Kvartal A", "Kvartal B"} {
		c, err := testapp.Create(app, model.Controls, map[string]any{"plan": plan.Id, "number": i + 1, "title": title,
			"frequency": model.FreqQuarterly, "owner": f.Users["hr"], "due": "2025-12-31", "method": "genomgang"})
		if err != nil {
			t.Fatal(err)
		}
		ids[title] = c.Id
	}
	if err := testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": model.PlanAdopted,
		"adopted_on": "2025-01-20", "adopted_ref": "IAN § 3"}); err != nil {
		t.Fatal(err)
	}
	for title, periods := range map[string][]string{"Kvartal A": {"Q1 2025"}, "Kvartal B": {"Q1 2025", "Q2 2025"}} {
		for _, p := range periods {
			if _, err := testapp.Create(app, model.Results, map[string]any{"control": ids[title], "period": p,
				"outcome": model.OutcomeNoDeviation, "performed_on": "2025-03-15", "account": "Granskat."}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return ids["Kvartal A"], ids["Kvartal B"]
}

// TestPeriodsFallDueAtTheirEnds: on 15 August a quarterly control with Q1
// reported and Q2 missing is overdue for Q2 (due 30 June), and one with
// Q1 and Q2 reported is not overdue although Q3 and Q4 lack results — on
// every list: the items and their dates, the menu's count, the reminders
// (which name the period) and the calendar.
func TestPeriodsFallDueAtTheirEnds(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	now := at("2025-08-15")
	user, err := app.FindRecordById(model.Users, f.Users["hr"])
	if err != nil {
		t.Fatal(err)
	}
	before, err := remind.CountDue(app, user, now)
	if err != nil {
		t.Fatal(err)
	}
	a, b := quarterly(t, app, f)

	items, err := remind.Open(remind.As(app, user), user.Id, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	dates := map[string]string{}
	for _, it := range items {
		dates[it.Id] = it.Date.Format(time.DateOnly)
	}
	if dates[a] != "2025-06-30" || dates[b] != "2025-09-30" {
		t.Errorf("Expected A dated by Q2 (2025-06-30) and B by Q3 (2025-09-30), got %q and %q", dates[a], dates[b])
	}

	// (the start page's overdue lists and the overview's count of the same
	// items: TestPeriodsFallDueOnTheStartPage in internal/web)

	var out bytes.Buffer
	if _, err := remind.Run(app, now, true, &out); err != nil {
		t.Fatal(err)
	}
	contains(t, "reminders", out.String(),
		"Försenat: Kontroll att rapportera: Kvartal A (Q2 2025) – Ska rapporteras senast: 2025-06-30 (46 dagar sedan)")
	if strings.Contains(out.String(), "Kvartal B") {
		t.Errorf("Expected no reminder of B, got\n%s", out.String())
	}

	feed := remind.Calendar("Hanna", items, site, now)
	unfolded := strings.ReplaceAll(feed, "\r\n ", "")
	contains(t, "calendar", unfolded, "DTSTART;VALUE=DATE:20250630", "SUMMARY:Rapportera kontroll: Kvartal A (Q2 2025)",
		"DTSTART;VALUE=DATE:20250930", "SUMMARY:Rapportera kontroll: Kvartal B (Q3 2025)")

	// Q2 reported: A falls due with Q3, like B, and is no longer overdue
	if _, err := testapp.Create(app, model.Results, map[string]any{"control": a, "period": "Q2 2025",
		"outcome": model.OutcomeNoDeviation, "performed_on": "2025-03-15", "account": "Granskat."}); err != nil {
		t.Fatal(err)
	}
	if n, err := remind.CountDue(app, user, now); err != nil || n != before {
		t.Errorf("Expected the menu's count back at %d once Q2 is reported, got %d (%v)", before, n, err)
	}
	if c := testapp.Find(t, app, model.Controls, a); c.GetString("next_period") != "Q3 2025" || !strings.HasPrefix(c.GetString("next_due"), "2025-09-30") {
		t.Errorf("Expected A's next period Q3 2025 due 2025-09-30, got %q %q", c.GetString("next_period"), c.GetString("next_due"))
	}
}
