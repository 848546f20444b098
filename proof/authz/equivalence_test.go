package authz_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/hook"

	"ikplan/hooks"
	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/internal/web"
	"ikplan/proof/testapp"
)

// TestRuleEngineAsRESTAPI is the rule engine's (internal/access)
// equivalence test against real requests: for every role of the matrix
// (and a coordinator of no board), every collection and every operation,
// the answer of PocketBase's REST API to a real HTTP request — its method,
// its JSON body, the role's auth token — must be the engine's answer to
// the same question:
//
//   - list: GET …/records?filter=…&sort=…&expand=…, the generated corpus of
//     TestNothingHiddenShapesAnAnswer (forward and back relations, nested
//     paths, @collection, every operator and modifier): the ids and
//     totalItems are ListAs's, ListIDsAs's and CountAs's with the filter
//     read as a client's (access.AsClient), and without it where the
//     filter and sort read only the collection's own fields; in order,
//     where the sort gives one (not unsorted, not by a field of many
//     related records); a refused filter (400, or 403 for @collection) is
//     an error from the engine; every expanded record is one ViewAs lets
//     the role view, and every related record ViewAs lets through is
//     expanded.
//   - view: GET …/records/{id} 200 or 404 (403: superusers only) for
//     every record is ViewAs's record or nil.
//   - create: POST …/records with a body made from each record (and with
//     each relation pointing elsewhere: another board's plan, the
//     confidential control, another person) passes the create rule
//     exactly when MayCreate says yes.
//   - update: PATCH …/records/{id} with bodies that change a text, a
//     relation, or a field the rule reads (@request.body: the settings'
//     risk scale, the boards' executive flag), to the stored value or
//     another, passes the update rule exactly when CanWith with the same
//     method and body says yes (and Can, for a rule that does not read the
//     request; and CanWith with the body Changes makes of the changed
//     record, which must be the body sent).
//   - delete: DELETE …/records/{id} passes the delete rule exactly when Can
//     says yes.
//
// A write's probe (bindProbe) is the first handler PocketBase runs once
// the API rule has let the write through: it answers 418 and saves
// nothing, so every request meets the same database and "the rule let it
// through" is told apart from "a hook refused it afterwards".
//
// The whole test runs twice: on the engine (access.SetPlain(false)) and on
// PocketBase's plain path (SetPlain(true), IKPLAN_ACCESS=pocketbase). By
// default it sends a rotating part of the list corpus and of the writes;
// IKPLAN_DIFF=full sends all of it.
func TestRuleEngineAsRESTAPI(t *testing.T) {
	start := time.Now()
	w := prepare(t)
	app, h, passed := equivServe(t, w)
	schema := readSchema(t, app)
	full := os.Getenv("IKPLAN_DIFF") == "full"
	values := valuesOf(t, app, schema, map[string][]string{})
	people := equivRoles(t, app, w)
	writes := writeCorpus(t, app, schema, full, w.ids["$c12"], w.ids["$r12"], w.ids["$d12"], w.ids["$ianplan"], w.ids["$ian"], w.ids["$annan"])
	t.Logf("set up in %s", time.Since(start).Round(time.Millisecond))

	for _, way := range []struct {
		name  string
		plain bool
	}{{"engine", false}, {"plain", true}} {
		t.Run(way.name, func(t *testing.T) {
			began := time.Now()
			access.SetPlain(way.plain)
			t.Cleanup(func() { access.SetPlain(false) })
			e := &equiv{t: t, app: app, h: h, schema: schema, passed: passed, seen: map[string]int{}, diffs: map[string]int{}, viewable: map[string]bool{}}
			for i, p := range people {
				c := newCorpus(schema, values, full)
				c.turn = 7 * i // each role its own part of the rotation
				e.lists(p, share(c.requests(), 250, i, full))
				e.views(p, i, full)
				e.writes(p, share(writes, 120, i, full))
			}
			e.mustHaveSeen()
			e.report()
			var keys []string
			for k := range e.seen {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			var counts []string
			for _, k := range keys {
				counts = append(counts, fmt.Sprintf("%s %d", k, e.seen[k]))
			}
			t.Logf("%s: %d requests in %s (%s)", way.name, e.sent.Load(), time.Since(began).Round(time.Millisecond), strings.Join(counts, ", "))
		})
	}
}

// An equivRole is a person of the test: a role's user (nil for a guest)
// and their REST API token.
type equivRole struct {
	name  string
	user  *core.Record
	token string
}

// equivRoles is every role of the matrix but the superuser (whom no rule
// binds), and a coordinator of no board.
func equivRoles(t *testing.T, app core.App, w *world) []equivRole {
	t.Helper()
	out := []equivRole{{name: "guest"}}
	for _, role := range roles {
		if role == "guest" || role == "super" {
			continue
		}
		id := w.f.Users[accounts[role]]
		if role == "ian" {
			u, err := app.FindAuthRecordByEmail(model.Users, ianKey+"@ikplan.test")
			if err != nil {
				t.Fatal(err)
			}
			id = u.Id
		}
		out = append(out, equivRole{name: role, user: testapp.Find(t, app, model.Users, id), token: w.tokens[role]})
	}
	nobody, err := app.FindAuthRecordByEmail(model.Users, noBoardEmail)
	if err != nil {
		t.Fatal(err)
	}
	token, err := nobody.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return append(out, equivRole{name: "noboard", user: nobody, token: token})
}

const noBoardEmail = "ingen-namnd@ikplan.test"

// probeStatus is the probe's answer: the API rule let the write through.
// Each write names itself in probeHeader; the probe keeps the names it saw.
const (
	probeStatus = http.StatusTeapot
	probeHeader = "X-Equiv-Write"
)

// equivServe serves a copy of the matrix data as `ikplan serve` does
// (world.serve), with a coordinator of no board added, the write probe
// bound, and ikplan's reach check of list filters unbound: that check is
// the REST API's own refusal of filters over back-relations and lists of
// relations (TestMatrix and the hostile suite hold it), which the engine's
// callers — pages, documents, jobs — use; here the engine meets
// PocketBase's rules on every path the corpus has.
func equivServe(t *testing.T, w *world) (*tests.TestApp, http.Handler, *sync.Map) {
	t.Helper()
	app, err := testapp.NewApp(w.dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	if _, err := testapp.Create(app, model.Users, map[string]any{
		"email": noBoardEmail, "password": testapp.Password, "name": "Ingen nämnd",
		"role": model.RoleCoordinator, "boards": []string{},
	}); err != nil {
		t.Fatalf("failed to add a coordinator of no board: %v", err)
	}
	hooks.Register(app, testapp.Clock)
	web.Register(app, testapp.Clock)
	passed := bindProbe(app)
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	se := &core.ServeEvent{App: app, Router: r}
	if err := app.OnServe().Trigger(se, func(e *core.ServeEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	r.Unbind("ikplanReach")
	mux, err := r.BuildMux()
	if err != nil {
		t.Fatal(err)
	}
	return app, mux, passed
}

// bindProbe binds the write probe: PocketBase triggers
// OnRecordCreateRequest, OnRecordUpdateRequest and OnRecordDeleteRequest
// only once the collection's API rule has let the request through
// (apis/record_crud.go: the create rule's query, the update and delete
// rules' FindRecordById, then the trigger), and the handler of the lowest
// priority runs first — before ikplan's (hooks.PriorityLookupFailure is
// the lowest of those). It counts the write and answers 418, so the
// save, and every hook after it, never runs.
func bindProbe(app core.App) *sync.Map {
	passed := &sync.Map{}
	probe := &hook.Handler[*core.RecordRequestEvent]{Id: "equivProbe", Priority: math.MinInt,
		Func: func(e *core.RecordRequestEvent) error {
			passed.Store(e.Request.Header.Get(probeHeader), true)
			return e.Error(probeStatus, "the API rule let it through", nil)
		}}
	app.OnRecordCreateRequest().Bind(probe)
	app.OnRecordUpdateRequest().Bind(probe)
	app.OnRecordDeleteRequest().Bind(probe)
	return passed
}

// equiv compares one path's answers (engine or plain) with the REST API's.
type equiv struct {
	t      *testing.T
	app    core.App
	h      http.Handler
	schema *schema
	passed *sync.Map // the writes the probe saw

	mu       sync.Mutex
	seen     map[string]int  // what was compared, by kind ("create passed" …)
	viewable map[string]bool // "collection/id/role" → ViewAs's answer
	diffs    map[string]int  // differences by kind
	sent     atomic.Int64
}

func (e *equiv) count(kind string) {
	e.mu.Lock()
	e.seen[kind]++
	e.mu.Unlock()
}

// fail reports a difference of a kind: the first few of each kind in
// full, the rest counted (report).
func (e *equiv) fail(kind, format string, args ...any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.diffs[kind]++
	if e.diffs[kind] <= 3 {
		e.t.Errorf(kind+": "+format, args...)
	}
}

// report sums the differences up by kind.
func (e *equiv) report() {
	for kind, n := range e.diffs {
		e.t.Errorf("%d differences of the kind %q", n, kind)
	}
}

// send makes one real request as the token's holder.
func (e *equiv) send(method, path, token string, body map[string]any, header ...string) *httptest.ResponseRecorder {
	var reader *bytes.Reader
	if body != nil {
		data, _ := json.Marshal(body)
		reader = bytes.NewReader(data)
	}
	var req *http.Request
	if reader != nil {
		req = httptest.NewRequest(method, path, reader)
		req.Header.Set("Content-Type", "application/json")
	} else {
		req = httptest.NewRequest(method, path, nil)
	}
	req.RemoteAddr = peer()
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	e.sent.Add(1)
	return rec
}

// parallel runs fn for each of n items, two at a time (the machine's cores).
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range 2 {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// lists compares the corpus's lists (and its records viewed with expands).
func (e *equiv) lists(p equivRole, calls []call) {
	parallel(len(calls), func(i int) {
		c := calls[i]
		if c.topic != "" {
			return
		}
		u, err := url.Parse(c.path)
		if err != nil {
			e.fail("bad corpus", "%s: %v", c.path, err)
			return
		}
		parts := strings.Split(strings.TrimPrefix(u.Path, "/api/collections/"), "/")
		if len(parts) == 3 {
			e.view(p, parts[0], parts[2], u.RawQuery)
			return
		}
		e.list(p, parts[0], u.Query(), c.path)
	})
}

// list compares one list request with ListAs, ListIDsAs and CountAs,
// asked with the filter and sort read as a client's (access.AsClient), and
// asked as a page asks (the filter its own) where the two read alike: the
// filter and sort read only the collection's own fields.
func (e *equiv) list(p equivRole, name string, q url.Values, path string) {
	rec := e.send(http.MethodGet, path, p.token, nil)
	filter, sort := q.Get("filter"), q.Get("sort")
	perPage := 30
	fmt.Sscan(q.Get("perPage"), &perPage)
	type answer struct {
		how     string
		records []*core.Record
		ids     []string
		n       int
		err     error
	}
	ask := func(how string, opts ...access.ListOption) answer {
		a := answer{how: how}
		var errIDs, errCount error
		a.records, a.err = access.ListAs(e.app, p.user, name, filter, sort, perPage, nil, opts...)
		a.ids, errIDs = access.ListIDsAs(e.app, p.user, name, filter, sort, perPage, nil, opts...)
		a.n, errCount = access.CountAs(e.app, p.user, name, filter, nil, opts...)
		if a.err == nil {
			a.err = errIDs
		}
		if a.err == nil && filter != "" {
			a.err = errCount // CountAs reads no sort
		}
		return a
	}
	answers := []answer{ask("AsClient", access.AsClient{})}
	if ownFields(filter) && ownFields(sort) {
		answers = append(answers, ask("as a page"))
	}
	what := fmt.Sprintf("%s: GET %s", p.name, path)
	switch {
	case rec.Code == http.StatusBadRequest,
		rec.Code == http.StatusForbidden && strings.Contains(rec.Body.String(), "Only superusers can filter by"):
		e.count("list refused")
		if a := answers[0]; a.err == nil {
			e.fail("list: REST refuses, engine answers", "%s\n\tREST API: %d %s\n\tengine (%s): no error", what, rec.Code, clip(rec.Body.String()), a.how)
		}
		return
	case rec.Code != http.StatusOK:
		e.fail("list: REST unexpected status", "%s\n\tREST API: unexpected %d %s", what, rec.Code, clip(rec.Body.String()))
		return
	}
	var page struct {
		TotalItems int              `json:"totalItems"`
		Items      []map[string]any `json:"items"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil {
		e.fail("list: bad JSON", "%s: %v", what, err)
		return
	}
	want := make([]string, len(page.Items))
	for i, it := range page.Items {
		want[i], _ = it["id"].(string)
	}
	if len(want) > 0 {
		e.count("list with records")
	} else {
		e.count("list empty")
	}
	// without a sort that ends in the id (records alike in the sort's
	// fields come in SQLite's order), or sorted by a field of many related
	// records (which of them orders the record is SQLite's choice),
	// neither promises an order; a part of the list (a page) is then only
	// as long
	ordered := totalSort(sort) && !e.sortsByMany(name, sort)
	alike := func(got []string) bool {
		switch {
		case ordered:
			return slices.Equal(got, want)
		case page.TotalItems > len(want):
			return len(got) == len(want)
		}
		return same(got, want)
	}
	for _, a := range answers {
		if a.err != nil {
			e.fail("list: REST 200, engine error", "%s\n\tREST API: 200, %d of %d\n\tengine (%s): %v", what, len(want), page.TotalItems, a.how, a.err)
			continue
		}
		if got := access.IDs(a.records); !alike(got) {
			e.fail("list: ListAs ids differ", "%s\n\tREST API: %v\n\tListAs (%s): %v", what, want, a.how, got)
		}
		if !alike(a.ids) {
			e.fail("list: ListIDsAs ids differ", "%s\n\tREST API:  %v\n\tListIDsAs (%s): %v", what, want, a.how, a.ids)
		}
		// CountAs takes no sort, and a client's sort through a relation
		// holds the list to the related collection's rule
		if (ownFields(sort) || a.how != "AsClient") && a.n != page.TotalItems {
			e.fail("list: CountAs differs", "%s\n\tREST API: totalItems %d\n\tCountAs (%s): %d", what, page.TotalItems, a.how, a.n)
		}
		e.count("list compared " + a.how)
	}
	if expand := q.Get("expand"); expand != "" && q.Get("fields") == "" {
		col := e.collection(name)
		for _, it := range page.Items {
			for _, p2 := range strings.Split(expand, ",") {
				if segs := strings.Split(p2, "."); !e.expandFails(col, segs) {
					e.expanded(p, what, col, it, segs)
				}
			}
		}
	}
}

// totalSort reports whether a sort orders every record: its last field is
// the id.
func totalSort(sort string) bool {
	fields := strings.Split(sort, ",")
	return sort != "" && strings.TrimLeft(fields[len(fields)-1], "-+") == "id"
}

// sortsByMany reports whether a sort of the collection reads a field
// through a back-relation or a list of relations.
func (e *equiv) sortsByMany(name, sort string) bool {
	for _, part := range strings.Split(sort, ",") {
		col := e.collection(name)
		segs := strings.Split(strings.TrimLeft(part, "-+"), ".")
		for _, seg := range segs[:len(segs)-1] {
			if strings.Contains(seg, "_via_") {
				return true
			}
			rf, ok := col.Fields.GetByName(seg).(*core.RelationField)
			if !ok {
				break
			}
			if rf.IsMultiple() {
				return true
			}
			col = e.schema.byId[rf.CollectionId]
		}
	}
	return false
}

// literalRe is a quoted value of a filter.
var literalRe = regexp.MustCompile(`'[^']*'|"[^"]*"`)

// ownFields reports whether a filter or sort reads only the collection's
// own fields: no relation path, no @collection or @request.
func ownFields(text string) bool {
	text = literalRe.ReplaceAllString(text, "''")
	return !strings.ContainsAny(text, ".@")
}

// view compares GET …/records/{id} (with the query, an expand) with ViewAs.
func (e *equiv) view(p equivRole, name, id, query string) {
	path := "/api/collections/" + name + "/records/" + id
	if query != "" {
		path += "?" + query
	}
	rec := e.send(http.MethodGet, path, p.token, nil)
	got, err := access.ViewAs(e.app, p.user, name, id)
	what := fmt.Sprintf("%s: GET %s", p.name, path)
	if err != nil {
		e.fail("view: ViewAs error", "%s: ViewAs: %v", what, err)
		return
	}
	switch rec.Code {
	case http.StatusOK:
		e.count("view shown")
		if got == nil {
			e.fail("view: REST 200, ViewAs nil", "%s\n\tREST API: 200\n\tViewAs: nil", what)
			return
		}
		var item map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &item); err != nil {
			e.fail("view: bad JSON", "%s: %v", what, err)
			return
		}
		if q, _ := url.ParseQuery(query); q.Get("expand") != "" {
			for _, p2 := range strings.Split(q.Get("expand"), ",") {
				if segs := strings.Split(p2, "."); !e.expandFails(e.collection(name), segs) {
					e.expanded(p, what, e.collection(name), item, segs)
				}
			}
		}
	case http.StatusNotFound, http.StatusForbidden:
		e.count("view hidden")
		if got != nil {
			e.fail("view: REST hidden, ViewAs record", "%s\n\tREST API: %d\n\tViewAs: the record", what, rec.Code)
		}
	default:
		e.fail("view: REST unexpected status", "%s\n\tREST API: unexpected %d %s", what, rec.Code, clip(rec.Body.String()))
	}
}

// share is about n of the items, evenly spread, each role (the i-th)
// another part of them; all of them in full.
func share[T any](items []T, n, i int, full bool) []T {
	if full || len(items) <= n {
		return items
	}
	stride := (len(items) + n - 1) / n
	var out []T
	for j := (i * 7) % stride; j < len(items); j += stride {
		out = append(out, items[j])
	}
	return out
}

// views views every record of every collection (some by default).
func (e *equiv) views(p equivRole, i int, full bool) {
	type rec struct{ col, id string }
	var all []rec
	for _, c := range e.schema.collections {
		var ids []string
		if err := e.app.DB().Select("id").From(c.Name).OrderBy("id").Column(&ids); err != nil {
			e.t.Fatal(err)
		}
		for _, id := range ids {
			all = append(all, rec{c.Name, id})
		}
	}
	all = share(all, 60, i, full)
	parallel(len(all), func(i int) { e.view(p, all[i].col, all[i].id, "") })
}

func (e *equiv) collection(name string) *core.Collection {
	for _, c := range e.schema.collections {
		if c.Name == name {
			return c
		}
	}
	e.t.Fatalf("no collection %s", name)
	return nil
}

// mayView is ViewAs's answer, kept per role and record.
func (e *equiv) mayView(p equivRole, col, id string) bool {
	key := col + "/" + id + "/" + p.name
	e.mu.Lock()
	ok, known := e.viewable[key]
	e.mu.Unlock()
	if known {
		return ok
	}
	r, err := access.ViewAs(e.app, p.user, col, id)
	if err != nil {
		e.fail("expand: ViewAs error", "ViewAs %s %s as %s: %v", col, id, p.name, err)
	}
	e.mu.Lock()
	e.viewable[key] = r != nil
	e.mu.Unlock()
	return r != nil
}

// expandFails reports whether PocketBase drops the whole expand path:
// one of its steps reaches a collection only superusers may view, and
// the fetch of that step fails (core.expandRecords returns the error
// before it expands the steps before it). The path then answers nothing
// of any rule.
func (e *equiv) expandFails(col *core.Collection, segs []string) bool {
	for _, seg := range segs {
		if other, _, ok := strings.Cut(seg, "_via_"); ok {
			col = e.collection(other)
		} else if rf, ok := col.Fields.GetByName(seg).(*core.RelationField); ok {
			col = e.schema.byId[rf.CollectionId]
		} else {
			return false
		}
		if col == nil || col.ViewRule == nil {
			return true
		}
	}
	return false
}

// expanded checks the expand of one path in a record the REST API
// returned: the records expanded are those of the relation (or, for
// other_via_field, those pointing at the record) that ViewAs lets the role
// view, no more and no fewer; then the rest of the path in each of them.
func (e *equiv) expanded(p equivRole, what string, col *core.Collection, item map[string]any, segs []string) {
	seg := segs[0]
	var target *core.Collection
	var related []string
	if other, field, ok := strings.Cut(seg, "_via_"); ok {
		target = e.collection(other)
		var ids []string
		err := e.app.DB().NewQuery("SELECT id FROM {{" + other + "}} WHERE [[" + field + "]] = {:id} OR (json_valid([[" + field + "]]) AND EXISTS (SELECT 1 FROM json_each([[" + field + "]]) WHERE value = {:id}))").
			Bind(map[string]any{"id": item["id"]}).Column(&ids)
		if err != nil {
			e.fail("expand: db error", "%s: %v", what, err)
			return
		}
		related = ids
	} else {
		f, ok := col.Fields.GetByName(seg).(*core.RelationField)
		if !ok {
			e.fail("expand: no relation", "%s: %s has no relation %s", what, col.Name, seg)
			return
		}
		target = e.schema.byId[f.CollectionId]
		related = stringsOf(item[seg])
	}
	var want []string
	for _, id := range related {
		if e.mayView(p, target.Name, id) {
			want = append(want, id)
		}
	}
	var got []map[string]any
	if ex, ok := item["expand"].(map[string]any); ok {
		switch v := ex[seg].(type) {
		case map[string]any:
			got = []map[string]any{v}
		case []any:
			for _, x := range v {
				if m, ok := x.(map[string]any); ok {
					got = append(got, m)
				}
			}
		}
	}
	gotIds := make([]string, len(got))
	for i, g := range got {
		gotIds[i], _ = g["id"].(string)
	}
	e.count("expand checked")
	if !same(gotIds, want) {
		e.fail("expand: records differ", "%s: %s %v expanded %s\n\tREST API: %v\n\tViewAs lets through: %v", what, col.Name, item["id"], seg, gotIds, want)
	}
	if len(segs) > 1 {
		for _, g := range got {
			e.expanded(p, what, target, g, segs[1:])
		}
	}
}

// stringsOf is a relation's value in a JSON record: one id or a list.
func stringsOf(v any) []string {
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil
		}
		return []string{x}
	case []any:
		var out []string
		for _, it := range x {
			if s, ok := it.(string); ok && s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func same(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// A write is one request of the write corpus.
type write struct {
	method string
	col    *core.Collection
	id     string         // the stored record (update, delete)
	body   map[string]any // the JSON body as PocketBase reads it
	same   bool           // the body sets a field to the value it has
}

func (w write) String() string {
	data, _ := json.Marshal(w.body)
	if w.id == "" {
		return fmt.Sprintf("%s %s %s", w.method, w.col.Name, data)
	}
	return fmt.Sprintf("%s %s/%s %s", w.method, w.col.Name, w.id, data)
}

// bodyRef is a field of the body a rule reads.
var bodyRef = regexp.MustCompile(`@request\.body\.(\w+)`)

// writeCorpus makes the writes: for each collection, a create with the
// fields of each record (some of them by default) and with each relation
// pointing at each record it may point at (in turn by default); an update
// of each record changing a text, a relation, and each field its update
// rule reads (to another value and to the one it has); a delete of each.
// A relation always points at each of always that it may point at too:
// the confidential control and what lies under it, another board's plan,
// another board, a person of another board.
func writeCorpus(t *testing.T, app core.App, s *schema, full bool, always ...string) []write {
	t.Helper()
	var out []write
	turn := 0
	pick := func(ids []string, k int) []string {
		if full || len(ids) <= k {
			return ids
		}
		var got []string
		for i := range k {
			got = append(got, ids[(turn+i*len(ids)/k)%len(ids)])
		}
		turn++
		return got
	}
	idsOf := func(c *core.Collection) []string {
		var ids []string
		if err := app.DB().Select("id").From(c.Name).OrderBy("id").Column(&ids); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	for _, c := range s.collections {
		ids := idsOf(c)
		for _, id := range pick(ids, 3) {
			r, err := app.FindRecordById(c, id)
			if err != nil {
				t.Fatal(err)
			}
			body := bodyOf(t, r)
			out = append(out, write{method: http.MethodPost, col: c, body: body})
			for _, f := range c.Fields {
				rf, ok := f.(*core.RelationField)
				if !ok || f.GetHidden() {
					continue
				}
				targets := idsOf(s.byId[rf.CollectionId])
				tos := pick(targets, 2)
				for _, id := range always {
					if slices.Contains(targets, id) && !slices.Contains(tos, id) {
						tos = append(tos, id)
					}
				}
				for _, to := range tos {
					b := clone(body)
					if rf.IsMultiple() {
						b[f.GetName()] = []any{to}
					} else {
						b[f.GetName()] = to
					}
					out = append(out, write{method: http.MethodPost, col: c, body: b})
				}
			}
		}
		reads := map[string]bool{}
		if c.UpdateRule != nil {
			for _, m := range bodyRef.FindAllStringSubmatch(*c.UpdateRule, -1) {
				reads[m[1]] = true
			}
		}
		for n, id := range pick(ids, 4) {
			r, err := app.FindRecordById(c, id)
			if err != nil {
				t.Fatal(err)
			}
			stored := bodyOf(t, r)
			out = append(out, write{method: http.MethodPatch, col: c, id: id, body: map[string]any{}},
				write{method: http.MethodDelete, col: c, id: id})
			changed := false
			for _, f := range c.Fields {
				name := f.GetName()
				if _, ok := stored[name]; !ok {
					continue
				}
				_, isText := f.(*core.TextField)
				rf, isRel := f.(*core.RelationField)
				switch {
				case reads[name]:
					v, ok := otherValue(f, fmt.Sprint(r.Get(name)), id, n)
					if !ok {
						continue
					}
					out = append(out, write{method: http.MethodPatch, col: c, id: id, body: jsonBody(t, map[string]any{name: v})},
						write{method: http.MethodPatch, col: c, id: id, body: map[string]any{name: stored[name]}, same: true})
				case isText && !changed && !f.GetSystem():
					changed = true
					out = append(out, write{method: http.MethodPatch, col: c, id: id, body: map[string]any{name: "Ändrad av testet"}})
				case isRel && !f.GetHidden():
					for _, to := range pick(idsOf(s.byId[rf.CollectionId]), 1) {
						var v any = to
						if rf.IsMultiple() {
							v = []any{to}
						}
						if fmt.Sprint(stringsOf(v)) != fmt.Sprint(r.GetStringSlice(name)) {
							out = append(out, write{method: http.MethodPatch, col: c, id: id, body: map[string]any{name: v}})
						}
					}
				}
			}
		}
	}
	return out
}

// bodyOf is the JSON body a client would send to make r: every field it
// sets but the id, the automatic dates, passwords, files and hidden ones.
func bodyOf(t *testing.T, r *core.Record) map[string]any {
	t.Helper()
	raw := map[string]any{}
	for _, f := range r.Collection().Fields {
		switch f.(type) {
		case *core.AutodateField, *core.PasswordField, *core.FileField:
			continue
		}
		if f.GetName() == core.FieldNameId || f.GetHidden() {
			continue
		}
		raw[f.GetName()] = r.Get(f.GetName())
	}
	return jsonBody(t, raw)
}

// jsonBody is v as PocketBase reads it from a JSON request body.
func jsonBody(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]any{}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// writes sends every write as p and compares the API rule's answer (the
// probe's 418, or the rule's refusal) with the engine's.
func (e *equiv) writes(p equivRole, writes []write) {
	parallel(len(writes), func(i int) {
		wr := writes[i]
		path := "/api/collections/" + wr.col.Name + "/records"
		if wr.id != "" {
			path += "/" + wr.id
		}
		var body map[string]any
		if wr.method != http.MethodDelete {
			body = wr.body
		}
		mark := fmt.Sprintf("%s %s %d", e.t.Name(), p.name, i)
		rec := e.send(wr.method, path, p.token, body, probeHeader, mark)
		what := fmt.Sprintf("%s: %s", p.name, wr)
		rest, ok := e.restVerdict(wr, rec)
		if !ok {
			e.fail("write: REST unexpected status", "%s\n\tREST API: unexpected %d %s", what, rec.Code, clip(rec.Body.String()))
			return
		}
		if _, probed := e.passed.Load(mark); probed != rest {
			e.fail("write: probe mismatch", "%s: answered %d, but the probe ran: %v", what, rec.Code, probed)
			return
		}
		op := map[string]string{http.MethodPost: "create", http.MethodPatch: "update", http.MethodDelete: "delete"}[wr.method]
		if rest {
			e.count(op + " passed")
		} else {
			e.count(op + " refused")
		}
		for _, a := range e.engineVerdicts(p, wr) {
			if a.ok != rest {
				e.fail("write: verdict differs", "%s\n\tREST API rule: %v (%d)\n\t%s: %v", what, rest, rec.Code, a.name, a.ok)
			}
		}
		if len(access.ReadsRequest(e.rule(wr))) > 0 {
			e.count(op + " by a rule that reads the request")
		}
	})
}

func (e *equiv) rule(wr write) *string {
	switch wr.method {
	case http.MethodPost:
		return wr.col.CreateRule
	case http.MethodPatch:
		return wr.col.UpdateRule
	}
	return wr.col.DeleteRule
}

// restVerdict reads the REST API's answer: the probe's 418 is "the rule
// let it through"; 403 (superusers only), the create rule's 400 and the
// update and delete rules' 404 are "the rule refused it". Anything else
// is not the rule's answer.
func (e *equiv) restVerdict(wr write, rec *httptest.ResponseRecorder) (passed, ok bool) {
	switch rec.Code {
	case probeStatus:
		return true, true
	case http.StatusForbidden:
		return false, e.rule(wr) == nil
	case http.StatusBadRequest:
		return false, wr.method == http.MethodPost && strings.Contains(rec.Body.String(), "Failed to create record")
	case http.StatusNotFound:
		return false, wr.method != http.MethodPost
	}
	return false, false
}

type verdict struct {
	name string
	ok   bool
}

// engineVerdicts is the engine's answer to the write, asked each way a
// page asks it.
func (e *equiv) engineVerdicts(p equivRole, wr write) []verdict {
	rule := e.rule(wr)
	if wr.method == http.MethodPost {
		r := core.NewRecord(wr.col)
		for k, v := range wr.body {
			r.Set(k, v)
		}
		return []verdict{{"MayCreate", access.MayCreate(e.app, p.user, r)}}
	}
	stored, err := e.app.FindRecordById(wr.col, wr.id)
	if err != nil {
		e.fail("write: no stored record", "%s: %v", wr, err)
		return nil
	}
	out := []verdict{{"CanWith", access.CanWith(e.app, access.Request(p.user, wr.method, wr.body), stored, rule)}}
	if len(access.ReadsRequest(rule)) == 0 {
		out = append(out, verdict{"Can", access.Can(e.app, p.user, stored, rule)})
	}
	if wr.method == http.MethodPatch && !wr.same {
		changed := stored.Clone()
		for k, v := range wr.body {
			changed.Set(k, v)
		}
		// every field of such a body changes a value: Changes gives it back
		body := access.Changes(changed)
		if !same(slices.Collect(maps.Keys(body)), slices.Collect(maps.Keys(wr.body))) {
			e.fail("write: Changes differs from the body", "%s: Changes gives %v", wr, body)
		}
		out = append(out, verdict{"CanWith(Changes)", access.CanWith(e.app, access.Request(p.user, wr.method, body), changed, rule)})
	}
	return out
}

// mustHaveSeen fails the test when a kind of answer never came up: a
// comparison that never met a passing create proves nothing about them.
func (e *equiv) mustHaveSeen() {
	for _, kind := range []string{"list with records", "list empty", "list refused", "expand checked",
		"view shown", "view hidden", "create passed", "create refused", "update passed", "update refused",
		"delete passed", "delete refused", "update by a rule that reads the request", "list compared AsClient", "list compared as a page"} {
		if e.seen[kind] == 0 {
			e.t.Errorf("no %q in the comparison: the corpus no longer covers it", kind)
		}
	}
}
