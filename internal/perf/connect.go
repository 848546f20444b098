package perf

import (
	"database/sql"
	"runtime"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Conns is how many connections to the data database ikplan keeps open,
// all of them kept when idle: one per core and one more (at least three),
// when Enabled; PocketBase's own count otherwise. One is the page cache's,
// which only reads the data version; the others run the pages' queries.
// SQLite does the work of a query on the caller's core, so more
// connections than cores only interleave queries and hold more memory
// (docs/PERFORMANCE.md#connections).
func Conns() int {
	if !Enabled() {
		return core.DefaultDataMaxOpenConns
	}
	return max(3, runtime.GOMAXPROCS(0)+1)
}

// IdleConns is how many of them are kept when idle: all of them, when
// Enabled; PocketBase's own count otherwise.
func IdleConns() int {
	if !Enabled() {
		return core.DefaultDataMaxIdleConns
	}
	return Conns()
}

// pragmas are PocketBase's own (core.DefaultDBConnect), the same order
// and values, with one difference: each connection caches 2 MB of pages
// (SQLite's own default) instead of 32 MB. Every connection keeps its own
// cache of the same pages, and the operating system caches the file for
// all of them anyway.
const pragmas = "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=journal_size_limit(200000000)" +
	"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-2000)&_defensive=1"

// Connect opens a database as PocketBase does, with the smaller cache,
// through the driver that keeps each connection's prepared statements
// (stmtcache.go); when not Enabled, exactly as PocketBase does
// (core.DefaultDBConnect). dbx builds SQLite's SQL for it.
func Connect(dbPath string) (*dbx.DB, error) {
	if !Enabled() {
		return core.DefaultDBConnect(dbPath)
	}
	db, err := sql.Open(DriverName, dbPath+pragmas)
	if err != nil {
		return nil, err
	}
	return dbx.NewFromDB(db, "sqlite"), nil
}

var _ core.DBConnectFunc = Connect
