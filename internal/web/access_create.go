package web

import (
	"fmt"
	"sort"
	"strconv"
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
	return mayCreateEach(app, user, []*core.Record{r})[0]
}

// mayCreateEach is mayCreate for several new records of one collection, in
// one query per 200 of them: a row of the common table expression per
// record, each given its index as its id, and the ids of the rows the rule
// lets through.
func mayCreateEach(app core.App, user *core.Record, rs []*core.Record) []bool {
	const chunk = 200
	out := make([]bool, 0, len(rs))
	for len(rs) > chunk {
		out, rs = append(out, mayCreateChunk(app, user, rs[:chunk])...), rs[chunk:]
	}
	return append(out, mayCreateChunk(app, user, rs)...)
}

func mayCreateChunk(app core.App, user *core.Record, rs []*core.Record) []bool {
	out := make([]bool, len(rs))
	if len(rs) == 0 {
		return out
	}
	col := rs[0].Collection()
	if col.CreateRule == nil {
		return out
	}
	if *col.CreateRule == "" {
		for i := range out {
			out[i] = true
		}
		return out
	}
	suffix := "__ikplan_dry_run__" + security.PseudorandomString(6)
	params := dbx.Params{}
	rows := make([]string, 0, len(rs))
	for i, r := range rs {
		dummy := r.Clone()
		dummy.Id = suffix + strconv.Itoa(i)
		export, err := dummy.DBExport(app)
		if err != nil {
			return out
		}
		keys := make([]string, 0, len(export))
		for k := range export {
			keys = append(keys, k)
		}
		sort.Strings(keys) // every row's columns in the same order
		selects := make([]string, 0, len(keys))
		for _, k := range keys {
			name := inflector.Columnify(k)
			p := fmt.Sprintf("dry%d_%s", i, name)
			params[p] = export[k]
			selects = append(selects, "{:"+p+"} AS [["+name+"]]")
		}
		rows = append(rows, "SELECT "+strings.Join(selects, ","))
	}
	dc := *col
	dc.Id += suffix
	dc.Name += inflector.Columnify(suffix)
	q := app.ConcurrentDB().Select("[[" + dc.Name + ".id]]").
		PreFragment(fmt.Sprintf("WITH {{%s}} AS (%s)", dc.Name, strings.Join(rows, " UNION ALL "))).
		From(dc.Name).AndBind(params)
	resolver := core.NewRecordFieldResolver(app, &dc, requestInfo(user), true)
	bound := dbx.Params{}
	expr, err := search.FilterData(model.BindAuth(*dc.CreateRule, user, bound)).BuildExpr(resolver, bound)
	if err != nil {
		return out
	}
	q.AndWhere(expr)
	if err := resolver.UpdateQuery(q); err != nil {
		return out
	}
	var ids []string
	if err := q.Distinct(true).Column(&ids); err != nil {
		return out
	}
	for _, id := range ids {
		if i, err := strconv.Atoi(strings.TrimPrefix(id, suffix)); err == nil && i >= 0 && i < len(out) {
			out[i] = true
		}
	}
	return out
}
