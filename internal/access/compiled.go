package access

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"github.com/maypok86/otter/v2"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// A page asks the same dozen questions of the database each time it is
// computed: "the controls of these plans this user may list", "how many
// actions per plan". Turning each into SQL — PocketBase's rule parser and
// field resolver on the collection's API rule, then dbx building the
// statement — cost a third of a page's CPU. The SQL depends only on the
// collection (its fields and rules), the rule and filter text with the
// user's own values bound in, the sort, the options and the user; the ids
// of In and the record of ViewAs are parameters. So each app keeps the SQL
// it built and runs it again with the new ids: the rule is the same rule,
// applied by SQLite on every run.

// compiledQuery is a built statement: dbx SQL with {:placeholders} and the
// parameters it was built with.
type compiledQuery struct {
	sql          string     // as SQLite runs it: quoted, with ? for each parameter
	placeholders []string   // the parameters' names, in the order of the ?s
	params       dbx.Params // their values when it was built
}

const (
	compiledBytes = 4 << 20 // the SQL an app keeps, at most
	storeKey      = "ikplan.compiledQueries"
)

// weight is about the bytes a kept statement holds: its key, its SQL and
// its parameters. The cache holds at most compiledBytes of them.
func weight(key string, q compiledQuery) uint32 {
	return uint32(len(key) + len(q.sql) + 64*len(q.params))
}

// queries is the app's cache of built statements.
func queries(app core.App) *otter.Cache[string, compiledQuery] {
	return app.Store().GetOrSet(storeKey, func() any {
		return otter.Must(&otter.Options[string, compiledQuery]{
			MaximumWeight: compiledBytes,
			Weigher:       weight,
		})
	}).(*otter.Cache[string, compiledQuery])
}

// ForgetQueries drops the app's built statements; called when a
// collection (its fields or rules) changes.
func ForgetQueries(app core.App) {
	queries(app).InvalidateAll()
}

// shape is what a query returns.
type shape int

const (
	shapeRecords   shape = iota // whole records (or the Fields)
	shapeIDs                    // the ids
	shapeCount                  // how many
	shapeCountBy                // how many per value of a field
	shapeCountUpTo              // how many, up to the limit: SQLite stops there
)

// spec is one query of a collection's records through one of its rules.
type spec struct {
	col    *core.Collection
	user   *core.Record
	rule   *string
	filter string
	sort   string
	params dbx.Params
	opts   []ListOption
	limit  int
	shape  shape
	by     string // shapeCountBy: the field
}

// run builds (or finds) the statement of s and runs it into dst:
// *[]dbx.NullStringMap, *[]string, *int or a slice of rows.
func (s spec) run(app core.App, dst any) (ok bool, err error) {
	if s.rule == nil {
		return false, nil // superusers only
	}
	if err := needsRequest(s.col, s.rule); err != nil {
		return false, err
	}
	if Plain() {
		return s.runPlain(app, dst)
	}
	bound := dbx.Params{}
	for k, v := range s.params {
		bound[k] = v
	}
	rule := inline(BindAuth(*s.rule, s.user, bound), bound)
	filter := inline(s.filter, bound)
	values := dbx.Params{} // this run's ids
	key, cacheable := s.key(rule, filter, values)
	var wrap func(string) string
	if s.shape == shapeCountUpTo {
		wrap = func(inner string) string { return "SELECT COUNT(*) FROM (" + inner + ")" }
	}
	cq, ok, err := kept(app, key, cacheable, func() (*dbx.SelectQuery, error) {
		return s.build(app, rule, filter, values)
	}, wrap)
	if err != nil || !ok {
		return false, err
	}
	return true, cq.run(app.ConcurrentDB(), values, dst)
}

// kept is the app's statement of key, built by build (and kept, when
// cacheable) if the app has none yet; not ok when build gives no query.
// wrap, when not nil, makes the statement of the built query's SQL.
func kept(app core.App, key string, cacheable bool, build func() (*dbx.SelectQuery, error), wrap func(string) string) (compiledQuery, bool, error) {
	cache := queries(app)
	if cacheable {
		if cq, found := cache.GetIfPresent(key); found {
			return cq, true, nil
		}
	}
	q, err := build()
	if err != nil || q == nil {
		return compiledQuery{}, false, err
	}
	built := q.Build()
	text := built.SQL()
	if wrap != nil {
		text = wrap(text)
	}
	cq := compile(memberIn(text, built.Params()), built.Params())
	if cacheable {
		cache.Set(key, cq)
	}
	return cq, true, nil
}

