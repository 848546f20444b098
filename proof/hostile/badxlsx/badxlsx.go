// Package badxlsx writes hostile Excel workbooks for the tests of the plan
// import: files that are small to send and costly to read (the kinds an
// outside red team sent the server in issue 13: a sheet that unpacks to
// 190 MB, a cell in column XFD on every row) and malformed ones. Each
// function returns the bytes of an .xlsx file; the zip is written by hand
// so that it can say what a spreadsheet program never would.
package badxlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
	"sync"

	"ikplan/internal/report"
)

// Part is one file inside a workbook's zip.
type Part struct {
	Name  string
	Write func(w io.Writer)
	// Says, if not 0, is the unpacked size the zip's directory gives
	// instead of the true one.
	Says   uint64
	packed *packed // a part made by Bomb, already deflated
}

// packed is a part's deflated bytes, its CRC-32 and its unpacked size.
type packed struct {
	data []byte
	crc  uint32
	size uint64
}

// Bomb is a part of head, then unit over and over, then tail: size bytes
// in all. It is deflated without deflating every copy of unit: a chunk of
// copies, deflated once with the copies before it as the dictionary, is the
// same bytes wherever it follows such copies, so the stream is that chunk
// repeated (190 MB take some 50 ms instead of 5 s).
func Bomb(name, head, unit, tail string, size int) Part {
	const window = 32 << 10
	k := max(0, (size-len(head)-len(tail))/len(unit)) // copies of unit
	first := min(k, (window+len(unit)-1)/len(unit))   // enough copies to fill the window
	per := max(1, (1<<20)/len(unit))                  // copies in a chunk
	chunks := (k - first) / per
	rest := k - first - chunks*per

	// deflate packs text as it follows dict, flushed to a byte boundary
	// so that what comes next can start there, or closed at the end
	deflate := func(dict []byte, text string, end bool) []byte {
		var out bytes.Buffer
		w, _ := flate.NewWriterDict(&out, flate.BestCompression, dict)
		_, _ = io.WriteString(w, text)
		if end {
			_ = w.Close()
		} else {
			_ = w.Flush()
		}
		return out.Bytes()
	}
	units := strings.Repeat(unit, first)
	dict := []byte(units[max(0, len(units)-window):])
	data := deflate(nil, head+units, false)
	chunk := deflate(dict, strings.Repeat(unit, per), false)
	for range chunks {
		data = append(data, chunk...)
	}
	data = append(data, deflate(dict, strings.Repeat(unit, rest)+tail, true)...)

	crc := crc32.Update(0, crc32.IEEETable, []byte(head))
	u := []byte(unit)
	for range k {
		crc = crc32.Update(crc, crc32.IEEETable, u)
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(tail))
	return Part{Name: name, packed: &packed{data: data, crc: crc, size: uint64(len(head) + k*len(unit) + len(tail))}}
}

// Text is a part's writer of a fixed text.
func Text(s string) func(w io.Writer) {
	return func(w io.Writer) { _, _ = io.WriteString(w, s) }
}

// Repeat is a part's writer of head, unit repeated until size bytes are
// written in all, and tail.
func Repeat(head, unit, tail string, size int) func(w io.Writer) {
	return func(w io.Writer) {
		_, _ = io.WriteString(w, head)
		block := strings.Repeat(unit, max(1, 4096/len(unit)))
		n := len(head) + len(tail)
		for n+len(block) <= size {
			_, _ = io.WriteString(w, block)
			n += len(block)
		}
		for n+len(unit) <= size {
			_, _ = io.WriteString(w, unit)
			n += len(unit)
		}
		_, _ = io.WriteString(w, tail)
	}
}

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`</Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
		`</Relationships>`
	workbookXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>`
	workbookRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
		`</Relationships>`
)

// SheetPath is the part name of the plan sheet in every workbook here.
const SheetPath = "xl/worksheets/sheet1.xml"

// Workbook is a minimal .xlsx file with one sheet, "Plan", whose XML sheet
// writes, and the extra parts (an extra part named like one of the
// workbook's own replaces it).
func Workbook(sheet func(w io.Writer), extra ...Part) []byte {
	parts := []Part{
		{Name: "[Content_Types].xml", Write: Text(contentTypes)},
		{Name: "_rels/.rels", Write: Text(rootRels)},
		{Name: "xl/workbook.xml", Write: Text(workbookXML)},
		{Name: "xl/_rels/workbook.xml.rels", Write: Text(workbookRels)},
		{Name: SheetPath, Write: sheet},
	}
	for _, e := range extra {
		replaced := false
		for i := range parts {
			if parts[i].Name == e.Name {
				parts[i], replaced = e, true
			}
		}
		if !replaced {
			parts = append(parts, e)
		}
	}
	return Zip(parts...)
}

