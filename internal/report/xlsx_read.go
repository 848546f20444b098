package report

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits of an import.
const (
	MaxImportBytes = 10 << 20 // the largest file read, 10 MB
	MaxImportRows  = 5000     // the most controls in one sheet
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
// file. Whatever the bytes, it returns a sheet or a refusal and never
// panics: a malformed file is a refusal.
func readSheet(r io.Reader) (s *sheet, err error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("failed to read the file: %w", err)
	}
	if len(data) > MaxImportBytes {
		return nil, &refusal{Message: fmt.Sprintf("Filen är större än %d MB. Dela upp planen eller ta bort bilder och annat som inte hör till tabellen.", MaxImportBytes>>20)}
	}
	defer func() {
		// excelize is not written for hostile files; a crash on one is a refusal
		if p := recover(); p != nil {
			s, err = nil, errNotXLSX
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue: true, UnzipSizeLimit: 200 << 20, UnzipXMLSizeLimit: 16 << 20,
	})
	if err != nil {
		return nil, errNotXLSX
	}
	defer f.Close()
	list := f.GetSheetList()
	if len(list) == 0 {
		return nil, errNotXLSX
	}
	name := list[0]
	for _, n := range list {
		if strings.EqualFold(strings.TrimSpace(n), SheetName) {
			name = n
			break
		}
	}
	s = &sheet{}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.Date1904 = *props.Date1904
	}
	rows, err := f.Rows(name)
	if err != nil {
		return nil, errNotXLSX
	}
	defer rows.Close()
	var index []int // the planColumns index of each sheet column, -1 for none
	// the iterator steps through every row number, empty rows too, so n is
	// the row number Excel shows
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, errNotXLSX
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
	if rows.Error() != nil {
		return nil, errNotXLSX
	}
	if index == nil {
		return nil, &refusal{Message: fmt.Sprintf("Bladet %q är tomt. Första raden ska ha kolumnrubrikerna: %s.", name, strings.Join(PlanHeaders(), ", "))}
	}
	if len(s.Rows) == 0 {
		return nil, &refusal{Message: fmt.Sprintf("Bladet %q har inga kontrollpunkter under rubrikraden.", name)}
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
