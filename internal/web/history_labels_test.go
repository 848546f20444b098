package web_test

import (
	"fmt"
	stdhtml "html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
	"ikplan/templates"
)

// TestEveryValueHasItsLabel: every allowed value of every select field of
// every audited collection, as the schema holds it (so a value a migration
// adds is covered), has the label the forms and the history share, in
// Swedish and in English; and every other field the history may show has a
// name in both languages or is one the history leaves out.
func TestEveryValueHasItsLabel(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	values := 0
	for _, name := range model.Domain {
		col, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range col.Fields {
			field := f.GetName()
			if templates.InternalField(name, field) || f.Type() == core.FieldTypeAutodate || f.Type() == core.FieldTypePassword || f.GetHidden() {
				continue
			}
			if sv, en := i18n.Texts("history.f." + field); sv == "" || en == "" {
				t.Errorf("%s.%s: no name in the history in both languages (history.f.%s: %q / %q)", name, field, field, sv, en)
			}
			sel, ok := f.(*core.SelectField)
			if !ok {
				continue
			}
			for _, v := range sel.Values {
				key := templates.ValueKey(name, field, v)
				sv, en := i18n.Texts(key)
				if key == "" || sv == "" || en == "" || sv == v || en == v {
					t.Errorf("%s.%s = %q: expected a label in Swedish and English, got key %q: %q / %q", name, field, v, key, sv, en)
				}
				values++
			}
		}
	}
	if values < 40 {
		t.Fatalf("Expected the select fields' values (~45) checked, got %d", values)
	}
}

// historyChange is one field of one change on a history page: its name,
// and its value before and after.
var historyChange = regexp.MustCompile(`<li><strong>([^<]*):</strong> (.*?) <span aria-hidden="true">→</span><span class="visually-hidden">[^<]*</span> (.*?)</li>`)

// TestHistoryShowsLabels: every page of /history, in Swedish and in
// English, shows each select value as its label in that language — never
// the stored code ("lopande", ">=", "continuous") — relations by name, and
// none of the server's own fields (the plan's order, the reported flag): a
// change of nothing but those is not listed at all.
func TestHistoryShowsLabels(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	codes := map[string]string{} // a stored select value → its field
	for _, name := range model.Domain {
		col, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, fl := range col.Fields {
			if sel, ok := fl.(*core.SelectField); ok {
				for _, v := range sel.Values {
					codes[v] = name + "." + fl.GetName()
				}
			}
		}
	}
	// the coordinator moves control 3 in the plan's order and nothing else
	moved := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		err := testapp.WhileDraft(app, f.Plan, func() error {
			return model.RunAs(app, model.ActorFromAuth(testapp.Find(t, app, model.Users, f.Users["samordnare"])), func(tx core.App) error {
				return testapp.Update(tx, model.Controls, f.Controls["3"], map[string]any{"position": 999})
			})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range []string{i18n.Sv, i18n.En} {
		headers := testapp.Cookie(f, "samordnare")
		headers = with(headers, "Cookie", headers["Cookie"]+"; ikplan_lang="+lang)
		seen := map[string]bool{}
		for page := 1; page <= 20; page++ {
			var html string
			s := tests.ApiScenario{
				Name: fmt.Sprintf("%s page %d", lang, page), Method: http.MethodGet, URL: fmt.Sprintf("/history?page=%d", page),
				Headers: headers, ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<h1>"},
				TestAppFactory: testapp.WebFactory, BeforeTestFunc: moved,
				AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) { html = body(t, res) },
			}
			s.Test(t)
			for _, m := range historyChange.FindAllStringSubmatch(html, -1) {
				field := m[1]
				seen[field] = true
				for _, v := range m[2:] {
					v = stdhtml.UnescapeString(v)
					if where, ok := codes[v]; ok {
						t.Errorf("%s page %d: %s shows the stored value %q of %s, not its label", lang, page, field, v, where)
					}
				}
			}
			if !strings.Contains(html, `rel="next"`) {
				break
			}
		}
		for _, internal := range []string{"position", "reported"} {
			if name := i18n.T(lang, "history.f."+internal); seen[name] {
				t.Errorf("%s: the history shows the internal field %q", lang, name)
			}
		}
		for _, want := range []string{"method", "frequency", "target_operator", "outcome", "status", "treatment", "deadline_precision"} {
			if name := i18n.T(lang, "history.f."+want); !seen[name] {
				t.Errorf("%s: expected the history to show %q (%s), saw %v", lang, name, want, seen)
			}
		}
		if len(seen) < 30 {
			t.Fatalf("%s: expected the history's changes read (~50 fields), got %d", lang, len(seen))
		}
	}
	// the move itself is on no page: its only change is the order
	s := tests.ApiScenario{
		Name: "the move is not listed", Method: http.MethodGet, URL: "/history/controls/" + f.Controls["3"],
		Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK, TestAppFactory: testapp.WebFactory, BeforeTestFunc: moved,
		ExpectedContent:    []string{"<td>Skapad</td>", "<strong>Metod:</strong>"},
		NotExpectedContent: []string{"<td>Ändrad</td>", "Ordning", "Inga fält ändrades."},
	}
	s.Test(t)
}
