// Package store opens ikplan's SQLite databases.
package store

import (
	"database/sql"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Conns are how many connections to the data database ikplan keeps open
// and idle. PocketBase's defaults (120 open, 15 idle) suit a server with
// many cores; ikplan computes at most four pages per core at once.
const (
	MaxOpenConns = 16
	MaxIdleConns = 4
)

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
