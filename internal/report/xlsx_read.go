package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"ikplan/internal/i18n"
)

// Limits of an import. A plan is a table of some twenty columns and tens
// or a few hundred rows: its sheet is tens of kilobytes, a 5 000-row plan
// about half a megabyte packed and 6 MB unpacked. A file beyond them is
// refused before it costs the server memory or time, with a message that
// names the limit (docs/RELIABILITY.md, "Hostile uploads").
const (
	MaxImportBytes    = 5 << 20  // the file as uploaded
	MaxImportUnpacked = 64 << 20 // all the file's parts unpacked, as its zip directory states
	MaxImportPart     = 8 << 20  // one part the import reads (the sheet, its texts), unpacked
	MaxImportRows     = 5000     // rows with a control
	MaxImportRow      = 10000    // the last row read: a filled cell below it refuses the file
	MaxImportColumns  = 50       // columns A–AX: a filled cell right of them refuses the file
	maxImportParts    = 1000     // parts in the zip (a workbook has ten or so)
)

// sheetRow is one filled-in row of the sheet: its row number and its values
// in planColumns' order.
type sheetRow struct {
	Row    int
	Values []string
}

// sheet is what the import read from the workbook.
type sheet struct {
	Letters  []string // the sheet's column letter of each of planColumns
	Headers  []string // the sheet's header of each of planColumns, as it has it (single-spaced)
	Rows     []sheetRow
	Date1904 bool
}

// refusal is a reason the whole file is refused, a catalogue message.
type refusal struct {
	Row int
	Msg i18n.Message
}

// Error is the refusal in Swedish.
func (r *refusal) Error() string { return r.Msg.In(i18n.Sv) }

var errNotXLSX = &refusal{Msg: i18n.M("import.not_xlsx")}

// readSheet reads the plan sheet ("Plan", else the first sheet) of an XLSX
// file, as a stream within the limits above: the file's zip directory is
// checked first, only the parts the plan needs are unpacked, and the sheet
// is read row by row and cell by cell, refused at the first cell beyond
// the limits. Whatever the bytes, it returns a sheet or a refusal.
func readSheet(r io.Reader) (*sheet, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("failed to read the file: %w", err)
	}
	if len(data) > MaxImportBytes {
		return nil, &refusal{Msg: i18n.M("import.too_large", "mb", MaxImportBytes>>20)}
	}
	x, err := openXLSX(data)
	if err != nil {
		return nil, err
	}
	wb, err := x.workbook()
	if err != nil {
		return nil, err
	}
	chosen := wb.sheets[0]
	for _, ws := range wb.sheets {
		if strings.EqualFold(strings.TrimSpace(ws.name), SheetName) {
			chosen = ws
			break
		}
	}
	var shared []string
	if part, err := x.open(wb.shared, partShared); err != nil {
		return nil, err
	} else if part != nil {
		shared, err = readSharedStrings(part)
		part.Close()
		if err != nil {
			return nil, err
		}
	}
	part, err := x.open(chosen.part, partSheet(chosen.name))
	if err != nil {
		return nil, err
	}
	if part == nil {
		return nil, errNotXLSX
	}
	defer part.Close()
	s := &sheet{Date1904: wb.date1904}
	rows := newSheetRows(part, chosen.name, shared)
	var index []int // the planColumns index of each sheet column, -1 for none
	for {
		n, cells, err := rows.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if blank(cells) {
			continue
		}
		if index == nil {
			if index, err = readHeader(cells, n, s); err != nil {
				return nil, err
			}
			continue
		}
		row := sheetRow{Row: n, Values: make([]string, len(planColumns))}
		filled := false
		for i, v := range cells {
			if i < len(index) && index[i] >= 0 {
				row.Values[index[i]] = v
				filled = filled || strings.TrimSpace(v) != ""
			}
		}
		if !filled {
			continue
		}
		if len(s.Rows) == MaxImportRows {
			return nil, &refusal{Msg: i18n.M("import.too_many_rows", "max", MaxImportRows)}
		}
		s.Rows = append(s.Rows, row)
	}
	if index == nil {
		return nil, &refusal{Msg: i18n.M("import.sheet_empty", "sheet", strconv.Quote(chosen.name), "headers", allColumns())}
	}
	if len(s.Rows) == 0 {
		return nil, &refusal{Msg: i18n.M("import.no_rows", "sheet", strconv.Quote(chosen.name))}
	}
	return s, nil
}

// readHeader maps the header row's columns to planColumns, or refuses a
// sheet whose columns differ from the export's with one message naming the
// missing and unknown ones. A column's header may be in Swedish or English,
// or the one older exports wrote (PlanHeaders has today's).
func readHeader(cells []string, row int, s *sheet) ([]int, error) {
	index := make([]int, len(cells))
	s.Letters = make([]string, len(planColumns))
	s.Headers = make([]string, len(planColumns))
	var unknown []string
	for i, v := range cells {
		index[i] = -1
		if strings.TrimSpace(v) == "" {
			continue
		}
		j := headerColumn(v)
		if j < 0 {
			unknown = append(unknown, clip(v))
			continue
		}
		if s.Letters[j] != "" {
			return nil, &refusal{Row: row, Msg: i18n.M("import.column_twice", "column", strconv.Quote(clip(v)))}
		}
		s.Letters[j], _ = excelize.ColumnNumberToName(i + 1)
		s.Headers[j] = clip(strings.Join(strings.Fields(v), " ")) // on one line, as messages are
		index[i] = j
	}
	var missing headerList
	for j := range planColumns {
		if s.Letters[j] == "" {
			missing = append(missing, j)
		}
	}
	if len(missing) == 0 && len(unknown) == 0 {
		return index, nil
	}
	sort.Strings(unknown)
	key := "import.columns.missing_unknown"
	switch {
	case len(unknown) == 0:
		key = "import.columns.missing"
	case len(missing) == 0:
		key = "import.columns.unknown"
	}
	return nil, &refusal{Row: row, Msg: i18n.M(key, "missing", missing, "unknown", strings.Join(unknown, ", "))}
}

// headerColumn is the index in planColumns of the column a header names,
// or -1.
func headerColumn(header string) int {
	h := fold(header)
	for j, c := range planColumns {
		for _, w := range c.headerWords() {
			if h == fold(w) {
				return j
			}
		}
	}
	return -1
}

// allColumns lists every column, as a message names them.
func allColumns() headerList {
	l := make(headerList, len(planColumns))
	for i := range l {
		l[i] = i
	}
	return l
}

func blank(cells []string) bool {
	for _, v := range cells {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}
