package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestFormatsRegistered: the PDF and DOCX writers are found by name, and
// an unknown format is refused with the ones there are.
func TestFormatsRegistered(t *testing.T) {
	fs := strings.Join(Formats(), ",")
	if !strings.Contains(fs, "docx") || !strings.Contains(fs, "pdf") {
		t.Fatalf("formats %q lack docx or pdf", fs)
	}
	for _, f := range []string{"pdf", "docx"} {
		var buf bytes.Buffer
		if err := Write(f, &buf, sampleDoc(2)); err != nil || buf.Len() == 0 {
			t.Errorf("Write(%q): %v, %d bytes", f, err, buf.Len())
		}
	}
	if !bytes.HasPrefix(writeAs(t, "pdf"), []byte("%PDF-")) || !bytes.HasPrefix(writeAs(t, "docx"), []byte("PK")) {
		t.Error("pdf or docx writes something else")
	}
	err := Write("odt", io.Discard, sampleDoc(1))
	if err == nil || !strings.Contains(err.Error(), "okänt format") || !strings.Contains(err.Error(), "docx, ") {
		t.Errorf("an unknown format gives %v", err)
	}
}

func writeAs(t *testing.T, format string) []byte {
	var buf bytes.Buffer
	if err := Write(format, &buf, sampleDoc(1)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPDFText: text is made printable with the embedded fonts, which have
// every character of Swedish text.
func TestPDFText(t *testing.T) {
	fonts, err := loadPDFFonts()
	if err != nil {
		t.Fatal(err)
	}
	face := fonts.faces[pdfRegular]
	for _, r := range "ÅÄÖåäöéü–—”“’§≤≥…€½·" {
		if !face.has(r) {
			t.Errorf("the Go font lacks %q", r)
		}
	}
	for in, want := range map[string]string{
		"Åsa Öberg – 6 kap 40 § KL ≤ 10": "Åsa Öberg – 6 kap 40 § KL ≤ 10",
		"A\u030agård":                    "Ågård", // composed
		"1\u202f000 kr\tper år":          "1\u00a0000 kr per år",
		"klar ✓ och 漢":                   "klar x och ?",
		"rad\x00ett\nrad två\r":          "radett\nrad två",
		"av\u00adstämning":               "avstämning",
	} {
		if got := pdfText(in, face); got != want {
			t.Errorf("pdfText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWrap: lines never run wider than the room given, break at spaces and
// at line breaks, and a word too long for a line is broken after a hyphen
// when it has one, else where the line ends.
func TestWrap(t *testing.T) {
	fonts, err := loadPDFFonts()
	if err != nil {
		t.Fatal(err)
	}
	face := fonts.faces[pdfRegular]
	text := "Kontroll har gjorts av om det finns beskrivning av arbetsuppgifter samt rutinbeskrivningar och checklistor."
	lines := face.wrap(text, 10, 40, 60)
	if len(lines) < 3 || strings.Join(lines, " ") != text {
		t.Fatalf("wrap lost or kept text: %q", lines)
	}
	for i, l := range lines {
		limit := 60.0
		if i == 0 {
			limit = 40
		}
		if w := face.width(l, 10); w > limit {
			t.Errorf("line %d %q is %.2f mm wide, more than %.0f", i, l, w, limit)
		}
	}
	if got := face.wrap("ett\n\ntre", 10, 100, 100); fmt.Sprint(got) != "[ett  tre]" {
		t.Errorf("line breaks: %q", got)
	}
	w := face.width("2025-03-", 10) + 0.5
	if got := face.wrap("2025-03-31", 10, w, w); fmt.Sprint(got) != "[2025-03- 31]" {
		t.Errorf("a long date: %q", got)
	}
	got := face.wrap("Kansliavdelningen", 10, 12, 12)
	if len(got) < 2 || strings.Join(got, "") != "Kansliavdelningen" {
		t.Errorf("a long word: %q", got)
	}
	for _, l := range got {
		if face.width(l, 10) > 12 {
			t.Errorf("piece %q is wider than 12 mm", l)
		}
	}
}

// TestGridSizes: columns share the grid in proportion to the widths asked
// for, and equally when the widths are missing or wrong.
func TestGridSizes(t *testing.T) {
	for _, c := range []struct {
		widths []float64
		n      int
		want   string
	}{
		{[]float64{1, 3}, 2, "[250 750]"},
		{[]float64{1, 1, 1}, 3, "[334 333 333]"},
		{nil, 4, "[250 250 250 250]"},
		{[]float64{1, 2}, 3, "[334 333 333]"},
		{[]float64{1, -2, 3}, 3, "[334 333 333]"},
		{[]float64{0.001, 1000}, 2, "[1 999]"},
	} {
		got := gridSizes(c.widths, c.n, 1000)
		sum := 0
		for _, s := range got {
			sum += s
		}
		if fmt.Sprint(got) != c.want || sum != 1000 {
			t.Errorf("gridSizes(%v, %d) = %v, want %s", c.widths, c.n, got, c.want)
		}
	}
}

// TestOutlineLevels: bookmarks start at the top and never skip a level.
func TestOutlineLevels(t *testing.T) {
	for in, want := range map[string]string{
		"[1 2 2 1 2]": "[0 1 1 0 1]",
		"[2 3 1]":     "[0 1 0]",
		"[1 3 4 2]":   "[0 1 2 1]",
		"[0 -1 5]":    "[0 0 1]",
	} {
		var levels []int
		for _, f := range strings.Fields(strings.Trim(in, "[]")) {
			var l int
			fmt.Sscan(f, &l)
			levels = append(levels, l)
		}
		if got := fmt.Sprint(outlineLevels(levels)); got != want {
			t.Errorf("outlineLevels(%s) = %s, want %s", in, got, want)
		}
	}
}

// BenchmarkWritePDF writes the 40-control follow-up report as PDF.
func BenchmarkWritePDF(b *testing.B) {
	d := sampleDoc(40)
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePDF(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteDOCX writes the 40-control follow-up report as DOCX.
func BenchmarkWriteDOCX(b *testing.B) {
	d := sampleDoc(40)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteDOCX(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
