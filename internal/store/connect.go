// Package store opens ikplan's SQLite databases.
package store

import (
	"database/sql"
	"runtime"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Conns is how many connections to the data database ikplan keeps open,
// all of them kept when idle: one per core and one more (at least three).
// One is the page cache's, which only reads the data version; the others
// run the pages' queries. SQLite does the work of a query on the caller's
// core, so more connections than cores only interleave queries: under the
// load mix on two cores, 16 connections cost 9.8–10.6 ms of CPU per
// request and fell behind at 150 requests/s, three cost 7.0–8.2 ms and
// kept up at 200/s, with 40 MB less memory (docs/PERFORMANCE.md).
// PocketBase's defaults are 120 open and 15 idle.
func Conns() int { return max(3, runtime.GOMAXPROCS(0)+1) }

// pragmas are PocketBase's own (core.DefaultDBConnect), the same order
// and values, with one difference: each connection caches 2 MB of pages
// (SQLite's own default) instead of 32 MB. Every connection keeps its own
// cache, so fifteen idle connections could hold 480 MB of copies of the
// same pages, which is where a busy server's memory went; the operating
// system caches the file for all of them anyway.
const pragmas = "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=journal_size_limit(200000000)" +
	"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=temp_store(MEMORY)&_pragma=cache_size(-2000)&_defensive=1"

// Connect opens a database as PocketBase does, with the smaller cache,
// through the driver that keeps each connection's prepared statements
// (stmtcache.go). dbx builds SQLite's SQL for it.
func Connect(dbPath string) (*dbx.DB, error) {
	db, err := sql.Open(DriverName, dbPath+pragmas)
	if err != nil {
		return nil, err
	}
	return dbx.NewFromDB(db, "sqlite"), nil
}

var _ core.DBConnectFunc = Connect
