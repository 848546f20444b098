package report

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestWriteDOCX writes the 40-control follow-up report and reads
// word/document.xml back: every string, the title and headings in Word's
// built-in styles, the title lines in Punktrubrik, the mark bold, the text
// escaped, the table with its repeated header row and 40 rows, the page
// break, and the page header and "Sida N av M" footer wired up.
func TestWriteDOCX(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, sampleDoc(40)); err != nil {
		t.Fatal(err)
	}
	keepFile(t, "followup.docx", buf.Bytes())
	f := readDOCX(t, buf.Bytes())

	if len(f.paras) == 0 || f.paras[0].style != "Title" || f.paras[0].text() != sampleTitle {
		t.Errorf("first paragraph %+v; want the title in style Title", f.paras[:min(1, len(f.paras))])
	}
	var headings []string
	leads, notes := 0, 0
	for _, p := range f.paras {
		switch {
		case strings.HasPrefix(p.style, "Heading"):
			headings = append(headings, p.style+": "+p.text())
		case p.style == "Lead":
			leads++
		case p.style == "Note" && p.text() == sampleNote:
			notes++
		}
	}
	want := []string{"Heading1: " + sampleH1, "Heading2: " + sampleH11, "Heading2: " + sampleH12,
		"Heading1: " + sampleH2, "Heading2: " + sampleH21}
	if fmt.Sprint(headings) != fmt.Sprint(want) {
		t.Errorf("headings\n got %q\nwant %q", headings, want)
	}
	if leads != 40 || notes != 1 {
		t.Errorf("%d paragraphs in Lead (want 40), %d notes in Note (want 1)", leads, notes)
	}
	secret := false
	for _, p := range f.paras {
		if strings.Contains(p.text(), sampleSecret) {
			secret = len(p.runs) >= 2 && p.runs[0].text == "Sekretess" && p.runs[0].bold && !p.runs[len(p.runs)-1].bold
		}
	}
	if !secret {
		t.Error("the confidential item does not start with a bold \"Sekretess\"")
	}

	text := f.text()
	for _, s := range sampleTexts {
		if s != sampleHeader && !strings.Contains(text, squash(s)) {
			t.Errorf("the DOCX lacks %q", s)
		}
	}
	doc := f.parts["word/document.xml"]
	if strings.Contains(doc, "<script") || !strings.Contains(doc, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the hostile text is not escaped in document.xml")
	}
	if f.pageBreaks != 1 {
		t.Errorf("%d page breaks, want 1", f.pageBreaks)
	}

	if len(f.tables) != 1 {
		t.Fatalf("%d tables, want 1", len(f.tables))
	}
	tb := f.tables[0]
	if tb.cols != 6 || len(tb.rows) != 41 {
		t.Fatalf("table of %d columns and %d rows; want 6 and 41", tb.cols, len(tb.rows))
	}
	if !tb.header[0] || fmt.Sprint(tb.rows[0]) != fmt.Sprint(sampleHeaderRow) {
		t.Errorf("header row %q (repeated: %v); want %q", tb.rows[0], tb.header[0], sampleHeaderRow)
	}
	for i := 1; i <= 40; i++ {
		if tb.header[i] || tb.rows[i][0] != fmt.Sprint(i) {
			t.Errorf("row %d: %q", i, tb.rows[i])
		}
	}
	if tb.rows[1][4] != sampleQ2 {
		t.Errorf("row 1 deadline %q, want %q", tb.rows[1][4], sampleQ2)
	}
	if !regexp.MustCompile(`<w:tblStyle w:val="TableGrid">`).MatchString(doc) {
		t.Error("the table is not in Table Grid")
	}

	styles := f.parts["word/styles.xml"]
	for i := 1; i <= 3; i++ {
		re := fmt.Sprintf(`w:styleId="Heading%d"[^>]*><w:name w:val="heading %d">.*?<w:outlineLvl w:val="%d">`, i, i, i-1)
		if !regexp.MustCompile(re).MatchString(styles) {
			t.Errorf("styles.xml lacks Word's built-in heading %d with outline level %d", i, i-1)
		}
	}
	for _, s := range []string{`w:styleId="Title"`, `w:styleId="TableGrid"`, `<w:tblBorders>`, `<w:lang w:val="sv-SE">`} {
		if !strings.Contains(styles, s) {
			t.Errorf("styles.xml lacks %s", s)
		}
	}

	rels := f.parts["word/_rels/document.xml.rels"]
	for _, part := range []struct{ ref, file, text string }{
		{"headerReference", "header1.xml", sampleHeader},
		{"footerReference", "footer1.xml", "Sida "},
	} {
		m := regexp.MustCompile(`<w:` + part.ref + ` w:type="default" r:id="(rId\d+)"`).FindStringSubmatch(doc)
		if m == nil || !strings.Contains(rels, `Id="`+m[1]+`" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/`+
			strings.TrimSuffix(part.ref, "Reference")+`" Target="`+part.file+`"`) {
			t.Errorf("the section's %s does not lead to %s", part.ref, part.file)
		}
		if !strings.Contains(f.parts["word/"+part.file], part.text) {
			t.Errorf("%s lacks %q", part.file, part.text)
		}
		if !strings.Contains(f.parts["[Content_Types].xml"], `PartName="/word/`+part.file+`"`) {
			t.Errorf("[Content_Types].xml lacks %s", part.file)
		}
	}
	for _, field := range []string{" PAGE ", " NUMPAGES "} {
		if !strings.Contains(f.parts["word/footer1.xml"], field) {
			t.Errorf("the footer lacks the field%s", field)
		}
	}
	if !strings.Contains(doc, `<w:pgSz w:w="11906" w:h="16838">`) {
		t.Error("the page is not A4 portrait")
	}
	if !strings.Contains(f.parts["docProps/core.xml"], "<dc:title>"+sampleTitle+"</dc:title>") {
		t.Error("core.xml lacks the title")
	}
}

