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
			"Slutdatum: kvartal 2 2025 (om 10 dagar)", "/controls/",
			"Provkörning för 2025-06-20: 1 e-postmeddelande med 1 påminnelse skulle skickas. Inget skickades.",
			"1 e-postmeddelande skulle inte skickas: ikplans webbadress är inte inställd",
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
	// without the application URL nothing is sent (nor recorded), and the
	// command says why and how to set it
	out, err = run(t, dir, "reminders", "--now", "2025-06-20")
	for _, want := range []string{
		"Webbadressen saknas, skickar inte till Anders Ansvarig <ansvarig@ikplan.test> (1 påminnelse)",
		"2025-06-20: 0 e-postmeddelanden med 0 påminnelser skickades.",
		"1 e-postmeddelande skickades inte: ikplans webbadress är inte inställd", "Application URL",
	} {
		if err != nil || !strings.Contains(out, want) {
			t.Errorf("Expected %q in the output of a run without the application URL, got %v\n%s", want, err, out)
		}
	}
	if _, err := run(t, dir, "reminders", "--now", "20 juni"); err == nil || !strings.Contains(err.Error(), "ÅÅÅÅ-MM-DD") {
		t.Fatalf("Expected a bad date refused, got %v", err)
	}
	if _, err := run(t, dir, "reminders", "extra"); err == nil {
		t.Fatalf("Expected an unknown argument refused")
	}
}