// key identifies the statement of s, and fills values with the run's
// parameters that are left out of it. A rule or filter with a value that
// changes by itself (@now, @request.body…) is never kept.
func (s spec) key(rule, filter string, values dbx.Params) (string, bool) {
	var b strings.Builder
	b.WriteString(s.col.Id)
	b.WriteString(s.col.Updated.String())
	b.WriteByte(0)
	if s.user != nil {
		// the user as they stand: a value of theirs the resolver writes
		// into the SQL itself changes with them
		b.WriteString(s.user.Collection().Id)
		b.WriteString(s.user.Id)
		b.WriteString(s.user.GetString("updated"))
	}
	for _, part := range []string{rule, filter, s.sort, s.by} {
		b.WriteByte(0)
		b.WriteString(part)
	}
	b.WriteByte(0)
	b.WriteString(strconv.Itoa(int(s.shape)))
	b.WriteByte(' ')
	b.WriteString(strconv.Itoa(s.limit))
	for i, o := range s.opts {
		b.WriteByte(0)
		b.WriteString(o.key(i, values))
	}
	return b.String(), fixed(rule) && fixed(filter) && !Plain() && !Uncached()
}

// fixed reports whether a rule or filter means the same for every run:
// it names no request value but the signed-in user's (bound in the key).
func fixed(text string) bool {
	for i := strings.IndexByte(text, '@'); i >= 0; i = strings.IndexByte(text, '@') {
		text = text[i:]
		if !strings.HasPrefix(text, "@request.auth.") && !strings.HasPrefix(text, "@collection.") {
			return false
		}
		text = text[1:]
	}
	return true
}

// build is the dbx query of s.
func (s spec) build(app core.App, rule, filter string, values dbx.Params) (*dbx.SelectQuery, error) {
	q, err := queryAs(app, s.user, s.col, rule, filter, s.sort, asClient(s.opts))
	if err != nil || q == nil {
		return nil, err
	}
	for i, o := range s.opts {
		if err := o.apply(s.col, q, i); err != nil {
			return nil, err
		}
	}
	switch s.shape {
	case shapeIDs:
		q.Select(s.col.Name + ".id")
	case shapeCount:
		q.Select(countOf(q, s.col)).Distinct(false)
	case shapeCountUpTo:
		q.Select(s.col.Name + ".id") // each record once, as the list has it
	case shapeCountBy:
		column := "[[" + s.col.Name + "." + s.by + "]]"
		q.Select(column+" AS k", countOf(q, s.col)+" AS n").Distinct(false).GroupBy(column)
	}
	if s.limit > 0 {
		q.Limit(int64(s.limit))
	}
	return q, nil
}

// idsParam is the parameter of the i-th option's list of values.
func idsParam(i int) string { return "ikin" + strconv.Itoa(i) }

// jsonList is values as a JSON array, the one parameter json_each reads.
func jsonList(values []string) string {
	text, _ := json.Marshal(values)
	return string(text)
}

// recordsFrom makes records of rows as PocketBase loads them: each field's
// stored text prepared by the field, the record not new. Rows of some
// fields only (Fields) make records of those fields (partialOf): the
// others read as empty, and the record is for reading, never for saving.
func recordsFrom(col *core.Collection, rows []dbx.NullStringMap) ([]*core.Record, error) {
	out := make([]*core.Record, len(rows))
	if len(rows) == 0 {
		return out, nil
	}
	partial := len(rows[0]) < len(col.Fields)
	if partial {
		col = partialOf(col, rows[0])
	}
	for i, row := range rows {
		r := core.NewRecord(col)
		for _, f := range col.Fields {
			name := f.GetName()
			var raw any
			if v, ok := row[name]; ok && v.Valid {
				raw = v.String
			}
			value, err := f.PrepareValue(r, raw)
			if err != nil {
				return nil, err
			}
			r.SetRaw(name, value)
		}
		if partial {
			r.MarkAsNotNew()
		} else if err := r.PostScan(); err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// partials keeps the collections of partial records by collection, its
// version and the fields read.
var partials sync.Map // string → *core.Collection

// partialOf is col with only the fields row has, for the records of a
// list of some fields: a record of every field of a collection of thirty
// prepares and copies thirty values (and each Get walks every field), most
// of a listed record's cost.
func partialOf(col *core.Collection, row dbx.NullStringMap) *core.Collection {
	var b strings.Builder
	b.WriteString(col.Id)
	b.WriteString(col.Updated.String())
	fields := make(core.FieldsList, 0, len(row))
	for _, f := range col.Fields {
		if _, ok := row[f.GetName()]; ok {
			b.WriteByte(0)
			b.WriteString(f.GetName())
			fields = append(fields, f)
		}
	}
	key := b.String()
	if c, ok := partials.Load(key); ok {
		return c.(*core.Collection)
	}
	c := *col
	c.Fields = fields
	partials.Store(key, &c)
	return &c
}
