package web_test

import (
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// planListRows are the rows of the plans list's table: for each, its
// board, its plan cell's text, the href of the plan cell's link ("" for
// none), its status and its readiness.
type planListRow struct{ board, plan, href, status, ready string }

func planListRows(t *testing.T, page string) []planListRow {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	tables := elements(doc, "table")
	if len(tables) != 1 {
		t.Fatalf("Expected one table on /plans, got %d", len(tables))
	}
	var heads []string
	for _, th := range elements(elements(tables[0], "thead")[0], "th") {
		heads = append(heads, text(th))
	}
	col := func(name string) int {
		i := slices.Index(heads, name)
		if i < 0 {
			t.Fatalf("Expected a column %q, got %q", name, heads)
		}
		return i
	}
	board, plan, status, ready := col("Nämnd"), col("Plan"), col("Status"), col("Läge")
	var out []planListRow
	for _, tr := range elements(elements(tables[0], "tbody")[0], "tr") {
		cells := children(tr)
		if len(cells) != len(heads) {
			t.Fatalf("Expected %d cells in the row %q, got %d", len(heads), text(tr), len(cells))
		}
		r := planListRow{board: text(cells[board]), plan: text(cells[plan]), status: text(cells[status]), ready: text(cells[ready])}
		if a := elements(cells[plan], "a"); len(a) == 1 {
			r.href = attr(a[0], "href")
		}
		out = append(out, r)
	}
	return out
}

// TestPlansListShowsEveryBoard: for the year shown, the plans list has a
// row for every board the user sees — a board without a plan says "Ingen
// plan för 2024", with a link to create one only for a coordinator of that
// board, which opens the new-plan form with the board and the year filled
// in — and every plan says how far it has come (its readiness), not only
// Utkast/Antagen.
func TestPlansListShowsEveryBoard(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	h := handler(t, app)
	// a draft for IAN of 2024 would hide the gap: a draft of KS's for 2025
	// instead, to read a draft's readiness (a control without an owner)
	draft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2025, "title": "Utkast 2025"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := testapp.Create(app, model.Controls, map[string]any{"plan": draft.Id, "number": 1, "title": "Attester",
		"frequency": model.FreqYearly, "method": "stickprov"}); err != nil {
		t.Fatal(err)
	}
	create := "/plans?year=2024&board=" + f.IAN + "#new-plan"
	for _, c := range []struct {
		user, url string
		want      []planListRow
	}{
		{"samordnare", "/plans?year=2024", []planListRow{
			{"Individ- och arbetsmarknadsnämnden", "Skapa plan för Individ- och arbetsmarknadsnämnden 2024", create, "Ingen plan för 2024", ""},
			{"Kommunstyrelsen", "Kommunstyrelsens internkontrollplan 2024", "/plans/" + f.Plan, "Antagen", "2 avvikelser saknar åtgärd 1 försenad"},
		}},
		// an auditor sees both boards, and the gap, but may not fill it
		{"revisor", "/plans?year=2024", []planListRow{
			{"Individ- och arbetsmarknadsnämnden", "", "", "Ingen plan för 2024", ""},
			{"Kommunstyrelsen", "Kommunstyrelsens internkontrollplan 2024", "/plans/" + f.Plan, "Antagen", "2 avvikelser saknar åtgärd 1 försenad"},
		}},
		// a reader of KS sees KS only, its readiness reckoned from what a
		// reader may read (what is late lies beyond it)
		{"lasare", "/plans?year=2024", []planListRow{
			{"Kommunstyrelsen", "Kommunstyrelsens internkontrollplan 2024", "/plans/" + f.Plan, "Antagen", "2 avvikelser saknar åtgärd"},
		}},
		{"samordnare", "/plans?year=2025", []planListRow{
			{"Individ- och arbetsmarknadsnämnden", "Skapa plan för Individ- och arbetsmarknadsnämnden 2025",
				"/plans?year=2025&board=" + f.IAN + "#new-plan", "Ingen plan för 2025", ""},
			{"Kommunstyrelsen", "Utkast 2025", "/plans/" + draft.Id, "Utkast", "1 saknar ansvarig 1 saknar datum"},
		}},
	} {
		t.Run(c.user+" "+c.url, func(t *testing.T) {
			page := get(t, h, f, c.user, c.url)
			if got := planListRows(t, page); !slices.Equal(got, c.want) {
				t.Errorf("Expected the rows\n%q\ngot\n%q", c.want, got)
			}
			if form := strings.Contains(page, `id="new-plan"`); form != (c.user == "samordnare") {
				t.Errorf("Expected the new-plan form only for the coordinator, got it %v for %s", form, c.user)
			}
		})
	}
	t.Run("English", func(t *testing.T) {
		page := getEn(t, h, f, "samordnare", "/plans?year=2024")
		for _, want := range []string{"No plan for 2024", "Create a plan", " for Individ- och arbetsmarknadsnämnden 2024", "2 deviations without an action", "Progress"} {
			if !strings.Contains(page, want) {
				t.Errorf("Expected %q on the English plans list", want)
			}
		}
	})
	t.Run("the create link fills in the form", func(t *testing.T) {
		// as a browser asks for it: without the fragment
		doc, err := html.Parse(strings.NewReader(get(t, h, f, "samordnare", strings.TrimSuffix(create, "#new-plan"))))
		if err != nil {
			t.Fatal(err)
		}
		var selected []string
		for _, o := range elements(doc, "option") {
			if hasAttr(o, "selected") {
				selected = append(selected, attr(o, "value"))
			}
		}
		if !slices.Equal(selected, []string{f.IAN}) {
			t.Errorf("Expected IAN chosen in the new-plan form, got %q", selected)
		}
		for _, in := range elements(doc, "input") {
			if attr(in, "name") == "year" && attr(in, "value") != "2024" {
				t.Errorf("Expected the year 2024 in the new-plan form, got %q", attr(in, "value"))
			}
		}
	})
}

// TestNewPlanFormAsksForTheBoard: the new-plan form chooses no board for
// the user (its first option is "Välj nämnd", chosen), and a plan sent
// without a board is refused beside the board field — by the server, the
// form has no required attribute to lean on — and nothing is saved.
func TestNewPlanFormAsksForTheBoard(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	h := handler(t, app)
	doc, err := html.Parse(strings.NewReader(get(t, h, f, "samordnare", "/plans")))
	if err != nil {
		t.Fatal(err)
	}
	var options []string
	for _, s := range elements(doc, "select") {
		if attr(s, "name") == "board" {
			for _, o := range elements(s, "option") {
				options = append(options, text(o)+"="+attr(o, "value")+map[bool]string{true: " (vald)"}[hasAttr(o, "selected")])
			}
		}
	}
	want := []string{"Välj nämnd= (vald)", "Individ- och arbetsmarknadsnämnden=" + f.IAN, "Kommunstyrelsen=" + f.KS}
	if !slices.Equal(options, want) {
		t.Errorf("Expected the board options %q, got %q", want, options)
	}
	before := testapp.Count(t, app, model.Plans, nil)
	for _, body := range []string{"board=&year=2026&title=", "year=2026"} {
		rec := send(h, http.MethodPost, "/plans", body, "Cookie", testapp.Cookie(f, "samordnare")["Cookie"],
			"Content-Type", "application/x-www-form-urlencoded", "Sec-Fetch-Site", "same-origin")
		page := rec.Body.String()
		if rec.Code != http.StatusUnprocessableEntity {
			t.Errorf("Expected 422 for a plan without a board (%s), got %d", body, rec.Code)
		}
		for _, want := range []string{`<a href="#board">Välj vilken nämnd planen gäller.</a>`, `id="board-error"`} {
			if !strings.Contains(page, want) {
				t.Errorf("Expected %q beside the board (%s)", want, body)
			}
		}
		if n := strings.Count(page, `<li><a href="#`); n != 1 {
			t.Errorf("Expected the board as the one error (%s), got %d", body, n)
		}
	}
	if n := testapp.Count(t, app, model.Plans, nil); n != before {
		t.Errorf("Expected no plan saved, got %d plans (was %d)", n, before)
	}
}

// TestPlanPageAndListAgreeOnProgress: the plan page's "X av Y
// kontrollpunkter rapporterade" and the plans list's "N av Y saknar
// resultat" are one reckoning (the plan's readiness): a control reported
// for one quarter of four is not reported, on either page, for the
// coordinator and for the reader (who does not see the confidential
// control).
func TestPlanPageAndListAgreeOnProgress(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	h := handler(t, app)
	// control 1 checked every quarter, with Q1 reported (its one result)
	if err := testapp.ForceValues(app, model.Results, f.Results["1"], map[string]any{"period": "Q1 2024"}); err != nil {
		t.Fatal(err)
	}
	if err := testapp.ForceValues(app, model.Controls, f.Controls["1"], map[string]any{"frequency": model.FreqQuarterly}); err != nil {
		t.Fatal(err)
	}
	progress := regexp.MustCompile(`(\d+) av (\d+) kontrollpunkter rapporterade`)
	missing := regexp.MustCompile(`(\d+) av (\d+) saknar resultat`)
	for user, controls := range map[string]int{"samordnare": 20, "lasare": 19} {
		m := progress.FindStringSubmatch(get(t, h, f, user, "/plans/"+f.Plan))
		if m == nil {
			t.Fatalf("Expected the plan's progress on its page as %s", user)
		}
		reported, total := atoi(t, m[1]), atoi(t, m[2])
		if total != controls || reported != controls-1 {
			t.Errorf("Expected the plan page to say %d av %d as %s, got %s", controls-1, controls, user, m[0])
		}
		var row *planListRow
		rows := planListRows(t, get(t, h, f, user, "/plans?year=2024"))
		for i := range rows {
			if rows[i].href == "/plans/"+f.Plan {
				row = &rows[i]
			}
		}
		if row == nil {
			t.Fatalf("Expected the plan in the list as %s", user)
		}
		l := missing.FindStringSubmatch(row.ready)
		if l == nil {
			t.Fatalf("Expected the list to say how many lack a result as %s, got %q", user, row.ready)
		}
		if atoi(t, l[1]) != total-reported || atoi(t, l[2]) != total {
			t.Errorf("Expected the list (%q) to agree with the plan page (%q) as %s", l[0], m[0], user)
		}
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
