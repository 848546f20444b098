package web_test

import (
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestDraftItemsAreOnNoList: a draft plan's control and actions — overdue,
// due soon, the owner's own — are on none of the lists until the plan is
// adopted, and then on each list where their dates put them, so that the
// lists are shown to be able to hold them.
func TestDraftItemsAreOnNoList(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	remindOn := testapp.Today
	lists := todoLists(t, app, h, f, remindOn, "ansvarig")
	before := map[string]string{}
	for _, l := range lists {
		before[l.name] = l.read(t)
	}

	// Kommunstyrelsen's 2025 draft: a control of Anders Ansvarig due
	// 10 March, an action due 1 March and one due 20 March (today is 15 March)
	draft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2025, "title": "Utkast 2025"})
	if err != nil {
		t.Fatal(err)
	}
	control, err := testapp.Create(app, model.Controls, map[string]any{"plan": draft.Id, "number": 1, "title": "Utkastets kontrollpunkt",
		"frequency": model.FreqYearly, "owner": f.Users["ansvarig"], "due": "2025-03-10", "method": "genomgang"})
	if err != nil {
		t.Fatal(err)
	}
	late, err := testapp.Create(app, model.Actions, map[string]any{"control": control.Id, "description": "Utkastets sena åtgärd",
		"owner": f.Users["ansvarig"], "deadline": "2025-03-01", "deadline_precision": "day", "status": model.ActionPlanned})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := testapp.Create(app, model.Actions, map[string]any{"control": control.Id, "description": "Utkastets snara åtgärd",
		"owner": f.Users["ansvarig"], "deadline": "2025-03-20", "deadline_precision": "day", "status": model.ActionInProgress}); err != nil {
		t.Fatal(err)
	}
	titles := []string{"Utkastets kontrollpunkt", "Utkastets sena åtgärd", "Utkastets snara åtgärd"}
	for _, l := range lists {
		got := l.read(t)
		if strings.HasSuffix(l.name, "menu count") {
			if got != before[l.name] {
				t.Errorf("%s: Expected the draft's items not counted (%s), got %s", l.name, before[l.name], got)
			}
			continue
		}
		for _, title := range titles {
			if strings.Contains(got, title) {
				t.Errorf("%s: Expected nothing of the draft, got %q", l.name, title)
			}
		}
	}
	// /actions lists every action, the draft's too, but none as overdue
	if r := row(get(t, h, f, "samordnare", "/actions"), "action-"+late.Id); r == "" || strings.Contains(r, ", försenad</strong>") {
		t.Errorf("Expected the draft's late action listed without the overdue tag, got %q", r)
	}

	// adopted, the items are where their dates put them
	if err := testapp.Update(app, model.Plans, draft.Id, map[string]any{"status": model.PlanAdopted,
		"adopted_on": "2025-03-01", "adopted_ref": "KS § 20"}); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"ansvarig: start page":            titles,
		"ansvarig: /start/overdue":        titles[:2],
		"ansvarig: /start/soon":           titles[2:],
		"ansvarig: /start/my-controls":    titles[:1],
		"ansvarig: /start/my-actions":     titles[1:],
		"ansvarig: /actions?overdue=1":    titles[1:2],
		"ansvarig: calendar":              titles,
		"coordinator: /start/overdue":     titles[:2],
		"coordinator: /actions?overdue=1": titles[1:2],
		"reminders (dry run)":             titles,
	}
	for _, l := range lists {
		got := l.read(t)
		if strings.HasSuffix(l.name, "menu count") {
			if n, was := navCountOf(got), navCountOf(before[l.name]); n != was+2 {
				t.Errorf("%s: Expected the overdue control and action counted once adopted (%d + 2), got %d", l.name, was, n)
			}
			continue
		}
		for _, title := range want[l.name] {
			if !strings.Contains(got, title) {
				t.Errorf("%s: Expected %q once the plan is adopted", l.name, title)
			}
		}
	}
	if r := row(get(t, h, f, "samordnare", "/actions"), "action-"+late.Id); !strings.Contains(r, ", försenad</strong>") {
		t.Errorf("Expected the adopted plan's late action tagged overdue, got %q", r)
	}
}

// navCountOf reads the number todoList's menu count wrote.
func navCountOf(s string) int {
	n := 0
	for _, c := range strings.TrimPrefix(s, "count ") {
		n = n*10 + int(c-'0')
	}
	return n
}
