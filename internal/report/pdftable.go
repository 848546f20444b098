package report

import (
	"math"

	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/props"
)

// pdfCells is a table row's text, wrapped in its columns: drawn whole when
// it fits, split where a page ends when it is taller than a page.
type pdfCells struct {
	lines [][]string // each column's lines
	sizes []int
	st    pdfStyle
	style *props.Cell
	most  int // lines of the tallest cell
}

// table makes a caption, a shaded header row and a bordered row for each
// of t's rows, at t's relative widths.
func (l *pdfLayout) table(t *Table) pdfBlock {
	n := tableColumns(t)
	if n == 0 {
		return pdfBlock{}
	}
	sizes := gridSizes(t.Widths, n, pdfGrid)
	st := pdfStyle{9, "", &pdfInk}
	if n > pdfMaxPortraitColumns {
		st.size = 8
	}
	head := pdfStyle{st.size, "B", &pdfInk}
	b := pdfBlock{before: 3}
	if t.Caption != "" {
		b.rows = append(l.lines(t.Caption, pdfCaption, l.width, nil, nil), pdfRow{r: row.New(1), h: 1})
	}
	if len(t.Header) > 0 {
		hr := l.cellsRow(l.cells(t.Header, sizes, head, pdfHeadBg), 0, -1)
		b.repeat = []pdfRow{hr}
		b.rows = append(b.rows, hr)
	}
	b.skip = len(b.rows)
	b.start = rowsHeight(b.rows)
	for i, r := range t.Rows {
		c := l.cells(r, sizes, st, pdfBorder)
		b.rows = append(b.rows, pdfRow{h: float64(c.most)*st.lineH() + 2*pdfCellPadV, cells: c})
		if i == 0 { // the first row starts with the table, or two lines of it if it is split anyway
			room := l.maxH - pdfEps - l.headerH - rowsHeight(b.repeat)
			if last := b.rows[len(b.rows)-1].h; last <= room {
				b.start += last
			} else {
				b.start += 2*st.lineH() + 2*pdfCellPadV
			}
		}
	}
	return b
}

// cells wraps each cell's text in its column.
func (l *pdfLayout) cells(cells []string, sizes []int, st pdfStyle, style *props.Cell) *pdfCells {
	face := l.fonts.faces[st.style]
	c := &pdfCells{lines: make([][]string, len(sizes)), sizes: sizes, st: st, style: style, most: 1}
	for i, size := range sizes {
		s := ""
		if i < len(cells) {
			s = pdfText(cells[i], face)
		}
		w := l.width*(float64(size)/float64(pdfGrid)) - 2*pdfCellPadH
		c.lines[i] = face.wrap(s, st.size, w, w)
		c.most = max(c.most, len(c.lines[i]))
	}
	return c
}

// cellsRow is the row of lines from up to to (-1: all) of c.
func (l *pdfLayout) cellsRow(c *pdfCells, from, to int) pdfRow {
	if to < 0 {
		to = c.most
	}
	lineH := c.st.lineH()
	h := float64(to-from)*lineH + 2*pdfCellPadV
	r := row.New(h)
	for i, size := range c.sizes {
		cl := col.New(size).WithStyle(c.style)
		for k := from; k < to && k < len(c.lines[i]); k++ {
			if c.lines[i][k] == "" {
				continue
			}
			p := c.st.props(pdfCellPadH, pdfCellPadV+float64(k-from)*lineH)
			p.Right = pdfCellPadH
			cl.Add(text.New(c.lines[i][k], p))
		}
		r.Add(cl)
	}
	return pdfRow{r: r, h: h}
}

// placeCells puts a table row on the page. A row that does not fit goes to
// a new page, under the header row again; a row taller than a page is split
// where the page ends.
func (l *pdfLayout) placeCells(c *pdfCells, header []pdfRow) {
	lineH := c.st.lineH()
	pageTop := l.headerH + rowsHeight(header)
	perPage := max(1, int((l.maxH-pdfEps-pageTop-2*pdfCellPadV)/lineH-1e-9))
	for from := 0; from < c.most; {
		rest := c.most - from
		here := int((l.maxH-pdfEps-l.cur-2*pdfCellPadV)/lineH - 1e-9)
		if here >= rest {
			r := l.cellsRow(c, from, c.most)
			l.add(r.r, r.h)
			return
		}
		fresh := l.cur == pageTop
		if !fresh && (rest <= perPage || here < 2) {
			l.newPage()
			for _, h := range header {
				l.add(h.r, h.h)
			}
			continue
		}
		here = max(here, 1)
		r := l.cellsRow(c, from, from+here)
		l.add(r.r, r.h)
		from += here
		l.newPage()
		for _, h := range header {
			l.add(h.r, h.h)
		}
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
