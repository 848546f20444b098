package report

import (
	"bytes"
	"strings"
	"testing"
)

// TestWritePDFInvalidUTF8 writes a document whose every text holds bytes
// that are not UTF-8 (as a form may post them): the PDF library panicked
// on them in the title and subject; now each such byte shows as U+FFFD.
func TestWritePDFInvalidUTF8(t *testing.T) {
	bad := "Fel\xed\xa0\x80kod\xff"
	d := &Doc{Title: "Titel " + bad, Header: "Sidhuvud " + bad, Lang: "sv"}
	d.H(1, "a", "Rubrik "+bad)
	d.P("", "Stycke "+bad, "Märke "+bad)
	d.T(Table{Caption: "Tabell " + bad, Header: []string{"A", bad}, Rows: [][]string{{bad, "cell"}}})
	var b bytes.Buffer
	if err := WritePDF(&b, d); err != nil {
		t.Fatalf("Expected the PDF to be written, got %v", err)
	}
	pages, _ := readPDF(t, b.Bytes())
	var text []string
	for _, p := range pages {
		text = append(text, p...)
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{"Stycke Fel", "Rubrik Fel"} {
		if !strings.Contains(all, want) {
			t.Errorf("Expected %q in the PDF's text, got\n%s", want, all)
		}
	}
	if strings.Contains(all, "\xff") {
		t.Errorf("Expected no invalid UTF-8 in the PDF's text, got %q", all)
	}
	if d.Blocks[1].Paragraph.Text != "Stycke "+bad {
		t.Errorf("Expected the document itself unchanged, got %q", d.Blocks[1].Paragraph.Text)
	}
}
