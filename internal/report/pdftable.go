package report

import (
	"math"
	"strings"
)

// pdfTableMinPt is the smallest size a table's text is set in.
const pdfTableMinPt = 6.5

// pdfCells is a table row's text, wrapped in its columns, and the
// structure element (TH or TD) of each cell: drawn whole when it fits,
// split where a page ends when it is taller than a page.
type pdfCells struct {
	lines  [][]string // each column's lines
	added  [][]bool   // whether a line ends in a hyphen the line breaker added
	widths []float64  // each column's width, mm
	elems  []*pdfElem
	st     pdfStyle
	fill   bool // shaded, as the header row is
	most   int  // lines of the tallest cell
}

// table makes a caption, a shaded header row and a bordered row for each
// of t's rows, in the columns the shared table layout keeps, at the widths
// it gives (see tablelayout.go: widths from content, words never broken
// inside unless one alone is wider than its column); in the structure tree
// a Table with its Caption, a THead whose row has a TH for each column
// (scope Column) and a TBody with a TR of TDs for each row.
func (l *pdfLayout) table(t *Table) pdfBlock {
	if tableColumns(t) == 0 {
		return pdfBlock{}
	}
	// the shared table size; smaller, down to pdfTableMinPt, when the
	// longest words do not fit side by side at it
	var plan columnPlan
	var st, head pdfStyle
	for size := tableFontPt; ; size -= 0.5 {
		st, head = pdfStyle{size, pdfRegular, pdfInk}, pdfStyle{size, pdfBold, pdfInk}
		plan = layoutColumns(t, l.width, 2*pdfCellPadH, func(s string, header bool) float64 {
			f := l.fonts.faces[pdfRegular]
			if header {
				f = l.fonts.faces[pdfBold]
			}
			return f.width(pdfText(s, f), size)
		})
		if plan.Fits || size-0.5 < pdfTableMinPt {
			break
		}
	}
	if len(plan.Keep) == 0 {
		return pdfBlock{}
	}
	tbl := l.doc.add("Table")
	b := pdfBlock{before: 3}
	if t.Caption != "" {
		b.rows = append(l.lines(t.Caption, pdfCaption, l.width, nil, tbl.add("Caption"), nil), pdfRow{h: 1})
	}
	if len(t.Header) > 0 {
		tr := tbl.add("THead").add("TR")
		hc := l.cells(plan.Row(t.Header), plan.Widths, head, tr, "TH")
		hc.fill = true
		b.repeat = hc
		b.rows = append(b.rows, l.cellsRow(hc, 0, -1, false))
	}
	b.skip = len(b.rows)
	b.start = rowsHeight(b.rows)
	var body *pdfElem
	if len(t.Rows) > 0 {
		body = tbl.add("TBody")
	}
	for i, r := range t.Rows {
		c := l.cells(plan.Row(r), plan.Widths, st, body.add("TR"), "TD")
		b.rows = append(b.rows, pdfRow{h: float64(c.most)*st.lineH() + 2*pdfCellPadV, cells: c})
		if i == 0 { // the first row starts with the table, or two lines of it if it is split anyway
			room := l.maxH - pdfEps - l.headerH
			if b.repeat != nil {
				room -= float64(b.repeat.most)*head.lineH() + 2*pdfCellPadV
			}
			if last := b.rows[len(b.rows)-1].h; last <= room {
				b.start += last
			} else {
				b.start += 2*st.lineH() + 2*pdfCellPadV
			}
		}
	}
	return b
}

// cells wraps each cell's text in its column with the shared line
// breaker; each cell is an element of type typ in the row tr. A hyphen the
// breaker adds where it breaks a word too wide for its column is marked, to
// be drawn as an artifact: it is not part of the text.
func (l *pdfLayout) cells(cells []string, widths []float64, st pdfStyle, tr *pdfElem, typ string) *pdfCells {
	face := l.fonts.faces[st.style]
	measure := func(s string) float64 { return face.width(s, st.size) }
	c := &pdfCells{lines: make([][]string, len(widths)), added: make([][]bool, len(widths)), widths: widths, st: st, most: 1}
	for i, cw := range widths {
		s := ""
		if i < len(cells) {
			s = pdfText(cells[i], face)
		}
		// (a column as wide as its longest word plus padding holds the word:
		// the width is not to lose it to rounding)
		c.lines[i] = wrap(s, cw-2*pdfCellPadH+1e-6, measure)
		c.added[i] = addedHyphens(s, c.lines[i])
		c.most = max(c.most, len(c.lines[i]))
		el := tr.add(typ)
		if typ == "TH" {
			el.attr = "/A <</O /Table /Scope /Column>>"
		}
		c.elems = append(c.elems, el)
	}
	return c
}

