package report

import "fmt"

// pdfBlock is a part of the document made into rows: room before it, its
// rows, the height that must fit at the bottom of a page for it to start
// there (no single line, and no heading, left alone at the bottom of a
// page), whether it keeps with the start of the next block (headings, an
// item's title line), and for a table the header row repeated on each new
// page and the number of rows (caption, header) before its data rows.
type pdfBlock struct {
	before   float64
	rows     []pdfRow
	start    float64
	withNext bool
	repeat   *pdfCells
	skip     int
	pageBrk  bool
}

// blocks makes d's title and blocks into rows, and each into an element of
// the structure tree: the logo a Figure, the issuer a P, the title H1, the
// headings H2 and below, paragraphs P and tables Table.
func (l *pdfLayout) blocks(d *Doc) []pdfBlock {
	var out []pdfBlock
	if issuer := l.issuer(d); len(issuer) > 0 {
		out = append(out, pdfBlock{rows: issuer, start: rowsHeight(issuer), withNext: true})
	}
	if d.Title != "" {
		rows := l.lines(d.Title, pdfTitle, l.width, nil, l.doc.add("H1"), nil)
		out = append(out, pdfBlock{rows: rows, start: rowsHeight(rows), withNext: true})
	}
	var levels []int
	for _, b := range d.Blocks {
		if b.Heading != nil {
			levels = append(levels, b.Heading.Level)
		}
	}
	levels = outlineLevels(levels)
	headings := 0
	for _, b := range d.Blocks {
		switch {
		case b.Heading != nil:
			h := b.Heading
			st := pdfHeadings[min(max(h.Level, 1), len(pdfHeadings))-1]
			level := levels[headings]
			headings++
			mark := pdfMark{text: outlineText(h.Text), level: level}
			rows := l.lines(h.Text, st, l.width, nil, l.doc.add(pdfHeadingTag(h.Level)), func(top float64) {
				mark.page, mark.top = len(l.pages)-1, top
				l.marks = append(l.marks, mark)
			})
			before := []float64{7, 5, 4}[min(max(h.Level, 1), 3)-1]
			out = append(out, pdfBlock{before: before, rows: rows, start: rowsHeight(rows), withNext: true})
		case b.Paragraph != nil:
			out = append(out, l.paragraph(b.Paragraph))
		case b.Table != nil:
			out = append(out, l.table(b.Table))
		case b.PageBreak:
			out = append(out, pdfBlock{pageBrk: true})
		}
	}
	return out
}

// pdfHeadingTag is the structure type of a heading of the level: the
// title is H1, so level 1 is H2, down to H6.
func pdfHeadingTag(level int) string {
	return fmt.Sprintf("H%d", min(max(level, 1), 5)+1)
}

// paragraph makes p into rows: running text, an item's title line (bold,
// kept with what follows) or a note (smaller, italic, muted).
func (l *pdfLayout) paragraph(p *Paragraph) pdfBlock {
	st, before, withNext := pdfBody, 2.5, false
	switch p.Style {
	case "lead":
		st, before, withNext = pdfLead, 4.5, true
	case "note":
		st, before = pdfNote, 2
	}
	rows := l.lines(p.Text, st, l.width, p.Marks, l.doc.add("P"), nil)
	return pdfBlock{before: before, rows: rows, start: rowsHeight(rows[:min(2, len(rows))]), withNext: withNext}
}

// place puts the blocks on pages: a block starts on a new page when the
// rows it must keep together (and, for a heading, the start of what
// follows) do not fit; a table row that does not fit goes to a new page
// under the table's header row again.
func (l *pdfLayout) place(blocks []pdfBlock) {
	for i, b := range blocks {
		if b.pageBrk {
			l.newPage()
			continue
		}
		if len(b.rows) == 0 {
			continue
		}
		if !l.fits(startHeight(blocks, i, 3)) {
			l.newPage()
		}
		l.space(b.before)
		for k, r := range b.rows {
			if k >= b.skip && r.cells != nil {
				l.placeCells(r.cells, b.repeat)
				continue
			}
			l.add(r)
		}
	}
}

// startHeight is the room block i needs at the bottom of a page: its room
// before and its start, and for a block that keeps with the next, all its
// rows and the next block's start (up to depth blocks).
func startHeight(blocks []pdfBlock, i, depth int) float64 {
	b := blocks[i]
	if !b.withNext || depth == 0 || i+1 >= len(blocks) || blocks[i+1].pageBrk {
		return b.before + b.start
	}
	return b.before + rowsHeight(b.rows) + startHeight(blocks, i+1, depth-1)
}

func rowsHeight(rows []pdfRow) float64 {
	h := 0.0
	for _, r := range rows {
		h += r.h
	}
	return h
}

// pdfLogoH is the logo's height above the title, in mm.
const pdfLogoH = 14.0

// issuer is the logo and the municipality's name above the title. The logo
// is a Figure whose alternative text is the municipality's name: it says
// who issues the document, as the name beside it does. Without a name it
// says nothing a reader needs, and is an artifact.
func (l *pdfLayout) issuer(d *Doc) []pdfRow {
	var rows []pdfRow
	if img := newPDFImage(d.Logo, d.LogoType); img != nil {
		l.logo = img
		w, h := pdfLogoH*float64(img.w)/float64(img.h), pdfLogoH
		if w > l.width {
			w, h = l.width, l.width*float64(img.h)/float64(img.w)
		}
		var fig *pdfElem
		if d.Issuer != "" {
			fig = l.doc.add("Figure")
			fig.alt = d.Issuer
		}
		rows = append(rows, pdfRow{h: h, draw: func(top float64) { l.image(fig, pdfLeft, top, w, h) }}, pdfRow{h: 2})
	}
	if d.Issuer != "" {
		rows = append(rows, l.lines(d.Issuer, pdfIssuer, l.width, nil, l.doc.add("P"), nil)...)
		rows = append(rows, pdfRow{h: 2})
	}
	return rows
}
