package report

import "math"

// pdfCells is a table row's text, wrapped in its columns, and the
// structure element (TH or TD) of each cell: drawn whole when it fits,
// split where a page ends when it is taller than a page.
type pdfCells struct {
	lines  [][]string // each column's lines
	widths []float64  // each column's width, mm
	elems  []*pdfElem
	st     pdfStyle
	fill   bool // shaded, as the header row is
	most   int  // lines of the tallest cell
}

// table makes a caption, a shaded header row and a bordered row for each
// of t's rows, at t's relative widths; in the structure tree a Table with
// its Caption, a THead whose row has a TH for each column (scope Column)
// and a TBody with a TR of TDs for each row.
func (l *pdfLayout) table(t *Table) pdfBlock {
	n := tableColumns(t)
	if n == 0 {
		return pdfBlock{}
	}
	widths := columnWidths(t.Widths, n, l.width)
	st := pdfStyle{9, pdfRegular, pdfInk}
	if n > pdfMaxPortraitColumns {
		st.size = 8
	}
	head := pdfStyle{st.size, pdfBold, pdfInk}
	tbl := l.doc.add("Table")
	b := pdfBlock{before: 3}
	if t.Caption != "" {
		b.rows = append(l.lines(t.Caption, pdfCaption, l.width, nil, tbl.add("Caption"), nil), pdfRow{h: 1})
	}
	if len(t.Header) > 0 {
		tr := tbl.add("THead").add("TR")
		hc := l.cells(t.Header, widths, head, tr, "TH")
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
		c := l.cells(r, widths, st, body.add("TR"), "TD")
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

// cells wraps each cell's text in its column; each cell is an element of
// type typ in the row tr.
func (l *pdfLayout) cells(cells []string, widths []float64, st pdfStyle, tr *pdfElem, typ string) *pdfCells {
	face := l.fonts.faces[st.style]
	c := &pdfCells{lines: make([][]string, len(widths)), widths: widths, st: st, most: 1}
	for i, cw := range widths {
		s := ""
		if i < len(cells) {
			s = pdfText(cells[i], face)
		}
		w := cw - 2*pdfCellPadH
		c.lines[i] = face.wrap(s, st.size, w, w)
		c.most = max(c.most, len(c.lines[i]))
		el := tr.add(typ)
		if typ == "TH" {
			el.attr = "/A <</O /Table /Scope /Column>>"
		}
		c.elems = append(c.elems, el)
	}
	return c
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
				if c.lines[i][k] != "" {
					l.text(el, x+pdfCellPadH, top+pdfCellPadV+float64(k-from)*lineH, c.st, c.lines[i][k])
				}
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

// columnWidths shares width mm between n columns in proportion to widths
// (equal shares unless there is one positive width for each column).
func columnWidths(widths []float64, n int, width float64) []float64 {
	sizes := gridSizes(widths, n, pdfGrid)
	out := make([]float64, n)
	for i, s := range sizes {
		out[i] = width * float64(s) / pdfGrid
	}
	return out
}

// pdfGrid is the number of units the columns share.
const pdfGrid = 1000

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