// Zip writes the parts as a zip file, each compressed as well as deflate
// can, with the unpacked size each part says.
func Zip(parts ...Part) []byte {
	var out bytes.Buffer
	z := zip.NewWriter(&out)
	for _, p := range parts {
		pk := p.packed
		if pk == nil {
			var raw, out bytes.Buffer
			p.Write(&raw)
			fw, _ := flate.NewWriter(&out, flate.BestCompression)
			_, _ = fw.Write(raw.Bytes())
			_ = fw.Close()
			pk = &packed{data: out.Bytes(), crc: crc32.ChecksumIEEE(raw.Bytes()), size: uint64(raw.Len())}
		}
		size := pk.size
		if p.Says != 0 {
			size = p.Says
		}
		w, err := z.CreateRaw(&zip.FileHeader{Name: p.Name, Method: zip.Deflate, CRC32: pk.crc,
			CompressedSize64: uint64(len(pk.data)), UncompressedSize64: size})
		if err != nil {
			panic(err)
		}
		_, _ = w.Write(pk.data)
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
	return out.Bytes()
}

// SheetStart is the start of a sheet's XML up to its first row.
const SheetStart = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`

// SheetEnd closes what SheetStart opens.
const SheetEnd = `</sheetData></worksheet>`

// Header is the plan's header row (row 1) as inline strings.
func Header() string {
	var b strings.Builder
	b.WriteString(`<row r="1">`)
	for _, h := range report.PlanHeaders() {
		fmt.Fprintf(&b, `<c t="inlineStr"><is><t>%s</t></is></c>`, h)
	}
	b.WriteString(`</row>`)
	return b.String()
}

// Control is row n of a good plan sheet: a control numbered n with a
// title, in columns B and C.
func Control(n int) string {
	return fmt.Sprintf(`<row r="%d"><c r="B%d"><v>%d</v></c><c r="C%d" t="inlineStr"><is><t>Kontroll %d</t></is></c></row>`, n, n, n, n, n)
}

// Sheet is a plan sheet's XML with the header row and the given rows.
func Sheet(rows ...string) func(w io.Writer) {
	return Text(SheetStart + Header() + strings.Join(rows, "") + SheetEnd)
}

var (
	bombs   = map[int][]byte{}
	bombsMu sync.Mutex
)

// pad follows each repeated element of the bombs: a run of one byte is
// what deflate packs best, about a thousand to one.
var pad = strings.Repeat(" ", 30000)

// ZipBomb is a plan workbook whose sheet unpacks to size bytes: the header
// and then rows with a blank cell, each followed by a run of spaces, over
// and over, which deflate packs about 950 to one (190 MB into 200 KB, as
// the red team's file). The file is made once per size and process.
func ZipBomb(size int) []byte {
	bombsMu.Lock()
	defer bombsMu.Unlock()
	if b, ok := bombs[size]; ok {
		return b
	}
	b := Workbook(nil, Bomb(SheetPath, SheetStart+Header(), `<row><c t="inlineStr"><is><t> </t></is></c></row>`+pad, SheetEnd, size))
	bombs[size] = b
	return b
}

// PartBomb is a good plan workbook with one more part, name, of size bytes
// of XML that no reader of a plan needs (such as xl/styles.xml).
func PartBomb(name string, size int) []byte {
	return Workbook(Sheet(Control(2)), Bomb(name, `<?xml version="1.0"?><styleSheet>`, `<numFmt numFmtId="200" formatCode="0"/>`+pad, `</styleSheet>`, size))
}

// LyingSize is a plan workbook whose sheet unpacks to size bytes while the
// zip's directory says it is 1 KB.
func LyingSize(size int) []byte {
	p := Bomb(SheetPath, SheetStart+Header(), `<row><c t="inlineStr"><is><t> </t></is></c></row>`+pad, SheetEnd, size)
	p.Says = 1024
	return Workbook(nil, p)
}

// FarCells is a plan sheet with the header and, on each of the rows below
// it, one filled cell in column XFD, the last column Excel has (the red
// team's 52 KB file had some 20 000 such rows).
func FarCells(rows int) []byte {
	return Workbook(func(w io.Writer) {
		_, _ = io.WriteString(w, SheetStart+Header())
		for n := 2; n < rows+2; n++ {
			fmt.Fprintf(w, `<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>`, n, n)
		}
		_, _ = io.WriteString(w, SheetEnd)
	})
}

// Cell is a plan sheet with a good control on row 2 and a filled cell at
// ref (such as "A1048576", the last row Excel has), on a row of its own.
func Cell(ref string) []byte {
	row := strings.TrimLeft(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	return Workbook(Sheet(Control(2), fmt.Sprintf(`<row r="%s"><c r="%s" t="inlineStr"><is><t>x</t></is></c></row>`, row, ref)))
}

// BlankCells is a good plan sheet whose row 3 has n empty, formatted cells
// far out to the right, as a spreadsheet program may write for a row that
// was given a border.
func BlankCells(n int) []byte {
	var b strings.Builder
	b.WriteString(`<row r="3">`)
	for i := range n {
		fmt.Fprintf(&b, `<c r="%s3" s="1"/>`, column(16384-n+i+1))
	}
	b.WriteString(`</row>`)
	return Workbook(Sheet(Control(2), b.String(), Control(4)))
}

// column is a column's letters (1 is A).
func column(n int) string {
	s := ""
	for n > 0 {
		n--
		s = string(rune('A'+n%26)) + s
		n /= 26
	}
	return s
}

// ManyParts is a plan workbook with n more, empty parts.
func ManyParts(n int) []byte {
	extra := make([]Part, n)
	for i := range extra {
		extra[i] = Part{Name: fmt.Sprintf("xl/media/image%d.png", i), Write: Text("")}
	}
	return Workbook(Sheet(Control(2)), extra...)
}

// Attributes is a plan sheet whose cell B2 has n attributes.
func Attributes(n int) []byte {
	return Workbook(Repeat(SheetStart+Header()+`<row r="2"><c r="B2"`, ` a=""`, `><v>2</v></c></row>`+SheetEnd, len(SheetStart+Header())+20+5*n+20))
}

// Nested is a plan sheet whose cell B2 holds n elements, each inside the
// one before.
func Nested(n int) []byte {
	return Workbook(func(w io.Writer) {
		_, _ = io.WriteString(w, SheetStart+Header()+`<row r="2"><c r="B2"><v>2</v>`)
		_, _ = io.WriteString(w, strings.Repeat("<x>", n))
		_, _ = io.WriteString(w, strings.Repeat("</x>", n))
		_, _ = io.WriteString(w, `</c></row>`+SheetEnd)
	})
}

// Entities is a plan sheet with a document type that defines entities
// which expand a billion times (the "billion laughs"), used in cell C2.
func Entities() []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "ha">`)
	prev := "a"
	for i := range 9 {
		name := fmt.Sprintf("e%d", i)
		fmt.Fprintf(&b, `<!ENTITY %s "%s">`, name, strings.Repeat("&"+prev+";", 10))
		prev = name
	}
	b.WriteString(`]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + Header())
	fmt.Fprintf(&b, `<row r="2"><c r="B2"><v>2</v></c><c r="C2" t="inlineStr"><is><t>&%s;</t></is></c></row>`, prev)
	b.WriteString(SheetEnd)
	return Workbook(Text(b.String()))
}

// SharedStrings is a plan sheet whose C2 is shared string index, with the
// workbook's shared strings written by strings.
func SharedStrings(index string, strings func(w io.Writer)) []byte {
	sheet := SheetStart + Header() + `<row r="2"><c r="B2"><v>2</v></c><c r="C2" t="s"><v>` + index + `</v></c></row>` + SheetEnd
	return Workbook(Text(sheet), Part{Name: "xl/sharedStrings.xml", Write: strings})
}

// SharedStringsBomb is a plan sheet whose shared strings unpack to size
// bytes.
func SharedStringsBomb(size int) []byte {
	sst := Bomb("xl/sharedStrings.xml", `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
		`<si><t>Kontroll</t></si>`+pad, `</sst>`, size)
	sheet := SheetStart + Header() + `<row r="2"><c r="B2"><v>2</v></c><c r="C2" t="s"><v>0</v></c></row>` + SheetEnd
	return Workbook(Text(sheet), sst)
}