// addedHyphens tells of each line of s, as wrap broke it, whether it ends
// in a hyphen that is not in s.
func addedHyphens(s string, lines []string) []bool {
	out := make([]bool, len(lines))
	rest := strings.Join(strings.Fields(s), "")
	for i, line := range lines {
		piece := strings.Join(strings.Fields(line), "")
		if strings.HasPrefix(rest, piece) {
			rest = rest[len(piece):]
			continue
		}
		if cut := strings.TrimSuffix(piece, "-"); cut != piece && strings.HasPrefix(rest, cut) {
			out[i] = true
			rest = rest[len(cut):]
		}
	}
	return out
}

// cellsRow is the row of lines from up to to (-1: all) of c; repeated (a
// header row again on a later page) draws them as artifacts.
func (l *pdfLayout) cellsRow(c *pdfCells, from, to int, repeated bool) pdfRow {
	if to < 0 {
		to = c.most
	}
	lineH := c.st.lineH()
	h := float64(to-from)*lineH + 2*pdfCellPadV
	return pdfRow{h: h, draw: func(top float64) {
		x := pdfLeft
		for i, cw := range c.widths {
			l.cellBox(x, top, cw, h, c.fill)
			el := c.elems[i]
			if repeated {
				el = nil
			}
			for k := from; k < to && k < len(c.lines[i]); k++ {
				line, y := c.lines[i][k], top+pdfCellPadV+float64(k-from)*lineH
				if line == "" {
					continue
				}
				if !c.added[i][k] {
					l.text(el, x+pdfCellPadH, y, c.st, line)
					continue
				}
				line = strings.TrimSuffix(line, "-")
				l.text(el, x+pdfCellPadH, y, c.st, line)
				w := l.fonts.faces[c.st.style].width(line, c.st.size)
				l.text(nil, x+pdfCellPadH+w, y, c.st, "-")
			}
			x += cw
		}
	}}
}

// placeCells puts a table row on the page. A row that does not fit goes to
// a new page, under the header row again; a row taller than a page is split
// where the page ends.
func (l *pdfLayout) placeCells(c *pdfCells, header *pdfCells) {
	lineH := c.st.lineH()
	var repeat pdfRow
	if header != nil {
		repeat = l.cellsRow(header, 0, -1, true)
	}
	pageTop := l.headerH + repeat.h
	perPage := max(1, int((l.maxH-pdfEps-pageTop-2*pdfCellPadV)/lineH-1e-9))
	for from := 0; from < c.most; {
		rest := c.most - from
		here := int((l.maxH-pdfEps-l.cur-2*pdfCellPadV)/lineH - 1e-9)
		if here >= rest {
			l.add(l.cellsRow(c, from, c.most, false))
			return
		}
		fresh := l.cur == pageTop
		if !fresh && (rest <= perPage || here < 2) {
			l.newPage()
			l.add(repeat)
			continue
		}
		here = max(here, 1)
		l.add(l.cellsRow(c, from, from+here, false))
		from += here
		l.newPage()
		l.add(repeat)
	}
}

// tableColumns is the number of columns of t: its widest row or header.
func tableColumns(t *Table) int {
	n := len(t.Header)
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

// gridSizes shares grid units between n columns in proportion to widths
// (equal shares unless there is one positive width for each column), each
// column at least one unit, the sizes summing to exactly grid.
func gridSizes(widths []float64, n, grid int) []int {
	ok := len(widths) == n
	for _, w := range widths {
		ok = ok && w > 0 && !math.IsInf(w, 1)
	}
	ws := make([]float64, n)
	sum := 0.0
	for i := range ws {
		ws[i] = 1
		if ok {
			ws[i] = widths[i]
		}
		sum += ws[i]
	}
	sizes := make([]int, n)
	rests := make([]float64, n)
	left := grid
	for i, w := range ws {
		exact := w / sum * float64(grid)
		sizes[i] = int(exact)
		rests[i] = exact - float64(sizes[i])
		if sizes[i] < 1 {
			sizes[i], rests[i] = 1, -1
		}
		left -= sizes[i]
	}
	for ; left > 0; left-- { // the largest remainders get the units left
		best := 0
		for k := range rests {
			if rests[k] > rests[best] {
				best = k
			}
		}
		sizes[best]++
		rests[best] = -2
	}
	for ; left < 0; left++ { // the widest give back what the narrowest took
		widest := 0
		for k := range sizes {
			if sizes[k] > sizes[widest] {
				widest = k
			}
		}
		sizes[widest]--
	}
	return sizes
}
