package access

import (
	"fmt"
	"slices"
	"strconv"
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
// it is saved.
func MayCreate(app core.App, user *core.Record, r *core.Record) bool {
	return MayCreateWith(app, user, r, "", nil)[""]
}

// MayCreateWith is MayCreate for r with each of values in its field (say,
// a new risk in each of the user's boards), in one query: a row of the
// common table expression per value, taken from a JSON array bound as one
// parameter. It returns the values the rule lets through; with no field,
// r itself under the key "". The statement is kept like the lists'
// (compiled.go): r's values and the list are its parameters.
func MayCreateWith(app core.App, user *core.Record, r *core.Record, field string, values []string) map[string]bool {
	out := map[string]bool{}
	keys := values
	if field == "" {
		keys = []string{""}
	}
	col := r.Collection()
	if col.CreateRule == nil || len(keys) == 0 || needsRequest(col, col.CreateRule) != nil {
		return out
	}
	if *col.CreateRule == "" {
		for _, k := range keys {
			out[k] = true
		}
		return out
	}
	dummy := r.Clone()
	dummy.Id = dryRun
	export, err := dummy.DBExport(app)
	if err != nil {
		return out
	}
	run := dbx.Params{"dry_values": jsonList(keys)}
	columns := make([]string, 0, len(export))
	for k, v := range export {
		name := inflector.Columnify(k)
		columns = append(columns, name)
		switch name {
		case "id":
			run["dry_id"] = v
		case field: // a row per value, from dry_values
		default:
			run["dry_"+name] = v
		}
	}
	slices.Sort(columns)
	bound := dbx.Params{}
	rule := inline(BindAuth(*col.CreateRule, user, bound), bound)
	s := spec{col: col, user: user, rule: col.CreateRule}
	key, cacheable := s.key(rule, "", dbx.Params{})
	key = "create\x00" + key + "\x00" + field + "\x00" + strings.Join(columns, ",")
	cq, ok, err := kept(app, key, cacheable, func() (*dbx.SelectQuery, error) {
		selects := make([]string, len(columns))
		for i, name := range columns {
			switch name {
			case "id":
				selects[i] = "{:dry_id} || [[dry_each.key]] AS [[id]]"
			case field:
				selects[i] = "[[dry_each.value]] AS [[" + name + "]]"
			default:
				selects[i] = "{:dry_" + name + "} AS [[" + name + "]]"
			}
		}
		dc := *col
		dc.Id += dryRun
		dc.Name += dryRun
		q := app.ConcurrentDB().Select("[[" + dc.Name + ".id]]").
			PreFragment(fmt.Sprintf("WITH {{%s}} AS (SELECT %s FROM json_each({:dry_values}) [[dry_each]])", dc.Name, strings.Join(selects, ","))).
			From(dc.Name).AndBind(run)
		resolver := core.NewRecordFieldResolver(app, &dc, RequestInfo(user), true)
		expr, err := search.FilterData(rule).BuildExpr(resolver)
		if err != nil {
			return nil, err
		}
		q.AndWhere(expr)
		if err := resolver.UpdateQuery(q); err != nil {
			return nil, err
		}
		return q.Distinct(true), nil
	}, nil)
	if err != nil || !ok {
		return out
	}
	var ids []string
	if err := cq.run(app.ConcurrentDB(), run, &ids); err != nil {
		return out
	}
	for _, id := range ids {
		if i, err := strconv.Atoi(strings.TrimPrefix(id, dryRun)); err == nil && i >= 0 && i < len(keys) {
			out[keys[i]] = true
		}
	}
	return out
}
