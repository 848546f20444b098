package pb_migrations_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// migration is the registered migration of the file.
func migration(t *testing.T, file string) *core.Migration {
	t.Helper()
	for _, m := range core.AppMigrations.Items() {
		if m.File == file {
			return m
		}
	}
	t.Fatalf("Expected the migration %s to be registered", file)
	return nil
}

// TestMigrationClosesContinuedActions: on a data set made by the carry as
// it was — each continued action left open beside its continuation — the
// migration closes exactly the open actions continued in their board's
// plan of the next year, links each to its continuation, and writes
// nothing else: no other field, no other action, no history row.
func TestMigrationClosesContinuedActions(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	up := migration(t, "1764201850_actions_continued.go")
	if err := up.Down(app); err != nil { // the schema before the migration
		t.Fatalf("Expected the migration undone, got %v", err)
	}

	// the old carry into Kommunstyrelsen's 2025 draft: 2, 10 and HR8
	// continued there, 11 continued at IAN after a transfer (it stays
	// transferred); 8 has a continuation in a plan of another year
	draft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2025})
	if err != nil {
		t.Fatal(err)
	}
	later, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2027})
	if err != nil {
		t.Fatal(err)
	}
	ian, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025})
	if err != nil {
		t.Fatal(err)
	}
	if err := model.RunCarry(app, func(tx core.App) error { // as a transfer marks it
		return testapp.Update(tx, model.Actions, f.Actions["11"], map[string]any{"transferred_to": f.IAN})
	}); err != nil {
		t.Fatal(err)
	}
	controls := map[string]string{}
	for _, plan := range []string{draft.Id, later.Id, ian.Id} {
		c, err := testapp.Create(app, model.Controls, map[string]any{"plan": plan, "number": 1, "title": "Kopia", "frequency": "yearly"})
		if err != nil {
			t.Fatal(err)
		}
		controls[plan] = c.Id
	}
	copies := map[string]string{}
	for key, plan := range map[string]string{"2": draft.Id, "10": draft.Id, "HR8": draft.Id, "11": ian.Id, "8": later.Id} {
		old := testapp.Find(t, app, model.Actions, f.Actions[key])
		c, err := testapp.Create(app, model.Actions, map[string]any{"control": controls[plan],
			"description": old.GetString("description"), "status": old.GetString("status"), "carried_from": old.Id})
		if err != nil {
			t.Fatalf("failed to continue action %s: %v", key, err)
		}
		copies[key] = c.Id
	}
	before := map[string]map[string]any{}
	all, err := app.FindAllRecords(model.Actions)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		before[a.Id] = a.FieldsData()
	}
	history := testapp.Count(t, app, model.AuditLog, nil)

	if err := up.Up(app); err != nil {
		t.Fatalf("Expected the migration to run, got %v", err)
	}

	closed := map[string]string{f.Actions["2"]: copies["2"], f.Actions["10"]: copies["10"], f.Actions["HR8"]: copies["HR8"]}
	all, err = app.FindAllRecords(model.Actions)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(before) {
		t.Fatalf("Expected %d actions, got %d", len(before), len(all))
	}
	for _, a := range all {
		was, now := before[a.Id], a.FieldsData()
		if to, ok := closed[a.Id]; ok {
			if now["status"] != "continued" || now["carried_to"] != to {
				t.Errorf("Expected action %s continued in %s, got status %v, carried_to %v", a.Id, to, now["status"], now["carried_to"])
			}
			delete(now, "status")
			delete(now, "carried_to")
			delete(was, "status")
		} else if now["carried_to"] != "" {
			t.Errorf("Expected action %s without carried_to, got %v", a.Id, now["carried_to"])
		}
		delete(now, "carried_to")
		if !reflect.DeepEqual(was, now) {
			t.Errorf("Expected nothing else of action %s written,\nwas %v\nnow %v", a.Id, was, now)
		}
	}
	if n := testapp.Count(t, app, model.AuditLog, nil); n != history {
		t.Errorf("Expected no history rows written, got %d → %d", history, n)
	}

	// and the result is what the carry now writes: the continued actions
	// pass the hooks as they are
	for id := range closed {
		if err := app.Save(testapp.Find(t, app, model.Actions, id)); err != nil {
			t.Errorf("Expected the continued action %s valid, got %v", id, err)
		}
	}
	if err := testapp.Update(app, model.Actions, f.Actions["2"], map[string]any{"status": model.ActionInProgress}); err == nil ||
		!strings.Contains(testapp.FieldErrors(err)["status"], "fortsätter i planen för 2025") {
		t.Errorf("Expected a continued action kept closed, got %v", err)
	}
}
