package report

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"reflect"
	"unsafe"

	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
)

// Headings become PDF bookmarks (the outline a reader shows beside the
// pages). maroto v2 has no call for that, but the gofpdf document it draws
// on has: Bookmark(text, level, y) records an outline entry on the page
// being drawn. maroto keeps that document in an unexported field "fpdf" of
// its provider, which every component is handed when it is drawn; a
// pdfBookmark component, placed in a heading's first line, reaches it
// there. The field is read once per document through reflect; should a
// later maroto rename it, the PDF is still written, without an outline, and
// TestWritePDF, which reads the outline back, fails.

// bookmarker is the part of gofpdf's Fpdf that records outline entries.
type bookmarker interface {
	Bookmark(txtStr string, level int, y float64)
}

// pdfOutline finds the provider's gofpdf document once per PDF.
type pdfOutline struct {
	top    float64 // the top margin: maroto's cells start below it
	looked bool
	fpdf   bookmarker
}

// of returns the gofpdf document behind provider p, or nil.
func (o *pdfOutline) of(p core.Provider) bookmarker {
	if o.looked {
		return o.fpdf
	}
	o.looked = true
	v := reflect.ValueOf(p)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil
	}
	f := v.Elem().FieldByName("fpdf")
	if !f.IsValid() || f.Kind() != reflect.Interface || !f.CanAddr() {
		return nil
	}
	f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	o.fpdf, _ = f.Interface().(bookmarker)
	return o.fpdf
}

// pdfBookmark is an invisible component that adds an outline entry where it
// is drawn.
type pdfBookmark struct {
	outline *pdfOutline
	text    string
	level   int // 0 is the top of the outline
}

// Render records the bookmark at the top of the cell.
func (b *pdfBookmark) Render(p core.Provider, cell *entity.Cell) {
	if fp := b.outline.of(p); fp != nil {
		fp.Bookmark(b.text, b.level, b.outline.top+cell.Y)
	}
}

// GetHeight is zero: a bookmark takes no room.
func (b *pdfBookmark) GetHeight(core.Provider, *entity.Cell) float64 { return 0 }

// SetConfig needs nothing from the configuration.
func (b *pdfBookmark) SetConfig(*entity.Config) {}

// GetStructure describes the bookmark for maroto's structure dumps.
func (b *pdfBookmark) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "bookmark", Value: b.text})
}

// outlineLevels turns heading levels into outline levels: the first heading
// is at the top, and no entry is more than one level below the one before
// it (gofpdf writes a broken outline otherwise).
func outlineLevels(levels []int) []int {
	out := make([]int, len(levels))
	prev := -1
	for i, l := range levels {
		lv := l - 1
		if i == 0 || lv < 0 {
			lv = 0
		}
		if lv > prev+1 {
			lv = prev + 1
		}
		out[i], prev = lv, lv
	}
	return out
}

// outlineText is a heading as a bookmark shows it: on one line, without
// control characters.
func outlineText(s string) string {
	s = norm.NFC.String(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}
