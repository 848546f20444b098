package hooks_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func historyRows(t *testing.T, app core.App, record string) []*core.Record {
	t.Helper()
	rows, err := app.FindRecordsByFilter(model.AuditLog, "record = {:r}", "", 0, 0, dbx.Params{"r": record})
	if err != nil {
		t.Fatalf("failed to read the history: %v", err)
	}
	return rows
}

func TestHistoryRowPerWrite(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	before := len(historyRows(t, app, f.Controls["5"]))

	// the owner of a control in an adopted plan may change (people leave)
	if err := testapp.Update(app, model.Controls, f.Controls["5"], map[string]any{"owner": f.Users["ansvarig"]}); err != nil {
		t.Fatal(err)
	}
	rows := historyRows(t, app, f.Controls["5"])
	if len(rows) != before+1 {
		t.Fatalf("Expected one more history row, got %d → %d", before, len(rows))
	}
	var row *core.Record
	for _, r := range rows {
		if r.GetString("op") == "update" {
			row = r
		}
	}
	if row == nil {
		t.Fatalf("Expected an update row")
	}
	var changes map[string][2]any
	if err := json.Unmarshal([]byte(row.GetString("changes")), &changes); err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes["owner"][0] != f.Users["raddning"] || changes["owner"][1] != f.Users["ansvarig"] {
		t.Fatalf("Expected only the owner changed from raddning to ansvarig, got %v", changes)
	}
	if row.GetString("actor") != "system" || row.GetString("board") != f.KS || row.GetString("collection") != "controls" {
		t.Fatalf("Expected actor system, board KS and collection controls, got %q %q %q", row.GetString("actor"), row.GetString("board"), row.GetString("collection"))
	}

	// a save that changes nothing writes nothing
	if err := testapp.Update(app, model.Controls, f.Controls["5"], map[string]any{"owner": f.Users["ansvarig"]}); err != nil {
		t.Fatal(err)
	}
	if n := len(historyRows(t, app, f.Controls["5"])); n != before+1 {
		t.Fatalf("Expected no row for an unchanged save, got %d rows", n)
	}

	// a delete writes the old values, and cascades write one row per child
	// (a plan with results cannot go back to draft: the fixture puts it there)
	if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
		t.Fatal(err)
	}
	if err := testapp.Delete(app, model.Plans, f.Plan); err != nil {
		t.Fatalf("Expected a draft plan to be deletable, got %v", err)
	}
	deletes := testapp.Count(t, app, model.AuditLog, dbx.HashExp{"op": "delete"})
	// 1 plan, 20 controls, 20 results, 9 deviations, 8 actions
	if deletes != 58 {
		t.Fatalf("Expected 58 delete rows, got %d", deletes)
	}
	rows = historyRows(t, app, f.Results["5"])
	last := rows[len(rows)-1]
	if last.GetString("op") != "delete" || !strings.Contains(last.GetString("changes"), `"measured_value":["8.1",null]`) {
		t.Fatalf("Expected the deleted result's old values, got %s %s", last.GetString("op"), last.GetString("changes"))
	}
}

func TestRefusedWriteLeavesNoHistory(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	rows := testapp.Count(t, app, model.AuditLog, nil)
	results := testapp.Count(t, app, model.Results, nil)

	_, err := testapp.Create(app, model.Results, map[string]any{"control": f.Controls["5"], "period": "2024", "outcome": "no_deviation"})
	if err == nil {
		t.Fatalf("Expected the duplicate result to be refused")
	}
	if testapp.Count(t, app, model.AuditLog, nil) != rows || testapp.Count(t, app, model.Results, nil) != results {
		t.Fatalf("Expected no history row and no result from a refused write")
	}
}

func TestHistoryInSameTransaction(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	// make the history write fail: the change itself must not stay
	app.OnRecordCreateExecute(model.AuditLog).BindFunc(func(e *core.RecordEvent) error {
		return errors.New("disk full")
	})
	err := testapp.Update(app, model.Controls, f.Controls["5"], map[string]any{"owner": f.Users["ansvarig"]})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Expected the failing history write to fail the save, got %v", err)
	}
	if got := testapp.Find(t, app, model.Controls, f.Controls["5"]).GetString("owner"); got != f.Users["raddning"] {
		t.Fatalf("Expected the change rolled back (owner raddning), got %s", got)
	}
}

func TestHistoryIsImmutable(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	if err := testapp.Update(app, model.AuditLog, f.AuditRow, map[string]any{"actor": "someone"}); err == nil {
		t.Errorf("Expected an update of history to be refused")
	}
	if err := testapp.Delete(app, model.AuditLog, f.AuditRow); err == nil {
		t.Errorf("Expected a delete of history to be refused")
	}
	if _, err := testapp.Create(app, model.AuditLog, map[string]any{
		"collection": "plans", "record": f.Plan, "op": "update", "actor": "system", "at": "2025-01-01",
	}); err == nil {
		t.Errorf("Expected a forged history row to be refused")
	}
	col, err := app.FindCollectionByNameOrId(model.AuditLog)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Delete(col); err == nil {
		t.Errorf("Expected the history collection's deletion to be refused")
	}
	col.Fields.RemoveByName("changes")
	if err := app.Save(col); err == nil {
		t.Errorf("Expected removing a history field to be refused")
	}
	col, _ = app.FindCollectionByNameOrId(model.AuditLog)
	col.Name = "old_log"
	if err := app.Save(col); err == nil {
		t.Errorf("Expected renaming the history to be refused")
	}
	col, _ = app.FindCollectionByNameOrId(model.AuditLog)
	col.Fields.Add(&core.TextField{Name: "note"})
	if err := app.Save(col); err != nil {
		t.Errorf("Expected a new history field to be allowed, got %v", err)
	}
	if row := testapp.Find(t, app, model.AuditLog, f.AuditRow); row.GetString("actor") != "system" {
		t.Errorf("Expected the history row unchanged, got actor %q", row.GetString("actor"))
	}
}

func TestCollectionsStayInPlace(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	plans, err := app.FindCollectionByNameOrId(model.Plans)
	if err != nil {
		t.Fatal(err)
	}
	plans.Name = "planer"
	if err := app.Save(plans); err == nil {
		t.Errorf("Expected renaming plans to be refused")
	}
	plans, _ = app.FindCollectionByNameOrId(model.Plans)
	if err := app.Delete(plans); err == nil {
		t.Errorf("Expected deleting plans to be refused")
	}
	plans, _ = app.FindCollectionByNameOrId(model.Plans)
	plans.Fields.Add(&core.TextField{Name: "note"})
	if err := app.Save(plans); err != nil {
		t.Errorf("Expected a new field on plans to be allowed, got %v", err)
	}
}
