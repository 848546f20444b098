package report

import "testing"

// For the layout tests of package report_test, which read the documents of
// the demo data.
var (
	Landscape      = landscape
	TableWords     = tableWords
	TableTextWidth = tableTextWidth
)

// DOCXTable is a table of a written Word document as read back.
type DOCXTable struct {
	Widths []int // the grid's column widths, twips
	Header []bool
	Rows   [][]string
}

// DOCXParagraph is a paragraph outside the tables as read back.
type DOCXParagraph struct {
	Style, Text string
	KeepNext    bool
}

// DOCXLayout reads a Word document's tables and paragraphs back.
func DOCXLayout(t testing.TB, data []byte) ([]DOCXTable, []DOCXParagraph, string) {
	f := readDOCX(t, data)
	var tables []DOCXTable
	for _, tb := range f.tables {
		tables = append(tables, DOCXTable{Widths: tb.widths, Header: tb.header, Rows: tb.rows})
	}
	var paras []DOCXParagraph
	for _, p := range f.paras {
		paras = append(paras, DOCXParagraph{Style: p.style, Text: p.text(), KeepNext: p.keepNext})
	}
	return tables, paras, f.parts["word/document.xml"]
}
