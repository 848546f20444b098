package pb_migrations_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// drillWrite is one write of the drill that the app acknowledged.
type drillWrite struct {
	collection, id, op string
	fields             map[string]any
	done               time.Time // when the save returned
}

// TestBackupRestoreDrill is the backup and restore drill: four writers
// create deviations and actions and change a control and a deviation
// through the hooks while a backup is made; the backup is restored into a
// fresh folder and compared with the live data:
//   - SQLite finds the restored database intact;
//   - every write finished before the backup began is in it, with its
//     history row;
//   - every domain record in it is what its history says (the last new
//     value of each field), so no change is there without its history row;
//   - its history is the live history's first rows, unchanged;
//   - every table the writers do not touch is identical, row for row;
//   - every stored file (evidence) is there, byte for byte.
func TestBackupRestoreDrill(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)

	// an evidence file, so that storage/ is part of the drill
	evidence, err := filesystem.NewFileFromBytes([]byte("Stickprov 2024: 25 fakturor, 2 utan attest.\n"), "stickprov.txt")
	if err != nil {
		t.Fatal(err)
	}
	err = model.RunAs(app, model.System, func(tx core.App) error {
		r, err := tx.FindRecordById(model.Results, f.Results["1"])
		if err != nil {
			return err
		}
		r.Set("evidence+", evidence)
		return tx.Save(r)
	})
	if err != nil {
		t.Fatalf("Expected the evidence saved, got %v", err)
	}

	const writers, rounds, before = 4, 50, 40
	var (
		mu      sync.Mutex
		acked   []drillWrite
		count   atomic.Int64
		wg      sync.WaitGroup
		errs    = make(chan error, writers)
		started = make(chan struct{})
		once    sync.Once
	)
	save := func(collection, id string, fields map[string]any) (string, error) {
		var rec *core.Record
		err := model.RunAs(app, model.System, func(tx core.App) error {
			var err error
			if id == "" {
				rec, err = testapp.Create(tx, collection, fields)
				return err
			}
			rec, err = tx.FindRecordById(collection, id)
			if err != nil {
				return err
			}
			for k, v := range fields {
				rec.Set(k, v)
			}
			return tx.Save(rec)
		})
		if err != nil {
			return "", fmt.Errorf("failed to write %s %v: %w", collection, fields, err)
		}
		op := model.OpUpdate
		if id == "" {
			op = model.OpCreate
		}
		mu.Lock()
		acked = append(acked, drillWrite{collection: collection, id: rec.Id, op: op, fields: fields, done: time.Now()})
		mu.Unlock()
		if count.Add(1) == before {
			once.Do(func() { close(started) })
		}
		return rec.Id, nil
	}
	for w := range writers {
		wg.Go(func() {
			for n := 1; n <= rounds; n++ {
				tag := fmt.Sprintf("w%d r%d", w, n)
				var err error
				switch w {
				case 0, 1: // a deviation and an action under it
					var dev string
					dev, err = save(model.Deviations, "", map[string]any{"result": f.Results["1"], "description": "Avvikelse " + tag})
					if err == nil {
						_, err = save(model.Actions, "", map[string]any{"deviation": dev, "description": "Åtgärd " + tag})
					}
				case 2: // a risk (an adopted plan's controls keep what the board decided)
					_, err = save(model.Risks, f.Risk, map[string]any{"description": "Runda " + tag})
				default:
					_, err = save(model.Deviations, f.Deviations["1"], map[string]any{"root_cause": "Orsak " + tag})
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	<-started
	backupBegan := time.Now()
	const name = "drill.zip"
	if err := app.CreateBackup(context.Background(), name); err != nil {
		t.Fatalf("Expected the backup made while writing, got %v", err)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("Expected every write to succeed during the backup, got %v", err)
	}
	restored := restore(t, app, name)

	var check string
	if err := restored.DB().NewQuery("PRAGMA integrity_check").Row(&check); err != nil || check != "ok" {
		t.Fatalf("Expected the restored database intact, got %q (%v)", check, err)
	}

	history := historyOf(t, restored)
	inBackup := 0
	for _, w := range acked {
		if !w.done.Before(backupBegan) {
			continue
		}
		inBackup++
		if !slices.ContainsFunc(history[w.collection+"/"+w.id], func(h historyEntry) bool { return h.op == w.op && h.sets(w.fields) }) {
			t.Errorf("Expected the %s of %s/%s (%v), finished before the backup began, in the backup with its history row", w.op, w.collection, w.id, w.fields)
		}
	}
	t.Logf("%d writes in all, %d finished before the backup began; the backup holds %d history rows, the live data %d",
		len(acked), inBackup, testapp.Count(t, restored, model.AuditLog, nil), testapp.Count(t, app, model.AuditLog, nil))
	if inBackup < before {
		t.Fatalf("Expected at least %d writes before the backup, got %d", before, inBackup)
	}

	// every domain record is what its history says
	for _, col := range model.Domain {
		recs, err := restored.FindAllRecords(col)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			want := map[string]any{}
			for _, h := range history[col+"/"+r.Id] {
				for field, ch := range h.changes {
					want[field] = ch[1]
				}
			}
			if len(want) == 0 && col == model.Settings {
				continue // the defaults are saved by the migration, before any hook is bound
			}
			if len(want) == 0 {
				t.Errorf("Expected %s/%s in the backup to have its history", col, r.Id)
				continue
			}
			for field, v := range want {
				if got := plainValue(r.Get(field)); !reflect.DeepEqual(got, v) && !(v == nil && isZero(got)) {
					t.Errorf("Expected %s/%s's %s as its last history row says (%v), got %v", col, r.Id, field, v, got)
				}
			}
		}
	}

	// the history in the backup is the live history's first rows, unchanged
	live := rowsOf(t, app.DB(), model.AuditLog)
	backedUp := rowsOf(t, restored.DB(), model.AuditLog)
	for id, row := range backedUp {
		if live[id] != row {
			t.Errorf("Expected history row %s unchanged in the live data, got\n%s\n%s", id, row, live[id])
		}
	}

	// every table the writers do not touch is the same, row for row
	var tables []string
	if err := app.DB().NewQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").Column(&tables); err != nil {
		t.Fatal(err)
	}
	for _, table := range tables {
		if table == model.Deviations || table == model.Actions || table == model.Risks || table == model.AuditLog {
			continue
		}
		if a, b := rowsOf(t, app.DB(), table), rowsOf(t, restored.DB(), table); !reflect.DeepEqual(a, b) {
			t.Errorf("Expected table %s the same in the backup (%d rows live, %d in the backup)", table, len(a), len(b))
		}
	}

	// every stored file is there, byte for byte
	files := 0
	liveStorage := filepath.Join(app.DataDir(), "storage")
	err = filepath.WalkDir(liveStorage, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(liveStorage, path)
		a, _ := os.ReadFile(path)
		b, err := os.ReadFile(filepath.Join(restored.DataDir(), "storage", rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("Expected the stored file %s in the backup, the same, got %v", rel, err)
		}
		files++
		return nil
	})
	if err != nil || files == 0 {
		t.Fatalf("Expected the evidence file in storage/, got %d files (%v)", files, err)
	}
}
