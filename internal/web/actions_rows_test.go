package web_test

import (
	"regexp"
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// Every row of /actions has one status tag and at most one control that
// changes it — the shared status form's "Ändra status" — for every role,
// in both languages, overdue or not (issue 19.5: the status cell stacked
// two tags, a disclosure and a link). An overdue action's one tag says
// both ("Planerad, försenad").
func TestActionsRowsHaveOneTagAndOneChange(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	// action 11 overdue too: two overdue rows, one the owner may change
	if err := testapp.Update(app, model.Actions, f.Actions["11"], map[string]any{"deadline": "2025-01-10", "deadline_precision": "month"}); err != nil {
		t.Fatal(err)
	}
	rowStart := regexp.MustCompile(`<tr id="action-([a-z0-9]+)"`)
	overdue := map[string]string{"sv": "Planerad, försenad</strong>", "en": "Planned, overdue</strong>"}
	change := map[string]string{"sv": "Ändra", "en": "Change"}
	for _, user := range []string{"samordnare", "ansvarig", "lasare", "revisor"} {
		for _, lang := range []string{"sv", "en"} {
			html := getIn(t, h, f, user, lang, "/actions")
			rows := rowStart.FindAllStringSubmatch(html, -1)
			if len(rows) == 0 {
				t.Fatalf("%s (%s): expected rows on /actions, got none", user, lang)
			}
			forms := 0
			for _, m := range rows {
				r := row(html, "action-"+m[1])
				if n := strings.Count(r, `class="tag `); n != 1 {
					t.Errorf("%s (%s): expected one status tag in action %s's row, got %d: %s", user, lang, m[1], n, r)
				}
				if n := strings.Count(r, change[lang]); n > 1 {
					t.Errorf("%s (%s): expected at most one %q in action %s's row, got %d: %s", user, lang, change[lang], m[1], n, r)
				}
				if n := strings.Count(r, "<form"); n > 1 || n != strings.Count(r, `<details class="action-status__form"`) {
					t.Errorf("%s (%s): expected at most one form, the shared status form, in action %s's row, got %s", user, lang, m[1], r)
				}
				forms += strings.Count(r, "<form")
				if strings.Contains(r, `name="filters"`) {
					t.Errorf("%s (%s): expected the shared status form (back), not the list's own (filters): %s", user, lang, r)
				}
			}
			if mayChange := user == "samordnare" || user == "ansvarig"; mayChange != (forms > 0) {
				t.Errorf("%s (%s): expected status forms %v, got %d", user, lang, mayChange, forms)
			}
			if user != "lasare" { // the reader does not see the confidential action 12
				if r := row(html, "action-"+f.Actions["12"]); !strings.Contains(r, overdue[lang]) {
					t.Errorf("%s (%s): expected action 12's one tag %q, got %s", user, lang, overdue[lang], r)
				}
			}
			if r := row(html, "action-"+f.Actions["11"]); !strings.Contains(r, overdue[lang]) {
				t.Errorf("%s (%s): expected action 11's one tag %q, got %s", user, lang, overdue[lang], r)
			}
		}
	}
}
