package access

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"time"

	"github.com/pocketbase/dbx"
)

// dbx turns its SQL into SQLite's (placeholders into ?, [[names]] quoted)
// with two regular expressions over the whole text on every query, a
// tenth of a page's CPU. A kept statement is turned once, the way dbx does
// it, and run on the connection or transaction directly.
var (
	placeholderRegex = regexp.MustCompile(`\{:\w+\}`)
	quoteRegex       = regexp.MustCompile(`(\{\{[\w\-\. ]+\}\}|\[\[[\w\-\. ]+\]\])`)
	sqlite           = dbx.NewFromDB(nil, "sqlite") // quotes as PocketBase's database does
)

// compile is dbx's SQL (with {:names}, [[columns]] and {{tables}}) as
// SQLite runs it, with the names of its parameters in order.
func compile(text string, params dbx.Params) compiledQuery {
	var names []string
	text = placeholderRegex.ReplaceAllStringFunc(text, func(m string) string {
		names = append(names, m[2:len(m)-1])
		return "?"
	})
	text = quoteRegex.ReplaceAllStringFunc(text, func(m string) string {
		if m[0] == '{' {
			return sqlite.QuoteTableName(m[2 : len(m)-2])
		}
		return sqlite.QuoteColumnName(m[2 : len(m)-2])
	})
	return compiledQuery{sql: text, placeholders: names, params: params}
}

// builderDB is what dbx's databases and transactions both have.
type builderDB interface {
	Executor() dbx.Executor
	DB() *dbx.DB
}

// run runs the statement with its parameters, values replacing some of
// them, on b (the app's database or the transaction it is in), into dst:
// *int, *[]string, *[]dbx.NullStringMap or a slice of rows of k and n.
func (cq compiledQuery) run(b dbx.Builder, values dbx.Params, dst any) error {
	args := make([]any, len(cq.placeholders))
	for i, name := range cq.placeholders {
		v, ok := values[name]
		if !ok {
			v, ok = cq.params[name]
		}
		if !ok {
			return fmt.Errorf("named parameter %q not found", name)
		}
		args[i] = v
	}
	var inner dbx.Builder
	switch x := b.(type) {
	case *dbx.DB:
		inner = x.Builder
	case *dbx.Tx:
		inner = x.Builder
	}
	bd, ok := inner.(builderDB)
	if !ok {
		return fmt.Errorf("cannot run a query on %T", b)
	}
	ctx := context.Background()
	start := time.Now()
	rows, err := bd.Executor().QueryContext(ctx, cq.sql, args...)
	if log := bd.DB().QueryLogFunc; log != nil {
		log(ctx, time.Since(start), cq.sql, rows, err)
	}
	if err != nil {
		return err
	}
	defer rows.Close()
	if err := scan(rows, dst); err != nil {
		return err
	}
	return rows.Err()
}

// countRow is a row of a count per value.
type countRow struct {
	Key string `db:"k"`
	N   int    `db:"n"`
}

func scan(rows *sql.Rows, dst any) error {
	switch d := dst.(type) {
	case *int:
		if rows.Next() {
			return rows.Scan(d)
		}
		return sql.ErrNoRows
	case *[]string:
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				return err
			}
			*d = append(*d, s)
		}
	case *[]countRow:
		for rows.Next() {
			var r countRow
			if err := rows.Scan(&r.Key, &r.N); err != nil {
				return err
			}
			*d = append(*d, r)
		}
	case *[]dbx.NullStringMap:
		cols, err := rows.Columns()
		if err != nil {
			return err
		}
		cells := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range cells {
			ptrs[i] = &cells[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				return err
			}
			row := make(dbx.NullStringMap, len(cols))
			for i, c := range cols {
				row[c] = cells[i]
			}
			*d = append(*d, row)
		}
	default:
		return fmt.Errorf("cannot scan into %T", dst)
	}
	return nil
}
