package sample

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// readCSV reads CSV text. The separator is the one of semicolon, comma and
// tab that the first line holds most of (Swedish Excel writes semicolons).
// A row's number is the line it starts on, counting every line of the
// file (a blank line too) from 1, as a text editor or Excel shows it.
func readCSV(data []byte) (*Population, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return nil, refuse(line, "", "sample.file.not_utf8")
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	sep := ';'
	best := bytes.Count(first, []byte(";"))
	for _, c := range []rune{',', '\t'} {
		if n := bytes.Count(first, []byte(string(c))); n > best {
			sep, best = c, n
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = sep
	r.FieldsPerRecord = -1
	t := &table{p: &Population{Format: "csv"}}
	for {
		cells, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, refuse(pe.StartLine, "", "sample.file.csv")
		}
		if err != nil {
			return nil, refuse(0, "", "sample.file.csv")
		}
		line, _ := r.FieldPos(0)
		if len(cells) > MaxColumns*4 {
			return nil, refuse(line, columnName(MaxColumns+1), "sample.file.too_many_columns", "max", MaxColumns)
		}
		if e := t.add(line, cells); e != nil {
			return nil, e
		}
	}
	return t.done()
}

// firstInvalid is the offset of the first byte that is not UTF-8.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// readXLSX reads the first sheet of a workbook through excelize, within
// the limits: unpacked size, rows, columns. A row's number is the sheet's.
func readXLSX(data []byte) (*Population, error) {
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxUnpacked, UnzipXMLSizeLimit: 16 << 20,
	})
	if err != nil {
		if strings.Contains(err.Error(), "size exceeds") {
			return nil, refuse(0, "", "sample.file.unpacked", "mb", MaxUnpacked>>20)
		}
		return nil, refuse(0, "", "sample.file.not_table")
	}
	defer x.Close()
	sheets := x.GetSheetList()
	if len(sheets) == 0 {
		return nil, refuse(0, "", "sample.file.not_table")
	}
	rows, err := x.Rows(sheets[0])
	if err != nil {
		return nil, refuse(0, "", "sample.file.not_table")
	}
	defer rows.Close()
	t := &table{p: &Population{Format: "xlsx"}}
	for n := 1; rows.Next(); n++ {
		if n > maxXLSXRowNum {
			return nil, refuse(0, "", "sample.file.too_many_rows", "max", MaxRows)
		}
		cells, err := rows.Columns()
		if err != nil {
			return nil, refuse(n, "", "sample.file.not_table")
		}
		if e := t.add(n, cells); e != nil {
			return nil, e
		}
	}
	if rows.Error() != nil {
		return nil, refuse(0, "", "sample.file.not_table")
	}
	return t.done()
}
