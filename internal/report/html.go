package report

import (
	"context"
	_ "embed"
	"encoding/base64"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/a-h/templ"
)

func init() { Register("html", WriteHTML) }

// WriteHTML writes d as a complete, standalone HTML file that prints well:
// A4 pages with margins, the document's header and page numbers in the
// page margins (where the browser supports @page margin boxes), a page
// break for each PageBreak block, headings kept with what follows them and
// tables whose header row repeats on every page. All text is escaped.
func WriteHTML(w io.Writer, d *Doc) error {
	return standalone(d).Render(context.Background(), w)
}

//go:embed print.css
var printCSS string

// printStyle is the document's style sheet: the fixed print rules and the
// running header, whose text is written as a CSS string with every
// character but letters, digits and spaces escaped, so no text can end the
// string or the style element.
func printStyle(d *Doc) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		var b strings.Builder
		b.WriteString("<style>\n")
		b.WriteString(printCSS)
		if d.Header != "" {
			fmt.Fprintf(&b, "@page { @top-left { content: \"%s\"; } }\n", cssString(d.Header))
		}
		if landscape(d) {
			b.WriteString("@page { size: A4 landscape; }\n")
		}
		b.WriteString("</style>")
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// cssString escapes s for use inside a double-quoted CSS string: every
// character but ASCII letters and digits as a six-digit escape, which needs
// no space after it (a space there would be taken as part of the escape).
func cssString(s string) string {
	var b strings.Builder
	for _, r := range s {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "\\%06x", r)
	}
	return b.String()
}

// The printed page's text width in mm: A4 less print.css's @page margins
// (20 and 18 mm), upright and landscape.
const (
	htmlPortraitMM  = 210 - 38
	htmlLandscapeMM = 297 - 38
	htmlCellPadMM   = 2 * 0.4 * tableFontPt * 25.4 / 72 // print.css: 0.4rem each side, 1rem = the table's font
)

// unbreakable is a word a line may not break inside though a browser
// would: one with a hyphen before a digit, such as the date 2024-12-31
// (see tableWords).
var unbreakable = regexp.MustCompile(`[^\s]*[\p{L}\p{N}][-\x{2010}\x{2013}][0-9][^\s]*`)

// cellText is a table cell's text, escaped, each unbreakable word in a
// span that keeps it on one line.
func cellText(s string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		var b strings.Builder
		last := 0
		for _, m := range unbreakable.FindAllStringIndex(s, -1) {
			b.WriteString(templ.EscapeString(s[last:m[0]]))
			b.WriteString(`<span class="report-nobreak">` + templ.EscapeString(s[m[0]:m[1]]) + `</span>`)
			last = m[1]
		}
		b.WriteString(templ.EscapeString(s[last:]))
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// htmlTable is a table as the shared layout plans it for print: the kept
// columns' headers and rows, and each column's width in percent of the
// table (in the web UI's page, where widths is false, the browser's own).
type htmlTable struct {
	t       *Table
	header  []string
	rows    [][]string
	percent []float64
}

func htmlLayout(d *Doc, t *Table, widths bool) htmlTable {
	width := htmlPortraitMM
	if landscape(d) {
		width = htmlLandscapeMM
	}
	plan := layoutColumns(t, float64(width), htmlCellPadMM, tableMeasureMM(tableFontPt))
	h := htmlTable{t: t}
	if len(t.Header) > 0 {
		h.header = plan.Row(t.Header)
	}
	for _, r := range t.Rows {
		h.rows = append(h.rows, plan.Row(r))
	}
	if widths {
		h.percent = percents(plan.Widths)
	}
	return h
}

func docLang(d *Doc) string {
	if d.Lang == "" {
		return "sv"
	}
	return d.Lang
}

// anchor is a heading's id, or a default from its text's position-free form.
func anchor(h *Heading) string {
	if h.Id != "" {
		return h.Id
	}
	return Slug(h.Text)
}

// percents turns relative widths into percentages of the whole.
func percents(ws []float64) []float64 {
	sum := 0.0
	for _, w := range ws {
		sum += w
	}
	out := make([]float64, len(ws))
	for i, w := range ws {
		if sum > 0 {
			out[i] = w / sum * 100
		}
	}
	return out
}

// tableName names a table's scrolling box: its caption, else its columns.
func tableName(t *Table) string {
	if t.Caption != "" {
		return t.Caption
	}
	return strings.Join(t.Header, ", ")
}

// logoSrc is the logo as a data: address, so that the HTML file stands
// alone (and the web UI's Content-Security-Policy allows it).
func logoSrc(d *Doc) templ.SafeURL {
	mime := "image/png"
	if d.LogoType == "jpg" {
		mime = "image/jpeg"
	}
	return templ.SafeURL("data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(d.Logo))
}
