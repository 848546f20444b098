package report

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// runes measures a text as one unit a character, so that widths in the
// cases below are easy to read.
func runes(s string) float64 { return float64(utf8.RuneCountInString(s)) }

// TestWrapCases: lines break at spaces and after a hyphen inside a word;
// a word is broken inside, with a hyphen added, only when it alone is
// wider than the line.
func TestWrapCases(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  string
	}{
		{"", 10, `[""]`},
		{"Genomgång", 10, `["Genomgång"]`},
		{"Genomgång av rutiner", 10, `["Genomgång" "av rutiner"]`},
		{"Kommunstyrelsen Kvartalsvis", 15, `["Kommunstyrelsen" "Kvartalsvis"]`},
		{"Kommunstyrelsen", 10, `["Kommunsty-" "relsen"]`},
		{"IT-säkerhet och GDPR", 10, `["IT-" "säkerhet" "och GDPR"]`},
		{"IT-säkerhet", 11, `["IT-säkerhet"]`},
		{"klar 2025-03-31", 10, `["klar" "2025-03-31"]`},
		{"2025-03-31", 6, `["2025-" "03-31"]`},
		{"a  b\n\nc", 10, `["a b" "" "c"]`},
		{"abc", 0.5, `["a" "b" "c"]`},
		{"ab cd", 1, `["a" "b" "c" "d"]`},
		{"Årlig/kvartalsvis", 9, `["Årlig/kv-" "artalsvis"]`},
		{"x Kommunstyrelsen y", 6, `["x" "Kommu-" "nstyr-" "elsen" "y"]`},
	} {
		got := fmt.Sprintf("%q", wrap(c.text, c.width, runes))
		if got != c.want {
			t.Errorf("wrap(%q, %v) = %s, want %s", c.text, c.width, got, c.want)
		}
	}
}

// TestWrapProperties: for random texts of Swedish words, hyphenated words
// and over-long words, at random widths and with a measure whose
// characters differ in width: no line is wider than the width unless it is
// a single character; the lines joined give back the words; no word (piece
// between hyphens) that fits a line is broken inside.
func TestWrapProperties(t *testing.T) {
	words := []string{"Kommunstyrelsen", "Genomgång", "Kvartalsvis", "av", "IT-säkerhet", "2025-03-31",
		"Överförmyndarnämnden", "i", "Mål", "≤", "10", "Socialförvaltningens-arbetsmiljöhandlingsplaner", "WWW", "illi"}
	measure := func(s string) float64 {
		w := 0.0
		for _, r := range s {
			w += arialWidth(r) / 100
		}
		return w
	}
	rng := rand.New(rand.NewPCG(15, 2))
	for range 2000 {
		var ws []string
		for range 1 + rng.IntN(12) {
			ws = append(ws, words[rng.IntN(len(words))])
		}
		text := strings.Join(ws, " ")
		width := 1 + rng.Float64()*60
		lines := wrap(text, width, measure)
		for _, l := range lines {
			if measure(l) > width && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("wrap(%q, %.1f): line %q is %.1f wide", text, width, l, measure(l))
			}
		}
		if got := unwrap(lines, text); got != strings.Join(strings.Fields(text), " ") {
			t.Fatalf("wrap(%q, %.1f) = %q: joined %q", text, width, lines, got)
		}
		// a piece that fits is on one line
		for _, p := range tableWords(text) {
			if measure(p) > width {
				continue
			}
			found := false
			for _, l := range lines {
				found = found || containsPiece(l, p)
			}
			if !found {
				t.Fatalf("wrap(%q, %.1f) = %q: %q fits a line but is broken", text, width, lines, p)
			}
		}
	}
}

// unwrap reads wrapped lines back against the text they came from and
// returns the text they give: each line is the text's next stretch, or the
// next stretch with a hyphen wrap added where it broke a word inside (only
// a single character may end inside a word without one); a space between
// lines is one of the text's.
func unwrap(lines []string, text string) string {
	want := strings.Join(strings.Fields(text), " ")
	pos := 0
	for _, l := range lines {
		if pos < len(want) && want[pos] == ' ' {
			pos++
		}
		switch {
		case strings.HasPrefix(want[pos:], l):
			pos += len(l)
			if pos < len(want) && want[pos] != ' ' && !strings.HasSuffix(l, "-") && utf8.RuneCountInString(l) > 1 {
				return want[:pos] + "|" // broken inside with no hyphen
			}
		case strings.HasSuffix(l, "-") && strings.HasPrefix(want[pos:], l[:len(l)-1]):
			pos += len(l) - 1
		default:
			return want[:pos] + "?" + l
		}
	}
	return want[:pos]
}

func containsPiece(line, piece string) bool {
	for _, p := range tableWords(line) {
		if p == piece {
			return true
		}
	}
	return false
}

