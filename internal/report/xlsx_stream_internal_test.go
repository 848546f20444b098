package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"ikplan/internal/i18n"
)

// cellsOf is every filled cell of a sheet read by the import's reader,
// by its name ("C12").
func cellsOf(t *testing.T, data []byte, name string) map[string]string {
	t.Helper()
	x, err := openXLSX(data)
	if err != nil {
		t.Fatalf("Expected the file to open, got %v", err)
	}
	wb, err := x.workbook()
	if err != nil {
		t.Fatalf("Expected the workbook read, got %v", err)
	}
	var shared []string
	if part, err := x.open(wb.shared, partShared); err != nil || part == nil {
		t.Fatalf("Expected shared strings, got %v", err)
	} else if shared, err = readSharedStrings(part); err != nil {
		t.Fatalf("Expected the shared strings read, got %v", err)
	}
	var part = func() *sheetRows {
		for _, ws := range wb.sheets {
			if ws.name == name {
				p, err := x.open(ws.part, partSheet(name))
				if err != nil || p == nil {
					t.Fatalf("Expected the sheet %s, got %v", name, err)
				}
				return newSheetRows(p, name, shared)
			}
		}
		t.Fatalf("Expected a sheet %s in %v", name, wb.sheets)
		return nil
	}()
	out := map[string]string{}
	for {
		n, cells, err := part.next()
		if err != nil {
			if err.Error() == "EOF" {
				return out
			}
			t.Fatalf("Expected the rows read, got %v", err)
		}
		for i, v := range cells {
			if v != "" {
				out[fmt.Sprintf("%s%d", columnName(i+1), n)] = v
			}
		}
	}
}

// excelizeCells is the same as excelize reads it (GetRows with
// RawCellValue, as the import read sheets before its own reader).
func excelizeCells(t *testing.T, data []byte, name string) map[string]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for r, row := range rows {
		for c, v := range row {
			if v != "" {
				out[fmt.Sprintf("%s%d", columnName(c+1), r+1)] = v
			}
		}
	}
	return out
}

// oddTexts are texts whose reading is easy to get wrong.
var oddTexts = []string{
	"", " ", "  två  ", "Kontroll\x01 av _x0041_ och _x005F_x0041_\r\nslut", "_x005f_", "_xD800_", "_x00e5_", "_x12G4_",
	"=HYPERLINK(\"http://x\")", "+Inköp", "-6 kap 6 § KL", "@x", "\ttabb", "rad 1\nrad 2", "<b>&amp;</b>", "åäö ÅÄÖ é ü",
	"\u200b\u00a0", "😀", strings.Repeat("lång ", 2000), "8,1", "1e3", "0012", "TRUE",
}

