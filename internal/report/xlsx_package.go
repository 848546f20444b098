package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"ikplan/internal/i18n"
)

// xlsxFile is an .xlsx file opened for the import: the parts of its zip by
// name, each read, when needed, as a stream within the import's limits.
// Only the parts the import needs are ever unpacked: the package's
// relationships, the workbook, its shared strings and the plan's sheet.
type xlsxFile struct {
	parts map[string]*zip.File // by partName
}

// partName is a part's name as the file is searched by: a package's part
// names are compared without regard to case (ECMA-376 part 2), and some
// writers use backslashes or a leading slash.
func partName(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

// openXLSX reads the zip's directory (not its parts) and refuses a file
// with more parts than a workbook has, or whose parts unpack to more than
// MaxImportUnpacked. The sizes are those the directory states; archive/zip
// fails a part that unpacks to more than its stated size, so they hold.
func openXLSX(data []byte) (*xlsxFile, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // the names are never paths on disk here
		return nil, errNotXLSX
	}
	if len(z.File) > maxImportParts {
		return nil, &refusal{Msg: i18n.M("import.too_many_parts", "max", maxImportParts)}
	}
	x := &xlsxFile{parts: make(map[string]*zip.File, len(z.File))}
	var total uint64
	for _, f := range z.File {
		total += min(f.UncompressedSize64, MaxImportUnpacked+1) // no overflow
		if total > MaxImportUnpacked {
			return nil, &refusal{Msg: i18n.M("import.unpacked", "mb", MaxImportUnpacked>>20)}
		}
		name := partName(f.Name)
		if _, twice := x.parts[name]; twice {
			return nil, errNotXLSX
		}
		x.parts[name] = f
	}
	return x, nil
}

// partKind names a part in the refusal of one too large to read: the
// refusal's key (import.part_large.*) and, for a sheet, its name.
type partKind struct {
	key, sheet string
}

var (
	partBook   = partKind{key: "import.part_large.book"} // the workbook and the relationships
	partShared = partKind{key: "import.part_large.shared"}
)

func partSheet(name string) partKind {
	return partKind{key: "import.part_large.sheet", sheet: strconv.Quote(name)}
}

// open opens the named part for reading, or returns nil if the file has no
// such part. A part that unpacks to more than MaxImportPart is refused.
func (x *xlsxFile) open(name string, kind partKind) (io.ReadCloser, error) {
	f, ok := x.parts[partName(name)]
	if !ok {
		return nil, nil
	}
	if f.UncompressedSize64 > MaxImportPart {
		return nil, &refusal{Msg: i18n.M(kind.key, "sheet", kind.sheet, "mb", MaxImportPart>>20)}
	}
	r, err := f.Open()
	if err != nil {
		return nil, errNotXLSX
	}
	return r, nil
}

// workbook is what the import needs of the workbook part.
type workbook struct {
	sheets   []workbookSheet // in the workbook's order
	shared   string          // the shared strings part; "" for none
	date1904 bool            // dates count from 1904, not 1900
}

// workbookSheet is one sheet of the workbook: its name and its part.
type workbookSheet struct {
	name, part string
}

// workbook reads the workbook part, found through the package's
// relationships, and the parts of its sheets and shared strings, found
// through its own.
func (x *xlsxFile) workbook() (*workbook, error) {
	book := "xl/workbook.xml"
	rels, err := x.relationships("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.kind, "/officeDocument") {
			book = r.target
			break
		}
	}
	rels, err = x.relationships(path.Join(path.Dir(book), "_rels", path.Base(book)+".rels"), path.Dir(book))
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	wb := &workbook{}
	for _, r := range rels {
		targets[r.id] = r.target
		if strings.HasSuffix(r.kind, "/sharedStrings") {
			wb.shared = r.target
		}
	}
	if wb.shared == "" {
		wb.shared = "xl/sharedStrings.xml" // where excelize and Excel put it
	}
	part, err := x.open(book, partBook)
	if err != nil {
		return nil, err
	}
	if part == nil {
		return nil, errNotXLSX
	}
	defer part.Close()
	xr := newXMLReader(part)
	for {
		tok, err := xr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if end, ok := tok.(xml.EndElement); ok && end.Name.Local == "sheets" {
			break // the rest of the workbook is of no use here
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch start.Name.Local {
		case "workbookPr":
			v := xmlAttr(start, "date1904")
			wb.date1904 = v == "1" || v == "true"
		case "sheet":
			target, ok := targets[xmlAttr(start, "id")]
			if !ok {
				return nil, errNotXLSX
			}
			wb.sheets = append(wb.sheets, workbookSheet{name: xmlAttr(start, "name"), part: target})
		}
	}
	if len(wb.sheets) == 0 {
		return nil, errNotXLSX
	}
	return wb, nil
}

// relationship is one <Relationship> of a relationships part.
type relationship struct {
	id, kind, target string
}

// relationships reads a relationships part, with each internal target as
// a part name (relative targets resolved against dir); none if the part
// is missing.
func (x *xlsxFile) relationships(name, dir string) ([]relationship, error) {
	part, err := x.open(name, partBook)
	if err != nil || part == nil {
		return nil, err
	}
	defer part.Close()
	var out []relationship
	xr := newXMLReader(part)
	for {
		tok, err := xr.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		start, ok := tok.(xml.StartElement)
		if !ok || start.Name.Local != "Relationship" || xmlAttr(start, "TargetMode") == "External" {
			continue
		}
		target := xmlAttr(start, "Target")
		if strings.HasPrefix(target, "/") {
			target = target[1:]
		} else {
			target = path.Join(dir, target)
		}
		out = append(out, relationship{id: xmlAttr(start, "Id"), kind: xmlAttr(start, "Type"), target: target})
	}
}

// columnName is a column's letters (1 is A), for any number.
func columnName(n int) string {
	if name, err := excelize.ColumnNumberToName(n); err == nil {
		return name
	}
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}