// TestTableWords: the pieces a line never breaks inside.
func TestTableWords(t *testing.T) {
	for in, want := range map[string]string{
		"Genomgång av  rutiner":  "[Genomgång av rutiner]",
		"IT-säkerhet":            "[IT- säkerhet]",
		"2025-03-31":             "[2025-03-31]",
		"-5 a--b":                "[-5 a--b]",
		"Kvartals-/halvårsvis":   "[Kvartals- /halvårsvis]",
		"Lön–ekonomi\nrad två":   "[Lön– ekonomi rad två]",
		"Risk (riskvärde) 12–16": "[Risk (riskvärde) 12–16]",
	} {
		if got := fmt.Sprint(tableWords(in)); got != want {
			t.Errorf("tableWords(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestLayoutColumns: empty columns are left out (a header alone does not
// keep one), each kept column gets at least its longest word when the
// longest words fit, its whole text when everything fits, and the widths
// fill the width asked for.
func TestLayoutColumns(t *testing.T) {
	measure := func(s string, _ bool) float64 { return runes(s) }
	tbl := &Table{
		Header: []string{"Nr", "Kontrollpunkt", "Tom", "Ansvarig"},
		Rows: [][]string{
			{"1", "Genomgång av attestlistor", " ", "Kommunstyrelsen"},
			{"2", "Kvartalsvis uppföljning", ""},
		},
	}
	for _, c := range []struct {
		width float64
		want  string
	}{
		{0, "keep [0 1 3] min [3 14 16] pref [3 26 16] widths [3 26 16] fits true"},
		{90, "keep [0 1 3] min [3 14 16] pref [3 26 16] widths [6 52 32] fits true"},
		{39, "keep [0 1 3] min [3 14 16] pref [3 26 16] widths [3 20 16] fits true"},
		{33, "keep [0 1 3] min [3 14 16] pref [3 26 16] widths [3 14 16] fits true"},
		{16.5, "keep [0 1 3] min [3 14 16] pref [3 26 16] widths [1.5 7 8] fits false"},
	} {
		p := layoutColumns(tbl, c.width, 1, measure)
		got := fmt.Sprintf("keep %v min %v pref %v widths %v fits %v", p.Keep, p.Min, p.Pref, round(p.Widths), p.Fits)
		if got != c.want {
			t.Errorf("width %v: %s, want %s", c.width, got, c.want)
		}
	}
	if got := fmt.Sprint(layoutColumns(tbl, 0, 0, measure).Row(tbl.Rows[1])); got != "[2 Kvartalsvis uppföljning ]" {
		t.Errorf("Row: %q", got)
	}
	if p := layoutColumns(&Table{Header: []string{"a", "b"}}, 10, 0, measure); fmt.Sprint(p.Keep) != "[0 1]" {
		t.Errorf("a table without rows keeps %v", p.Keep)
	}
}

func round(xs []float64) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = float64(int(x*10+0.5)) / 10
	}
	return out
}

// TestLayoutColumnsProperties: for random tables and widths, the widths
// sum to the width asked for, every column gets its least width whenever
// the least widths fit, and a column's text wrapped in its width (less the
// padding) breaks no word inside.
func TestLayoutColumnsProperties(t *testing.T) {
	words := []string{"Kommunstyrelsen", "Genomgång", "Kvartalsvis", "av", "IT-säkerhet", "2025-03-31", "", "Mål ≤ 10 %"}
	measure := func(s string, head bool) float64 { return tableTextWidth(s, head) * 10 }
	rng := rand.New(rand.NewPCG(15, 3))
	for range 500 {
		n := 1 + rng.IntN(9)
		tbl := &Table{Header: make([]string, n)}
		for j := range n {
			tbl.Header[j] = words[rng.IntN(len(words))]
		}
		for range rng.IntN(5) {
			r := make([]string, n)
			for j := range r {
				var ws []string
				for range rng.IntN(4) {
					ws = append(ws, words[rng.IntN(len(words))])
				}
				r[j] = strings.Join(ws, " ")
			}
			tbl.Rows = append(tbl.Rows, r)
		}
		width, pad := 20+rng.Float64()*600, 4.0
		p := layoutColumns(tbl, width, pad, measure)
		if s := sum(p.Widths); len(p.Keep) > 0 && (s < width-1e-6 || s > width+1e-6) {
			t.Fatalf("widths %v sum to %v, not %v", p.Widths, s, width)
		}
		if p.Fits != (sum(p.Min) <= width) {
			t.Fatalf("fits %v with least widths %v in %v", p.Fits, p.Min, width)
		}
		if !p.Fits {
			continue
		}
		for k, j := range p.Keep {
			if p.Widths[k] < p.Min[k]-1e-9 {
				t.Fatalf("column %d is %v wide, less than its least %v", j, p.Widths[k], p.Min[k])
			}
			for _, r := range tbl.Rows {
				for _, l := range wrap(r[j], p.Widths[k]-pad, func(s string) float64 { return measure(s, false) }) {
					for _, piece := range tableWords(l) {
						if !strings.Contains(r[j], strings.TrimSuffix(piece, "-")) || (strings.HasSuffix(piece, "-") && !strings.Contains(r[j], piece)) {
							t.Fatalf("%q broken inside in %v: %q", r[j], p.Widths[k]-pad, l)
						}
					}
				}
			}
		}
	}
}

// TestLandscape: one rule for every format — landscape when a table keeps
// more than six columns or its longest words do not fit upright; empty
// columns do not count.
func TestLandscape(t *testing.T) {
	row := func(n int, s string) []string {
		r := make([]string, n)
		for i := range r {
			r[i] = s
		}
		return r
	}
	seven := row(7, "Genomgång")
	sevenOneEmpty := row(7, "Genomgång")
	sevenOneEmpty[3] = ""
	for _, c := range []struct {
		name string
		t    *Table
		want bool
	}{
		{"six columns", &Table{Header: row(6, "Kolumn"), Rows: [][]string{row(6, "Genomgång")}}, false},
		{"seven columns", &Table{Header: row(7, "Kolumn"), Rows: [][]string{seven}}, true},
		{"seven, one empty", &Table{Header: row(7, "Kolumn"), Rows: [][]string{sevenOneEmpty}}, false},
		{"five long words", &Table{Header: row(5, "K"), Rows: [][]string{row(5, "Överförmyndarnämndens-internkontrollplan")}}, true},
	} {
		d := &Doc{}
		d.P("", "Inledning")
		d.T(*c.t)
		if got := landscape(d); got != c.want {
			t.Errorf("%s: landscape %v, want %v", c.name, got, c.want)
		}
	}
	if landscape(&Doc{}) {
		t.Error("a document without tables is landscape")
	}
}
