package auditpkg

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sheet is one sheet of a workbook: a header row and rows of cells
// (strings, ints, or nil).
type sheet struct {
	name    string
	headers []string
	rows    [][]any
}

// writeBook writes the sheets as an Excel workbook: a bold frozen header
// row, every text a text cell (never a formula, whatever
// it starts with).
func writeBook(w io.Writer, sheets []sheet) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), s.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(s.name)
		if err != nil {
			return err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		for c := range s.headers {
			if err := sw.SetColWidth(c+1, c+1, 22); err != nil {
				return err
			}
		}
		head := make([]any, len(s.headers))
		for c, h := range s.headers {
			head[c] = excelize.Cell{StyleID: bold, Value: h}
		}
		if err := sw.SetRow("A1", head); err != nil {
			return err
		}
		for r, row := range s.rows {
			cells := make([]any, len(row))
			for c, v := range row {
				if str, ok := v.(string); ok {
					v = cellText(str)
				}
				cells[c] = v
			}
			ref, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(ref, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.Write(w)
}

// maxCell is the most characters a cell holds in Excel.
const maxCell = 32767

// cellText is s as a cell can hold it: without the characters XML cannot
// carry, at most maxCell characters.
func cellText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != 0xFFFE && r != 0xFFFF && (r < 0xD800 || r > 0xDFFF)) {
			return r
		}
		return -1
	}, s)
	if utf8.RuneCountInString(s) > maxCell {
		s = string([]rune(s)[:maxCell])
	}
	return s
}
