package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/border"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/orientation"
	"github.com/johnfercher/maroto/v2/pkg/consts/pagesize"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

func init() { Register("pdf", WritePDF) }

// WritePDF lays d out as a PDF: A4 (landscape when a table has more than
// six columns), the Go fonts embedded, the title large and bold, headings
// as bookmarks, tables with their header row repeated on every page they
// run over, d.Header at the top of every page and "Sida N av M" at the
// bottom. It runs in-process; no program is called.
func WritePDF(w io.Writer, d *Doc) error {
	d = validText(d)
	fonts, err := loadPDFFonts()
	if err != nil {
		return err
	}
	l, err := newPDFLayout(d, fonts)
	if err != nil {
		return err
	}
	l.place(l.blocks(d))
	out, err := l.m.Generate()
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	_, err = w.Write(out.GetBytes())
	return err
}

// The page: A4 with margins in mm, and a grid of pdfGrid units across so
// that columns get the widths asked for.
const (
	pdfGrid                                  = 1000
	pdfLeft, pdfRight, pdfTop, pdfBottom     = 22.0, 18.0, 12.0, 18.0
	pdfEps                                   = 0.01 // rows never reach the very bottom
	pdfCellPadH, pdfCellPadV, pdfLineSpacing = 1.5, 1.1, 1.3
	pdfMaxPortraitColumns                    = 6
	mmPerPt                                  = 25.4 / 72
)

var (
	pdfInk    = props.Color{Red: 0, Green: 0, Blue: 0}
	pdfMuted  = props.Color{Red: 85, Green: 85, Blue: 85}
	pdfRule   = props.Color{Red: 150, Green: 150, Blue: 150}
	pdfShade  = props.Color{Red: 230, Green: 230, Blue: 230}
	pdfBorder = &props.Cell{BorderType: border.Full, BorderColor: &pdfRule, BorderThickness: 0.2}
	pdfHeadBg = &props.Cell{BorderType: border.Full, BorderColor: &pdfRule, BorderThickness: 0.2, BackgroundColor: &pdfShade}
)

// pdfStyle is a font, its size in points and its colour.
type pdfStyle struct {
	size  float64
	style fontstyle.Type
	color *props.Color
}

var (
	pdfTitle    = pdfStyle{18, fontstyle.Bold, &pdfInk}
	pdfIssuer   = pdfStyle{11, fontstyle.Bold, &pdfMuted}
	pdfHeadings = []pdfStyle{{14, fontstyle.Bold, &pdfInk}, {12, fontstyle.Bold, &pdfInk}, {10.5, fontstyle.Bold, &pdfInk}}
	pdfBody     = pdfStyle{10, fontstyle.Normal, &pdfInk}
	pdfLead     = pdfStyle{10, fontstyle.Bold, &pdfInk}
	pdfNote     = pdfStyle{9, fontstyle.Italic, &pdfMuted}
	pdfCaption  = pdfStyle{9.5, fontstyle.Bold, &pdfInk}
	pdfHeader   = pdfStyle{8.5, fontstyle.Normal, &pdfMuted}
)

// lineH is the height of one line of text in the style, in mm.
func (s pdfStyle) lineH() float64 { return s.size * mmPerPt * pdfLineSpacing }

// props is maroto's text properties for a line of the style at left mm and
// top mm into its cell, the baseline centred in the line's height.
func (s pdfStyle) props(left, top float64) props.Text {
	return props.Text{Family: pdfFamily, Style: s.style, Size: s.size, Color: s.color,
		Left: left, Top: top + s.size*mmPerPt*(pdfLineSpacing-1)/2}
}

// pdfLayout places rows on pages. maroto breaks a page when a row does not
// fit; pdfLayout keeps the same count of the height used (cur, from the top
// of the page's content area, the running header included) so that it can
// break first where a document needs it: before a heading that would end a
// page, or a table row, whose header row is then repeated.
type pdfLayout struct {
	m       core.Maroto
	fonts   *pdfFonts
	outline *pdfOutline
	width   float64 // of the content area, mm
	maxH    float64 // height of the content area
	headerH float64
	cur     float64
}

