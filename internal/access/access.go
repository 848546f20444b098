package access

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/search"
)

// RequestInfo is the request of a user (nil for a guest) as the API rules
// see it, for reads made outside a request: pages, jobs, documents.
func RequestInfo(user *core.Record) *core.RequestInfo {
	return &core.RequestInfo{Auth: user, Method: "GET", Context: core.RequestInfoContextDefault,
		Query: map[string]string{}, Headers: map[string]string{}, Body: map[string]any{}}
}

// ListAs returns the records of a collection that user may list (the
// collection's list rule, exactly as the REST API applies it) and that match
// filter (a PocketBase filter with {:placeholders} from params), sorted
// ("-year,board.name"), at most limit of them (0 for all).
// Options narrow the query further: In, Fields, Offset.
func ListAs(app core.App, user *core.Record, collection, filter, sort string, limit int, params dbx.Params, opts ...ListOption) ([]*core.Record, error) {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	var rows []dbx.NullStringMap
	s := spec{col: col, user: user, rule: col.ListRule, filter: filter, sort: sort, params: params, opts: opts, limit: limit}
	if ok, err := s.run(app, &rows); err != nil || !ok {
		return nil, err
	}
	return recordsFrom(col, rows)
}

// ListIDsAs returns the ids of the records ListAs would return, in its
// order, without making records of them.
func ListIDsAs(app core.App, user *core.Record, collection, filter, sort string, limit int, params dbx.Params, opts ...ListOption) ([]string, error) {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	var ids []string
	s := spec{col: col, user: user, rule: col.ListRule, filter: filter, sort: sort, params: params, opts: opts, limit: limit, shape: shapeIDs}
	if _, err := s.run(app, &ids); err != nil {
		return nil, err
	}
	return ids, nil
}

// ListOption narrows a list: In, Fields, Offset.
type ListOption interface {
	// apply narrows q, the i-th option of its query
	apply(col *core.Collection, q *dbx.SelectQuery, i int) error
	// key is what the option adds to the statement's identity; the
	// values it binds at each run go into values
	key(i int, values dbx.Params) string
}

// In keeps the records whose field has one of the values: SQLite looks
// them up by an index, where a filter through a relation
// ("control.plan.status = ...") makes it read the whole table. No values,
// no records. The values are one parameter (a JSON list), so the same
// statement serves any list.
type In struct {
	Field  string
	Values []string
}

func (in In) apply(col *core.Collection, q *dbx.SelectQuery, i int) error {
	if col.Fields.GetByName(in.Field) == nil {
		return fmt.Errorf("%s has no field %q", col.Name, in.Field)
	}
	if len(in.Values) == 0 {
		q.AndWhere(dbx.NewExp("1 = 0"))
		return nil
	}
	name := idsParam(i)
	q.AndWhere(dbx.NewExp("[["+col.Name+"."+in.Field+"]] IN (SELECT value FROM json_each({:"+name+"}))",
		dbx.Params{name: jsonList(in.Values)}))
	return nil
}

func (in In) key(i int, values dbx.Params) string {
	if len(in.Values) == 0 {
		return "in " + in.Field + " none"
	}
	values[idsParam(i)] = jsonList(in.Values)
	return "in " + in.Field
}

// Offset skips the first records of the list: ListAs with a limit and an
// offset is one page of it.
type Offset int

func (o Offset) apply(col *core.Collection, q *dbx.SelectQuery, i int) error {
	q.Offset(int64(o))
	return nil
}

func (o Offset) key(int, dbx.Params) string { return "offset " + strconv.Itoa(int(o)) }

// Fields loads only these fields of each record (and its id): the others
// read as empty. For lists that show a few fields of many records.
type Fields []string

func (f Fields) apply(col *core.Collection, q *dbx.SelectQuery, i int) error {
	cols := []string{col.Name + ".id"}
	for _, name := range f {
		if col.Fields.GetByName(name) == nil {
			return fmt.Errorf("%s has no field %q", col.Name, name)
		}
		if name != "id" {
			cols = append(cols, col.Name+"."+name)
		}
	}
	q.Select(cols...)
	return nil
}

func (f Fields) key(int, dbx.Params) string { return "fields " + strings.Join(f, ",") }