// TestWriteDOCXWide lays a ten-column table out on landscape A4 (every
// column with text: an empty one is left out and does not count).
func TestWriteDOCXWide(t *testing.T) {
	d := &Doc{Title: "Internkontrollplan 2025"}
	d.T(Table{Header: strings.Fields("Nr Process Risk Riskvärde Kontrollmoment Metod Frekvens Ansvarig Rapport Klart"),
		Rows: [][]string{{"1", "rad ett\nrad två", "Obehörig åtkomst", "12", "Stickprov", "Granskning", "Årligen", "Kansliet", "KS", "2025-12-31"}}})
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, d); err != nil {
		t.Fatal(err)
	}
	f := readDOCX(t, buf.Bytes())
	if !strings.Contains(f.parts["word/document.xml"], `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape">`) {
		t.Error("a ten-column table is not on landscape A4")
	}
	if len(f.tables) != 1 || f.tables[0].rows[1][1] != "rad ett\nrad två" || len(f.tables[0].rows[1]) != 10 {
		t.Errorf("table %+v", f.tables)
	}
}

// TestDOCXInLibreOffice converts the report with LibreOffice, when it is
// installed, and reads the PDF it makes: LibreOffice opens the file, takes
// the headings for headings (its PDF has them as bookmarks), and fills in
// the page numbers. Page 1 is rendered beside the DOCX for a person.
func TestDOCXInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		t.Skip("LibreOffice (soffice) is not installed, or -short")
	}
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, sampleDoc(40)); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "followup.docx")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "followup.pdf"))
	if err != nil {
		t.Fatalf("LibreOffice made no PDF: %v", err)
	}
	renderPNG(t, keepFile(t, "followup-docx-libreoffice.pdf", data))
	pages, outline := readPDF(t, data)
	want := "[" + sampleH1 + " [" + sampleH11 + " " + sampleH12 + "] " + sampleH2 + " [" + sampleH21 + "]]"
	if got := outlineString(outline.Child); got != want {
		t.Errorf("LibreOffice's outline\n got %s\nwant %s", got, want)
	}
	var all []string
	for _, p := range pages {
		all = append(all, p...)
	}
	whole := squash(strings.Join(all, " "))
	for _, s := range []string{sampleTitle, sampleOutcome5, sampleHeader, fmt.Sprintf("Sida 1 av %d", len(pages))} {
		if !strings.Contains(whole, s) {
			t.Errorf("LibreOffice's PDF lacks %q", s)
		}
	}
}
