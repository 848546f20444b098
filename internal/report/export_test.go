package report

import (
	"regexp"
	"strings"
	"testing"
)

var pageNumber = regexp.MustCompile(`^Sida \d+ av \d+$`)

// PDFText is a PDF's running text, read back page by page without the
// running header and the page numbers, for the tests of package report_test.
func PDFText(t testing.TB, data []byte, header string) string {
	pages, _ := readPDF(t, data)
	var parts []string
	for _, lines := range pages {
		for _, l := range lines {
			l = strings.TrimSpace(l)
			if l == header || pageNumber.MatchString(l) {
				continue
			}
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}

// DOCXText is a Word document's text, paragraphs then tables.
func DOCXText(t testing.TB, data []byte) string {
	return readDOCX(t, data).text()
}
