package access

import (
	"os"
	"sync/atomic"

	"ikplan/internal/perf"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// plain sends every query through PocketBase's own path: set from
// IKPLAN_ACCESS=pocketbase when the program starts, or by SetPlain.
var plain atomic.Bool

func init() { plain.Store(os.Getenv("IKPLAN_ACCESS") == "pocketbase") }

// SetPlain switches the engine to PocketBase's plain path (true) or back.
// On the plain path each query is PocketBase's record query with the rule
// and filter through its own resolver, run by dbx: no user's values bound,
// no rewrite of membership or DISTINCT, no kept statement, records loaded
// by PocketBase. MayCreate keeps its common table expression (PocketBase
// has no call for a create check outside its API) but builds it anew.
func SetPlain(on bool) { plain.Store(on) }

// Plain reports whether the engine takes PocketBase's plain path.
func Plain() bool { return plain.Load() }

// Uncached, when it returns true, keeps the engine from keeping built
// statements (they are built for every query): by default when perf's one
// off-switch (IKPLAN_PERF=off, --perf=off) turns the server's caches off.
// It is asked on every query: perf reads the environment once at the
// start, so asking is an atomic load.
var Uncached = func() bool { return !perf.Enabled() }

// runPlain is spec.run on PocketBase's plain path.
func (s spec) runPlain(app core.App, dst any) (bool, error) {
	filter := inline(s.filter, s.params)
	q, err := plainQuery(app, s.user, s.col, *s.rule, filter, s.sort, asClient(s.opts))
	if err != nil {
		return false, err
	}
	for i, o := range s.opts {
		if err := o.apply(s.col, q, i); err != nil {
			return false, err
		}
	}
	if s.limit > 0 && s.shape != shapeCountUpTo {
		q.Limit(int64(s.limit))
	}
	switch d := dst.(type) {
	case *[]dbx.NullStringMap:
		return true, q.All(d)
	case *[]string:
		return true, q.Select(s.col.Name + ".id").Column(d)
	case *int:
		if s.shape == shapeCountUpTo {
			q.Select(s.col.Name + ".id").Limit(int64(s.limit))
			b := q.Build()
			return true, app.ConcurrentDB().NewQuery("SELECT COUNT(*) FROM (" + b.SQL() + ")").Bind(b.Params()).Row(d)
		}
		return true, q.Select("COUNT(DISTINCT [[" + s.col.Name + ".id]])").Distinct(false).Row(d)
	case *[]countRow:
		column := "[[" + s.col.Name + "." + s.by + "]]"
		var rows []struct {
			K string `db:"k"`
			N int    `db:"n"`
		}
		err := q.Select(column+" AS k", "COUNT(DISTINCT [["+s.col.Name+".id]]) AS n").Distinct(false).GroupBy(column).All(&rows)
		for _, r := range rows {
			*d = append(*d, countRow{Key: r.K, N: r.N})
		}
		return true, err
	}
	return false, nil
}

// plainQuery is PocketBase's record query of col through rule and filter,
// sorted, exactly as its resolver writes it (the filter and sort a
// client's with client: AsClient).
func plainQuery(app core.App, user *core.Record, col *core.Collection, rule, filter, sort string, client bool) (*dbx.SelectQuery, error) {
	q := app.RecordQuery(col)
	resolver := core.NewRecordFieldResolver(app, col, RequestInfo(user), true)
	if err := applyRule(q, resolver, col, rule, filter, sort, client); err != nil {
		return nil, err
	}
	return q, resolver.UpdateQuery(q)
}
