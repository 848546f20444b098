package report

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// One layout decision for the tables of every format. The HTML, PDF and
// Word writers ask the same questions here — is the document landscape,
// which columns does a table keep and how wide is each, where does a line
// of a cell break — and answer them only in their own unit: each passes in
// how it measures text (PDF its fonts' metrics, HTML and Word the estimate
// of tableTextWidth). A cell's word is never broken inside unless the word
// alone is wider than its column.

// Table text on paper, shared by the formats and by the orientation rule.
const (
	// tableFontPt is the size in points of a table's text in print.
	tableFontPt = 8.5
	// tablePadMM is the room in a cell beside its text, both sides together.
	tablePadMM = 4.0
	// portraitTextMM is the narrowest text width of the three formats on
	// upright A4 (Word's: 210 mm less 25 and 20 mm margins); landscapeTextMM
	// the same across landscape A4.
	portraitTextMM  = 165.0
	landscapeTextMM = 252.0
	// maxPortraitColumns is the most columns an upright page holds well.
	maxPortraitColumns = 6
)

// landscape tells whether d is laid out on landscape A4: when one of its
// tables keeps more than maxPortraitColumns columns, or when its columns'
// longest words do not fit side by side across an upright page (measured
// with tableTextWidth at docxTablePt, the largest table text of the three
// formats — Word's — so that a table upright in one format is never too
// narrow in another; header rows in bold). HTML, PDF and
// Word all turn on this rule, so a document has one orientation in every
// format.
func landscape(d *Doc) bool {
	for _, b := range d.Blocks {
		if b.Table == nil {
			continue
		}
		p := layoutColumns(b.Table, 0, tablePadMM, tableMeasureMM(docxTablePt))
		if len(p.Keep) > maxPortraitColumns || sum(p.Min) > portraitTextMM {
			return true
		}
	}
	return false
}

// introAt tells whether block i of d is a section's intro line: a plain
// paragraph right after a heading, with more of the section after it. The
// writers keep it with what follows, as they keep a heading, so that it
// never ends a page alone.
func introAt(d *Doc, i int) bool {
	if i < 1 || i+1 >= len(d.Blocks) || d.Blocks[i-1].Heading == nil || d.Blocks[i+1].PageBreak {
		return false
	}
	p := d.Blocks[i].Paragraph
	return p != nil && p.Style == ""
}

// columnPlan is how a table's columns are laid out: which of its columns
// are kept and how wide each is, in the unit of the measure it was made
// with.
type columnPlan struct {
	// Keep are the indexes of the table's columns that are shown, in order:
	// a column whose every row is empty (or only spaces) is left out, its
	// header alone does not keep it. A table without rows keeps every
	// column.
	Keep []int
	// Min is each kept column's least width: its longest unbreakable piece
	// of text (see tableWords), header included, plus the padding.
	Min []float64
	// Pref is each kept column's preferred width: its longest cell on one
	// line, plus the padding.
	Pref []float64
	// Widths are the widths given to the kept columns, summing to the
	// width asked for (or Pref when no width was given): every column its
	// preferred width when all fit, else its least width and a share of
	// the rest in proportion to how much more it would like, else (the
	// longest words alone do not fit) widths in proportion to the least.
	Widths []float64
	// Fits tells whether every kept column got at least its least width,
	// so that no word has to be broken inside.
	Fits bool
}

