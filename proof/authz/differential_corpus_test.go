package authz_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cast"
)

// schema is what the corpus is generated from: ikplan's collections (and
// users), and the words the API rules read.
type schema struct {
	collections []*core.Collection
	byId        map[string]*core.Collection
	ruleWords   map[string]bool
}

var wordRe = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)

func readSchema(t *testing.T, app core.App) *schema {
	t.Helper()
	all, err := app.FindAllCollections()
	if err != nil {
		t.Fatal(err)
	}
	s := &schema{byId: map[string]*core.Collection{}, ruleWords: map[string]bool{}}
	for _, c := range all {
		s.byId[c.Id] = c
		for _, rule := range []*string{c.ListRule, c.ViewRule, c.CreateRule, c.UpdateRule, c.DeleteRule} {
			if rule != nil {
				for _, w := range wordRe.FindAllString(*rule, -1) {
					s.ruleWords[w] = true
				}
			}
		}
		if c.System && c.Name != "users" {
			continue // PocketBase's own: superusers, MFA, OTP, external auths, auth origins
		}
		s.collections = append(s.collections, c)
	}
	slices.SortFunc(s.collections, func(a, b *core.Collection) int { return strings.Compare(a.Name, b.Name) })
	return s
}

// hiddenRecords is, per collection, the ids of the records the role may
// not list.
func hiddenRecords(t *testing.T, app core.App, s *schema, readable map[string]map[string]bool) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, c := range s.collections {
		var ids []string
		if err := app.DB().Select("id").From(c.Name).OrderBy("id").Column(&ids); err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if !readable[c.Name][id] {
				out[c.Name] = append(out[c.Name], id)
			}
		}
	}
	return out
}

// mutable is whether the test changes the field in hidden records: every
// field with contents, but not the relations (the records' shape), not
// the fields an API rule reads (they decide who may read), and not the
// auth secrets.
func (s *schema) mutable(f core.Field) bool {
	if s.ruleWords[f.GetName()] || f.GetSystem() && f.GetName() != "email" {
		return false
	}
	switch f.Type() {
	case core.FieldTypeRelation, core.FieldTypePassword:
		return false
	}
	return true
}

// mutateHidden gives every mutable field of every hidden record another
// value, written straight to the database (the hooks would refuse some,
// and the history would gain rows); but the fields named in keep
// ("boards.name").
func mutateHidden(t *testing.T, app core.App, s *schema, hidden map[string][]string, keep ...string) {
	t.Helper()
	for _, c := range s.collections {
		if c.Name == "sessions" {
			continue // no one but superusers reads them; the pages need the role's own
		}
		for n, id := range hidden[c.Name] {
			var row dbx.NullStringMap
			if err := app.DB().Select("*").From(c.Name).Where(dbx.HashExp{"id": id}).One(&row); err != nil {
				t.Fatal(err)
			}
			params := dbx.Params{}
			for _, f := range c.Fields {
				if !s.mutable(f) || slices.Contains(keep, c.Name+"."+f.GetName()) {
					continue
				}
				if v, ok := otherValue(f, row[f.GetName()].String, id, n); ok {
					params[f.GetName()] = v
				}
			}
			if len(params) == 0 {
				continue
			}
			if _, err := app.DB().Update(c.Name, params, dbx.HashExp{"id": id}).Execute(); err != nil {
				t.Fatalf("failed to change hidden %s %s: %v", c.Name, id, err)
			}
		}
	}
}

