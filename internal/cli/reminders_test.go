package cli_test

import (
	"strings"
	"testing"
)

func TestRemindersCommand(t *testing.T) {
	dir := t.TempDir()
	if out, err := run(t, dir, "demo"); err != nil {
		t.Fatalf("Expected the demo to load, got %v\n%s", err, out)
	}
	for i := 0; i < 2; i++ { // a dry run records nothing, so the second lists the same
		out, err := run(t, dir, "reminders", "--dry-run", "--now", "2025-06-20")
		if err != nil {
			t.Fatalf("Expected the dry run to work, got %v\n%s", err, out)
		}
		for _, want := range []string{
			"Skulle skicka till Anders Ansvarig <ansvarig@ikplan.test>", "Åtgärd: Excelfil har tagits fram",
			"Slutdatum: kvartal 2 2025 (om 10 dagar)", "http://localhost:8090/controls/",
			"Provkörning för 2025-06-20: 1 e-postmeddelande med 1 påminnelse skulle skickas. Inget skickades.",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("Expected %q in the output, got\n%s", want, out)
			}
		}
		if strings.Contains(out, "samordnare@") {
			t.Errorf("Expected no digest to the coordinator before anything is overdue, got\n%s", out)
		}
	}
	out, err := run(t, dir, "reminders", "--dry-run", "--now", "2025-07-02")
	if err != nil || !strings.Contains(out, "Skulle skicka till Sara Samordnare <samordnare@ikplan.test> – ikplan: försenat i dina nämnder (1)") ||
		!strings.Contains(out, "Ansvarig: Anders Ansvarig") {
		t.Fatalf("Expected the coordinator's digest once the action is overdue, got %v\n%s", err, out)
	}
	if _, err := run(t, dir, "reminders", "--now", "20 juni"); err == nil || !strings.Contains(err.Error(), "ÅÅÅÅ-MM-DD") {
		t.Fatalf("Expected a bad date refused, got %v", err)
	}
	if _, err := run(t, dir, "reminders", "extra"); err == nil {
		t.Fatalf("Expected an unknown argument refused")
	}
}
