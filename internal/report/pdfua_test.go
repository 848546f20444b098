package report_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/ledongthuc/pdf"
	unorm "golang.org/x/text/unicode/norm"

	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// uaDoc is one document as a board gets it: its kind, version and language.
type uaDoc struct {
	name string
	doc  *report.Doc
	pdf  []byte
}

// uaDocs writes every document as PDF: the follow-up, the plan, the
// roll-up and the tjänsteskrivelse, internal and public, in Swedish and in
// English (the memo written in English, the others the same document with
// Lang "en"), with the municipality's name and logo.
func uaDocs(t *testing.T) []uaDoc {
	t.Helper()
	f := testapp.Fix(t)
	app := testapp.New(t)
	setIssuer(t, app, "Västra Mälardalens kommun", pngLogo(t))
	var out []uaDoc
	for _, public := range []bool{false, true} {
		for _, kind := range []string{"followup", "plan", "rollup", "memo"} {
			for _, lang := range []string{"sv", "en"} {
				var d *report.Doc
				var err error
				switch kind {
				case "followup":
					d, err = report.FollowUp(app, f.KS, 2024, public)
				case "plan":
					d, err = report.PlanDoc(app, f.KS, 2024, public)
				case "memo":
					d, err = report.Memo(app, f.KS, 2024, public, lang, testapp.Today)
				default:
					d, err = report.RollUp(app, 2024, public, testapp.Today)
				}
				if err != nil {
					t.Fatal(err)
				}
				d.Lang = lang
				var b bytes.Buffer
				if err := report.Write("pdf", &b, d); err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%s-%s", kind, lang)
				if public {
					name += "-public"
				}
				out = append(out, uaDoc{name, d, b.Bytes()})
			}
		}
	}
	return out
}

// poppler is the path of a poppler tool; the test is skipped without it,
// and fails in CI.
func poppler(t *testing.T, tool string) string {
	t.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s (poppler-utils) is needed in CI: %v", tool, err)
		}
		t.Skipf("no %s (poppler-utils)", tool)
	}
	return p
}

