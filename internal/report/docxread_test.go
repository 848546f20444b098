package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
)

// docxFile is a written DOCX read back: its parts, and document.xml as
// paragraphs (style, runs) and tables.
type docxFile struct {
	parts      map[string]string
	paras      []docxPara // outside tables, in order
	tables     []docxReadTable
	pageBreaks int
}

type docxPara struct {
	style    string
	runs     []docxRun
	keepNext bool // set on the paragraph itself, not by its style
}

type docxRun struct {
	text string
	bold bool
}

type docxReadTable struct {
	cols   int
	widths []int // the grid's column widths, twips
	header []bool
	rows   [][]string
}

func (p docxPara) text() string {
	var b strings.Builder
	for _, r := range p.runs {
		b.WriteString(r.text)
	}
	return b.String()
}

// readDOCX unzips a DOCX and reads word/document.xml.
func readDOCX(t testing.TB, data []byte) *docxFile {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the DOCX is not a zip: %v", err)
	}
	f := &docxFile{parts: map[string]string{}}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		f.parts[zf.Name] = string(b)
	}
	doc, ok := f.parts["word/document.xml"]
	if !ok {
		t.Fatal("no word/document.xml")
	}
	dec := xml.NewDecoder(strings.NewReader(doc))
	var (
		para              *docxPara
		run               *docxRun
		tbl               *docxReadTable
		row               []string
		cell              strings.Builder
		inText, inRunProp bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml is not XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "tbl":
				tbl = &docxReadTable{}
			case "gridCol":
				tbl.cols++
				w, _ := strconv.Atoi(attr(e, "w"))
				tbl.widths = append(tbl.widths, w)
			case "tr":
				row = nil
				tbl.header = append(tbl.header, false)
			case "tblHeader":
				tbl.header[len(tbl.header)-1] = true
			case "tc":
				cell.Reset()
			case "p":
				para = &docxPara{}
			case "pStyle":
				para.style = attr(e, "val")
			case "keepNext":
				if para != nil && run == nil {
					para.keepNext = true
				}
			case "r":
				para.runs = append(para.runs, docxRun{})
				run = &para.runs[len(para.runs)-1]
			case "rPr":
				inRunProp = run != nil
			case "b":
				if inRunProp {
					v := attr(e, "val")
					run.bold = v != "false" && v != "0"
				}
			case "t":
				inText = true
			case "br":
				if attr(e, "type") == "page" {
					f.pageBreaks++
				} else if run != nil {
					run.text += "\n"
				}
			}
		case xml.CharData:
			if inText && run != nil {
				run.text += string(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inText = false
			case "rPr":
				inRunProp = false
			case "r":
				run = nil
			case "p":
				if tbl != nil {
					if cell.Len() > 0 {
						cell.WriteString("\n")
					}
					cell.WriteString(para.text())
				} else {
					f.paras = append(f.paras, *para)
				}
			case "tc":
				row = append(row, cell.String())
			case "tr":
				tbl.rows = append(tbl.rows, row)
			case "tbl":
				f.tables = append(f.tables, *tbl)
				tbl = nil
			}
		}
	}
	return f
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// text is all the text of the body, paragraphs then tables, squashed.
func (f *docxFile) text() string {
	var parts []string
	for _, p := range f.paras {
		parts = append(parts, p.text())
	}
	for _, t := range f.tables {
		for _, r := range t.rows {
			parts = append(parts, r...)
		}
	}
	return squash(strings.Join(parts, " "))
}
