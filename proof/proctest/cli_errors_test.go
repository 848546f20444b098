package proctest_test

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ikplan/proof/proctest"
)

// TestCommandsPrintTheirErrors runs the real binary as a user would and
// reads what it prints: a refused import names every row and column error
// on standard error, one line each, and exits non-zero; so does every
// other refusal (PocketBase gives its commands a writer that discards
// everything, so a test that installs its own writer cannot see this).
func TestCommandsPrintTheirErrors(t *testing.T) {
	t.Parallel()
	bin, dir := proctest.Binary(t), t.TempDir()
	run := func(args ...string) (stdout, stderr string, err error) {
		t.Helper()
		var out, errs bytes.Buffer
		cmd := exec.Command(bin, append(args, "--dir", dir)...)
		cmd.Stdout, cmd.Stderr = &out, &errs
		err = cmd.Run()
		return out.String(), errs.String(), err
	}
	if out, errs, err := run("demo"); err != nil {
		t.Fatalf("demo: %v\n%s%s", err, out, errs)
	}
	file := filepath.Join(t.TempDir(), "plan.xlsx")
	if out, errs, err := run("export", "plan", "--board", "KS", "--year", "2024", "-o", file); err != nil {
		t.Fatalf("export: %v\n%s%s", err, out, errs)
	}
	if out, errs, err := run("carry", "plan", "--board", "KS", "--year", "2024", "--decide", "continue"); err != nil {
		t.Fatalf("carry: %v\n%s%s", err, out, errs)
	}

	// the adopted plan: one refusal, said
	_, errs, err := run("import", "plan", file, "--board", "KS", "--year", "2024")
	if err == nil || !strings.Contains(errs, "Planen är antagen.") {
		t.Errorf("Expected the adopted plan's import refused on standard error, got %v and %q", err, errs)
	}

	// next year's draft: every bad row, one line each
	x, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for row := 2; row <= 21; row++ { // due within the draft's year
		_ = x.SetCellStr("Plan", fmt.Sprintf("L%d", row), "2025-12-31")
	}
	_ = x.SetCellStr("Plan", "H3", "Slumpvis")
	_ = x.SetCellStr("Plan", "C7", "")
	_ = x.SetCellStr("Plan", "B9", "x")
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	if err := x.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	x.Close()
	out, errs, err := run("import", "plan", bad, "--board", "KS", "--year", "2025")
	if err == nil {
		t.Fatalf("Expected a non-zero exit, got none\n%s", out)
	}
	for _, want := range []string{
		`rad 3, kolumn H (Metod): Okänd metod "Slumpvis".`,
		"rad 7, kolumn C (Rubrik): Skriv en rubrik för kontrollpunkten.",
		"rad 9, kolumn B (Nr):",
		"importen avbröts med 3 fel; ingenting har importerats",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("Expected %q on standard error, got %q (standard output %q)", want, errs, out)
		}
	}
	if n := strings.Count("\n"+errs, "\nrad "); n != 3 {
		t.Errorf("Expected each row error on its own line, got %q", errs)
	}

	// a command that cannot start says why
	if _, errs, err := run("export", "plan", "--board", "KS", "--year", "2024"); err == nil || !strings.Contains(errs, "ange filen att skriva med -o") {
		t.Errorf("Expected the missing -o named on standard error, got %v and %q", err, errs)
	}
}
