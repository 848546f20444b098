package report

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"ikplan/internal/i18n"
)

// Limits of the XML the import reads, beyond the parts' sizes. No
// spreadsheet program comes near them; they bound what encoding/xml holds
// at once, which the sizes alone do not: the decoder keeps every attribute
// of a tag in memory together (8 MB of ` a=""` would take some 300 MB).
const (
	maxDepth  = 32      // elements inside each other (a cell's text is 6 deep)
	maxEquals = 1 << 15 // '=' between two '<': more than a cell's 32 767 characters
)

// guard passes a part's bytes to the XML decoder and fails a tag with more
// than maxEquals attributes (each has a '=', and no '<' may stand inside a
// tag) before the decoder reads it.
type guard struct {
	r      io.Reader
	equals int // '=' since the last '<'
}

func (g *guard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	for _, b := range p[:n] {
		switch b {
		case '<':
			g.equals = 0
		case '=':
			if g.equals++; g.equals > maxEquals {
				return 0, errNotXLSX
			}
		}
	}
	return n, err
}

// xmlReader reads a part's XML token by token, holding no more than the
// current token: raw tokens (no namespace bookkeeping, which grows with
// the depth), the depth counted and bounded here.
type xmlReader struct {
	d     *xml.Decoder
	depth int // of the element the last token is in (a start element is in itself)
}

func newXMLReader(r io.Reader) *xmlReader {
	d := xml.NewDecoder(&guard{r: r})
	d.CharsetReader = charset.NewReaderLabel // as excelize: a part need not be UTF-8
	return &xmlReader{d: d}
}

// next is the next token, io.EOF after the last, or errNotXLSX for XML
// that is malformed or beyond the limits. Entities other than XML's own
// are an error (encoding/xml never expands a document type's).
func (x *xmlReader) next() (xml.Token, error) {
	tok, err := x.d.RawToken()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return nil, errNotXLSX
	}
	switch tok.(type) {
	case xml.StartElement:
		if x.depth++; x.depth > maxDepth {
			return nil, errNotXLSX
		}
	case xml.EndElement:
		x.depth--
	}
	return tok, nil
}

// xmlAttr is the value of a start element's attribute by its local name.
func xmlAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// richText collects the text of a shared string (<si>) or an inline string
// (<is>) that opened at depth base, as excelize reads it: the <t> directly
// inside it and the <t> of its runs (<r>), not those of its phonetic runs
// (<rPh>), with the format's escapes of characters XML cannot hold undone.
type richText struct {
	base, r, t int // the depths of the element, of an open <r>, of an open <t>
	b          strings.Builder
}

func newRichText(base int) *richText { return &richText{base: base} }

func (rt *richText) start(local string, depth int) {
	switch {
	case local == "r" && depth == rt.base+1:
		rt.r = depth
	case local == "t" && (depth == rt.base+1 || (rt.r != 0 && depth == rt.r+1)):
		rt.t = depth
	}
}

// end notes the end of the element that was at depth.
func (rt *richText) end(depth int) {
	switch depth {
	case rt.t:
		rt.t = 0
	case rt.r:
		rt.r = 0
	}
}

func (rt *richText) text(data []byte, depth int) {
	if rt.t != 0 && depth == rt.t {
		rt.b.Write(data)
	}
}

func (rt *richText) String() string { return unescapeText(rt.b.String()) }

// readSharedStrings reads the workbook's shared strings.
func readSharedStrings(r io.Reader) ([]string, error) {
	x := newXMLReader(r)
	var out []string
	var si *richText
	for {
		tok, err := x.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if si != nil {
				si.start(t.Name.Local, x.depth)
			} else if t.Name.Local == "si" {
				si = newRichText(x.depth)
			}
		case xml.EndElement:
			if si == nil {
				continue
			}
			if x.depth+1 == si.base {
				out = append(out, si.String())
				si = nil
				continue
			}
			si.end(x.depth + 1)
		case xml.CharData:
			if si != nil {
				si.text(t, x.depth)
			}
		}
	}
}

// sheetRows reads a sheet's rows one at a time.
type sheetRows struct {
	x      *xmlReader
	name   string   // the sheet's name, for messages
	shared []string // the workbook's shared strings
	row    int      // the number of the row read last
	cells  []string // the cells of that row by column (0 is A), MaxImportColumns of them
}

func newSheetRows(r io.Reader, name string, shared []string) *sheetRows {
	return &sheetRows{x: newXMLReader(r), name: name, shared: shared, cells: make([]string, MaxImportColumns)}
}

