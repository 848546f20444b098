package perf_test

import (
	"path/filepath"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/perf"
)

// TestConnectAsPocketBase: a connection has PocketBase's settings —
// waiting on a busy database, WAL, synchronous NORMAL, foreign keys, temp
// tables in memory — and the smaller page cache.
func TestConnectAsPocketBase(t *testing.T) {
	dir := t.TempDir()
	ours, err := perf.Connect(filepath.Join(dir, "ours.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ours.Close()
	theirs, err := core.DefaultDBConnect(filepath.Join(dir, "theirs.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer theirs.Close()
	for _, pragma := range []string{"busy_timeout", "journal_mode", "journal_size_limit", "synchronous", "foreign_keys", "temp_store", "cache_size"} {
		var got, want string
		if err := ours.NewQuery("PRAGMA " + pragma).Row(&got); err != nil {
			t.Fatal(err)
		}
		if err := theirs.NewQuery("PRAGMA " + pragma).Row(&want); err != nil {
			t.Fatal(err)
		}
		if pragma == "cache_size" {
			want = "-2000" // the one difference
		}
		if got != want {
			t.Errorf("PRAGMA %s: got %s, want %s", pragma, got, want)
		}
	}
}
