package hostile_test

import (
	"github.com/ledongthuc/pdf"

	"ikplan/proof/pdftext"
)

// pdfText reads the text a PDF shows, each text object a line.
func pdfText(r *pdf.Reader) []string { return pdftext.Lines(r) }

// openPDF opens a PDF from memory.
func openPDF(data []byte) (*pdf.Reader, error) { return pdftext.Open(data) }