// ViewAs loads one record if user may view it (the collection's view rule),
// in one query; nil when there is no such record or it is not theirs to see.
func ViewAs(app core.App, user *core.Record, collection, id string) (*core.Record, error) {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, nil // no such collection: no such record
	}
	var rows []dbx.NullStringMap
	s := spec{col: col, user: user, rule: col.ViewRule, opts: []ListOption{In{Field: "id", Values: []string{id}}}, limit: 1}
	if ok, err := s.run(app, &rows); err != nil || !ok || len(rows) == 0 {
		return nil, err
	}
	out, err := recordsFrom(col, rows)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// Allowed returns which of the records with the given ids of a collection
// rule (one of the collection's rules, nil meaning superusers only) lets
// the user act on, in one query for them all.
func Allowed(app core.App, user *core.Record, collection string, rule *string, ids []string) (map[string]bool, error) {
	out := map[string]bool{}
	if len(ids) == 0 {
		return out, nil
	}
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	if err := needsRequest(col, rule); err != nil {
		return nil, err
	}
	if rule != nil && *rule == "" {
		for _, id := range ids {
			out[id] = true
		}
		return out, nil
	}
	var found []string
	s := spec{col: col, user: user, rule: rule, opts: []ListOption{In{Field: "id", Values: ids}}, shape: shapeIDs}
	_, err = s.run(app, &found)
	for _, id := range found {
		out[id] = true
	}
	return out, err
}

// Can reports whether rule lets user act on the stored record r (its
// update or delete rule, or the create rule once r is written).
func Can(app core.App, user *core.Record, r *core.Record, rule *string) bool {
	ok, err := Allowed(app, user, r.Collection().Name, rule, []string{r.Id})
	return err == nil && ok[r.Id]
}

// AsClient reads the filter and sort as the REST API reads a client's
// (GET …/records?filter=…&sort=…) instead of as the caller's own: what
// they read through a relation is held to that collection's list rule (a
// related record the user may not list reads as empty), hidden fields and
// collections only superusers may list are refused, and so are
// @collection and @request. Without it the filter is the caller's, as
// app.FindRecordsByFilter reads one: only the collection's rule narrows
// the list. The two read alike where a filter and sort reach only records
// the user may list; TestRuleEngineAsRESTAPI (proof/authz) compares
// AsClient with the REST API.
type AsClient struct{}

func (AsClient) apply(*core.Collection, *dbx.SelectQuery, int) error { return nil }

func (AsClient) key(int, dbx.Params) string { return "as client" }

// asClient reports whether opts has AsClient.
func asClient(opts []ListOption) bool {
	for _, o := range opts {
		if _, ok := o.(AsClient); ok {
			return true
		}
	}
	return false
}

// superuserOnly is what the REST API refuses in a client's filter or sort
// (apis.checkForSuperuserOnlyRuleFields).
var superuserOnly = []string{"@collection.", "@request."}

// queryAs is the query of col's records that rule and filter (both with
// every value already written in) let through, sorted; the filter and
// sort read as a client's when client is set (AsClient).
func queryAs(app core.App, user *core.Record, col *core.Collection, rule, filter, sort string, client bool) (*dbx.SelectQuery, error) {
	q := app.RecordQuery(col)
	resolver := core.NewRecordFieldResolver(app, col, RequestInfo(user), true)
	if err := applyRule(q, resolver, col, rule, filter, sort, client); err != nil {
		return nil, err
	}
	if err := resolver.UpdateQuery(q); err != nil {
		return nil, err
	}
	if toOneJoins(q) {
		q.Distinct(false)
	}
	return q, nil
}

// applyRule narrows q to the records rule and filter let through, sorted.
// With client, the filter and sort are read as the REST API reads a
// client's: as recordsList does, the rule is built with hidden fields
// allowed, then the resolver is told to hold what the filter and sort
// read to the related collections' list rules.
func applyRule(q *dbx.SelectQuery, resolver *core.RecordFieldResolver, col *core.Collection, rule, filter, sort string, client bool) error {
	if client {
		for _, text := range []string{filter, sort} {
			for _, field := range superuserOnly {
				if strings.Contains(text, field) {
					return fmt.Errorf("%s: only superusers may filter or sort by %s", col.Name, field)
				}
			}
		}
	}
	for i, f := range []string{rule, filter} {
		if i == 1 && client {
			resolver.SetAllowHiddenFields(false)
		}
		if f == "" {
			continue
		}
		expr, err := search.FilterData(f).BuildExpr(resolver)
		if err != nil {
			return fmt.Errorf("failed to apply filter %q to %s: %w", f, col.Name, err)
		}
		q.AndWhere(expr)
	}
	for _, sf := range search.ParseSortFromString(sort) {
		if sf.Name == "" {
			continue
		}
		expr, err := sf.BuildExpr(resolver)
		if err != nil {
			return fmt.Errorf("failed to sort %s by %q: %w", col.Name, sort, err)
		}
		q.AndOrderBy(expr)
	}
	return nil
}