// runPoppler runs a poppler tool on the PDF and returns what it prints.
func runPoppler(t *testing.T, tool string, data []byte, args ...string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(poppler(t, tool), append(args, file)...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

// TestPDFIsTaggedPDFUA: every document, in each version and language, is a
// tagged PDF 1.7 as pdfinfo (poppler) reads it, with what PDF/UA-1 asks of
// the catalog: Marked true, the document's language (sv-SE, or en), its
// title shown in the window (DisplayDocTitle), XMP metadata with the title,
// the language and the PDF/UA identification (pdfuaid:part 1), every font
// embedded with a ToUnicode map, and the outline kept.
func TestPDFIsTaggedPDFUA(t *testing.T) {
	t.Parallel()
	for _, u := range uaDocs(t) {
		t.Run(u.name, func(t *testing.T) {
			info := runPoppler(t, "pdfinfo", u.pdf)
			if !strings.Contains(info, "\nTagged:          yes\n") {
				t.Errorf("Expected pdfinfo to say Tagged: yes, got\n%s", info)
			}
			if !strings.Contains(info, "\nPDF version:     1.7\n") {
				t.Errorf("Expected PDF 1.7, got\n%s", info)
			}
			if !strings.Contains(info, "Title:           "+u.doc.Title+"\n") {
				t.Errorf("Expected the title %q in the Info dictionary, got\n%s", u.doc.Title, info)
			}
			r, err := pdf.NewReader(bytes.NewReader(u.pdf), int64(len(u.pdf)))
			if err != nil {
				t.Fatal(err)
			}
			root := r.Trailer().Key("Root")
			wantLang := map[string]string{"sv": "sv-SE", "en": "en"}[u.doc.Lang]
			if got := root.Key("Lang").Text(); got != wantLang {
				t.Errorf("Expected /Lang (%s), got %q", wantLang, got)
			}
			if !root.Key("MarkInfo").Key("Marked").Bool() {
				t.Error("Expected /MarkInfo <</Marked true>>")
			}
			if !root.Key("ViewerPreferences").Key("DisplayDocTitle").Bool() {
				t.Error("Expected /ViewerPreferences <</DisplayDocTitle true>>")
			}
			if root.Key("StructTreeRoot").Kind() != pdf.Dict {
				t.Error("Expected a structure tree")
			}
			xmp := readAll(t, root.Key("Metadata"))
			for _, want := range []string{
				"<pdfuaid:part>1</pdfuaid:part>",
				`<rdf:li xml:lang="x-default">` + xmlEscape(u.doc.Title) + "</rdf:li>",
				"<dc:language><rdf:Bag><rdf:li>" + wantLang + "</rdf:li></rdf:Bag></dc:language>",
			} {
				if !strings.Contains(xmp, want) {
					t.Errorf("Expected %q in the XMP metadata, got\n%s", want, xmp)
				}
			}
			if root.Key("Outlines").Key("First").IsNull() {
				t.Error("Expected the headings as bookmarks")
			}
			fonts := runPoppler(t, "pdffonts", u.pdf)
			lines := strings.Split(strings.TrimSpace(fonts), "\n")
			if len(lines) < 3 {
				t.Fatalf("Expected fonts, got\n%s", fonts)
			}
			for _, l := range lines[2:] {
				f := strings.Fields(l)
				// name type… encoding emb sub uni object ID
				if n := len(f); n < 6 || f[n-5] != "yes" || f[n-3] != "yes" {
					t.Errorf("Expected every font embedded with a ToUnicode map, got %q", l)
				}
			}
		})
	}
}

func readAll(t *testing.T, v pdf.Value) string {
	t.Helper()
	if v.Kind() != pdf.Stream {
		t.Errorf("Expected a stream, got %v", v)
		return ""
	}
	rd := v.Reader()
	defer rd.Close()
	b, err := io.ReadAll(rd)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// structNode is an element of a structure tree: its depth, type, its own
// text (the marked content it draws, white space removed) and attributes.
type structNode struct {
	depth int
	typ   string
	text  string
	attrs string
}

func (n structNode) String() string {
	s := fmt.Sprintf("%s%s", strings.Repeat("  ", n.depth), n.typ)
	if n.attrs != "" {
		s += " " + n.attrs
	}
	return s + fmt.Sprintf(" %q", n.text)
}

// compact is s without white space and control characters, composed: a
// line broken in the PDF reads back without the space it was broken at,
// and a control character is not drawn.
func compact(s string) string {
	return unorm.NFC.String(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return -1
		}
		return r
	}, s))
}

// readStructText reads the output of pdfinfo -struct-text: each element on
// a line of its own, indented two spaces a level, its attributes below it
// (/Scope /Column) and its text in quotes, a line each. lines are each
// element's lines of text as drawn.
func readStructText(out string) (nodes []structNode, lines [][]string) {
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case trimmed == "":
		case strings.HasPrefix(trimmed, `"`):
			if len(nodes) > 0 && len(trimmed) >= 2 {
				nodes[len(nodes)-1].text += compact(trimmed[1 : len(trimmed)-1])
				lines[len(nodes)-1] = append(lines[len(nodes)-1], trimmed[1:len(trimmed)-1])
			}
		case strings.HasPrefix(trimmed, "/"):
			if len(nodes) > 0 {
				nodes[len(nodes)-1].attrs = strings.TrimSpace(nodes[len(nodes)-1].attrs + " " + trimmed)
			}
		default:
			typ := strings.TrimSuffix(strings.Fields(trimmed)[0], ":")
			nodes = append(nodes, structNode{depth: (len(line) - len(trimmed)) / 2, typ: typ})
			lines = append(lines, nil)
		}
	}
	return nodes, lines
}

