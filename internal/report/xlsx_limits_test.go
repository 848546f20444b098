package report_test

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/hostile/badxlsx"
	"ikplan/proof/testapp"
)

// notXLSX is the start of the refusal of a file that is not a readable
// workbook.
const notXLSX = "Filen kunde inte läsas som en Excel-arbetsbok (.xlsx)."

// hostileAlloc is the most an import may allocate to refuse a hostile
// file: the file itself (at most MaxImportBytes) and the little it reads
// before the limit it breaks. Before the limits, such files took 2–23 GB.
const hostileAlloc = 24 << 20

// TestImportRefusesHostileFiles: a file that is small to send and costly to
// read is refused by the limit it breaks, in a Swedish message naming the
// limit, before it costs the server: nothing is written, little is
// allocated. It does not run in parallel, so that the allocations it
// measures are the import's own.
func TestImportRefusesHostileFiles(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	draft := newDraft(t, app, f.KS, 2025)
	sharedOne := badxlsx.Text(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Kontroll</t></si></sst>`)
	unpacked := fmt.Sprintf("Filen blir mer än %d MB när den packas upp", report.MaxImportUnpacked>>20)
	outside := fmt.Sprintf("ligger utanför planens kolumner: en plan får bara ha något i kolumnerna A–AX (högst %d).", report.MaxImportColumns)
	below := fmt.Sprintf("ligger för långt ned i bladet: en plan läses bara till och med rad %d.", report.MaxImportRow)
	scenarios := []struct {
		name string
		data []byte
		want string
	}{
		{"a sheet that unpacks to 190 MB (the red team's zip bomb)", badxlsx.ZipBomb(190 << 20), unpacked},
		{"a style part that unpacks to 190 MB", badxlsx.PartBomb("xl/styles.xml", 190<<20), unpacked},
		{"a sheet that unpacks to 20 MB", badxlsx.ZipBomb(20 << 20), fmt.Sprintf("Bladet \"Plan\" blir mer än %d MB när det packas upp.", report.MaxImportPart>>20)},
		{"shared strings that unpack to 20 MB", badxlsx.SharedStringsBomb(20 << 20), fmt.Sprintf("Arbetsbokens texter blir mer än %d MB när de packas upp.", report.MaxImportPart>>20)},
		{"a sheet of 50 MB that says it is 1 KB", badxlsx.LyingSize(50 << 20), notXLSX},
		{"a filled cell in column XFD on 20 000 rows (the red team's sheet)", badxlsx.FarCells(20000), "Cellen XFD2 " + outside},
		{"a filled cell in column AY", badxlsx.Cell("AY3"), "Cellen AY3 " + outside},
		{"a filled cell on row 1 048 576", badxlsx.Cell("A1048576"), "Cellen A1048576 " + below},
		{"a filled cell on row 10 001", badxlsx.Cell("C10001"), "Cellen C10001 " + below},
		{"2 000 parts", badxlsx.ManyParts(2000), "Filen består av fler än 1000 delar."},
		{"a cell with 300 000 attributes", badxlsx.Attributes(300000), notXLSX},
		{"a cell with 1 000 000 nested elements", badxlsx.Nested(1000000), notXLSX},
		{"entities that expand a billion times", badxlsx.Entities(), notXLSX},
		{"a shared string that is not there", badxlsx.SharedStrings("7", sharedOne), notXLSX},
		{"no workbook", badxlsx.NoWorkbook(), notXLSX},
		{"the sheet twice", badxlsx.Duplicate(), notXLSX},
	}
	for _, s := range scenarios {
		before := tally(t, app)
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		start := time.Now()
		res, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(s.data), false)
		took := time.Since(start)
		runtime.ReadMemStats(&m1)
		alloc := m1.TotalAlloc - m0.TotalAlloc
		t.Logf("%s (%d KB): refused in %s, %d KB allocated", s.name, len(s.data)>>10, took.Round(time.Millisecond), alloc>>10)
		if err != nil || len(res.Errors) != 1 || res.Errors[0].Row != 0 || !strings.Contains(res.Errors[0].Text(i18n.Sv), s.want) {
			t.Errorf("%s: expected one refusal of the file %q, got %v %+v", s.name, s.want, err, res.Errors)
		}
		if after := tally(t, app); after != before {
			t.Errorf("%s: expected nothing written, got %v → %v", s.name, before, after)
		}
		if alloc > hostileAlloc {
			t.Errorf("%s: expected at most %d MB allocated to refuse it, got %d MB", s.name, hostileAlloc>>20, alloc>>20)
		}
	}
}

// TestImportReadsWithinTheLimits: what the limits let through is read as
// before: rows far down with empty rows between, formatted empty cells far
// out to the right (as a spreadsheet program writes for a row given a
// border), a cell in the last column allowed.
func TestImportReadsWithinTheLimits(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	last := fmt.Sprintf(`<row r="%d"><c r="B%d"><v>3</v></c><c r="C%d" t="inlineStr"><is><t>Kontroll 3</t></is></c><c r="AX%d" t="inlineStr"><is><t>anteckning</t></is></c></row>`,
		report.MaxImportRow, report.MaxImportRow, report.MaxImportRow, report.MaxImportRow)
	for i, s := range []struct {
		name string
		data []byte
		rows int
	}{
		{"formatted empty cells out to column XFD", badxlsx.BlankCells(500), 2},
		{"the last row and column read", badxlsx.Workbook(badxlsx.Sheet(badxlsx.Control(2), last)), 2},
	} {
		draft := newDraft(t, app, f.KS, 2025+i)
		res, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(s.data), false)
		if err != nil || !res.OK() || res.Created != s.rows {
			t.Errorf("%s: expected %d controls imported, got %v %+v", s.name, s.rows, err, res)
		}
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestImportChecksTheDraftFirst: a plan that is not a draft refuses the
// import before a byte of the file is read, so a hostile file costs
// nothing there.
func TestImportChecksTheDraftFirst(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	file := &countingReader{r: bytes.NewReader(badxlsx.FarCells(20000))}
	res, err := report.ImportPlan(app, model.System, f.Plan, file, false)
	if err != nil || len(res.Errors) != 1 || !strings.HasPrefix(res.Errors[0].Text(i18n.Sv), "Planen är antagen.") {
		t.Fatalf("Expected the adopted plan refused, got %v %+v", err, res.Errors)
	}
	if file.n != 0 {
		t.Errorf("Expected the file not read, got %d bytes read", file.n)
	}
}