// toOneJoin is a join on the id of the joined table: at most one row.
var toOneJoin = regexp.MustCompile(`^\[\[(\w+)\.id\]\] = \[\[\w+\.\w+\]\]$`)

// toOneJoins reports whether every join of q adds at most one row to each
// of its rows (a single relation, never a list of them), so that the
// DISTINCT PocketBase adds to any joined query can go: sorting whole rows to
// drop duplicates that cannot occur was most of a page's query time.
func toOneJoins(q *dbx.SelectQuery) bool {
	info := q.Info()
	for _, j := range info.Join {
		if j.On == nil || strings.Contains(j.Table, "(") {
			return false // json_each over a list of relations
		}
		join := info.Builder.QueryBuilder().BuildJoin([]dbx.JoinInfo{j}, dbx.Params{})
		_, on, _ := strings.Cut(join, " ON ")
		m := toOneJoin.FindStringSubmatch(on)
		fields := strings.Fields(j.Table)
		if m == nil || len(fields) != 2 || m[1] != fields[1] {
			return false
		}
	}
	return true
}

// CountAs counts the records ListAs would return, without loading them.
func CountAs(app core.App, user *core.Record, collection, filter string, params dbx.Params, opts ...ListOption) (int, error) {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return 0, err
	}
	var n int
	s := spec{col: col, user: user, rule: col.ListRule, filter: filter, params: params, opts: opts, shape: shapeCount}
	_, err = s.run(app, &n)
	return n, err
}

// CountUpTo counts the records ListAs would return, but no further than
// most: more reports that there are more than most (n is then most). For
// a count a page shows as "more than 100", SQLite stops reading there
// instead of checking every record of thirty boards against the rule.
func CountUpTo(app core.App, user *core.Record, collection, filter string, params dbx.Params, most int, opts ...ListOption) (n int, more bool, err error) {
	if most <= 0 {
		return 0, false, fmt.Errorf("CountUpTo: most must be above 0, not %d", most)
	}
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return 0, false, err
	}
	s := spec{col: col, user: user, rule: col.ListRule, filter: filter, params: params, opts: opts, shape: shapeCountUpTo, limit: most + 1}
	if _, err := s.run(app, &n); err != nil {
		return 0, false, err
	}
	if n > most {
		return most, true, nil
	}
	return n, false, nil
}

// CountByAs counts the records ListAs would return per value of a field
// (a column of the collection, such as "plan"), without loading them.
func CountByAs(app core.App, user *core.Record, collection, filter string, params dbx.Params, by string, opts ...ListOption) (map[string]int, error) {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	if col.Fields.GetByName(by) == nil {
		return nil, fmt.Errorf("%s has no field %q", collection, by)
	}
	out := map[string]int{}
	var rows []countRow
	s := spec{col: col, user: user, rule: col.ListRule, filter: filter, params: params, opts: opts, shape: shapeCountBy, by: by}
	_, err = s.run(app, &rows)
	for _, r := range rows {
		out[r.Key] = r.N
	}
	return out, err
}

// countOf counts q's records: every row, unless its joins can repeat a
// record (queryAs left PocketBase's DISTINCT on), when only distinct ids.
func countOf(q *dbx.SelectQuery, col *core.Collection) string {
	if q.Info().Distinct {
		return "COUNT(DISTINCT [[" + col.Name + ".id]])"
	}
	return "COUNT(*)"
}

// IDs lists the records' ids.
func IDs(records []*core.Record) []string {
	out := make([]string, len(records))
	for i, r := range records {
		out[i] = r.Id
	}
	return out
}