// layoutColumns lays out t's columns across width (<= 0: no limit, each at
// its preferred width), pad being the room a cell takes beside its text.
// measure gives a text's width on one line, the header's text bold when
// header is set; it is in the unit of width and pad.
func layoutColumns(t *Table, width, pad float64, measure func(text string, header bool) float64) columnPlan {
	n := tableColumns(t)
	var p columnPlan
	for j := range n {
		if len(t.Rows) == 0 || columnHasText(t, j) {
			p.Keep = append(p.Keep, j)
		}
	}
	p.Min = make([]float64, len(p.Keep))
	p.Pref = make([]float64, len(p.Keep))
	for k, j := range p.Keep {
		least, most := 0.0, 0.0
		see := func(s string, header bool) {
			for _, w := range tableWords(s) {
				least = max(least, measure(w, header))
			}
			for _, line := range strings.Split(s, "\n") {
				most = max(most, measure(strings.Join(strings.Fields(line), " "), header))
			}
		}
		if j < len(t.Header) {
			see(t.Header[j], true)
		}
		for _, r := range t.Rows {
			if j < len(r) {
				see(r[j], false)
			}
		}
		p.Min[k], p.Pref[k] = least+pad, max(least, most)+pad
	}
	p.Widths, p.Fits = shareWidth(p.Min, p.Pref, width)
	return p
}

// shareWidth shares width between columns with least widths least and
// preferred widths pref (see columnPlan.Widths), and tells whether each got
// its least.
func shareWidth(least, pref []float64, width float64) ([]float64, bool) {
	out := make([]float64, len(least))
	if width <= 0 {
		copy(out, pref)
		return out, true
	}
	sumLeast, sumPref := sum(least), sum(pref)
	switch {
	case len(out) == 0:
	case sumPref <= width && sumPref > 0:
		for i := range out {
			out[i] = width * pref[i] / sumPref
		}
	case sumLeast <= width:
		more := sumPref - sumLeast
		for i := range out {
			out[i] = least[i] + (width-sumLeast)*(pref[i]-least[i])/more
		}
	case sumLeast > 0:
		for i := range out {
			out[i] = width * least[i] / sumLeast
		}
		return out, false
	default:
		for i := range out {
			out[i] = width / float64(len(out))
		}
	}
	return out, true
}

// Row is r's cells in the kept columns ("" for a cell r lacks).
func (p columnPlan) Row(r []string) []string {
	out := make([]string, len(p.Keep))
	for k, j := range p.Keep {
		if j < len(r) {
			out[k] = r[j]
		}
	}
	return out
}

// columnHasText tells whether a row of t has text in column j.
func columnHasText(t *Table, j int) bool {
	for _, r := range t.Rows {
		if j < len(r) && strings.TrimSpace(r[j]) != "" {
			return true
		}
	}
	return false
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// tableWords are the pieces of s that a line never breaks inside: s split
// at spaces and line breaks, and after a hyphen inside a word (see
// breaksAfter). "Genomgång av rutiner" → [Genomgång av rutiner];
// "IT-säkerhet" → [IT- säkerhet]; "2025-03-31" → [2025-03-31].
func tableWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		out = append(out, hyphenPieces(f)...)
	}
	return out
}

// hyphenPieces splits a word (no spaces) after each hyphen a line may break
// at.
func hyphenPieces(word string) []string {
	var out []string
	start := 0
	for i, r := range word {
		n := i + utf8.RuneLen(r)
		if breaksAfter(word, i, r) {
			out = append(out, word[start:n])
			start = n
		}
	}
	if start < len(word) {
		out = append(out, word[start:])
	}
	return out
}

// breaksAfter tells whether a line may break after the rune r at byte i of
// word: r is a hyphen (-, ‐ or –) with a letter or digit before it and a
// letter after it, as in "IT-säkerhet" and "Kvartals-/halvårsvis" but not
// "2025-03-31", "-5" or "a--b" (as browsers do: no break between a
// hyphen and a digit).
func breaksAfter(word string, i int, r rune) bool {
	if !isHyphen(r) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(word[:i])
	after, _ := utf8.DecodeRuneInString(word[i+utf8.RuneLen(r):])
	if i == 0 || !(unicode.IsLetter(before) || unicode.IsDigit(before)) {
		return false
	}
	return unicode.IsLetter(after) || after == '/'
}