// otherValue is a value of the field's type that differs from was and
// shares no text with any value of the first database.
func otherValue(f core.Field, was, id string, n int) (any, bool) {
	sum := sha256.Sum256([]byte(f.GetName() + id))
	tag := "§" + hex.EncodeToString(sum[:5])
	day := time.Date(2031, 7, 9, 8, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	switch f := f.(type) {
	case *core.TextField, *core.EditorField, *core.URLField:
		return "dold " + tag, true
	case *core.EmailField:
		return "dold-" + tag[2:] + "@dold.invalid", true
	case *core.NumberField:
		return cast.ToFloat64(was) + 1000*float64(n+1), true // never another's value in a unique index
	case *core.BoolField:
		return !cast.ToBool(was), true
	case *core.DateField, *core.AutodateField:
		return day.Format("2006-01-02 15:04:05.000Z"), true
	case *core.SelectField:
		if f.IsMultiple() || len(f.Values) < 2 {
			return nil, false
		}
		i := slices.Index(f.Values, was)
		return f.Values[(i+1)%len(f.Values)], true
	case *core.JSONField:
		return `{"dold":"` + tag + `"}`, true
	case *core.FileField:
		if was == "" || was == "[]" {
			return nil, false
		}
		if f.IsMultiple() {
			return `["dold_` + tag[2:] + `.txt"]`, true
		}
		return "dold_" + tag[2:] + ".txt", true
	}
	return nil, false
}

// valuesOf is, per collection and field, the values of the first
// database, those of the hidden records first: what the corpus compares
// with.
func valuesOf(t *testing.T, app core.App, s *schema, hidden map[string][]string) map[string]map[string][]string {
	t.Helper()
	out := map[string]map[string][]string{}
	for _, c := range s.collections {
		out[c.Name] = map[string][]string{}
		var rows []dbx.NullStringMap
		if err := app.DB().Select("*").From(c.Name).OrderBy("id").All(&rows); err != nil {
			t.Fatal(err)
		}
		isHidden := map[string]bool{}
		for _, id := range hidden[c.Name] {
			isHidden[id] = true
		}
		for _, pass := range []bool{true, false} {
			for _, row := range rows {
				if isHidden[row["id"].String] != pass {
					continue
				}
				for _, f := range c.Fields {
					v := row[f.GetName()].String
					if v == "" || v == "[]" || slices.Contains(out[c.Name][f.GetName()], v) {
						continue
					}
					out[c.Name][f.GetName()] = append(out[c.Name][f.GetName()], v)
				}
			}
		}
	}
	return out
}

// A step goes from a collection along a relation: forward through one of
// its relation fields, or back through a relation field of another
// collection that points at it ("controls_via_plan").
type step struct {
	seg  string
	to   *core.Collection
	back bool
	many bool
}

func (s *schema) steps(c *core.Collection) []step {
	var out []step
	for _, f := range c.Fields {
		if rf, ok := f.(*core.RelationField); ok && !f.GetHidden() {
			if to := s.byId[rf.CollectionId]; to != nil {
				out = append(out, step{seg: f.GetName(), to: to, many: rf.IsMultiple()})
			}
		}
	}
	for _, other := range s.collections {
		for _, f := range other.Fields {
			if rf, ok := f.(*core.RelationField); ok && rf.CollectionId == c.Id && !f.GetHidden() {
				out = append(out, step{seg: other.Name + "_via_" + f.GetName(), to: other, back: true})
			}
		}
	}
	return out
}

// A path is a base collection and the steps from it; its end is the
// collection whose fields the filter or sort reads.
type path struct {
	base  *core.Collection
	segs  []string
	end   *core.Collection
	isVia bool
}

func (p path) prefix() string {
	if len(p.segs) == 0 {
		return ""
	}
	return strings.Join(p.segs, ".") + "."
}

// paths lists every path of up to depth steps from c.
func (s *schema) paths(c *core.Collection, depth int) []path {
	out := []path{{base: c, end: c}}
	frontier := out
	for range depth {
		var next []path
		for _, p := range frontier {
			for _, st := range s.steps(p.end) {
				q := path{base: c, segs: append(slices.Clone(p.segs), st.seg), end: st.to, isVia: p.isVia || st.back}
				next = append(next, q)
			}
		}
		out = append(out, next...)
		frontier = next
	}
	return out
}

// corpus generates the requests for one role.
type corpus struct {
	s      *schema
	values map[string]map[string][]string
	full   bool
	turn   int // rotates the leaf fields, operators and values chosen
}

func newCorpus(s *schema, values map[string]map[string][]string, full bool) *corpus {
	return &corpus{s: s, values: values, full: full}
}

// leaves are the fields a path's end offers a filter: every field but the
// hidden (auth secrets) ones.
func leaves(c *core.Collection) []core.Field {
	var out []core.Field
	for _, f := range c.Fields {
		if !f.GetHidden() {
			out = append(out, f)
		}
	}
	return out
}

var (
	textOps   = []string{"=", "!=", "~", "!~", "?=", "?!=", "?~", "?!~"}
	orderOps  = []string{"=", "!=", "<", ">", "<=", ">=", "?=", "?!=", "?<", "?>"}
	equalOps  = []string{"=", "!=", "?=", "?!="}
	manyForms = []string{":length > 0", ":length = 1", ":each ~ %s", ":each ?= %s", ":each != %s"}
)

func opsFor(f core.Field) []string {
	switch f.Type() {
	case core.FieldTypeNumber, core.FieldTypeDate, core.FieldTypeAutodate:
		return orderOps
	case core.FieldTypeBool:
		return equalOps
	}
	return textOps
}

// literal writes a value of the first database as a filter literal: a
// part of a text for ~, a number as a number, a flag as true or false.
func literal(f core.Field, v, op string) string {
	switch f.Type() {
	case core.FieldTypeNumber:
		return v
	case core.FieldTypeBool:
		return strconv.FormatBool(cast.ToBool(v))
	}
	if strings.HasPrefix(v, "[") { // a list (files, boards): one item of it
		var items []string
		if json.Unmarshal([]byte(v), &items) == nil && len(items) > 0 {
			v = items[0]
		}
	}
	if strings.Contains(op, "~") {
		r := []rune(v)
		if len(r) > 8 {
			v = string(r[len(r)/3 : len(r)/3+6])
		}
	}
	v = strings.NewReplacer(`'`, ``, `\`, ``, "\n", " ", "\r", " ").Replace(v)
	return "'" + v + "'"
}

// value picks a value of the field at the path's end, in turn.
func (c *corpus) value(end *core.Collection, f core.Field) (string, bool) {
	vs := c.values[end.Name][f.GetName()]
	if len(vs) == 0 {
		return "", false
	}
	// the hidden records' values come first; take one of the first two
	// (a hidden one where there is one) more often than the rest
	i := c.turn % (len(vs) + 2)
	if i >= len(vs) {
		i = i % min(len(vs), 2)
	}
	return vs[i], true
}

// filters is the corpus's filters at the path: in full, every leaf field
// with every operator and modifier; otherwise three leaf fields, each
// with two operators, chosen in turn so that every field and operator
// comes up across the paths.
func (c *corpus) filters(p path) []string {
	fields := leaves(p.end)
	var out []string
	add := func(f core.Field, op string) {
		c.turn++
		v, ok := c.value(p.end, f)
		if !ok {
			v = "x"
		}
		name := p.prefix() + f.GetName()
		if strings.HasPrefix(op, ":") {
			if strings.Contains(op, "%s") {
				op = fmt.Sprintf(op, literal(f, v, "~"))
			}
			out = append(out, name+op)
			return
		}
		out = append(out, name+" "+op+" "+literal(f, v, op))
	}
	pick := func(list []string, k int) []string {
		if c.full {
			return list
		}
		var got []string
		for i := range k {
			got = append(got, list[(c.turn+i*3)%len(list)])
		}
		return got
	}
	chosen := fields
	if !c.full {
		chosen = nil
		for i := range min(3, len(fields)) {
			chosen = append(chosen, fields[(c.turn+i*5)%len(fields)])
		}
	}
	for _, f := range chosen {
		for _, op := range pick(opsFor(f), 2) {
			add(f, op)
		}
		if mv, ok := f.(core.MultiValuer); ok && mv.IsMultiple() {
			for _, form := range pick(manyForms, 2) {
				add(f, form)
			}
		}
		if f.Type() == core.FieldTypeText {
			for _, op := range pick([]string{"~", "!~", "="}, 1) {
				c.turn++
				if v, ok := c.value(p.end, f); ok {
					out = append(out, p.prefix()+f.GetName()+":lower "+op+" "+strings.ToLower(literal(f, v, op)))
				}
			}
		}
	}
	return out
}

// sorts is the corpus's sorts at the path: every leaf field both ways in
// full, otherwise one in turn.
func (c *corpus) sorts(p path) []string {
	var out []string
	for i, f := range leaves(p.end) {
		if !c.full && i != c.turn%len(leaves(p.end)) {
			continue
		}
		out = append(out, p.prefix()+f.GetName(), "-"+p.prefix()+f.GetName()+",id")
	}
	c.turn++
	return out
}

// requests is the whole corpus for one role.
func (c *corpus) requests() []call {
	var out []call
	list := func(col *core.Collection, q url.Values) {
		q.Set("perPage", "200")
		out = append(out, call{path: "/api/collections/" + col.Name + "/records?" + q.Encode()})
	}
	for _, col := range c.s.collections {
		if col.ListRule == nil {
			continue // superusers only: 403 for everyone else, in both
		}
		paths := c.s.paths(col, 2)
		var expands []string
		for _, p := range paths {
			for _, f := range c.filters(p) {
				list(col, url.Values{"filter": {f}})
			}
			for _, s := range c.sorts(p) {
				list(col, url.Values{"sort": {s}})
			}
			if len(p.segs) > 0 {
				expands = append(expands, strings.Join(p.segs, "."))
				list(col, url.Values{"expand": {strings.Join(p.segs, ".")}})
			}
		}
		// @collection: every other collection's fields from this one
		for _, other := range c.s.collections {
			for _, f := range c.filters(path{base: col, end: other, segs: []string{"@collection." + other.Name}}) {
				list(col, url.Values{"filter": {f}})
			}
		}
		// every record viewed with every expand, and the fields option
		// through them
		out = append(out, call{path: "/api/collections/" + col.Name + "/records?" + url.Values{
			"expand": {strings.Join(expands, ",")}, "perPage": {"200"}}.Encode()})
		out = append(out, call{path: "/api/collections/" + col.Name + "/records?" + url.Values{
			"expand": {strings.Join(expands, ",")}, "fields": {"id,expand.*"}, "perPage": {"200"}}.Encode()})
		for _, id := range c.someIds(col) {
			out = append(out, call{path: "/api/collections/" + col.Name + "/records/" + id + "?" + url.Values{
				"expand": {strings.Join(expands, ",")}}.Encode()})
		}
	}
	return out
}

// someIds is every record of the collection in full, else a few.
func (c *corpus) someIds(col *core.Collection) []string {
	ids := c.values[col.Name]["id"]
	if !c.full && len(ids) > 6 {
		return append(slices.Clone(ids[:3]), ids[len(ids)-3:]...)
	}
	return ids
}
