package web_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"golang.org/x/net/html"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// elements are the elements under n named tag, in document order.
func elements(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// children are n's child elements.
func children(n *html.Node) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c)
		}
	}
	return out
}

// text is n's text as a person (or a screen reader) reads it: its text
// nodes joined, the white space collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func hasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), class)
}

// TestPlanIsOneTable: a plan's controls are one table whose columns are
// declared once (a colgroup) and hold in every unit; each unit is a row
// group (a tbody whose first row is its header, th scope="rowgroup" over
// every column), each unit once; the columns are named for what they hold;
// every due date is in a cell that never wraps; and in a draft the link
// that changes a control has a column of its own and names the control.
func TestPlanIsOneTable(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	draft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2025, "title": "Utkast 2025"})
	if err != nil {
		t.Fatal(err)
	}
	units, err := app.FindRecordsByFilter(model.Units, "board = {:b}", "name", 0, 0, dbx.Params{"b": f.KS})
	if err != nil || len(units) < 2 {
		t.Fatalf("Expected two units of KS, got %d (%v)", len(units), err)
	}
	for i, title := range []string{"Leverantörsfakturor", "Representation", "Behörigheter"} {
		if _, err := testapp.Create(app, model.Controls, map[string]any{"plan": draft.Id, "number": i + 1, "title": title,
			"frequency": model.FreqYearly, "unit": units[i%2].Id}); err != nil {
			t.Fatal(err)
		}
	}
	css, err := os.ReadFile("../../pb_public/css/ikplan.css")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(css), "td.plan-table__date { white-space: nowrap; }") {
		t.Errorf("Expected the stylesheet to keep the plan table's dates from wrapping")
	}
	scenarios := []struct {
		name, user, lang, plan string
		headers                []string
		edit                   bool
	}{
		{"adopted, coordinator", "samordnare", "sv", f.Plan, []string{"Nr", "Kontrollpunkt", "Ansvarig", "Klar senast", "Mål", "Senaste utfall"}, false},
		{"adopted, reader", "lasare", "sv", f.Plan, []string{"Nr", "Kontrollpunkt", "Ansvarig", "Klar senast", "Mål", "Senaste utfall"}, false},
		{"adopted, English", "samordnare", "en", f.Plan, []string{"No.", "Control", "Owner", "Due", "Target", "Latest outcome"}, false},
		{"draft, coordinator", "samordnare", "sv", draft.Id, []string{"Nr", "Kontrollpunkt", "Ansvarig", "Klar senast", "Mål", "Ändra kontrollpunkten"}, true},
		{"draft, English", "samordnare", "en", draft.Id, []string{"No.", "Control", "Owner", "Due", "Target", "Edit the control"}, true},
		{"draft, reader", "lasare", "sv", draft.Id, []string{"Nr", "Kontrollpunkt", "Ansvarig", "Klar senast", "Mål"}, false},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			var page string
			if s.lang == "en" {
				page = getEn(t, h, f, s.user, "/plans/"+s.plan)
			} else {
				page = get(t, h, f, s.user, "/plans/"+s.plan)
			}
			doc, err := html.Parse(strings.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			tables := elements(doc, "table")
			if len(tables) != 1 {
				t.Fatalf("Expected one table on the plan page, got %d", len(tables))
			}
			table := tables[0]
			var headers []string
			for _, th := range elements(elements(table, "thead")[0], "th") {
				headers = append(headers, text(th))
			}
			if !slices.Equal(headers, s.headers) {
				t.Errorf("Expected the columns %q, got %q", s.headers, headers)
			}
			if cols := elements(table, "col"); len(cols) != len(headers) || len(elements(table, "colgroup")) != 1 {
				t.Errorf("Expected one colgroup with a col per column (%d), got %d cols", len(headers), len(cols))
			}
			controls, err := app.CountRecords(model.Controls, dbx.HashExp{"plan": s.plan})
			if err != nil {
				t.Fatal(err)
			}
			if s.user == "lasare" && s.plan == f.Plan {
				controls-- // the confidential control 12
			}
			seen, rows := map[string]bool{}, 0
			for _, tbody := range elements(table, "tbody") {
				trs := children(tbody)
				if len(trs) < 2 {
					t.Errorf("Expected a unit's header and its controls in each tbody, got %d rows", len(trs))
					continue
				}
				head := children(trs[0])
				if len(head) != 1 || head[0].Data != "th" || attr(head[0], "scope") != "rowgroup" || attr(head[0], "colspan") != strconv.Itoa(len(headers)) {
					t.Errorf("Expected the tbody to open with <th scope=rowgroup colspan=%d>, got %s", len(headers), text(trs[0]))
				}
				unit := text(trs[0])
				if seen[unit] {
					t.Errorf("Expected each unit once, got %q twice", unit)
				}
				seen[unit] = true
				for _, tr := range trs[1:] {
					rows++
					cells := children(tr)
					if len(cells) != len(headers) {
						t.Errorf("Expected %d cells in the row of %q, got %d", len(headers), text(tr), len(cells))
						continue
					}
					if !hasClass(cells[3], "plan-table__date") {
						t.Errorf("Expected the due date of %q in a cell that does not wrap", text(cells[1]))
					}
					title := text(elements(cells[1], "a")[0])
					if strings.Contains(text(cells[1]), "Ändra") || strings.Contains(text(cells[1]), "Edit") {
						t.Errorf("Expected the title cell without the edit link, got %q", text(cells[1]))
					}
					if s.edit {
						links := elements(cells[len(cells)-1], "a")
						want := map[string]string{"sv": "Ändra ", "en": "Edit "}[s.lang] + title
						if len(links) != 1 || text(links[0]) != want {
							t.Errorf("Expected the last cell to hold a link named %q", want)
						}
					}
				}
			}
			if len(seen) < 2 || rows != int(controls) {
				t.Errorf("Expected every control (%d) in the units' row groups, got %d rows in %d groups", controls, rows, len(seen))
			}
		})
	}
}
