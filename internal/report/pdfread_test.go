package report

import (
	"testing"

	"github.com/ledongthuc/pdf"

	"ikplan/proof/pdftext"
)

// readPDF reads a PDF back as a text extractor does (proof/pdftext): the
// lines of each page, and the outline.
func readPDF(t testing.TB, data []byte) ([][]string, pdf.Outline) {
	t.Helper()
	r, err := pdftext.Open(data)
	if err != nil {
		t.Fatalf("the PDF does not open: %v", err)
	}
	return pdftext.Pages(r), r.Outline()
}
