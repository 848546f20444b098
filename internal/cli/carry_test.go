package cli_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase"

	"ikplan/hooks"
)

func TestCarryCommands(t *testing.T) {
	dir := t.TempDir()
	if out, err := run(t, dir, "demo"); err != nil {
		t.Fatalf("Expected the demo to load, got %v\n%s", err, out)
	}
	out, err := run(t, dir, "carry", "plan", "--board", "KS", "--year", "2024", "--decide", "close")
	if err == nil || !strings.Contains(err.Error(), "Ange varför åtgärden avslutas.") {
		t.Fatalf("Expected closing without a reason refused, got %v\n%s", err, out)
	}
	out, err = run(t, dir, "carry", "plan", "--board", "KS", "--year", "2024", "--decide", "continue")
	if err != nil || !strings.Contains(out, "Utkast för 2025 skapat") || !strings.Contains(out, "20 kontrollpunkter; 5 ofärdiga åtgärder: continue") {
		t.Fatalf("Expected the 2025 draft made, got %v\n%s", err, out)
	}
	out, err = run(t, dir, "carry", "plan", "--board", "Kommunstyrelsen", "--year", "2024", "--decide", "continue")
	if err == nil || !strings.Contains(err.Error(), "Nämnden har redan en internkontrollplan för 2025.") {
		t.Fatalf("Expected a second carry refused, got %v\n%s", err, out)
	}
	if _, err := run(t, dir, "carry", "plan", "--board", "XYZ", "--year", "2024", "--decide", "continue"); err == nil || !strings.Contains(err.Error(), "finns inte") {
		t.Fatalf("Expected an unknown board refused, got %v", err)
	}
	if _, err := run(t, dir, "carry", "transfer", "--board", "KS"); err == nil || !strings.Contains(err.Error(), "ingen efterträdare") {
		t.Fatalf("Expected a transfer without a successor refused, got %v", err)
	}
}

// TestCarryContinueRemindsOnce: after `carry plan --decide continue` the
// reminders (dry run) name each continued action nowhere while next year's
// plan is a draft, and once it is adopted exactly as often as before the
// carry — the old action is closed, the new one reminded of.
func TestCarryContinueRemindsOnce(t *testing.T) {
	dir := t.TempDir()
	if out, err := run(t, dir, "demo"); err != nil {
		t.Fatalf("Expected the demo to load, got %v\n%s", err, out)
	}
	const excel = "Åtgärd: Excelfil har tagits fram" // kvartal 2 2025, overdue on 2 July
	reminded := func() int {
		t.Helper()
		out, err := run(t, dir, "reminders", "--dry-run", "--now", "2025-07-02")
		if err != nil {
			t.Fatalf("Expected the dry run to work, got %v\n%s", err, out)
		}
		return strings.Count(out, excel)
	}
	before := reminded()
	if before != 2 { // the owner's own and the coordinator's digest
		t.Fatalf("Expected the action in 2 reminders before the carry, got %d", before)
	}
	if out, err := run(t, dir, "carry", "plan", "--board", "KS", "--year", "2024", "--decide", "continue"); err != nil {
		t.Fatalf("Expected the 2025 draft made, got %v\n%s", err, out)
	}
	if n := reminded(); n != 0 {
		t.Fatalf("Expected the action in no reminder while the 2025 plan is a draft, got %d", n)
	}
	adoptDraft(t, dir, 2025)
	if n := reminded(); n != before {
		t.Fatalf("Expected the action in %d reminders once the 2025 plan is adopted, as before the carry, got %d", before, n)
	}
}

// adoptDraft adopts the demo board's draft plan of the year in the data folder.
func adoptDraft(t *testing.T, dir string, year int) {
	t.Helper()
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDataDir: dir, HideStartBanner: true})
	hooks.Register(app, time.Now)
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = app.ClearBootstrap() }()
	plan, err := app.FindFirstRecordByFilter("plans", "year = {:y} && status = 'draft'", dbx.Params{"y": year})
	if err != nil {
		t.Fatal(err)
	}
	plan.Set("status", "adopted")
	plan.Set("adopted_on", "2025-01-20")
	plan.Set("adopted_ref", "KS § 2")
	if err := app.Save(plan); err != nil {
		t.Fatalf("Expected the %d plan adopted, got %v", year, err)
	}
}
