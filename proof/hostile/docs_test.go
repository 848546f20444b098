package hostile_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	ics "github.com/arran4/golang-ical"
	"github.com/ledongthuc/pdf"
	"github.com/xuri/excelize/v2"
)

// shape is what a document's structure looks like, apart from its text:
// the payload run is compared with the same document written with harmless
// text, so nothing structural may come from the text.
type shape map[string]int

// squash is s as visible() sees it without any white space: documents
// break lines where they like.
func squash(s string) string { return strings.Join(strings.Fields(visible(s)), "") }

// pdfActive are PDF names that run something or send something away.
var pdfActive = []string{"/JavaScript", "/JS", "/Launch", "/SubmitForm", "/ImportData", "/RichMedia", "/EmbeddedFile", "/GoToR", "/OpenAction", "/AA", "/URI"}

var pdfName = regexp.MustCompile(`/[A-Za-z]+`)

// checkPDF reads a PDF: it must open, show its text, hold no active
// content the harmless document lacks and no link to a script URL. shows
// reports whether its text holds the probe.
func checkPDF(data []byte, probe string, base shape) (s shape, shows bool, problems []string) {
	s = shape{}
	r, err := openPDF(data)
	if err != nil {
		return s, false, []string{"the PDF does not open: " + err.Error()}
	}
	// names in the file's dictionaries (the text itself is in hex-coded glyphs)
	for _, n := range pdfName.FindAllString(string(data), -1) {
		for _, a := range pdfActive {
			if n == a {
				s[n]++
			}
		}
	}
	s["pages"] = r.NumPage()
	for i := 1; i <= r.NumPage(); i++ {
		annots := r.Page(i).V.Key("Annots")
		for k := 0; k < annots.Len(); k++ {
			a := annots.Index(k)
			s["annotation "+a.Key("Subtype").Name()]++
			if uri := a.Key("A").Key("URI"); !uri.IsNull() && dangerousURL(uri.RawString()) {
				problems = append(problems, "a link to "+uri.RawString())
			}
		}
	}
	text := squash(strings.Join(pdfText(r), ""))
	shows = probe != "" && strings.Contains(text, squash(probe))
	if base != nil {
		for _, a := range pdfActive {
			if s[a] > base[a] {
				problems = append(problems, fmt.Sprintf("%d × %s, the harmless document has %d", s[a], a, base[a]))
			}
		}
		for k, n := range s {
			if strings.HasPrefix(k, "annotation ") && n > base[k] {
				problems = append(problems, fmt.Sprintf("%d × %s, the harmless document has %d", n, k, base[k]))
			}
		}
	}
	return s, shows, problems
}

// checkDOCX reads a DOCX: every XML part well-formed, the text in w:t
// runs, no field code, external link or part the harmless document lacks.
func checkDOCX(data []byte, probe string, base shape) (s shape, shows bool, problems []string) {
	s = shape{}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return s, false, []string{"the DOCX does not open: " + err.Error()}
	}
	var text strings.Builder
	for _, f := range z.File {
		s["part "+f.Name]++
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			problems = append(problems, f.Name+": "+err.Error())
			continue
		}
		dec := xml.NewDecoder(rc)
		inText := false
		for {
			tok, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				problems = append(problems, f.Name+" is not well-formed XML: "+err.Error())
				break
			}
			switch el := tok.(type) {
			case xml.StartElement:
				s["element "+el.Name.Local]++
				inText = el.Name.Local == "t"
				for _, a := range el.Attr {
					if a.Name.Local == "TargetMode" || a.Name.Local == "Target" && dangerousURL(a.Value) {
						s["attr "+a.Name.Local+"="+a.Value]++
					}
				}
			case xml.EndElement:
				inText = false
			case xml.CharData:
				if inText {
					text.Write(el)
				}
			}
		}
		rc.Close()
	}
	shows = probe != "" && strings.Contains(squash(text.String()), squash(probe))
	if base != nil {
		for k, n := range s {
			if n > base[k] && !strings.HasPrefix(k, "element t") && !strings.HasPrefix(k, "element r") &&
				!strings.HasPrefix(k, "element p") && !strings.HasPrefix(k, "element br") {
				problems = append(problems, fmt.Sprintf("%d × %s, the harmless document has %d", n, k, base[k]))
			}
		}
	}
	return s, shows, problems
}