// TestSheetReaderAsExcelize: the import's reader reads every cell of
// workbooks excelize writes — strings (shared and rich), numbers, dates,
// booleans, formulas — exactly as excelize reads them, on random sheets.
func TestSheetReaderAsExcelize(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(4711, 13))
	for n := range 60 {
		f := excelize.NewFile()
		sheets := []string{"Sheet1", "Plan"}
		if _, err := f.NewSheet("Plan"); err != nil {
			t.Fatal(err)
		}
		for range 1 + rng.IntN(120) {
			sh := sheets[rng.IntN(2)]
			cell, _ := excelize.CoordinatesToCellName(1+rng.IntN(MaxImportColumns), 1+rng.IntN(60))
			var err error
			switch rng.IntN(7) {
			case 0, 1:
				err = f.SetCellStr(sh, cell, oddTexts[rng.IntN(len(oddTexts))])
			case 2:
				err = f.SetCellValue(sh, cell, rng.NormFloat64()*1e4)
			case 3:
				err = f.SetCellValue(sh, cell, rng.IntN(100000)-50000)
			case 4:
				err = f.SetCellValue(sh, cell, time.Date(1990+rng.IntN(60), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC))
			case 5:
				err = f.SetCellBool(sh, cell, rng.IntN(2) == 0)
			case 6:
				err = f.SetCellRichText(sh, cell, []excelize.RichTextRun{
					{Text: oddTexts[rng.IntN(len(oddTexts))], Font: &excelize.Font{Bold: true}},
					{Text: oddTexts[rng.IntN(len(oddTexts))]},
				})
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		f.Close()
		for _, sh := range sheets {
			got, want := cellsOf(t, buf.Bytes(), sh), excelizeCells(t, buf.Bytes(), sh)
			if len(got) != len(want) {
				t.Errorf("workbook %d, sheet %s: expected %d cells, got %d", n, sh, len(want), len(got))
			}
			for ref, v := range want {
				if got[ref] != v {
					t.Errorf("workbook %d, sheet %s, %s: expected %q, got %q", n, sh, ref, v, got[ref])
				}
			}
		}
	}
}

// TestUnescapeText: the format's escapes are undone as excelize undoes
// them.
func TestUnescapeText(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"_x0041_":         "A",
		"_x005F_x0041_":   "_x0041_",
		"_x005f_":         "_",
		"a_x000D_\nb":     "a\r\nb",
		"_xD800_ kvar":    " kvar",
		"_x00E5_x":        "åx",
		"_x+041_ _x12G4_": "_x+041_ _x12G4_",
		"_x004":           "_x004",
		"ingen":           "ingen",
	} {
		if got := unescapeText(in); got != want {
			t.Errorf("Expected %q for %q, got %q", want, in, got)
		}
	}
}

