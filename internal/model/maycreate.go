package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/inflector"
	"github.com/pocketbase/pocketbase/tools/search"
)

// dryRun names the stand-in table of a record not yet written.
const dryRun = "__ikplan_dry_run__"

// MayCreate reports whether the collection's create rule would let the
// user create r as it stands, without writing anything: the rule is
// evaluated against r's values in a common table expression, the way
// PocketBase's REST API checks a create before it saves. Pages use it to
// decide whether to offer a form; the write itself is still checked when
// it is saved. The statement is kept like the lists' (compiled.go): r's
// values are its parameters.
func MayCreate(app core.App, user *core.Record, r *core.Record) bool {
	col := r.Collection()
	if col.CreateRule == nil {
		return false
	}
	if *col.CreateRule == "" {
		return true
	}
	dummy := r.Clone()
	if dummy.Id == "" {
		dummy.Id = dryRun
	}
	export, err := dummy.DBExport(app)
	if err != nil {
		return false
	}
	values := make(dbx.Params, len(export))
	columns := make([]string, 0, len(export))
	for k, v := range export {
		k = inflector.Columnify(k)
		values["dry_"+k] = v
		columns = append(columns, k)
	}
	slices.Sort(columns)
	bound := dbx.Params{}
	rule := inline(BindAuth(*col.CreateRule, user, bound), bound)
	s := spec{col: col, user: user, rule: col.CreateRule}
	key, cacheable := s.key(rule, "", dbx.Params{})
	key = "create\x00" + key + "\x00" + strings.Join(columns, ",")
	cache := queries(app)
	cq, found := compiledQuery{}, false
	if cacheable {
		cq, found = cache.GetIfPresent(key)
	}
	if !found {
		selects := make([]string, len(columns))
		for i, k := range columns {
			selects[i] = "{:dry_" + k + "} AS [[" + k + "]]"
		}
		dc := *col
		dc.Id += dryRun
		dc.Name += dryRun
		q := app.ConcurrentDB().Select("(1)").
			PreFragment(fmt.Sprintf("WITH {{%s}} AS (SELECT %s)", dc.Name, strings.Join(selects, ","))).
			From(dc.Name).AndBind(values)
		resolver := core.NewRecordFieldResolver(app, &dc, RequestInfo(user), true)
		expr, err := search.FilterData(rule).BuildExpr(resolver)
		if err != nil {
			return false
		}
		q.AndWhere(expr)
		if err := resolver.UpdateQuery(q); err != nil {
			return false
		}
		built := q.Limit(1).Build()
		cq = compile(built.SQL(), built.Params())
		if cacheable {
			cache.Set(key, cq)
		}
	}
	var exists int
	if err := cq.run(app.ConcurrentDB(), values, &exists); err != nil {
		return false
	}
	return exists > 0
}
