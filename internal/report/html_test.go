package report_test

import (
	"bytes"
	"errors"
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"ikplan/internal/report"
)

var (
	styleElem = regexp.MustCompile(`(?s)<style>.*?</style>`)
	tag       = regexp.MustCompile(`<[^>]*>`)
)

// htmlText reads an HTML file back as text: no style sheet, no tags,
// entities decoded, whitespace normalised.
func htmlText(s string) string {
	s = styleElem.ReplaceAllString(s, " ")
	s = tag.ReplaceAllString(s, " ")
	return norm(html.UnescapeString(s))
}

func TestWriteHTMLEscapes(t *testing.T) {
	t.Parallel()
	evil := `<script>alert("x")</script>`
	d := &report.Doc{Title: "Plan " + evil, Header: `Nämnd "</style><script>alert(1)</script>` + "\\", Lang: "sv"}
	d.H(1, `x" onmouseover="alert(1)`, "Rubrik "+evil)
	d.P("lead", "1. Kontroll "+evil, "Sekretess "+evil)
	d.T(report.Table{Caption: "Tabell " + evil, Header: []string{"Nr", evil}, Rows: [][]string{{"1", evil}}, Widths: []float64{1, 3}})
	var buf bytes.Buffer
	if err := report.WriteHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "<script") || strings.Contains(out, `" onmouseover=`) {
		t.Fatalf("Expected every text escaped, got\n%s", out)
	}
	if n := strings.Count(out, "</style>"); n != 1 {
		t.Errorf("Expected the header unable to end the style sheet, got %d ends", n)
	}
	if n := strings.Count(out, "&lt;script&gt;"); n < 6 {
		t.Errorf("Expected the hostile text shown as text in title, heading, mark, paragraph, caption and cells, got %d", n)
	}
	// the header is a CSS string with everything but letters, digits and spaces escaped
	if !strings.Contains(out, `content: "N\0000e4mnd\000020\000022\00003c\00002fstyle\00003e`) {
		t.Errorf("Expected the header escaped in the page's margin box, got\n%s", out)
	}
}

func TestWriteHTMLPrints(t *testing.T) {
	t.Parallel()
	d := followUp(t, false)
	d.Break()
	d.T(report.Table{Caption: "Sammanfattning", Header: []string{"Nämnd", "Antal"}, Rows: [][]string{{"Kommunstyrelsen", "20"}}, Widths: []float64{3, 1}})
	var buf bytes.Buffer
	if err := report.Write("html", &buf, d); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"<!doctype html>", `<html lang="sv">`, "<title>Uppföljning av kommunstyrelsens internkontrollplan 2024</title>",
		"size: A4", "break-after: avoid", "break-before: page", "display: table-header-group", "counter(page)", "@top-left",
		`<h1>Uppföljning av kommunstyrelsens internkontrollplan 2024</h1>`,
		`<h2 id="avvikelser-och-atgarder">1. Avvikelser och åtgärder intern kontroll 2024</h2>`,
		`<h3 id="atgarder">1.2 Åtgärder</h3>`,
		// a section's intro line is kept with its heading, on one page
		`<div class="report-keep"><h3 id="atgarder">1.2 Åtgärder</h3><p class="report-p">Nedan redovisas`,
		".report-keep { break-inside: avoid;",
		`<strong class="report-mark">Sekretess</strong>`,
		`<hr class="page-break">`, "<caption>Sammanfattning</caption>", `<th scope="col">Nämnd</th>`,
		`<colgroup><col style="width: `,
		`<header class="running-header">Kommunstyrelsen – uppföljning 2024`,
	} {
		if !strings.Contains(strings.ToLower(out), strings.ToLower(want)) {
			t.Errorf("Expected %q in the HTML", want)
		}
	}
	// the widths come from the cells' text: "Kommunstyrelsen" wants more than "Antal" and "20"
	cols := regexp.MustCompile(`<colgroup><col style="width: ([0-9.]+)%;"><col style="width: ([0-9.]+)%;"></colgroup>\s*<thead><tr><th scope="col">Nämnd`).FindStringSubmatch(out)
	if cols == nil || !wider(cols[1], cols[2]) {
		t.Errorf("Expected the summary's first column wider than its second, got %q", cols)
	}
	// read back as text, it says what the document says
	text := htmlText(out)
	for _, want := range []string{
		"Målet är uppnått, ingen avvikelse har konstaterats. Responstiden för 2024 är 8,1 minuter.",
		"Punkt 1-7 i internkontrollplanen som avser HR- och arbetsmarknadsförvaltningen har inte följts upp",
		"Ansvarig: Anders Ansvarig. Tidplan: kvartal 2 2025. Status: Pågår.",
		"Tidplan: under 2025",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Expected %q in the HTML's text", want)
		}
	}
}

func TestFormats(t *testing.T) {
	t.Parallel()
	if f := report.Formats(); !slices.Contains(f, "html") || !slices.IsSorted(f) {
		t.Errorf("Expected html among the sorted formats, got %v", f)
	}
	var buf bytes.Buffer
	err := report.Write("odt", &buf, &report.Doc{Title: "x"})
	if !errors.Is(err, report.ErrUnknownFormat) || !strings.Contains(err.Error(), `Det går inte att skriva "odt": okänt format – välj ett av: `) || !strings.Contains(err.Error(), "html") {
		t.Errorf("Expected an unknown format refused in Swedish naming the known ones, got %v", err)
	}
	if buf.Len() != 0 {
		t.Errorf("Expected nothing written for an unknown format")
	}
}

// wider tells whether the percentage a is more than b.
func wider(a, b string) bool {
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && x > y
}