// handWorkbook is a workbook with one sheet, "Plan", of the given XML and
// shared strings, written as other programs than excelize write them.
func handWorkbook(t testing.TB, sheetXML, sharedXML string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Plan" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": sheetXML,
		"xl/sharedStrings.xml":     sharedXML,
	} {
		// stored, not deflated: a fuzzer's changes then reach the XML
		w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write([]byte(body))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSheetReaderOddXML: what other writers than excelize put in a sheet
// is read as excelize reads it: namespace prefixes, rows and cells without
// references, inline and rich strings with phonetic runs, formulas with
// their values, booleans, errors, and escapes of characters XML cannot hold.
func TestSheetReaderOddXML(t *testing.T) {
	t.Parallel()
	shared := `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">` +
		`<si><t>Enkel</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Fet </t></r><r><t>och mager</t></r></si>` +
		`<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si><si><t>_x0041__x000D_</t></si></sst>`
	for name, sheet := range map[string]string{
		"prefixed": `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
			`<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>` +
			`<x:row r="3"><x:c r="C3" t="s"><x:v>2</x:v></x:c><x:c r="D3" t="s"><x:v> 3 </x:v></x:c></x:row></x:sheetData></x:worksheet>`,
		"without references": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			`<row><c t="s"><v>0</v></c><c><v>12.5</v></c><c/><c t="b"><v>1</v></c></row><row/><row><c t="e"><v>#N/A</v></c><c r="E3" t="str"><f>A1&amp;"x"</f><v>Enkelx</v></c><c><v>7</v></c></row>` +
			`</sheetData></worksheet>`,
		"inline": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2">` +
			`<c r="A2" t="inlineStr"><is><t>Rad _x000A_två</t></is></c>` +
			`<c r="B2" t="inlineStr"><is><r><t>Ett</t></r><r><rPr><i/></rPr><t> två</t></r><rPh><t>x</t></rPh></is></c>` +
			`<c r="C2" t="inlineStr"><v>utan is</v></c><c r="D2" t="s"><v></v></c><c r="E2"><f>1+1</f></c></row></sheetData>` +
			`<mergeCells count="1"><mergeCell ref="A2:B2"/></mergeCells></worksheet>`,
	} {
		data := handWorkbook(t, sheet, shared)
		got, want := cellsOf(t, data, "Plan"), excelizeCells(t, data, "Plan")
		if len(want) == 0 || len(got) != len(want) {
			t.Errorf("%s: expected %d cells %q, got %d %q", name, len(want), want, len(got), got)
		}
		for ref, v := range want {
			if got[ref] != v {
				t.Errorf("%s, %s: expected %q, got %q", name, ref, v, got[ref])
			}
		}
	}
}

// TestReadSheetSurvivesChanges: 5 000 workbooks, each a stored plan
// workbook with one to four random bytes changed, inserted or deleted, are
// each read to a sheet or refused with a message, quickly, and never crash
// the reader (FuzzReadSheet does the same, guided, when fuzzing).
func TestReadSheetSurvivesChanges(t *testing.T) {
	t.Parallel()
	seeds := readSheetSeeds(t)
	rng := rand.New(rand.NewPCG(7, 13))
	var slowest time.Duration
	for range 5000 {
		data := bytes.Clone(seeds[rng.IntN(len(seeds))])
		for range 1 + rng.IntN(4) {
			p := rng.IntN(len(data))
			switch rng.IntN(3) {
			case 0:
				data[p] = byte(rng.IntN(256))
			case 1:
				data = append(data[:p], data[p+1:]...)
			default:
				data = append(data[:p], append([]byte{`<>="/ax0_1`[rng.IntN(10)]}, data[p:]...)...)
			}
		}
		start := time.Now()
		checkReadSheet(t, data)
		slowest = max(slowest, time.Since(start))
	}
	if slowest > time.Second {
		t.Errorf("Expected each changed workbook read or refused within a second, got %s", slowest)
	}
}

// readSheetSeeds are stored (not deflated) plan workbooks.
func readSheetSeeds(t testing.TB) [][]byte {
	t.Helper()
	header := `<row r="1">`
	for _, h := range PlanHeaders() {
		header += `<c t="inlineStr"><is><t>` + h + `</t></is></c>`
	}
	header += `</row>`
	sheet := func(rows string) string {
		return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + header + rows + `</sheetData></worksheet>`
	}
	shared := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Kontroll</t></si><si><r><t>Rik </t></r><r><t>text</t></r></si></sst>`
	var out [][]byte
	for _, rows := range []string{
		`<row r="2"><c r="B2"><v>1</v></c><c r="C2" t="s"><v>0</v></c></row><row r="3"><c r="B3"><v>2</v></c><c r="C3" t="s"><v>1</v></c></row>`,
		`<row><c r="B2"><v>1</v></c><c t="inlineStr"><is><t>_x0041_</t></is></c><c r="L2"><v>45000</v></c></row>`,
		`<row r="9999"><c r="B9999"><v>1</v></c><c r="C9999" t="str"><f>A1</f><v>x</v></c><c r="AX9999" s="1"/></row>`,
	} {
		out = append(out, handWorkbook(t, sheet(rows), shared))
	}
	return out
}

// checkReadSheet reads data and fails unless it gives a sheet with rows
// within the limits or a refusal with a message.
func checkReadSheet(t *testing.T, data []byte) {
	t.Helper()
	s, err := readSheet(bytes.NewReader(data))
	if err != nil {
		if r, ok := errors.AsType[*refusal](err); !ok || !i18n.Has(r.Msg.Key) || r.Error() == "" {
			t.Fatalf("Expected a refusal with a message, got %v for %q", err, data)
		}
		return
	}
	if len(s.Rows) == 0 || len(s.Rows) > MaxImportRows {
		t.Fatalf("Expected 1 to %d rows, got %d", MaxImportRows, len(s.Rows))
	}
	for _, r := range s.Rows {
		if r.Row < 2 || r.Row > MaxImportRow || len(r.Values) != len(planColumns) {
			t.Fatalf("Expected rows 2 to %d with %d values, got row %d with %d", MaxImportRow, len(planColumns), r.Row, len(r.Values))
		}
	}
}

// FuzzReadSheet feeds any bytes to the import's reader: it never panics,
// and it answers either a sheet with rows within the limits or a refusal
// with a message. The seeds are stored (not deflated) workbooks, so that
// the fuzzer's changes reach their XML.
func FuzzReadSheet(f *testing.F) {
	for _, seed := range readSheetSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(checkReadSheet)
}
