package proctest

import (
	"path/filepath"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// OpenDB opens the data folder's data.db with PocketBase's own connection
// (the pure-Go SQLite driver and the same pragmas), for a test to read what
// the server left on disk. Open it only while the server is not running.
func (s *Server) OpenDB() *dbx.DB {
	s.t.Helper()
	if s.Running() {
		s.t.Fatal("Expected the server stopped before its database is opened")
	}
	db, err := core.DefaultDBConnect(filepath.Join(s.Dir, "data.db"))
	if err != nil {
		s.t.Fatalf("Expected data.db to open, got %v", err)
	}
	s.t.Cleanup(func() { db.Close() })
	return db
}

// IntegrityCheck is SQLite's verdict on the whole database file: "ok", or
// the problems it found.
func IntegrityCheck(t testing.TB, db *dbx.DB) string {
	t.Helper()
	var rows []struct {
		Result string `db:"integrity_check"`
	}
	if err := db.NewQuery("PRAGMA integrity_check").All(&rows); err != nil {
		t.Fatalf("Expected PRAGMA integrity_check to run, got %v", err)
	}
	out := ""
	for i, r := range rows {
		if i > 0 {
			out += "; "
		}
		out += r.Result
	}
	return out
}
