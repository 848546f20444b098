package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportCommand(t *testing.T) {
	dir := t.TempDir()
	if out, err := run(t, dir, "demo", "--password", "hemligt-12345"); err != nil {
		t.Fatalf("Expected the demo to load, got %v\n%s", err, out)
	}
	outDir := t.TempDir()
	file := filepath.Join(outDir, "uppfoljning.html")

	out, err := run(t, dir, "report", "followup", "--board", "Kommunstyrelsen", "--year", "2024", "--format", "html", "-o", file)
	if err != nil {
		t.Fatalf("Expected the follow-up written, got %v\n%s", err, out)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	html := string(raw)
	for _, want := range []string{"<!doctype html>", "<h1>Uppföljning av kommunstyrelsens internkontrollplan 2024</h1>",
		"Responstiden för 2024 är 8,1 minuter.", "Cyberangrepp", "Tidplan: kvartal 2 2025"} {
		if !strings.Contains(html, want) {
			t.Errorf("Expected %q in the file", want)
		}
	}
	if !strings.Contains(out, "Skrev "+file) {
		t.Errorf("Expected the file named in the output, got %q", out)
	}

	// the plan as Excel, in every format the command writes
	for _, format := range []string{"pdf", "docx", "xlsx"} {
		kind := "followup"
		if format == "xlsx" {
			kind = "plan"
		}
		target := filepath.Join(t.TempDir(), "dokument."+format)
		if out, err := run(t, dir, "report", kind, "--board", "KS", "--year", "2024", "--format", format, "-o", target); err != nil {
			t.Fatalf("Expected the %s written, got %v\n%s", format, err, out)
		}
		raw, err := os.ReadFile(target)
		if err != nil || len(raw) < 1000 {
			t.Fatalf("Expected a %s file, got %d bytes (%v)", format, len(raw), err)
		}
		magic := map[string]string{"pdf": "%PDF-", "docx": "PK", "xlsx": "PK"}[format]
		if !strings.HasPrefix(string(raw), magic) {
			t.Errorf("Expected a %s file to start with %q", format, magic)
		}
	}
	// the tjänsteskrivelse, internal and public (the demo's control 12,
	// confidential, has no deviation: the public memo counts one control less)
	out, err = run(t, dir, "report", "memo", "--board", "KS", "--year", "2024", "-o", "-")
	if err != nil || !strings.Contains(out, "<h1>Tjänsteskrivelse</h1>") || !strings.Contains(out, "Kommunstyrelsen godkänner uppföljningen av internkontrollplan 2024.") ||
		!strings.Contains(out, "omfattar 20 kontrollpunkter") {
		t.Errorf("Expected the internal memo on standard out, got %v\n%s", err, out)
	}
	out, err = run(t, dir, "report", "memo", "--board", "KS", "--year", "2024", "--public", "-o", "-")
	if err != nil || !strings.Contains(out, "omfattar 19 kontrollpunkter") || strings.Contains(out, "Cyberangrepp") {
		t.Errorf("Expected the public memo without the confidential control, got %v\n%s", err, out)
	}
	if _, err := run(t, dir, "report", "followup", "--board", "KS", "--year", "2024", "--format", "xlsx", "-o", "-"); err == nil ||
		!strings.Contains(err.Error(), "xlsx finns för planen") {
		t.Errorf("Expected xlsx refused for the follow-up, got %v", err)
	}

	// the public version to standard output, by short name in lower case
	out, err = run(t, dir, "report", "followup", "--board", "ks", "--year", "2024", "--public", "-o", "-")
	if err != nil || !strings.HasPrefix(out, "<!doctype html>") || strings.Contains(out, "Cyberangrepp") || !strings.Contains(out, "11. IT-säkerhet") {
		t.Errorf("Expected the public version on standard output, got %v\n%.300s", err, out)
	}
	// the plan and the roll-up
	if out, err := run(t, dir, "report", "plan", "--board", "KS", "--year", "2024", "-o", "-"); err != nil || !strings.Contains(out, "<caption>Räddningstjänsten</caption>") {
		t.Errorf("Expected the plan document, got %v\n%.300s", err, out)
	}
	if out, err := run(t, dir, "report", "rollup", "--year", "2024", "-o", "-"); err != nil || !strings.Contains(out, "<td>Kommunstyrelsen</td><td>20</td><td>20</td><td>13</td><td>8</td><td>4</td><td>5</td>") {
		t.Errorf("Expected the roll-up, got %v\n%.300s", err, out)
	}

	// refusals: a non-zero exit, one Swedish line, and nothing written
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"followup", "--board", "Socialnämnden", "--year", "2024"}, `Nämnden "Socialnämnden" finns inte`},
		{[]string{"followup", "--board", "KS", "--year", "2023"}, "Kommunstyrelsen har ingen internkontrollplan för 2023."},
		{[]string{"followup", "--board", "KS", "--year", "2024", "--format", "odt"}, `Det går inte att skriva "odt": okänt format – välj ett av: `},
		{[]string{"followup", "--board", "KS"}, "ange år med --year"},
		{[]string{"followup", "--year", "tjugo", "--board", "KS"}, "ange år med --year"},
		{[]string{"plan", "--year", "2024"}, "ange nämnd med --board"},
		{[]string{"budget", "--year", "2024"}, "ange vilket dokument: followup, plan, rollup"},
		{[]string{"rollup", "--year", "2019"}, "Det finns ingen internkontrollplan för 2019 att sammanställa."},
	} {
		target := filepath.Join(outDir, "nej.html")
		args := append([]string{"report"}, c.args...)
		args = append(args, "-o", target)
		_, err := run(t, dir, args...)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("Expected %v refused with %q, got %v", c.args, c.want, err)
		}
		if _, serr := os.Stat(target); !os.IsNotExist(serr) {
			t.Errorf("Expected nothing written for %v", c.args)
		}
	}
	entries, _ := os.ReadDir(outDir)
	if len(entries) != 1 || entries[0].Name() != "uppfoljning.html" {
		t.Errorf("Expected only the one file and no temporary files, got %v", entries)
	}
}

func TestReportCommandDefaultName(t *testing.T) {
	dir := t.TempDir()
	if out, err := run(t, dir, "demo", "--password", "hemligt-12345"); err != nil {
		t.Fatalf("Expected the demo to load, got %v\n%s", err, out)
	}
	work := t.TempDir()
	t.Chdir(work)
	if out, err := run(t, dir, "report", "followup", "--board", "Kommunstyrelsen", "--year", "2024", "--public"); err != nil {
		t.Fatalf("Expected the follow-up written, got %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(work, "uppfoljning-kommunstyrelsen-2024-offentlig.html")); err != nil {
		t.Errorf("Expected the file named after the board and year, got %v", err)
	}
}