// wantStruct is the structure tree a document should have, in reading
// order: Document; the logo (a Figure) and the municipality's name (P); the
// title H1; each heading one level below (level 1 is H2); each paragraph a
// P, its marks first; each table a Table with its Caption, a THead with a
// TR of TH (scope Column) and a TBody with a TR of TD for each row, in the
// columns that have text in a row (a column empty in every row is left
// out; a table without rows keeps them all).
func wantStruct(d *report.Doc) (out []structNode, raw []string) {
	out, raw = []structNode{{depth: 0, typ: "Document"}}, []string{""}
	add := func(depth int, typ, text string) {
		out = append(out, structNode{depth: depth, typ: typ, text: compact(text)})
		raw = append(raw, text)
	}
	if d.LogoType != "" && d.Issuer != "" {
		add(1, "Figure", "")
	}
	if d.Issuer != "" {
		add(1, "P", d.Issuer)
	}
	if d.Title != "" {
		add(1, "H1", d.Title)
	}
	for _, b := range d.Blocks {
		switch {
		case b.Heading != nil:
			add(1, fmt.Sprintf("H%d", min(max(b.Heading.Level, 1), 5)+1), b.Heading.Text)
		case b.Paragraph != nil:
			add(1, "P", strings.Join(b.Paragraph.Marks, ", ")+b.Paragraph.Text)
		case b.Table != nil:
			tb := b.Table
			n := len(tb.Header)
			for _, r := range tb.Rows {
				n = max(n, len(r))
			}
			var keep []int
			for j := range n {
				text := len(tb.Rows) == 0
				for _, r := range tb.Rows {
					text = text || j < len(r) && strings.TrimSpace(r[j]) != ""
				}
				if text {
					keep = append(keep, j)
				}
			}
			if len(keep) == 0 {
				continue
			}
			add(1, "Table", "")
			if tb.Caption != "" {
				add(2, "Caption", tb.Caption)
			}
			cell := func(r []string, i int) string {
				if i < len(r) {
					return r[i]
				}
				return ""
			}
			if len(tb.Header) > 0 {
				add(2, "THead", "")
				add(3, "TR", "")
				for _, i := range keep {
					add(4, "TH", cell(tb.Header, i))
					out[len(out)-1].attrs = "/Scope /Column"
				}
			}
			if len(tb.Rows) > 0 {
				add(2, "TBody", "")
				for _, r := range tb.Rows {
					add(3, "TR", "")
					for _, i := range keep {
						add(4, "TD", cell(r, i))
					}
				}
			}
		}
	}
	return out, raw
}

// TestPDFStructureTree reads each document's structure tree back with an
// independent reader (poppler's pdfinfo -struct-text, which prints every
// element with the text of its marked content) and compares it with the
// document, element by element and in order: the headings' levels and
// texts, the paragraphs, each table's header cells as TH with scope Column
// and its cells as TD, row by row; a cell's lines break between words. The
// logo's Figure carries the municipality's name as its alternative text.
func TestPDFStructureTree(t *testing.T) {
	t.Parallel()
	for _, u := range uaDocs(t) {
		t.Run(u.name, func(t *testing.T) {
			got, lines := readStructText(runPoppler(t, "pdfinfo", u.pdf, "-struct-text"))
			want, raw := wantStruct(u.doc)
			checkWholeWords(t, got, lines, raw)
			for i := 0; i < max(len(got), len(want)); i++ {
				var g, w structNode
				if i < len(got) {
					g = got[i]
					if g.typ != "TH" {
						g.attrs = "" // a Figure's bounding box, for one
					}
				}
				if i < len(want) {
					w = want[i]
				}
				if g != w {
					t.Fatalf("Expected element %d of the structure tree to be\n%v\ngot\n%v\n(%d elements, want %d; before it: %v)",
						i, w, g, len(got), len(want), got[max(0, i-3):min(i, len(got))])
				}
			}
			r, err := pdf.NewReader(bytes.NewReader(u.pdf), int64(len(u.pdf)))
			if err != nil {
				t.Fatal(err)
			}
			var alts []string
			var walk func(v pdf.Value)
			walk = func(v pdf.Value) {
				if v.Key("S").Name() == "Figure" {
					alts = append(alts, v.Key("Alt").Text())
				}
				k := v.Key("K")
				if k.Kind() == pdf.Array {
					for i := 0; i < k.Len(); i++ {
						if k.Index(i).Kind() == pdf.Dict {
							walk(k.Index(i))
						}
					}
				} else if k.Kind() == pdf.Dict {
					walk(k)
				}
			}
			walk(r.Trailer().Key("Root").Key("StructTreeRoot"))
			if want := []string{u.doc.Issuer}; !slices.Equal(alts, want) {
				t.Errorf("Expected the logo as a Figure with the alternative text %q, got %q", want, alts)
			}
		})
	}
}

