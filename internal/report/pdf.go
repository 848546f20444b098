package report

import (
	"fmt"
	"io"
	"strings"
)

func init() { Register("pdf", WritePDF) }

// WritePDF lays d out as a tagged PDF (PDF/UA-1): A4 (landscape when the
// shared rule of tablelayout.go says so), the Go fonts embedded (the glyphs used,
// each with its Unicode), the title large and bold, headings as bookmarks,
// tables with their header row repeated on every page they run over,
// d.Header at the top of every page and "Sida N av M" at the bottom. Every
// text is tagged in a structure tree made from d (see pdftag.go); the
// running header, the page numbers, the repeated header rows and the
// tables' rules are artifacts. It runs in-process; no program is called.
func WritePDF(w io.Writer, d *Doc) error {
	d = validText(d)
	fonts, err := loadPDFFonts()
	if err != nil {
		return err
	}
	l := newPDFLayout(d, fonts)
	l.place(l.blocks(d))
	out, err := l.write(d)
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err = w.Write(out)
	return err
}

// The page: A4 with margins in mm.
const (
	pdfLeft, pdfRight, pdfTop, pdfBottom     = 22.0, 18.0, 12.0, 18.0
	pdfEps                                   = 0.01 // rows never reach the very bottom
	pdfCellPadH, pdfCellPadV, pdfLineSpacing = 1.5, 1.1, 1.3
	pdfA4W, pdfA4H                           = 210.0, 297.0
	mmPerPt                                  = 25.4 / 72
)

// Grey levels: 0 is black, 1 white.
const (
	pdfInk    = 0.0
	pdfMuted  = 85.0 / 255
	pdfRule   = 150.0 / 255
	pdfShade  = 230.0 / 255
	pdfRuleW  = 0.2 // mm
	pdfFootAt = 10.0
)

// pdfStyle is a font, its size in points and its grey.
type pdfStyle struct {
	size  float64
	style pdfFontStyle
	grey  float64
}

var (
	pdfTitle    = pdfStyle{18, pdfBold, pdfInk}
	pdfIssuer   = pdfStyle{11, pdfBold, pdfMuted}
	pdfHeadings = []pdfStyle{{14, pdfBold, pdfInk}, {12, pdfBold, pdfInk}, {10.5, pdfBold, pdfInk}}
	pdfBody     = pdfStyle{10, pdfRegular, pdfInk}
	pdfLead     = pdfStyle{10, pdfBold, pdfInk}
	pdfNote     = pdfStyle{9, pdfItalic, pdfMuted}
	pdfCaption  = pdfStyle{9.5, pdfBold, pdfInk}
	pdfHeader   = pdfStyle{8.5, pdfRegular, pdfMuted}
)

// lineH is the height of one line of text in the style, in mm.
func (s pdfStyle) lineH() float64 { return s.size * mmPerPt * pdfLineSpacing }

// pdfLayout places rows on pages. It keeps the height used on the current
// page (cur, from the top of the page's content area, the running header
// included) so that it breaks pages where a document needs it: before a
// heading that would end a page, or a table row, whose header row is then
// repeated.
type pdfLayout struct {
	fonts   *pdfFonts
	used    map[pdfFontStyle][]bool // the glyphs drawn, by font
	pages   []*pdfPage
	pageW   float64
	pageH   float64
	width   float64 // of the content area, mm
	maxH    float64 // height of the content area
	headerH float64
	header  []string // the running header's lines
	cur     float64
	doc     *pdfElem // the structure tree's root element
	marks   []pdfMark
	logo    *pdfImage
}

// pdfPage is one page's content, and the structure element each of its
// marked-content sequences belongs to, by MCID.
type pdfPage struct {
	content strings.Builder
	parents []*pdfElem
}

func newPDFLayout(d *Doc, fonts *pdfFonts) *pdfLayout {
	l := &pdfLayout{fonts: fonts, used: map[pdfFontStyle][]bool{}, pageW: pdfA4W, pageH: pdfA4H,
		doc: &pdfElem{typ: "Document"}}
	if landscape(d) {
		l.pageW, l.pageH = pdfA4H, pdfA4W
	}
	l.width = l.pageW - pdfLeft - pdfRight
	l.maxH = l.pageH - pdfTop - pdfBottom
	if d.Header != "" {
		face := fonts.faces[pdfHeader.style]
		l.header = face.wrap(pdfText(d.Header, face), pdfHeader.size, l.width, l.width)
		// the header's lines, a rule under them, then room before the page's text
		l.headerH = float64(len(l.header))*pdfHeader.lineH() + 1 + 5.5
	}
	l.startPage()
	return l
}

// startPage begins a page, its running header above the content area.
func (l *pdfLayout) startPage() {
	l.pages = append(l.pages, &pdfPage{})
	l.cur = l.headerH
}

// page is the page being laid out.
func (l *pdfLayout) page() *pdfPage { return l.pages[len(l.pages)-1] }

// fits tells whether h mm more fits on the current page.
func (l *pdfLayout) fits(h float64) bool { return l.cur+h <= l.maxH-pdfEps }

// newPage ends the current page unless nothing is on it yet.
func (l *pdfLayout) newPage() {
	if l.cur != l.headerH {
		l.startPage()
	}
}

// add draws a row of height h on the page, or on a new one if it does not
// fit.
func (l *pdfLayout) add(r pdfRow) {
	if !l.fits(r.h) {
		l.newPage()
	}
	if r.draw != nil {
		r.draw(pdfTop + l.cur)
	}
	l.cur += r.h
}

// space leaves h mm of room, except at the top of a page.
func (l *pdfLayout) space(h float64) {
	if h <= 0 || l.cur == l.headerH {
		return
	}
	if !l.fits(h) {
		l.newPage()
		return
	}
	l.cur += h
}

// lines lays text out in the style across width mm, one row a line, each
// line tagged as part of el; marks go first on the first line, bold, and
// first (when set) is called with the first line's top when it is drawn.
func (l *pdfLayout) lines(s string, st pdfStyle, width float64, marks []string, el *pdfElem, first func(top float64)) []pdfRow {
	face := l.fonts.faces[st.style]
	s = pdfText(s, face)
	markText, markW := "", 0.0
	bold := l.fonts.faces[pdfBold]
	if len(marks) > 0 {
		markText = pdfText(strings.Join(marks, ", "), bold)
		markW = bold.width(markText+"  ", st.size)
	}
	h := st.lineH()
	var rows []pdfRow
	for i, line := range face.wrap(s, st.size, width-markW, width) {
		left := 0.0
		if i == 0 && markText != "" {
			left = markW
		}
		rows = append(rows, pdfRow{h: h, draw: func(top float64) {
			if i == 0 {
				if first != nil {
					first(top)
				}
				if markText != "" {
					ms := st
					ms.style = pdfBold
					l.text(el, pdfLeft, top, ms, markText)
				}
			}
			if line != "" {
				l.text(el, pdfLeft+left, top, st, line)
			}
		}})
	}
	return rows
}

// pdfRow is a row of the page, drawn with its top (mm from the top of the
// page) where it is placed, or a table row yet to be made into rows there.
type pdfRow struct {
	h     float64
	draw  func(top float64)
	cells *pdfCells
}
