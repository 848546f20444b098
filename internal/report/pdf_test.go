package report

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// TestWritePDF writes the 40-control follow-up report, reads the text back
// and checks that every string is there (Å Ä Ö, §, ”, ≤ and ≥ included),
// that each page has the running header and "Sida N av M", that headings
// are bookmarks nested as the headings are, that the table's header row is
// on every page the table runs over, that no heading or title line ends a
// page, and that the page break is kept.
func TestWritePDF(t *testing.T) {
	var buf bytes.Buffer
	if err := WritePDF(&buf, sampleDoc(40)); err != nil {
		t.Fatal(err)
	}
	file := keepFile(t, "followup.pdf", buf.Bytes())
	renderPNG(t, file)
	pages, outline := readPDF(t, buf.Bytes())
	n := len(pages)
	if n < 3 {
		t.Fatalf("%d pages; the 40-control report takes more", n)
	}
	var all []string
	for i, lines := range pages {
		text := squash(strings.Join(lines, " "))
		all = append(all, text)
		if want := fmt.Sprintf("Sida %d av %d", i+1, n); len(lines) == 0 || lines[len(lines)-1] != want {
			t.Errorf("page %d does not end with %q: %q", i+1, want, lines)
		}
		if !strings.HasPrefix(text, sampleHeader+" ") {
			t.Errorf("page %d does not start with the header %q: %.60q", i+1, sampleHeader, text)
		}
	}
	whole := strings.Join(all, " ")
	for _, s := range sampleTexts {
		if !strings.Contains(whole, squash(s)) {
			t.Errorf("the PDF lacks %q", s)
		}
	}
	for i := 1; i <= 40; i++ {
		if !strings.Contains(whole, fmt.Sprintf("Åtgärd %d: rutiner", i)) {
			t.Errorf("the PDF lacks table row %d", i)
		}
	}

	headRow := strings.Join(sampleHeaderRow, " ")
	tablePages := 0
	for i, text := range all {
		if regexp.MustCompile(`Åtgärd \d+: rutiner`).MatchString(text) {
			tablePages++
			if !strings.Contains(text, headRow) {
				t.Errorf("page %d has table rows but not the header row %q", i+1, headRow)
			}
		}
	}
	if tablePages < 2 {
		t.Errorf("the table is on %d pages; the test wants one that runs over", tablePages)
	}

	keep := []string{sampleTitle, sampleH1, sampleH11, sampleH12, sampleH2, sampleH21, sampleLead5, sampleSecret}
	for i := 1; i <= 40; i++ {
		keep = append(keep, fmt.Sprintf("%d. Kontrollmoment %d – Fastighetsdata och ärendehantering", i, i))
	}
	for i, lines := range pages {
		if len(lines) < 2 {
			continue
		}
		last := squash(lines[len(lines)-2])
		for _, h := range keep {
			if last != "" && strings.HasSuffix(h, last) {
				t.Errorf("page %d ends with a heading or title line: %q", i+1, last)
			}
		}
	}
	for i, text := range all {
		if strings.Contains(text, sampleH2) && strings.Contains(text, "Åtgärd 40:") {
			t.Errorf("page %d: the page break before %q was lost", i+1, sampleH2)
		}
	}

	want := "[" + sampleH1 + " [" + sampleH11 + " " + sampleH12 + "] " + sampleH2 + " [" + sampleH21 + "]]"
	if got := outlineString(outline.Child); got != want {
		t.Errorf("outline\n got %s\nwant %s", got, want)
	}

	raw := buf.String()
	if c := strings.Count(raw, "/FontFile2"); c < 2 {
		t.Errorf("%d embedded TrueType fonts; want the Go fonts embedded", c)
	}
	if strings.Contains(raw, "/BaseFont /Helvetica") || strings.Contains(raw, "/BaseFont /Arial") {
		t.Error("the PDF uses a font that is not embedded")
	}
}

// TestWritePDFWide lays a wide table landscape, splits a cell taller than
// a page over pages without losing text, and writes an empty document.
func TestWritePDFWide(t *testing.T) {
	// taller than a page even in the widest column the table layout gives it
	long := strings.Repeat("Lång redovisning av kontrollen med många ord. ", 150) + "SLUT"
	d := &Doc{Title: "Internkontrollplan 2025", Header: "Kommunstyrelsen – 2025"}
	d.P("", "Planen antas av kommunstyrelsen.")
	d.T(Table{Header: strings.Fields("Nr Process Risk Riskvärde Kontrollmoment Metod Frekvens Ansvarig Rapport Klart"),
		Rows: [][]string{{"1", "Fastighetsdata", "Obehörig åtkomst", "12", "Stickprov", "Årligen", "Kansliet", "KS", "2025-12-31", long}}})
	var buf bytes.Buffer
	if err := WritePDF(&buf, d); err != nil {
		t.Fatal(err)
	}
	keepFile(t, "wide.pdf", buf.Bytes())
	r, err := pdf.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	box := r.Page(1).V.Key("MediaBox")
	if box.IsNull() {
		box = r.Page(1).V.Key("Parent").Key("MediaBox")
	}
	if w, h := box.Index(2).Float64(), box.Index(3).Float64(); w <= h {
		t.Errorf("page %v×%v; a ten-column table wants landscape", w, h)
	}
	pages, _ := readPDF(t, buf.Bytes())
	if len(pages) < 2 {
		t.Fatalf("%d pages; the long cell takes more than one", len(pages))
	}
	var all []string
	for i, p := range pages {
		text := squash(strings.Join(p, " "))
		all = append(all, text)
		if !strings.Contains(text, "Nr Process Risk Riskvärde") {
			t.Errorf("page %d lacks the header row: %.200q", i+1, text)
		}
	}
	whole := strings.Join(all, " ")
	if c := strings.Count(whole, "redovisning"); c != 150 || !strings.Contains(whole, "SLUT") {
		t.Errorf("the long cell is split over %d pages with %d of its 150 sentences", len(pages), c)
	}
	if !strings.Contains(all[0], "Lång redovisning") {
		t.Error("the long row does not start on the first page, under the header row")
	}

	buf.Reset()
	if err := WritePDF(&buf, &Doc{}); err != nil {
		t.Fatal(err)
	}
	if pages, _ := readPDF(t, buf.Bytes()); len(pages) != 1 {
		t.Errorf("an empty document has %d pages, want 1", len(pages))
	}
}

func outlineString(os []pdf.Outline) string {
	var parts []string
	for _, o := range os {
		parts = append(parts, o.Title)
		if len(o.Child) > 0 {
			parts = append(parts, outlineString(o.Child))
		}
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// renderPNG renders the first page of a PDF to a PNG beside it, for a
// person to look at, when poppler's pdftoppm is installed.
func renderPNG(t *testing.T, file string) {
	tool, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Logf("no pdftoppm; open %s to look at it", file)
		return
	}
	out := strings.TrimSuffix(file, filepath.Ext(file))
	if b, err := exec.Command(tool, "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", file, out).CombinedOutput(); err != nil {
		t.Logf("pdftoppm: %v %s", err, b)
		return
	}
	t.Logf("page 1 rendered to %s.png", out)
}