// NoWorkbook is a zip with a sheet but without the workbook that names it.
func NoWorkbook() []byte {
	return Zip(Part{Name: "[Content_Types].xml", Write: Text(contentTypes)}, Part{Name: SheetPath, Write: Sheet(Control(2))})
}

// Duplicate is a plan workbook with its sheet twice under the same name.
func Duplicate() []byte {
	return Zip(Part{Name: "[Content_Types].xml", Write: Text(contentTypes)}, Part{Name: "_rels/.rels", Write: Text(rootRels)},
		Part{Name: "xl/workbook.xml", Write: Text(workbookXML)}, Part{Name: "xl/_rels/workbook.xml.rels", Write: Text(workbookRels)},
		Part{Name: SheetPath, Write: Sheet(Control(2))}, Part{Name: SheetPath, Write: Sheet(Control(3))})
}

// Plan is the largest plan the import's limits take: a good sheet of rows
// controls (numbered from 1, rows 2 and down), each with a kontrollmoment
// of text characters, its rows in a part of their own.
func Plan(rows, text int) []byte {
	desc := strings.Repeat("Stickprov på fakturor jämförs med attestordningen. ", text/51+1)[:text]
	return Workbook(func(w io.Writer) {
		_, _ = io.WriteString(w, SheetStart+Header())
		for n := 1; n <= rows; n++ {
			fmt.Fprintf(w, `<row r="%d"><c r="B%d"><v>%d</v></c><c r="C%d" t="inlineStr"><is><t>Kontroll %d</t></is></c>`+
				`<c r="G%d" t="inlineStr"><is><t>%s</t></is></c></row>`, n+1, n+1, n, n+1, n, n+1, desc)
		}
		_, _ = io.WriteString(w, SheetEnd)
	})
}
