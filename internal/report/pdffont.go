package report

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// pdfFontStyle names one of the embedded fonts.
type pdfFontStyle string

const (
	pdfRegular pdfFontStyle = ""
	pdfBold    pdfFontStyle = "B"
	pdfItalic  pdfFontStyle = "I"
)

// pdfRunes is the end of the range of runes whose widths are tabled; a rune
// at or above it counts as missing from the fonts.
const pdfRunes = 0x3000

// pdfFace is one embedded font: the glyph of each rune it has and each
// glyph's width in thousandths of an em (the PDF's /W widths, so that lines
// are broken exactly where the PDF measures them), and the metrics its font
// descriptor gives.
type pdfFace struct {
	ttf      []byte
	name     string   // PostScript name, "GoRegular"
	glyphs   []uint16 // by rune below pdfRunes; 0: no glyph
	widths   []uint16 // by rune
	glyphW   []uint16 // by glyph
	runeOf   []rune   // by glyph: the first rune drawn with it
	bbox     [4]int   // in thousandths of an em
	ascent   int
	descent  int
	capH     int
	italic   float64 // the italic angle in degrees
	numGlyph int
}

// pdfFonts holds the Go fonts (BSD licence, compiled into the binary):
// regular, bold and italic.
type pdfFonts struct {
	faces map[pdfFontStyle]*pdfFace
}

var loadPDFFonts = sync.OnceValues(func() (*pdfFonts, error) {
	fs := &pdfFonts{faces: map[pdfFontStyle]*pdfFace{}}
	for _, f := range []struct {
		style pdfFontStyle
		ttf   []byte
	}{{pdfRegular, goregular.TTF}, {pdfBold, gobold.TTF}, {pdfItalic, goitalic.TTF}} {
		face, err := newPDFFace(f.ttf)
		if err != nil {
			return nil, fmt.Errorf("typsnitt: %w", err)
		}
		fs.faces[f.style] = face
	}
	return fs, nil
})

func newPDFFace(ttf []byte) (*pdfFace, error) {
	f, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	upem := f.UnitsPerEm()
	scale := 1000 / float64(upem)
	face := &pdfFace{ttf: ttf, glyphs: make([]uint16, pdfRunes), widths: make([]uint16, pdfRunes),
		numGlyph: f.NumGlyphs(), glyphW: make([]uint16, f.NumGlyphs()), runeOf: make([]rune, f.NumGlyphs())}
	face.name, _ = f.Name(&buf, sfnt.NameIDPostScript)
	face.name = strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7f && !strings.ContainsRune("()<>[]{}/%#", r) {
			return r
		}
		return -1
	}, face.name)
	if face.name == "" {
		face.name = "Go"
	}
	for r := rune(0x20); r < pdfRunes; r++ {
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 || int(gi) >= face.numGlyph {
			continue
		}
		adv, err := f.GlyphAdvance(&buf, gi, fixed.I(int(upem)), font.HintingNone)
		if err != nil {
			continue
		}
		w := int(scale*float64(adv)/64 + 0.5)
		if w <= 0 {
			continue // a zero-width glyph is as good as none here
		}
		face.glyphs[r], face.widths[r] = uint16(gi), uint16(w)
		face.glyphW[gi] = uint16(w)
		if face.runeOf[gi] == 0 {
			face.runeOf[gi] = r
		}
	}
	if err := face.readMetrics(scale); err != nil {
		return nil, err
	}
	return face, nil
}

// has tells whether the face can print r.
func (f *pdfFace) has(r rune) bool { return r >= 0 && r < pdfRunes && f.widths[r] > 0 }

// width is the width of s in mm at size points, as the PDF draws it.
func (f *pdfFace) width(s string, size float64) float64 {
	sum := 0
	for _, r := range s {
		if f.has(r) {
			sum += int(f.widths[r])
		} else {
			sum += 500
		}
	}
	return float64(sum) * (size / (72.0 / 25.4)) / 1000
}

// pdfSubstitutes stand in for characters the fonts lack, in words where a
// word reads better than a box. (The Go fonts have ≤ and ≥; "högst" and
// "minst" are there for a font that would not.)
var pdfSubstitutes = map[rune]string{
	'≤': "högst ", '≥': "minst ", '≦': "högst ", '≧': "minst ",
	'\u2007': "\u00a0", '\u2009': "\u00a0", '\u202f': "\u00a0", '\u200a': "\u00a0",
	'✓': "x", '✔': "x", '✗': "x", '✘': "x",
	'\u2011': "-", '\u2010': "-",
}

// pdfInvisible tells whether r is a character that shows nothing: a soft
// hyphen or a zero-width one (the fonts draw some of them).
func pdfInvisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
}

// pdfText makes s printable with the embedded fonts: composed (NFC), tabs
// as spaces, control characters dropped (line breaks kept), and any
// character the fonts lack replaced by its substitute or "?".
func pdfText(s string, face *pdfFace) string {
	s = norm.NFC.String(s)
	clean := true
	for _, r := range s {
		if r == '\n' || (r != '\t' && face.has(r) && !pdfInvisible(r)) {
			continue
		}
		clean = false
		break
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case pdfInvisible(r):
		case r == '\n' || face.has(r):
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r):
		default:
			if sub, ok := pdfSubstitutes[r]; ok {
				b.WriteString(sub)
			} else {
				b.WriteByte('?')
			}
		}
	}
	return b.String()
}

// wrap breaks s into lines no wider than width mm (the first line no wider
// than first) at size points in face: at spaces, at line breaks in s, and
// inside a word only when the word alone is too wide.
func (f *pdfFace) wrap(s string, size, first, width float64) []string {
	const slack = 0.01 // never let rounding make maroto break a line again
	var lines []string
	limit := first - slack
	for _, hard := range strings.Split(s, "\n") {
		line, lineW := "", 0.0
		for _, word := range strings.Split(hard, " ") {
			if word == "" {
				continue
			}
			ww := f.width(word, size)
			sep := 0.0
			if line != "" {
				sep = f.width(" ", size)
			}
			if lineW+sep+ww <= limit {
				if line != "" {
					line += " "
				}
				line, lineW = line+word, lineW+sep+ww
				continue
			}
			if line != "" {
				lines, limit = append(lines, line), width-slack
			}
			for ww > limit { // a word wider than a line: break it
				cut := f.fit(word, size, limit)
				lines, limit = append(lines, word[:cut]), width-slack
				word = word[cut:]
				ww = f.width(word, size)
			}
			line, lineW = word, ww
		}
		lines, limit = append(lines, line), width-slack
	}
	return lines
}

// fit is the byte length of the longest prefix of word (at least one rune)
// that fits in limit mm, ending after a hyphen or slash when it can.
func (f *pdfFace) fit(word string, size, limit float64) int {
	cut, soft := 0, 0
	for i, r := range word {
		n := i + utf8.RuneLen(r)
		if i > 0 && f.width(word[:n], size) > limit {
			break
		}
		cut = n
		if (r == '-' || r == '/' || r == '–') && n < len(word) {
			soft = n
		}
	}
	if soft > 0 {
		return soft
	}
	return cut
}