// wrap breaks text into lines no wider than width as measure measures
// them: at spaces (runs of spaces count as one) and line breaks in text,
// and after a hyphen inside a word (see tableWords). A piece of a word is
// broken inside only when it alone is wider than width: at the most that
// fits with a "-" added, at least one character, so that no line is wider
// than width unless it is a single character. Empty text gives one empty
// line.
func wrap(text string, width float64, measure func(string) float64) []string {
	var lines []string
	for _, hard := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(hard) {
			for k, piece := range hyphenPieces(word) {
				sep := " "
				if k > 0 || line == "" {
					sep = "" // a piece after a hyphen joins its word
				}
				if line != "" && measure(line+sep+piece) <= width {
					line += sep + piece
					continue
				}
				if line == "" && measure(piece) <= width {
					line = piece
					continue
				}
				if line != "" {
					lines = append(lines, line)
					line = ""
				}
				for measure(piece) > width {
					cut := cutWord(piece, width, measure)
					if cut == len(piece) {
						break
					}
					head := piece[:cut]
					if last, _ := utf8.DecodeLastRuneInString(head); !isHyphen(last) && measure(head+"-") <= width {
						head += "-"
					}
					lines = append(lines, head)
					piece = piece[cut:]
				}
				line = piece
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// cutWord is the byte length of the longest prefix of word that fits in
// width with a "-" after it (at least one character), or of the longest
// that ends in a hyphen of word's own and fits as it is, when there is one.
func cutWord(word string, width float64, measure func(string) float64) int {
	_, first := utf8.DecodeRuneInString(word)
	cut, own := first, 0
	for i, r := range word {
		n := i + utf8.RuneLen(r)
		if isHyphen(r) && n < len(word) && measure(word[:n]) <= width {
			own = n
		}
		if n > first && measure(word[:n]+"-") > width {
			break
		}
		cut = n
	}
	if own > 0 {
		return own
	}
	return cut
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2013' }

// tableMeasureMM measures table text in mm at size points with
// tableTextWidth, the header bold.
func tableMeasureMM(size float64) func(string, bool) float64 {
	return func(s string, header bool) float64 {
		return tableTextWidth(s, header) * size * 25.4 / 72
	}
}

// tableTextWidth estimates the width of s on one line in ems (1 = the font
// size) in Arial, the font of the Word documents and near enough to what
// browsers print in: Arial's advance widths for ASCII, a letter with a
// diacritic as its base letter, bold about a tenth wider. Where the fonts
// differ it errs on the wide side.
func tableTextWidth(s string, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += arialWidth(r)
	}
	if bold {
		w *= 1.1
	}
	return w / 1000 * 1.03
}

// arialASCII are Arial's advance widths (1/1000 em) for ' ' to '~'.
var arialASCII = [95]uint16{
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0-9
	278, 278, 584, 584, 584, 556, 1015, // : to @
	667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A-M
	722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N-Z
	278, 278, 278, 469, 556, 333, // [ to `
	556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a-m
	556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n-z
	334, 260, 334, 584, // { to ~
}

// arialWidth is one character's width in 1/1000 em (see tableTextWidth).
func arialWidth(r rune) float64 {
	if r >= ' ' && r <= '~' {
		return float64(arialASCII[r-' '])
	}
	switch r {
	case 'å', 'ä', 'à', 'á', 'â', 'ã', 'é', 'è', 'ê', 'ë', 'ö', 'ò', 'ó', 'ô', 'õ', 'ø', 'ü', 'ù', 'ú', 'û', 'ñ':
		return 556
	case 'Å', 'Ä', 'À', 'Á', 'Â', 'Ã', 'É', 'È', 'Ê', 'Ë':
		return 667
	case 'Ö', 'Ò', 'Ó', 'Ô', 'Õ', 'Ø':
		return 778
	case 'Ü', 'Ù', 'Ú', 'Û', 'Ñ':
		return 722
	case 'í', 'ì', 'î', 'ï':
		return 278
	case 'Æ', 'Œ', '—', '…', '‰':
		return 1000
	case 'æ', 'œ':
		return 944
	case '\u00a0', '\u202f', '\u2009':
		return 278
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return 0
	}
	if unicode.IsUpper(r) {
		return 778
	}
	return 600
}
