package auditpkg

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSheetsKeepHostileTextAsText: a text that looks like a formula, that
// carries characters XML cannot hold, or that is longer than a cell, is
// written as a text cell that Excel opens: never a formula, the invisible
// characters gone, cut at the cell's limit.
func TestSheetsKeepHostileTextAsText(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("å", maxCell+10)
	texts := []string{`=HYPERLINK("http://evil.example","klicka")`, "+1+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "nul\x00 och \x1b[31m", "\uFFFE", long, "<script>alert(1)</script>"}
	var rows [][]any
	for _, s := range texts {
		rows = append(rows, []any{s})
	}
	var buf bytes.Buffer
	if err := writeBook(&buf, []sheet{{name: "Resultat", headers: []string{"Redovisning"}, rows: rows}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("Expected Excel to open the workbook, got %v", err)
	}
	for i, s := range texts {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if formula, _ := f.GetCellFormula("Resultat", cell); formula != "" {
			t.Errorf("%s: Expected no formula, got %q", cell, formula)
		}
		got, _ := f.GetCellValue("Resultat", cell)
		if want := cellText(s); got != want {
			t.Errorf("%s: Expected %.40q, got %.40q", cell, want, got)
		}
	}
	if got := cellText("nul\x00 och \x1b[31m"); got != "nul och [31m" {
		t.Errorf("Expected the control characters gone, got %q", got)
	}
	if n := len([]rune(cellText(long))); n != maxCell {
		t.Errorf("Expected a cell cut at %d characters, got %d", maxCell, n)
	}
}
