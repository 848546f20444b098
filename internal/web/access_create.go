package web

import (
	"encoding/json"
	"fmt"
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
	return mayCreateWith(app, user, r, "", nil)[""]
}

// mayCreateWith is mayCreate for r with each of values in its field (say,
// a new risk in each of the user's boards), in one query: a row of the
// common table expression per value, taken from a JSON array bound as one
// parameter, so that the query stays small however many values there are.
// It returns the values the rule lets through; with no field, r itself
// under the key "".
func mayCreateWith(app core.App, user *core.Record, r *core.Record, field string, values []string) map[string]bool {
	out := map[string]bool{}
	keys := values
	if field == "" {
		keys = []string{""}
	}
	col := r.Collection()
	if col.CreateRule == nil || len(keys) == 0 {
		return out
	}
	if *col.CreateRule == "" {
		for _, k := range keys {
			out[k] = true
		}
		return out
	}
	suffix := "__ikplan_dry_run__" + security.PseudorandomString(6)
	dummy := r.Clone()
	dummy.Id = suffix
	export, err := dummy.DBExport(app)
	if err != nil {
		return out
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return out
	}
	params := dbx.Params{"dry_values": string(list)}
	selects := make([]string, 0, len(export))
	for k, v := range export {
		name := inflector.Columnify(k)
		switch name {
		case "id":
			selects = append(selects, "{:dry_id} || [[dry_each.key]] AS [[id]]")
			params["dry_id"] = v
		case field:
			selects = append(selects, "[[dry_each.value]] AS [["+name+"]]")
		default:
			params["dry_"+name] = v
			selects = append(selects, "{:dry_"+name+"} AS [["+name+"]]")
		}
	}
	dc := *col
	dc.Id += suffix
	dc.Name += inflector.Columnify(suffix)
	q := app.ConcurrentDB().Select("[[" + dc.Name + ".id]]").
		PreFragment(fmt.Sprintf("WITH {{%s}} AS (SELECT %s FROM json_each({:dry_values}) [[dry_each]])", dc.Name, strings.Join(selects, ","))).
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
		if i, err := strconv.Atoi(strings.TrimPrefix(id, suffix)); err == nil && i >= 0 && i < len(keys) {
			out[keys[i]] = true
		}
	}
	return out
}
