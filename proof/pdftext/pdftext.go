// Package pdftext reads back the text a PDF shows, for the tests of the
// documents: each page's content stream is run, every string shown is
// mapped to Unicode through its font's ToUnicode CMap, and each text
// object (BT … ET) is a line. (ledongthuc/pdf parses the file and runs the
// streams; its own text decoding is not used because it maps a CMap range
// wrongly for characters above U+00FF, such as "–" and "≤".) Only tests
// import it, so it is not part of the ikplan binary.
package pdftext

import (
	"bytes"
	"encoding/hex"
	"io"
	"regexp"
	"strings"
	"unicode/utf16"

	"github.com/ledongthuc/pdf"
)

// Open opens a PDF from memory.
func Open(data []byte) (*pdf.Reader, error) {
	return pdf.NewReader(bytes.NewReader(data), int64(len(data)))
}

// Pages returns the lines of each page.
func Pages(r *pdf.Reader) [][]string {
	var pages [][]string
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		fonts := map[string]*toUnicode{}
		res := p.Resources().Key("Font")
		for _, name := range res.Keys() {
			fonts[name] = readToUnicode(res.Key(name).Key("ToUnicode"))
		}
		var lines []string
		var line strings.Builder
		var font *toUnicode
		pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
			args := make([]pdf.Value, stk.Len())
			for k := len(args) - 1; k >= 0; k-- {
				args[k] = stk.Pop()
			}
			switch op {
			case "Tf":
				if len(args) == 2 {
					font = fonts[args[0].Name()]
				}
			case "Tj", "'", "\"":
				if len(args) > 0 && font != nil {
					line.WriteString(font.decode(args[len(args)-1].RawString()))
				}
			case "TJ":
				if len(args) == 1 && font != nil {
					for k := 0; k < args[0].Len(); k++ {
						if v := args[0].Index(k); v.Kind() == pdf.String {
							line.WriteString(font.decode(v.RawString()))
						}
					}
				}
			case "ET":
				if line.Len() > 0 {
					lines = append(lines, line.String())
				}
				line.Reset()
			}
		})
		pages = append(pages, lines)
	}
	return pages
}

// Lines returns the lines of every page, in order.
func Lines(r *pdf.Reader) []string {
	var out []string
	for _, p := range Pages(r) {
		out = append(out, p...)
	}
	return out
}

// toUnicode is a font's ToUnicode CMap: code length, single codes and
// ranges, each mapped to UTF-16BE.
type toUnicode struct {
	codeLen int
	chars   map[string]string
	ranges  []cmapRange
}

type cmapRange struct {
	lo, hi string
	dst    []string // one target, the first of the range, or one per code
}

var (
	cmapSection = regexp.MustCompile(`(?s)begin(codespacerange|bfchar|bfrange)(.*?)end(codespacerange|bfchar|bfrange)`)
	cmapToken   = regexp.MustCompile(`<([0-9A-Fa-f\s]*)>|\[|\]`)
)

// readToUnicode parses the CMap's sections; its PostScript frame is not
// needed.
func readToUnicode(v pdf.Value) *toUnicode {
	m := &toUnicode{codeLen: 1, chars: map[string]string{}}
	if v.IsNull() {
		return m
	}
	rd := v.Reader()
	defer rd.Close()
	data, err := io.ReadAll(rd)
	if err != nil {
		return m
	}
	for _, sec := range cmapSection.FindAllStringSubmatch(string(data), -1) {
		var items [][]string // each a hex string, or the strings of an array
		inArray := false
		for _, tok := range cmapToken.FindAllStringSubmatch(sec[2], -1) {
			switch tok[0] {
			case "[":
				items, inArray = append(items, nil), true
			case "]":
				inArray = false
			default:
				b, _ := hex.DecodeString(strings.Join(strings.Fields(tok[1]), ""))
				if inArray {
					items[len(items)-1] = append(items[len(items)-1], string(b))
				} else {
					items = append(items, []string{string(b)})
				}
			}
		}
		switch sec[1] {
		case "codespacerange":
			if len(items) > 0 {
				m.codeLen = len(items[0][0])
			}
		case "bfchar":
			for i := 0; i+1 < len(items); i += 2 {
				m.chars[items[i][0]] = utf16BE(items[i+1][0])
			}
		case "bfrange":
			for i := 0; i+2 < len(items); i += 3 {
				m.ranges = append(m.ranges, cmapRange{items[i][0], items[i+1][0], items[i+2]})
			}
		}
	}
	return m
}

// decode maps the codes in s to text.
func (m *toUnicode) decode(s string) string {
	var b strings.Builder
	for len(s) >= m.codeLen {
		code := s[:m.codeLen]
		s = s[m.codeLen:]
		if c, ok := m.chars[code]; ok {
			b.WriteString(c)
			continue
		}
		for _, r := range m.ranges {
			if len(r.lo) != len(code) || code < r.lo || code > r.hi || len(r.dst) == 0 {
				continue
			}
			off := bigEndian(code) - bigEndian(r.lo)
			if len(r.dst) > 1 {
				if off < len(r.dst) {
					b.WriteString(utf16BE(r.dst[off]))
				}
				break
			}
			units := utf16Units(r.dst[0])
			if len(units) > 0 {
				units[len(units)-1] += uint16(off)
			}
			b.WriteString(string(utf16.Decode(units)))
			break
		}
	}
	return b.String()
}

func bigEndian(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n<<8 | int(s[i])
	}
	return n
}

func utf16Units(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return u
}

func utf16BE(s string) string { return string(utf16.Decode(utf16Units(s))) }
