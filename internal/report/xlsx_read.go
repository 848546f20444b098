package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
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
	Rows     []sheetRow
	Date1904 bool
}

// refusal is a reason the whole file is refused, in Swedish.
type refusal struct {
	Row     int
	Message string
}

func (r *refusal) Error() string { return r.Message }

var errNotXLSX = &refusal{Message: "Filen kunde inte läsas som en Excel-arbetsbok (.xlsx). Spara den som Excel-arbetsbok i Excel eller LibreOffice och försök igen."}

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
		return nil, &refusal{Message: fmt.Sprintf("Filen är större än %d MB. Dela upp planen eller ta bort bilder och annat som inte hör till tabellen.", MaxImportBytes>>20)}
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
			return nil, &refusal{Message: fmt.Sprintf("Bladet har fler än %d rader med kontrollpunkter. Dela upp planen i flera filer.", MaxImportRows)}
		}
		s.Rows = append(s.Rows, row)
	}
	if index == nil {
		return nil, &refusal{Message: fmt.Sprintf("Bladet %q är tomt. Första raden ska ha kolumnrubrikerna: %s.", chosen.name, strings.Join(PlanHeaders(), ", "))}
	}
	if len(s.Rows) == 0 {
		return nil, &refusal{Message: fmt.Sprintf("Bladet %q har inga kontrollpunkter under rubrikraden.", chosen.name)}
	}
	return s, nil
}

// readHeader maps the header row's columns to planColumns, or refuses a
// sheet whose columns differ from the export's with one message naming the
// missing and unknown ones.
func readHeader(cells []string, row int, s *sheet) ([]int, error) {
	index := make([]int, len(cells))
	s.Letters = make([]string, len(planColumns))
	var unknown []string
	for i, v := range cells {
		index[i] = -1
		if strings.TrimSpace(v) == "" {
			continue
		}
		found := false
		for j, c := range planColumns {
			if fold(v) == fold(c.Header) {
				found = true
				if s.Letters[j] != "" {
					return nil, &refusal{Row: row, Message: fmt.Sprintf("Kolumnen %q finns två gånger i rubrikraden.", c.Header)}
				}
				s.Letters[j], _ = excelize.ColumnNumberToName(i + 1)
				index[i] = j
			}
		}
		if !found {
			unknown = append(unknown, clip(v))
		}
	}
	var missing []string
	for j, c := range planColumns {
		if s.Letters[j] == "" {
			missing = append(missing, c.Header)
		}
	}
	if len(missing) == 0 && len(unknown) == 0 {
		return index, nil
	}
	sort.Strings(unknown)
	msg := "Kolumnerna stämmer inte med planens Excel-format."
	if len(missing) > 0 {
		msg += " Saknas: " + strings.Join(missing, ", ") + "."
	}
	if len(unknown) > 0 {
		msg += " Okända: " + strings.Join(unknown, ", ") + "."
	}
	msg += " Exportera planen till Excel för att få en mall med rätt kolumner."
	return nil, &refusal{Row: row, Message: msg}
}

func blank(cells []string) bool {
	for _, v := range cells {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}
