package perf_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/internal/perf"
)

func openDB(t *testing.T) *dbx.DB {
	t.Helper()
	db, err := perf.Connect(filepath.Join(t.TempDir(), "data.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.DB().SetMaxOpenConns(1) // one connection: every query meets the kept statements
	if _, err := db.NewQuery("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)").Execute(); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 5; i++ {
		if _, err := db.Insert("t", dbx.Params{"id": i, "name": fmt.Sprintf("n%d", i)}).Execute(); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func names(t *testing.T, db dbx.Builder, above int) []string {
	t.Helper()
	var out []string
	if err := db.NewQuery("SELECT name FROM t WHERE id > {:id} ORDER BY id").Bind(dbx.Params{"id": above}).Column(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestKeptStatementsReused: the same SQL runs again on its prepared
// statement, with the new values bound, and gives the right rows each time.
func TestKeptStatementsReused(t *testing.T) {
	db := openDB(t)
	names(t, db, 0)
	before := perf.Prepared()
	for i := 0; i < 5; i++ {
		got := names(t, db, i)
		if len(got) != 5-i || (len(got) > 0 && got[0] != fmt.Sprintf("n%d", i+1)) {
			t.Fatalf("id > %d: got %v", i, got)
		}
	}
	if n := perf.Prepared() - before; n != 0 {
		t.Errorf("Expected the query to reuse its statement, %d statements were prepared", n)
	}
}

// TestKeptStatementNested: a query whose statement is still reading rows
// (inside a transaction, on the same connection) runs the same SQL again
// on a statement of its own, and both read their own rows.
func TestKeptStatementNested(t *testing.T) {
	db := openDB(t)
	err := db.Transactional(func(tx *dbx.Tx) error {
		rows, err := tx.NewQuery("SELECT name FROM t WHERE id > {:id} ORDER BY id").Bind(dbx.Params{"id": 0}).Rows()
		if err != nil {
			return err
		}
		defer rows.Close()
		var outer []string
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				return err
			}
			outer = append(outer, name)
			if inner := names(t, tx, 3); len(inner) != 2 || inner[0] != "n4" {
				return fmt.Errorf("inner query read %v", inner)
			}
		}
		if len(outer) != 5 {
			return fmt.Errorf("outer query read %v", outer)
		}
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(t, db, 4); len(got) != 1 || got[0] != "n5" {
		t.Fatalf("after the transaction: %v", got)
	}
}

// TestKeptStatementAfterError: a statement that failed (a UNIQUE
// violation) is reset and runs again; a schema change is seen by a kept
// statement (SQLite recompiles it).
func TestKeptStatementAfterError(t *testing.T) {
	db := openDB(t)
	insert := func(id int, name string) error {
		_, err := db.NewQuery("INSERT INTO t (id, name) VALUES ({:id}, {:name})").Bind(dbx.Params{"id": id, "name": name}).Execute()
		return err
	}
	if err := insert(6, "n6"); err != nil {
		t.Fatal(err)
	}
	if err := insert(7, "n6"); err == nil {
		t.Fatal("Expected the duplicate name to be refused")
	}
	if err := insert(7, "n7"); err != nil {
		t.Fatalf("Expected the statement to run again after the error: %v", err)
	}
	var n int
	if err := db.NewQuery("SELECT COUNT(*) FROM t").Row(&n); err != nil || n != 7 {
		t.Fatalf("Expected 7 rows, got %d %v", n, err)
	}
	selectAll := func() map[string]any {
		row := dbx.NullStringMap{}
		if err := db.NewQuery("SELECT * FROM t WHERE id = 1").One(row); err != nil {
			t.Fatal(err)
		}
		out := map[string]any{}
		for k, v := range row {
			out[k] = v.String
		}
		return out
	}
	if got := selectAll(); len(got) != 2 {
		t.Fatalf("Expected 2 columns, got %v", got)
	}
	if _, err := db.NewQuery("ALTER TABLE t ADD COLUMN note TEXT DEFAULT 'x'").Execute(); err != nil {
		t.Fatal(err)
	}
	if got := selectAll(); len(got) != 3 || got["note"] != "x" {
		t.Fatalf("Expected the new column through the kept statement, got %v", got)
	}
}

// TestKeptStatementsEvicted: more statement texts than a connection keeps
// all run right; the oldest are finalized.
func TestKeptStatementsEvicted(t *testing.T) {
	db := openDB(t)
	for i := 0; i < perf.StmtsPerConn*2; i++ {
		var n int
		if err := db.NewQuery(fmt.Sprintf("SELECT COUNT(*) + %d FROM t", i)).Row(&n); err != nil || n != 5+i {
			t.Fatalf("query %d: %d %v", i, n, err)
		}
	}
}

// TestKeptStatementCancelled: a cancelled query leaves the statement usable.
func TestKeptStatementCancelled(t *testing.T) {
	db := openDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out []string
	err := db.NewQuery("SELECT name FROM t WHERE id > {:id} ORDER BY id").Bind(dbx.Params{"id": 0}).WithContext(ctx).Column(&out)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Expected the cancelled query to fail, got %v %v", out, err)
	}
	if got := names(t, db, 0); len(got) != 5 {
		t.Fatalf("Expected 5 names after the cancelled query, got %v", got)
	}
}
