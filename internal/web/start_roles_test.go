package web_test

import (
	"strings"
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestStartPagePerRole checks the start page of each role through the real
// router: the coordinator's overdue items under their board, plan and year,
// each plan's state in words, and every board's progress as a chart and as
// a table with the same figures; the owner's to-do lists with status and
// date first; no personal lists for a reader or an auditor, who can own
// nothing; the auditor's latest changes; and no figure that counts what the
// viewer may not read.
func TestStartPagePerRole(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	expect := func(who, page string, want, notWant []string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: Expected the start page to contain %q", who, w)
			}
		}
		for _, w := range notWant {
			if strings.Contains(page, w) {
				t.Errorf("%s: Expected the start page not to contain %q", who, w)
			}
		}
	}
	before := func(who, page, first, second string) {
		t.Helper()
		if i, j := strings.Index(page, first), strings.Index(page, second); i < 0 || j < 0 || i > j {
			t.Errorf("%s: Expected %q (at %d) before %q (at %d)", who, first, i, second, j)
		}
	}
	colours := []string{"Röd", "Gul<", "Grön", ">Red", "Yellow", "Green"}
	personal := []string{`id="todo"`, "Mina kontroller att rapportera", "Inget är försenat.", "Mina öppna åtgärder", "Ska snart vara klart"}
	// the confidential control 12's action is overdue: the coordinator's
	// overdue list has it, linked to the action on its control's page
	secretAction := `href="/controls/` + f.Controls["12"] + `#action-` + f.Actions["12"] + `"`

	page := get(t, h, f, "samordnare", "/")
	expect("coordinator", page, []string{
		`<caption>Kommunstyrelsen – Internkontrollplan 2024</caption>`, secretAction,
		`tag--yellow">2 avvikelser saknar åtgärd`, `tag--red">1 försenad`,
		`<ul class="bars" aria-hidden="true">`, "Kommunstyrelsen: 20 av 20 kontrollpunkter rapporterade, 5 öppna väsentliga avvikelser, 1 försenad åtgärd.",
		`<th scope="row">Kommunstyrelsen</th><td class="num" data-label="Rapporterade kontrollpunkter">20 av 20</td><td class="num" data-label="Öppna väsentliga avvikelser">5</td><td class="num" data-label="Försenade åtgärder">1</td>`,
	}, append(colours, "Senaste ändringarna"))
	before("coordinator", page, `<th scope="col">Status</th>`, `<th scope="col">Kontrollpunkt</th>`)

	page = getEn(t, h, f, "samordnare", "/")
	expect("coordinator in English", page, []string{
		"Kommunstyrelsen – Internal control plan 2024", "2 deviations without an action", "1 overdue", "Progress per board",
	}, []string{"saknar", "Internkontrollplan 2024<", "försenad"})

	page = get(t, h, f, "ansvarig", "/")
	expect("owner", page, []string{`<h2 id="todo">Att göra</h2>`, "Mina öppna åtgärder", "kvartal 2 2025"}, append(colours, "Senaste ändringarna"))
	before("owner", page, `<h2 id="todo">`, `<h2 id="plans">`)
	before("owner", page, "kvartal 2 2025", ">Excelfil har tagits fram") // the title's link (the status form names it too)

	// a reader counts nothing of the confidential control: 19 controls, 4
	// open significant deviations, no overdue action
	page = get(t, h, f, "lasare", "/")
	expect("reader", page, []string{
		`tag--yellow">2 avvikelser saknar åtgärd`,
		`<th scope="row">Kommunstyrelsen</th><td class="num" data-label="Rapporterade kontrollpunkter">19 av 19</td><td class="num" data-label="Öppna väsentliga avvikelser">4</td><td class="num" data-label="Försenade åtgärder">0</td>`,
	}, append(append(append(colours, personal...), "Senaste ändringarna", "försenad</strong>"), testapp.Secrets...))

	page = get(t, h, f, "revisor", "/")
	expect("auditor", page, []string{`<h2 id="recent">Senaste ändringarna</h2>`, `<a href="/history/`, "20 av 20"},
		append(colours, personal...))

	// nothing in the way: the plan is ready for the board
	ready, err := model.PlanReadiness(app, testapp.Find(t, app, model.Plans, f.Plan), testapp.Today)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range ready.Blockers {
		devs, err := app.FindRecordsByFilter(model.Deviations, "result.control = {:c} && significant = true", "", 0, 0, dbx.Params{"c": b.Control})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range devs {
			if err := testapp.Update(app, model.Deviations, d.Id, map[string]any{"status": model.DeviationAccepted, "acceptance_reason": "Risken bedöms som låg."}); err != nil {
				t.Fatal(err)
			}
		}
	}
	expect("coordinator, plan ready", get(t, h, f, "samordnare", "/"), []string{`tag--green">Klar att återrapportera`, `tag--red">1 försenad`}, []string{"saknar åtgärd"})
	expect("reader, plan ready", get(t, h, f, "lasare", "/"), []string{`tag--green">Klar att återrapportera`}, []string{"saknar åtgärd"})
}
