package model_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// historyOf lists the history rows of a record, oldest first, as maps of
// their stored values without the row's own id.
func historyOf(t *testing.T, app core.App, recordId string) []map[string]string {
	t.Helper()
	var rows []*core.Record
	// in the order written: the tests' clock stands still
	err := app.RecordQuery(model.AuditLog).AndWhere(dbx.HashExp{"record": recordId}).OrderBy("rowid").All(&rows)
	if err != nil {
		t.Fatalf("failed to read the history: %v", err)
	}
	var out []map[string]string
	for _, r := range rows {
		m := map[string]string{}
		for _, f := range r.Collection().Fields {
			if f.GetName() != "id" {
				m[f.GetName()] = r.GetString(f.GetName())
			}
		}
		out = append(out, m)
	}
	return out
}

// TestBatchHistory checks that a batch writes the history row of each of
// its writes, the same row a single write makes, in its transaction.
func TestBatchHistory(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	actor := model.Actor{Kind: model.ActorUser, Id: f.Users["samordnare"], Name: "Sara Samordnare", Role: model.RoleCoordinator}
	write := func(tx core.App) error {
		if err := testapp.Update(tx, model.Units, f.Unit, map[string]any{"name": "Ekonomienheten"}); err != nil {
			return err
		}
		return testapp.Update(tx, model.Units, f.Unit, map[string]any{"name": "Ekonomikontoret"})
	}

	single := testapp.New(t)
	old := len(historyOf(t, single, f.Unit)) // the rows of the test data
	if err := model.RunAs(single, actor, write); err != nil {
		t.Fatal(err)
	}
	batched := testapp.New(t)
	err := model.RunBatch(batched, actor, func(tx core.App) error {
		if err := write(tx); err != nil {
			return err
		}
		if n := len(historyOf(t, tx, f.Unit)) - old; n != 0 {
			t.Errorf("Expected the batch's history written at its end, got %d rows inside it", n)
		}
		// a batch inside the batch is part of it
		return model.RunBatch(tx, model.System, func(inner core.App) error {
			return testapp.Update(inner, model.Units, f.Unit, map[string]any{"name": "Ekonomiavdelningen"})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := model.RunAs(single, actor, func(tx core.App) error {
		return testapp.Update(tx, model.Units, f.Unit, map[string]any{"name": "Ekonomiavdelningen"})
	}); err != nil {
		t.Fatal(err)
	}
	want, got := historyOf(t, single, f.Unit), historyOf(t, batched, f.Unit)
	if len(want) < old || len(got) < old {
		t.Fatalf("Expected the test data's %d history rows kept, got %d and %d", old, len(want), len(got))
	}
	want, got = want[old:], got[old:]
	if len(want) != 3 || len(got) != 3 {
		t.Fatalf("Expected three history rows each way, got %d single and %d batched", len(want), len(got))
	}
	for i := range want {
		for field, v := range want[i] {
			if got[i][field] != v {
				t.Errorf("Row %d, %s: expected %q as a single write writes it, got %q", i+1, field, v, got[i][field])
			}
		}
	}
	if got[0]["actor"] != "users/"+f.Users["samordnare"] || got[0]["board"] != f.KS || got[0]["op"] != model.OpUpdate {
		t.Errorf("Expected the coordinator's update of a KS unit, got %v", got[0])
	}

	// a batch that fails writes neither its records nor their history
	before := testapp.Count(t, batched, model.AuditLog, nil)
	failed := errors.New("a row was refused")
	err = model.RunBatch(batched, actor, func(tx core.App) error {
		if err := testapp.Update(tx, model.Units, f.Unit, map[string]any{"name": "Aldrig sparad"}); err != nil {
			return err
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("Expected the batch's error, got %v", err)
	}
	if after := testapp.Count(t, batched, model.AuditLog, nil); after != before {
		t.Errorf("Expected no history from a failed batch, got %d → %d rows", before, after)
	}
	if u := testapp.Find(t, batched, model.Units, f.Unit); u.GetString("name") != "Ekonomiavdelningen" {
		t.Errorf("Expected the failed batch's write rolled back, got %q", u.GetString("name"))
	}

	// outside a batch each write saves its own history row
	err = model.RunAs(batched, actor, func(tx core.App) error {
		col, _ := tx.FindCachedCollectionByNameOrId(model.AuditLog)
		if model.DeferHistory(tx, core.NewRecord(col)) {
			t.Errorf("Expected no batch outside RunBatch")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBatchHistoryInChunks: a batch's history is inserted many rows to a
// statement; however many writes it holds — one fewer, as many as, one
// more than a statement takes, or twice as many — each has its row.
func TestBatchHistoryInChunks(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	actor := model.Actor{Kind: model.ActorUser, Id: f.Users["samordnare"], Name: "Sara Samordnare", Role: model.RoleCoordinator}
	for _, writes := range []int{1, 99, 100, 101, 200} {
		before := len(historyOf(t, app, f.Unit))
		err := model.RunBatch(app, actor, func(tx core.App) error {
			for i := range writes {
				if err := testapp.Update(tx, model.Units, f.Unit, map[string]any{"name": fmt.Sprintf("Enhet %d av %d", i+1, writes)}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%d writes: %v", writes, err)
		}
		rows := historyOf(t, app, f.Unit)
		if got := len(rows) - before; got != writes {
			t.Errorf("Expected %d history rows for %d writes, got %d", writes, writes, got)
		}
		if last := rows[len(rows)-1]["changes"]; !strings.Contains(last, fmt.Sprintf("Enhet %d av %d", writes, writes)) {
			t.Errorf("Expected the last row to hold the last write, got %s", last)
		}
	}
}