// checkWholeWords checks that each table cell's lines, as drawn, break
// between words of its text (raw, from the document): at a space, or
// after a hyphen inside a word — never inside a word. (The demo's documents
// have no word wider than its column, the only kind a line may break.)
func checkWholeWords(t *testing.T, nodes []structNode, lines [][]string, raw []string) {
	t.Helper()
	for i, n := range nodes {
		if n.typ != "TD" && n.typ != "TH" || len(lines[i]) < 2 || i >= len(raw) {
			continue
		}
		if slices.ContainsFunc(strings.Fields(raw[i]), func(w string) bool { return len([]rune(w)) > 60 }) {
			continue // a word wider than any column may break inside
		}
		orig := []rune(unorm.NFC.String(raw[i]))
		pos := 0
		for k, line := range lines[i][:len(lines[i])-1] {
			for _, r := range line {
				if unicode.IsSpace(r) {
					continue
				}
				for pos < len(orig) && unicode.IsSpace(orig[pos]) {
					pos++
				}
				if pos >= len(orig) || orig[pos] != r {
					return // the texts differ: the element comparison says so
				}
				pos++
			}
			if pos < len(orig) && !unicode.IsSpace(orig[pos]) && !strings.ContainsRune("-\u2010\u2013", orig[pos-1]) {
				t.Errorf("Expected the lines of a %s to break between words, got %q | %q from %q", n.typ, line, lines[i][k+1], raw[i])
			}
		}
	}
}

// TestPDFTableWords lays out a table whose relative widths (as the
// document asks) would give "Kommunstyrelsen" and "Kvartalsvis" a column
// narrower than the word: the shared table layout widens the columns from
// their content, so every cell breaks between words. A word wider than the
// page (the second table's) breaks inside, with a hyphen that is drawn as
// an artifact, so the cell's text in the structure tree is the word as
// written.
func TestPDFTableWords(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("Kontrollmoment", 30)
	d := &report.Doc{Title: "Internkontrollplan 2025\x01 <&>", Header: "Kommunstyrelsen – 2025", Lang: "sv"}
	d.H(1, "a", "1. Kontroller")
	d.T(report.Table{Caption: "Kansliavdelningen", Header: []string{"Nr", "Ansvarig", "Kontrollmoment", "Frekvens"},
		Widths: []float64{1, 1, 14, 1}, Rows: [][]string{
			{"1", "Kommunstyrelsen", "Genomgång av rutiner för attest och utbetalning", "Kvartalsvis"},
			{"2", "Individ- och arbetsmarknadsnämnden", "Stickprov", "Årligen"},
		}})
	d.T(report.Table{Header: []string{"Kontrollmoment"}, Rows: [][]string{{"Stickprov"}, {long}}})
	var b bytes.Buffer
	if err := report.Write("pdf", &b, d); err != nil {
		t.Fatal(err)
	}
	got, lines := readStructText(runPoppler(t, "pdfinfo", b.Bytes(), "-struct-text"))
	want, raw := wantStruct(d)
	checkWholeWords(t, got, lines, raw)
	if !slices.EqualFunc(got, want, func(g, w structNode) bool {
		g.attrs = w.attrs
		return g == w
	}) {
		t.Errorf("Expected the structure tree\n%v\ngot\n%v", want, got)
	}
	if info := runPoppler(t, "pdfinfo", b.Bytes(), "-meta"); !strings.Contains(info, "Internkontrollplan 2025 &lt;&amp;&gt;</rdf:li>") {
		t.Errorf("Expected the title in the XMP metadata as valid XML, got\n%s", info)
	}
	hyphens := 0
	for _, l := range strings.Split(report.PDFText(t, b.Bytes(), d.Header), " ") {
		if l == "-" {
			hyphens++
		}
	}
	if hyphens == 0 {
		t.Errorf("Expected the long word broken with hyphens on the page")
	}
}