// checkXLSX reads a workbook: no formula the harmless export lacks, and
// every cell that holds the payload's text stored as a string.
func checkXLSX(data []byte, probe string, base shape) (s shape, shows bool, problems []string) {
	s = shape{}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return s, false, []string{"the workbook does not open: " + err.Error()}
	}
	defer x.Close()
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet)
		if err != nil {
			problems = append(problems, sheet+": "+err.Error())
			continue
		}
		for i, row := range rows {
			for j, v := range row {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				formula, err := x.GetCellFormula(sheet, cell)
				if err != nil {
					problems = append(problems, cell+": "+err.Error())
				}
				if formula != "" {
					s["formula "+sheet+"!"+cell+" ="+formula]++
				}
				if probe == "" || !strings.Contains(squash(v), squash(probe)) {
					continue
				}
				shows = true
				typ, err := x.GetCellType(sheet, cell)
				if err != nil || (typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString) {
					problems = append(problems, fmt.Sprintf("%s!%s holds the payload as cell type %v, not a string (%v)", sheet, cell, typ, err))
				}
				if formula != "" {
					problems = append(problems, fmt.Sprintf("%s!%s holds the payload as the formula =%s", sheet, cell, formula))
				}
			}
		}
	}
	if base != nil {
		for k := range s {
			if base[k] == 0 {
				problems = append(problems, "a formula the harmless export lacks: "+k)
			}
		}
	}
	return s, shows, problems
}

// checkICS reads a calendar feed back: it parses, its lines end in CRLF
// with no bare CR or LF, no line is longer than 75 octets, and it has the
// same components and properties as the harmless feed.
func checkICS(data []byte, probe string, base shape) (s shape, shows bool, problems []string) {
	s = shape{}
	raw := string(data)
	if !strings.HasSuffix(raw, "\r\n") {
		problems = append(problems, "the feed does not end in CRLF")
	}
	var unfolded []string
	for i, line := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			problems = append(problems, fmt.Sprintf("line %d holds a bare CR or LF: %q", i+1, line))
		}
		if len(line) > 75 {
			problems = append(problems, fmt.Sprintf("line %d is %d octets long", i+1, len(line)))
		}
		if strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
			if len(unfolded) > 0 {
				unfolded[len(unfolded)-1] += line[1:]
			}
			continue
		}
		unfolded = append(unfolded, line)
	}
	for _, line := range unfolded {
		name, _, _ := strings.Cut(line, ":")
		name, _, _ = strings.Cut(name, ";")
		s["property "+name]++
		if name == "BEGIN" || name == "END" {
			s[line]++
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(raw))
	if err != nil {
		return s, false, append(problems, "the feed does not parse: "+err.Error())
	}
	s["events"] = len(cal.Events())
	var text strings.Builder
	for _, ev := range cal.Events() {
		for _, p := range []ics.ComponentProperty{ics.ComponentPropertySummary, ics.ComponentPropertyDescription} {
			if v := ev.GetProperty(p); v != nil {
				text.WriteString(v.Value)
			}
		}
	}
	unescaped := strings.NewReplacer(`\n`, "\n", `\N`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(text.String())
	shows = probe != "" && strings.Contains(squash(unescaped), squash(probe))
	if base != nil {
		var keys []string
		for k := range s {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if s[k] != base[k] {
				problems = append(problems, fmt.Sprintf("%d × %s, the harmless feed has %d", s[k], k, base[k]))
			}
		}
	}
	return s, shows, problems
}

var _ = pdf.Value{}
