package pb_migrations_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/archive"

	"ikplan/internal/model"
	"ikplan/pb_migrations"
	"ikplan/proof/testapp"
)

func TestBackupsAreOnByDefault(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	b := app.Settings().Backups
	if b.Cron != pb_migrations.BackupCron || b.CronMaxKeep != 7 {
		t.Fatalf("Expected daily backups at 03:00 keeping 7, got %q keeping %d", b.Cron, b.CronMaxKeep)
	}
	found := false
	for _, j := range app.Cron().Jobs() {
		if j.Id() == "__pbAutoBackup__" && j.Expression() == pb_migrations.BackupCron {
			found = true
		}
	}
	if !found {
		t.Fatalf("Expected PocketBase's backup job scheduled, got %d jobs", app.Cron().Total())
	}
}

// TestBackupWhileWriting makes a backup while another goroutine keeps
// changing a risk through the hooks, restores the backup into a fresh
// data folder and checks that it is whole: every change is there with its
// history row or neither is, and SQLite finds the database intact.
func TestBackupWhileWriting(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	controls := testapp.Count(t, app, model.Controls, nil)
	results := testapp.Count(t, app, model.Results, nil)

	const writes, before = 200, 20
	started := make(chan struct{})
	var wg sync.WaitGroup
	var writeErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 1; i <= writes; i++ {
			err := model.RunAs(app, model.System, func(tx core.App) error {
				return testapp.Update(tx, model.Risks, f.Risk, map[string]any{"description": fmt.Sprintf("Runda %d", i)})
			})
			if err != nil {
				writeErr = err
				if i <= before {
					close(started) // the backup is not waited for in vain
				}
				return
			}
			if i == before {
				close(started)
			}
		}
	}()
	<-started
	const name = "under-skrivning.zip"
	if err := app.CreateBackup(context.Background(), name); err != nil {
		t.Fatalf("Expected the backup made while writing, got %v", err)
	}
	wg.Wait()
	if writeErr != nil {
		t.Fatalf("Expected every write to succeed during the backup, got %v", writeErr)
	}

	restored := restore(t, app, name)
	if n := testapp.Count(t, restored, model.Controls, nil); n != controls {
		t.Fatalf("Expected %d controls in the backup, got %d", controls, n)
	}
	if n := testapp.Count(t, restored, model.Results, nil); n != results {
		t.Fatalf("Expected %d results in the backup, got %d", results, n)
	}
	for _, col := range []string{model.Controls, model.Results} {
		var missing []struct{ Id string }
		err := restored.DB().NewQuery(`SELECT id FROM ` + col + ` WHERE id NOT IN
			(SELECT record FROM audit_log WHERE collection = {:c} AND op = 'create')`).Bind(dbx.Params{"c": col}).All(&missing)
		if err != nil || len(missing) > 0 {
			t.Fatalf("Expected every %s with its history row in the backup, got %v missing (%v)", col, missing, err)
		}
	}
	// the changes are sequential, each with its history row in its own
	// transaction: the backup has the first n of them, n ≥ 20, and the
	// risk holds the n-th
	rows, err := restored.FindRecordsByFilter(model.AuditLog, "collection = 'risks' && record = {:r} && op = 'update'", "", 0, 0,
		dbx.Params{"r": f.Risk})
	if err != nil {
		t.Fatal(err)
	}
	n := len(rows)
	t.Logf("the backup holds %d of the %d changes", n, writes)
	if n < before || n > writes {
		t.Fatalf("Expected between %d and %d changes in the backup, got %d", before, writes, n)
	}
	if got, want := testapp.Find(t, restored, model.Risks, f.Risk).GetString("description"), fmt.Sprintf("Runda %d", n); got != want {
		t.Fatalf("Expected the risk as of its last history row (%q), got %q", want, got)
	}
	last := 0
	for _, r := range rows {
		var ch map[string][2]any
		raw, _ := json.Marshal(r.Get("changes"))
		if err := json.Unmarshal(raw, &ch); err != nil {
			t.Fatal(err)
		}
		var k int
		fmt.Sscanf(fmt.Sprint(ch["description"][1]), "Runda %d", &k)
		last = max(last, k)
	}
	if last != n {
		t.Fatalf("Expected history rows for rounds 1..%d, got up to %d", n, last)
	}
	var check string
	if err := restored.DB().NewQuery("PRAGMA integrity_check").Row(&check); err != nil || check != "ok" {
		t.Fatalf("Expected the restored database intact, got %q (%v)", check, err)
	}
	if live := testapp.Find(t, app, model.Risks, f.Risk).GetString("description"); live != fmt.Sprintf("Runda %d", writes) {
		t.Fatalf("Expected the live database at round %d, got %q", writes, live)
	}
}

// restore unzips a backup from the app's backups filesystem into a fresh
// data folder and opens it.
func restore(t *testing.T, app core.App, name string) *tests.TestApp {
	t.Helper()
	fsys, err := app.NewBackupsFilesystem()
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	r, err := fsys.GetReader(name)
	if err != nil {
		t.Fatalf("Expected the backup %s in the backups filesystem, got %v", name, err)
	}
	defer r.Close()
	tmp := t.TempDir()
	zipPath := filepath.Join(tmp, name)
	out, err := os.Create(zipPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, r); err != nil {
		t.Fatal(err)
	}
	out.Close()
	dir := filepath.Join(tmp, "pb_data")
	if err := archive.Extract(zipPath, dir); err != nil {
		t.Fatalf("Expected the backup to unzip, got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data.db")); err != nil {
		t.Fatalf("Expected data.db in the backup, got %v", err)
	}
	restored, err := tests.NewTestApp(dir)
	if err != nil {
		t.Fatalf("Expected the restored data folder to open, got %v", err)
	}
	t.Cleanup(restored.Cleanup)
	return restored
}