// TestPDFOrientation: the PDF turns landscape on the rule every format
// shares (tablelayout.go), on the columns a table shows: seven columns of
// which one is empty in every row show six, and the page stays upright
// (the PDF's own rule before, more than six columns, turned it).
func TestPDFOrientation(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		empty     string
		landscape bool
	}{{"", false}, {"Stickprov", true}} {
		d := &report.Doc{Title: "Sju kolumner"}
		d.T(report.Table{Header: strings.Fields("Nr Kontrollpunkt Process Metod Frekvens Ansvarig Mål"),
			Rows: [][]string{{"1", "Attestlistor", c.empty, "Stickprov", "Årligen", "Ekonomichef", "Inga fel"}}})
		var b bytes.Buffer
		if err := report.Write("pdf", &b, d); err != nil {
			t.Fatal(err)
		}
		r, err := pdf.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil {
			t.Fatal(err)
		}
		box := r.Page(1).V.Key("MediaBox")
		if got := box.Index(2).Float64() > box.Index(3).Float64(); got != c.landscape {
			t.Errorf("Process %q: expected landscape %v, got a page of %v × %v", c.empty, c.landscape, box.Index(2), box.Index(3))
		}
	}
}

// TestPDFEveryRunTagged walks every page's content stream and checks that
// each text run (Tj, TJ, ', ") is inside marked content with an MCID that
// the page's entry in the parent tree gives an element, or inside an
// artifact, and that no MCID is used twice on a page.
func TestPDFEveryRunTagged(t *testing.T) {
	t.Parallel()
	for _, u := range uaDocs(t) {
		t.Run(u.name, func(t *testing.T) {
			r, err := pdf.NewReader(bytes.NewReader(u.pdf), int64(len(u.pdf)))
			if err != nil {
				t.Fatal(err)
			}
			parents := r.Trailer().Key("Root").Key("StructTreeRoot").Key("ParentTree").Key("Nums")
			runs, tagged := 0, 0
			for i := 1; i <= r.NumPage(); i++ {
				p := r.Page(i)
				var elems pdf.Value
				key := p.V.Key("StructParents")
				for k := 0; k+1 < parents.Len(); k += 2 {
					if !key.IsNull() && parents.Index(k).Int64() == key.Int64() {
						elems = parents.Index(k + 1)
					}
				}
				type mc struct {
					tag      string
					mcid     int64
					artifact bool
				}
				var stack []mc
				seen := map[int64]bool{}
				problems := 0
				pdf.Interpret(p.V.Key("Contents"), func(stk *pdf.Stack, op string) {
					args := make([]pdf.Value, stk.Len())
					for k := len(args) - 1; k >= 0; k-- {
						args[k] = stk.Pop()
					}
					switch op {
					case "BMC", "BDC":
						m := mc{mcid: -1}
						if len(args) > 0 {
							m.tag = args[0].Name()
							m.artifact = m.tag == "Artifact"
						}
						if op == "BDC" && len(args) > 1 && !args[1].Key("MCID").IsNull() {
							m.mcid = args[1].Key("MCID").Int64()
							if seen[m.mcid] {
								t.Errorf("page %d: MCID %d is used twice", i, m.mcid)
							}
							seen[m.mcid] = true
						}
						stack = append(stack, m)
					case "EMC":
						if len(stack) == 0 {
							t.Errorf("page %d: EMC without BMC or BDC", i)
							return
						}
						stack = stack[:len(stack)-1]
					case "Tj", "TJ", "'", "\"":
						runs++
						ok := false
						for _, m := range stack {
							if m.artifact {
								ok = true
							}
							if m.mcid >= 0 {
								if m.mcid >= int64(elems.Len()) || elems.Index(int(m.mcid)).Kind() != pdf.Dict {
									t.Errorf("page %d: MCID %d has no element in the parent tree", i, m.mcid)
								}
								ok = true
								tagged++
							}
						}
						if !ok {
							problems++
							if problems <= 3 {
								t.Errorf("page %d: text run %d (%s) is neither tagged nor an artifact", i, runs, op)
							}
						}
					}
				})
				if len(stack) != 0 {
					t.Errorf("page %d: %d marked-content sequences are not closed", i, len(stack))
				}
				if problems > 3 {
					t.Errorf("page %d: %d text runs in all are neither tagged nor an artifact", i, problems)
				}
			}
			if runs == 0 || tagged == 0 {
				t.Errorf("Expected text runs, and tagged ones, got %d runs, %d tagged", runs, tagged)
			}
		})
	}
}