// next reads the next row: its number and its cells (valid until the next
// call), or io.EOF after the last. A filled cell right of MaxImportColumns
// or below MaxImportRow refuses the file at once; empty ones there (a
// border, a format) are passed over.
func (s *sheetRows) next() (int, []string, error) {
	inRow, col := false, 0
	for {
		tok, err := s.x.next()
		if err == io.EOF {
			if inRow {
				return 0, nil, errNotXLSX
			}
			return 0, nil, io.EOF
		}
		if err != nil {
			return 0, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				if inRow {
					return 0, nil, errNotXLSX
				}
				n := s.row + 1
				if r := xmlAttr(t, "r"); r != "" {
					if n, err = strconv.Atoi(r); err != nil || n < 1 || len(r) > 9 {
						return 0, nil, errNotXLSX
					}
				}
				s.row, col, inRow = n, 0, true
				clear(s.cells)
			case "c":
				if !inRow {
					return 0, nil, errNotXLSX
				}
				col++
				ref := xmlAttr(t, "r")
				if ref != "" {
					if col, err = refColumn(ref); err != nil {
						return 0, nil, err
					}
				}
				v, err := s.cell(xmlAttr(t, "t"))
				if err != nil {
					return 0, nil, err
				}
				if v == "" || (strings.TrimSpace(v) == "" && (col > MaxImportColumns || s.row > MaxImportRow)) {
					continue
				}
				if ref == "" {
					ref = columnName(col) + strconv.Itoa(s.row)
				}
				if col > MaxImportColumns {
					return 0, nil, &refusal{Msg: i18n.M("import.cell_right", "cell", clip(ref), "last", columnName(MaxImportColumns),
						"max", MaxImportColumns, "column", clip(columnName(col)))}
				}
				if s.row > MaxImportRow {
					return 0, nil, &refusal{Msg: i18n.M("import.cell_below", "cell", clip(ref), "max", MaxImportRow)}
				}
				s.cells[col-1] = v
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "row":
				if inRow {
					return s.row, s.cells, nil
				}
			case "sheetData":
				return 0, nil, io.EOF // the rest of the sheet is of no use here
			}
		}
	}
}

// refColumn is the column of a cell reference such as "C12" (3); a
// reference far out is a large number, not an error.
func refColumn(ref string) (int, error) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = min(col*26+int(c-'a'+1), 1<<30)
	}
	if i == 0 || i == len(ref) {
		return 0, errNotXLSX
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, errNotXLSX
		}
	}
	return col, nil
}

// cell reads the rest of a cell (<c>) of type typ and returns its value
// as excelize does with RawCellValue: a shared or inline string's text, or
// else the raw value (<v>) — a number as written, a date as a day number.
func (s *sheetRows) cell(typ string) (string, error) {
	base := s.x.depth
	var v strings.Builder
	vDepth := 0
	var is *richText
	for {
		tok, err := s.x.next()
		if err != nil {
			if err == io.EOF {
				return "", errNotXLSX
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case is != nil:
				is.start(t.Name.Local, s.x.depth)
			case s.x.depth == base+1 && t.Name.Local == "v":
				vDepth = s.x.depth
			case s.x.depth == base+1 && t.Name.Local == "is":
				is = newRichText(s.x.depth)
			}
		case xml.EndElement:
			closed := s.x.depth + 1
			if closed == base {
				return s.value(typ, v.String(), is)
			}
			if closed == vDepth {
				vDepth = 0
			}
			if is != nil {
				is.end(closed)
			}
		case xml.CharData:
			if vDepth != 0 && s.x.depth == vDepth {
				v.Write(t)
			}
			if is != nil {
				is.text(t, s.x.depth)
			}
		}
	}
}

// value is a cell's value from its type, its <v> and its <is>.
func (s *sheetRows) value(typ, v string, is *richText) (string, error) {
	switch typ {
	case "s":
		if v == "" {
			return "", nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(s.shared) {
			return "", errNotXLSX
		}
		return s.shared[i], nil
	case "inlineStr":
		if is != nil {
			return is.String(), nil
		}
	}
	return v, nil
}

// unescapeText undoes the escapes the format writes for characters XML
// cannot hold (ECMA-376 part 1, 22.9.2.19 ST_Xstring): _xHHHH_ is the
// character HHHH and _x005F_ an underscore, read left to right without
// overlap, exactly as excelize reads them (an escape of a character that
// is not one, such as a lone surrogate, is dropped).
func unescapeText(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if r, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil && isHex4(s[i+2:i+6]) {
				if r == 0x5F {
					b.WriteByte('_')
				} else if utf8.ValidRune(rune(r)) {
					b.WriteRune(rune(r))
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// isHex4 reports whether s is four hexadecimal digits (ParseUint would
// also take a sign or an underscore).
func isHex4(s string) bool {
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
