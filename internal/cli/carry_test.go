package cli_test

import (
	"strings"
	"testing"
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
