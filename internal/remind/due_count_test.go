package remind_test

import (
	"slices"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/proof/testapp"
)

// dueItems are the ids of user's own open items that are overdue or due
// on the day of now, one item at a time as remind.Open lists them and
// Classify dates them: what the menu's count counts.
func dueItems(t *testing.T, app core.App, user *core.Record, now time.Time) []string {
	t.Helper()
	all, err := remind.Open(remind.As(app, user), user.Id, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range all {
		if d, _ := remind.Classify(it, remind.DefaultDays, now); d.Kind == remind.Overdue || d.Kind == remind.DueToday {
			out = append(out, it.Id)
		}
	}
	return out
}

// TestCountDueAtTheEdges checks the menu's count, counted in SQL, against
// the items listed one by one, with an item on each side of every edge:
// a control due today and one due tomorrow, an overdue control of a draft
// plan, actions planned and in progress by today and tomorrow, done,
// cancelled, handed over to another board and undated; and just after
// midnight in Stockholm, when it is still the day before in UTC.
func TestCountDueAtTheEdges(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	owner := f.Users["raddning"]
	// raddning's controls 5 and 4 unreported: due today and tomorrow
	for key, due := range map[string]string{"5": "2025-03-15", "4": "2025-03-16"} {
		if err := testapp.Delete(app, model.Results, f.Results[key]); err != nil {
			t.Fatal(err)
		}
		// a 2024 control due in 2025, which the rules no longer let a plan decide
		if err := testapp.ForceValues(app, model.Controls, f.Controls[key], map[string]any{"due": due + " 00:00:00.000Z"}); err != nil {
			t.Fatal(err)
		}
	}
	draft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2025, "status": model.PlanDraft})
	if err != nil {
		t.Fatal(err)
	}
	late, err := testapp.Create(app, model.Controls, map[string]any{"plan": draft.Id, "number": 1, "title": "Utkastets kontroll",
		"frequency": "yearly", "owner": owner, "due": "2025-01-31"})
	if err != nil {
		t.Fatal(err)
	}
	action := func(deadline, status string, extra map[string]any) string {
		t.Helper()
		fields := map[string]any{"plan": f.Plan, "control": f.Controls["5"], "description": status + " " + deadline,
			"owner": owner, "deadline": deadline, "deadline_precision": "day", "status": status}
		for k, v := range extra {
			fields[k] = v
		}
		var a *core.Record
		create := func(tx core.App) (err error) {
			a, err = testapp.Create(tx, model.Actions, fields)
			return err
		}
		var err error
		if _, moved := extra["transferred_to"]; moved {
			err = model.RunCarry(app, create) // as a transfer marks it
		} else {
			err = create(app)
		}
		if err != nil {
			t.Fatalf("failed to create the action %s %s: %v", status, deadline, err)
		}
		return a.Id
	}
	counted := []string{f.Controls["5"], action("2025-03-01", model.ActionPlanned, nil), action("2025-03-15", model.ActionInProgress, nil)}
	left := []string{f.Controls["4"], late.Id,
		action("2025-03-16", model.ActionPlanned, nil),
		action("2025-03-01", model.ActionDone, map[string]any{"done_note": "Klart."}),
		action("2025-03-01", model.ActionCancelled, map[string]any{"cancel_reason": "Behövs inte."}),
		action("2025-03-01", model.ActionPlanned, map[string]any{"transferred_to": f.IAN}),
		action("", model.ActionPlanned, nil)}
	user, err := app.FindRecordById(model.Users, owner)
	if err != nil {
		t.Fatal(err)
	}
	now := testapp.Clock()
	due := dueItems(t, app, user, now)
	for _, id := range counted {
		if !slices.Contains(due, id) {
			t.Errorf("Expected %s among the items due, got %v", id, due)
		}
	}
	for _, id := range left {
		if slices.Contains(due, id) {
			t.Errorf("Expected %s not among the items due, got %v", id, due)
		}
	}
	if n, err := remind.CountDue(app, user, now); err != nil || n != len(due) {
		t.Errorf("Expected CountDue %d, got %d (%v)", len(due), n, err)
	}
	// 00:30 on the 16th in Stockholm: control 4 and the action due on the
	// 16th are due today
	midnight := time.Date(2025, 3, 15, 23, 30, 0, 0, time.UTC)
	later := dueItems(t, app, user, midnight)
	if len(later) != len(due)+2 || !slices.Contains(later, f.Controls["4"]) {
		t.Errorf("Expected two more items due at %s, got %v", midnight, later)
	}
	if n, err := remind.CountDue(app, user, midnight); err != nil || n != len(later) {
		t.Errorf("Expected CountDue %d at %s, got %d (%v)", len(later), midnight, n, err)
	}
	// every account, on the same data
	for key, id := range f.Users {
		u, err := app.FindRecordById(model.Users, id)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := remind.CountDue(app, u, now); err != nil || n != len(dueItems(t, app, u, now)) {
			t.Errorf("Expected CountDue of %s to be %d, got %d (%v)", key, len(dueItems(t, app, u, now)), n, err)
		}
	}
}
