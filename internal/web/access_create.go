package web

import (
	"fmt"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/inflector"
	"github.com/pocketbase/pocketbase/tools/search"
	"github.com/pocketbase/pocketbase/tools/security"

	"ikplan/internal/model"
)

// mayCreate reports whether the collection's create rule would let the
// user create r as it stands, without writing anything: the rule is
// evaluated against r's values in a common table expression, the way
// PocketBase's REST API checks a create before it saves. Pages use it to
// decide whether to offer a form; the write itself is still checked by save.
func mayCreate(app core.App, user *core.Record, r *core.Record) bool {
	col := r.Collection()
	if col.CreateRule == nil {
		return false
	}
	if *col.CreateRule == "" {
		return true
	}
	suffix := "__ikplan_dry_run__" + security.PseudorandomString(6)
	dummy := r.Clone()
	if dummy.Id == "" {
		dummy.Id = suffix
	}
	export, err := dummy.DBExport(app)
	if err != nil {
		return false
	}
	params := make(dbx.Params, len(export))
	selects := make([]string, 0, len(export))
	for k, v := range export {
		k = inflector.Columnify(k)
		params["dry_"+k] = v
		selects = append(selects, "{:dry_"+k+"} AS [["+k+"]]")
	}
	dc := *col
	dc.Id += suffix
	dc.Name += inflector.Columnify(suffix)
	q := app.ConcurrentDB().Select("(1)").
		PreFragment(fmt.Sprintf("WITH {{%s}} AS (SELECT %s)", dc.Name, strings.Join(selects, ","))).
		From(dc.Name).AndBind(params)
	resolver := core.NewRecordFieldResolver(app, &dc, requestInfo(user), true)
	bound := dbx.Params{}
	expr, err := search.FilterData(model.BindAuth(*dc.CreateRule, user, bound)).BuildExpr(resolver, bound)
	if err != nil {
		return false
	}
	q.AndWhere(expr)
	if err := resolver.UpdateQuery(q); err != nil {
		return false
	}
	var exists int
	if err := q.Limit(1).Row(&exists); err != nil {
		return false
	}
	return exists > 0
}
