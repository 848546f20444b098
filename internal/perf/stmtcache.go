package perf

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"reflect"
	"sync/atomic"

	"github.com/hashicorp/golang-lru/v2/simplelru"
	"modernc.org/sqlite"
)

// StmtsPerConn is how many prepared statements each connection keeps.
// A page runs a dozen queries of a few dozen shapes; the statements of
// the busiest pages stay prepared on every connection.
const StmtsPerConn = 128

// DriverName is the database/sql driver ikplan registers: modernc's
// SQLite with prepared statements kept per connection.
const DriverName = "ikplan_sqlite"

// prepared counts the statements kept connections have prepared, for tests.
var prepared atomic.Int64

func init() {
	sql.Register(DriverName, &cachingDriver{&sqlite.Driver{}})
}

// cachingDriver opens modernc SQLite connections that keep their prepared
// statements. database/sql prepares and finalizes a statement for every
// query it runs on a connection, and SQLite compiling the same SQL again
// was a good part of a page's CPU (docs/PERFORMANCE.md#statements). The
// SQL ikplan runs has the same text for the
// same query (values are always bound as parameters), so a connection
// looks the text up and reuses the compiled statement, reset after each
// use. SQLite recompiles a kept statement itself when the schema changes.
type cachingDriver struct{ driver.Driver }

func (d *cachingDriver) Open(name string) (driver.Conn, error) {
	c, err := d.Driver.Open(name)
	if err != nil {
		return nil, err
	}
	cc := &cachingConn{Conn: c}
	cc.stmts, _ = simplelru.NewLRU(StmtsPerConn, func(_ string, s *keptStmt) {
		if !s.busy {
			_ = s.Close()
		} else {
			s.orphan = true // closed by its rows when they are done
		}
	})
	return cc, nil
}

// keptStmt is a prepared statement a connection keeps. busy while rows
// read from it: a second query of the same text meanwhile (rows still open
// inside a transaction) prepares a statement of its own.
type keptStmt struct {
	driver.Stmt
	busy   bool
	orphan bool // evicted while busy
}

// cachingConn is a connection with its kept statements. database/sql uses
// a connection from one goroutine at a time, so the cache needs no lock.
type cachingConn struct {
	driver.Conn
	stmts *simplelru.LRU[string, *keptStmt]
}

var (
	_ driver.QueryerContext     = (*cachingConn)(nil)
	_ driver.ExecerContext      = (*cachingConn)(nil)
	_ driver.ConnBeginTx        = (*cachingConn)(nil)
	_ driver.ConnPrepareContext = (*cachingConn)(nil)
	_ driver.Pinger             = (*cachingConn)(nil)
	_ driver.SessionResetter    = (*cachingConn)(nil)
	_ driver.Validator          = (*cachingConn)(nil)
)

// stmt is the kept statement for query, prepared now if it is not kept
// yet; nil when the kept one is busy.
func (c *cachingConn) stmt(ctx context.Context, query string) (*keptStmt, error) {
	if s, ok := c.stmts.Get(query); ok {
		if s.busy {
			return nil, nil
		}
		return s, nil
	}
	ds, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	prepared.Add(1)
	s := &keptStmt{Stmt: ds}
	c.stmts.Add(query, s)
	return s, nil
}

// QueryContext runs a query on its kept statement.
func (c *cachingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return c.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
	}
	rows, err := s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	s.busy = true
	return &keptRows{Rows: rows, stmt: s}, nil
}

// ExecContext runs a statement on its kept statement.
func (c *cachingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	s, err := c.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return c.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
	}
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

// Close finalizes the kept statements, then closes the connection.
func (c *cachingConn) Close() error {
	for _, s := range c.stmts.Values() {
		if !s.busy {
			_ = s.Close()
		}
	}
	c.stmts.Purge()
	return c.Conn.Close()
}

func (c *cachingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
}

func (c *cachingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c *cachingConn) Ping(ctx context.Context) error {
	return c.Conn.(driver.Pinger).Ping(ctx)
}

func (c *cachingConn) ResetSession(ctx context.Context) error {
	return c.Conn.(driver.SessionResetter).ResetSession(ctx)
}

func (c *cachingConn) IsValid() bool {
	return c.Conn.(driver.Validator).IsValid()
}

// keptRows reads from a kept statement and hands it back when closed
// (modernc resets the statement instead of finalizing it).
type keptRows struct {
	driver.Rows
	stmt *keptStmt
}

func (r *keptRows) Close() error {
	err := r.Rows.Close()
	r.stmt.busy = false
	if r.stmt.orphan {
		_ = r.stmt.Close()
	}
	return err
}

// The column type methods database/sql asks the driver's rows for.

func (r *keptRows) ColumnTypeDatabaseTypeName(i int) string {
	return r.Rows.(driver.RowsColumnTypeDatabaseTypeName).ColumnTypeDatabaseTypeName(i)
}

func (r *keptRows) ColumnTypeLength(i int) (int64, bool) {
	return r.Rows.(driver.RowsColumnTypeLength).ColumnTypeLength(i)
}

func (r *keptRows) ColumnTypeNullable(i int) (bool, bool) {
	return r.Rows.(driver.RowsColumnTypeNullable).ColumnTypeNullable(i)
}

func (r *keptRows) ColumnTypePrecisionScale(i int) (int64, int64, bool) {
	return r.Rows.(driver.RowsColumnTypePrecisionScale).ColumnTypePrecisionScale(i)
}

func (r *keptRows) ColumnTypeScanType(i int) reflect.Type {
	return r.Rows.(driver.RowsColumnTypeScanType).ColumnTypeScanType(i)
}