func newPDFLayout(d *Doc, fonts *pdfFonts) (*pdfLayout, error) {
	b := config.NewBuilder().
		WithPageSize(pagesize.A4).
		WithLeftMargin(pdfLeft).WithRightMargin(pdfRight).
		WithTopMargin(pdfTop).WithBottomMargin(pdfBottom).
		WithMaxGridSize(pdfGrid).
		WithCustomFonts(fonts.custom(usesNotes(d))).
		WithDefaultFont(&props.Font{Family: pdfFamily, Size: pdfBody.size, Color: &pdfInk}).
		WithPageNumber(props.PageNumber{Pattern: "Sida {current} av {total}", Place: props.RightBottom,
			Family: pdfFamily, Size: 8.5, Color: &pdfMuted}).
		WithCompression(true).
		WithCreator("ikplan", true)
	if d.Title != "" {
		b = b.WithTitle(d.Title, true)
	}
	if d.Header != "" {
		b = b.WithSubject(d.Header, true)
	}
	if wideTable(d) {
		b = b.WithOrientation(orientation.Horizontal)
	}
	cfg := b.Build()
	l := &pdfLayout{
		m:       maroto.New(cfg),
		fonts:   fonts,
		outline: &pdfOutline{top: cfg.Margins.Top},
		width:   cfg.Dimensions.Width - cfg.Margins.Left - cfg.Margins.Right,
		maxH:    cfg.Dimensions.Height - cfg.Margins.Top - cfg.Margins.Bottom,
	}
	if d.Header != "" {
		face := fonts.faces[pdfHeader.style]
		var rows []core.Row
		for _, line := range face.wrap(pdfText(d.Header, face), pdfHeader.size, l.width, l.width) {
			h := pdfHeader.lineH()
			rows = append(rows, row.New(h).Add(col.New().Add(text.New(line, pdfHeader.props(0, 0)))))
			l.headerH += h
		}
		// a rule under the header, then room before the page's text
		rule := row.New(5.5).WithStyle(&props.Cell{BorderType: border.Top, BorderColor: &pdfRule, BorderThickness: 0.2})
		rows = append(rows, row.New(1), rule)
		l.headerH += 1
		l.headerH += 5.5
		if err := l.m.RegisterHeader(rows...); err != nil {
			return nil, fmt.Errorf("pdf: sidhuvud: %w", err)
		}
		l.cur = l.headerH
	}
	return l, nil
}

// usesNotes tells whether d has a note, the one thing set in italic.
func usesNotes(d *Doc) bool {
	for _, b := range d.Blocks {
		if b.Paragraph != nil && b.Paragraph.Style == "note" {
			return true
		}
	}
	return false
}

// wideTable tells whether d has a table too wide for a portrait page.
func wideTable(d *Doc) bool {
	for _, b := range d.Blocks {
		if b.Table != nil && tableColumns(b.Table) > pdfMaxPortraitColumns {
			return true
		}
	}
	return false
}

// fits tells whether h mm more fits on the current page.
func (l *pdfLayout) fits(h float64) bool { return l.cur+h <= l.maxH-pdfEps }

// newPage ends the current page unless nothing is on it yet.
func (l *pdfLayout) newPage() {
	if l.cur != l.headerH {
		l.m.AddPages(page.New())
		l.cur = l.headerH
	}
}

// add puts a row of height h on the page, or on a new one if it does not
// fit.
func (l *pdfLayout) add(r core.Row, h float64) {
	if !l.fits(h) {
		l.newPage()
	}
	l.m.AddRows(r)
	l.cur += h
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
	l.m.AddRows(row.New(h))
	l.cur += h
}

// lines lays text out in the style across width mm, one row a line; marks
// go first on the first line, bold, and mark (when set) is drawn with it.
func (l *pdfLayout) lines(s string, st pdfStyle, width float64, marks []string, mark core.Component) []pdfRow {
	face := l.fonts.faces[st.style]
	s = pdfText(s, face)
	markText, markW := "", 0.0
	if len(marks) > 0 {
		bold := l.fonts.faces[fontstyle.Bold]
		markText = pdfText(strings.Join(marks, ", "), bold)
		markW = bold.width(markText+"  ", st.size)
	}
	h := st.lineH()
	var rows []pdfRow
	for i, line := range face.wrap(s, st.size, width-markW, width) {
		c := col.New()
		left := 0.0
		if i == 0 {
			if markText != "" {
				mp := st.props(0, 0)
				mp.Style = fontstyle.Bold
				c.Add(text.New(markText, mp))
				left = markW
			}
			if mark != nil {
				c.Add(mark)
			}
		}
		if line != "" {
			c.Add(text.New(line, st.props(left, 0)))
		}
		rows = append(rows, pdfRow{r: row.New(h).Add(c), h: h})
	}
	return rows
}

// pdfRow is a row of maroto and its height, or a table row yet to be made
// into rows where it is placed.
type pdfRow struct {
	r     core.Row
	h     float64
	cells *pdfCells
}
