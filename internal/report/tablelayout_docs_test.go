package report_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"

	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// layoutDoc is a document of the demo data, named for the failures.
type layoutDoc struct {
	name string
	doc  *report.Doc
}

// layoutDocs are every kind of document the demo data makes: the
// follow-up, the plan, the roll-up and the tjänsteskrivelse, each internal
// and public.
func layoutDocs(t *testing.T) []layoutDoc {
	t.Helper()
	f := testapp.Fix(t)
	app := testapp.New(t)
	var out []layoutDoc
	for _, public := range []bool{false, true} {
		version := "internal"
		if public {
			version = "public"
		}
		fu, err := report.FollowUp(app, f.KS, 2024, public)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := report.PlanDoc(app, f.KS, 2024, public)
		if err != nil {
			t.Fatal(err)
		}
		roll, err := report.RollUp(app, 2024, public, testapp.Today)
		if err != nil {
			t.Fatal(err)
		}
		memo, err := report.Memo(app, f.KS, 2024, public, "sv", testapp.Today)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, layoutDoc{"follow-up " + version, fu}, layoutDoc{"plan " + version, plan}, layoutDoc{"roll-up " + version, roll}, layoutDoc{"memo " + version, memo})
	}
	return out
}

func write(t *testing.T, format string, d *report.Doc) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(format, &buf, d); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

// TestOrientationAgrees: every document of the demo data is landscape or
// upright alike as HTML (its @page size), PDF (its first page's box) and
// Word (its section's page size), as the one rule says.
func TestOrientationAgrees(t *testing.T) {
	t.Parallel()
	for _, d := range layoutDocs(t) {
		html := strings.Contains(string(write(t, "html", d.doc)), "size: A4 landscape")
		data := write(t, "pdf", d.doc)
		r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		box := r.Page(1).V.Key("MediaBox")
		if box.IsNull() {
			box = r.Page(1).V.Key("Parent").Key("MediaBox")
		}
		pdfWide := box.Index(2).Float64() > box.Index(3).Float64()
		_, _, xml := report.DOCXLayout(t, write(t, "docx", d.doc))
		docx := strings.Contains(xml, `w:orient="landscape"`)
		want := report.Landscape(d.doc)
		if html != want || pdfWide != want || docx != want {
			t.Errorf("%s: landscape as HTML %v, PDF %v, Word %v; the rule says %v", d.name, html, pdfWide, docx, want)
		}
	}
}

// Word's table text: 9 pt (TableText), cells 108 twips in from each side
// (Table Grid), the text width of an upright and a landscape A4 page.
const (
	docxTablePt       = 9
	docxCellMargins   = 2 * 108
	docxPortraitText  = 11906 - 1418 - 1134
	docxLandscapeText = 16838 - 1418 - 1134
)

// TestWordTablesKeepWords: in every table of every document of the demo
// data as Word, each column is at least as wide as its longest word (a
// piece no line breaks inside: see tableWords) in Arial at the table's
// size, bold in the header row, so that Word breaks no word inside; no
// column is empty in every row; the table fits across the page; the header
// row repeats on each page.
func TestWordTablesKeepWords(t *testing.T) {
	t.Parallel()
	for _, d := range layoutDocs(t) {
		tables, _, xml := report.DOCXLayout(t, write(t, "docx", d.doc))
		page := docxPortraitText
		if strings.Contains(xml, `w:orient="landscape"`) {
			page = docxLandscapeText
		}
		for ti, tb := range tables {
			name := fmt.Sprintf("%s, table %d", d.name, ti+1)
			total := 0
			for j, w := range tb.Widths {
				total += w
				room := float64(w - docxCellMargins)
				empty := true
				for i, row := range tb.Rows {
					if j >= len(row) {
						continue
					}
					head := tb.Header[i]
					empty = empty && (head || strings.TrimSpace(row[j]) == "")
					for _, word := range report.TableWords(row[j]) {
						if need := report.TableTextWidth(word, head) * docxTablePt * 20; need > room {
							t.Errorf("%s: column %d is %.0f twips inside, %q needs %.0f", name, j+1, room, word, need)
						}
					}
				}
				if empty && len(tb.Rows) > 1 {
					t.Errorf("%s: column %d (%q) is empty in every row", name, j+1, tb.Rows[0][j])
				}
			}
			if total > page+1 {
				t.Errorf("%s: the columns are %d twips wide, the page's text %d", name, total, page)
			}
			if len(tb.Header) == 0 || !tb.Header[0] {
				t.Errorf("%s: the header row does not repeat", name)
			}
		}
	}
}

// TestWordKeepsIntroWithWhatFollows: a paragraph right after a heading,
// with more after it (a section's intro line), is kept with the next
// paragraph in Word, so that it never ends a page alone; headings, an
// item's title line and a table's caption are kept by their styles.
func TestWordKeepsIntroWithWhatFollows(t *testing.T) {
	t.Parallel()
	checked := 0
	for _, d := range layoutDocs(t) {
		_, paras, _ := report.DOCXLayout(t, write(t, "docx", d.doc))
		for i := 0; i+2 < len(paras); i++ {
			if !strings.HasPrefix(paras[i].Style, "Heading") || paras[i+1].Style != "" {
				continue
			}
			checked++
			if !paras[i+1].KeepNext {
				t.Errorf("%s: the intro %q after %q is not kept with what follows", d.name, paras[i+1].Text, paras[i].Text)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no heading with an intro line in the demo's documents")
	}
}
