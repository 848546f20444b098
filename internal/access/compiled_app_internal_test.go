package access

import (
	"database/sql"
	"errors"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// smallApp is a bare PocketBase app with two collections: "teams", and
// "members" with a single relation (team) and a list of them (teams).
func smallApp(t *testing.T) (core.App, *core.Collection) {
	t.Helper()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: t.TempDir()})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = app.ClearBootstrap() })
	teams := core.NewBaseCollection("teams")
	teams.Fields.Add(&core.TextField{Name: "name"})
	open := ""
	teams.ListRule = &open
	if err := app.Save(teams); err != nil {
		t.Fatal(err)
	}
	members := core.NewBaseCollection("members")
	members.Fields.Add(
		&core.TextField{Name: "name"},
		&core.RelationField{Name: "team", CollectionId: teams.Id, MaxSelect: 1},
		&core.RelationField{Name: "teams", CollectionId: teams.Id, MaxSelect: 5},
	)
	members.ListRule = &open
	if err := app.Save(members); err != nil {
		t.Fatal(err)
	}
	return app, members
}

// TestDistinctOnlyWhereAJoinCanRepeat: a rule through a single relation
// joins at most one row to each record, so its query drops the DISTINCT
// PocketBase adds (sorting whole rows to remove duplicates that cannot
// occur); a rule through a list of relations keeps it.
func TestDistinctOnlyWhereAJoinCanRepeat(t *testing.T) {
	app, members := smallApp(t)
	for rule, distinct := range map[string]bool{
		"":                                     false,
		"team.name = 'a'":                      false,
		"team.name = 'a' && team.id != ''":     false,
		"teams.name ?= 'a'":                    true,
		"team.name = 'a' || teams.name ?= 'a'": true,
	} {
		q, err := queryAs(app, nil, members, rule, "", "", false)
		if err != nil {
			t.Fatalf("%q: %v", rule, err)
		}
		text := q.Build().SQL()
		if got := strings.Contains(text, "DISTINCT"); got != distinct {
			t.Errorf("%q: expected DISTINCT %v, got %s", rule, distinct, text)
		}
	}
}

// TestStatementsAreKept: a query's statement is built once and found again
// (the cache's weight of it, what bounds the cache's memory, counts at
// least its key and its SQL); a rule with a value that changes by itself
// is built at every run.
func TestStatementsAreKept(t *testing.T) {
	app, members := smallApp(t)
	builds := 0
	build := func() (*dbx.SelectQuery, error) {
		builds++
		return queryAs(app, nil, members, "team.name = 'a'", "", "", false)
	}
	for range 3 {
		if _, ok, err := kept(app, "members team.name", true, build, nil); err != nil || !ok {
			t.Fatalf("Expected a statement, got %v %v", ok, err)
		}
	}
	if builds != 1 {
		t.Errorf("Expected the statement built once and kept, got %d builds", builds)
	}
	cq, _, _ := kept(app, "members team.name", true, build, nil)
	if w := queries(app).EstimatedSize(); w != 1 {
		t.Errorf("Expected one kept statement, got %d", w)
	}
	if w, least := weight("members team.name", cq), len("members team.name")+len(cq.sql); int(w) < least || w > compiledBytes {
		t.Errorf("Expected the statement to weigh at least %d bytes (and less than the cache), got %d", least, w)
	}
	params := dbx.Params{}
	last := weight("k", compiledQuery{sql: cq.sql, params: params})
	for _, name := range []string{"a", "b", "c"} {
		params[name] = 1
		if w := weight("k", compiledQuery{sql: cq.sql, params: params}); w <= last {
			t.Errorf("Expected each parameter to add weight, got %d with %d parameters after %d", w, len(params), last)
		}
		last = weight("k", compiledQuery{sql: cq.sql, params: params})
	}
	for range 2 {
		if _, _, err := kept(app, "members now", false, build, nil); err != nil {
			t.Fatal(err)
		}
	}
	if builds != 3 {
		t.Errorf("Expected a statement that is not kept built at each run, got %d builds", builds)
	}
}

// TestKeyHoldsTheUser: two users never share a statement (a value of
// theirs that BindAuth leaves in the rule, such as a path through their
// relations, is written into the SQL itself), and the same user changed is
// another key; no user is a key too.
func TestKeyHoldsTheUser(t *testing.T) {
	app, members := smallApp(t)
	users, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		t.Fatal(err)
	}
	a, b := core.NewRecord(users), core.NewRecord(users)
	a.Id, b.Id = "aaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbb"
	key := func(u *core.Record) string {
		k, _ := spec{col: members, user: u}.key("@request.auth.teams.name ?= 'a'", "", dbx.Params{})
		return k
	}
	none := key(nil)
	ka, kb := key(a), key(b)
	updated, _ := types.ParseDateTime("2026-01-01 00:00:00.000Z")
	a.SetRaw("updated", updated)
	changed := key(a)
	if ka == kb || ka == none || kb == none || changed == ka {
		t.Errorf("Expected a key of its own for each user and each state of a user, got\n%q\n%q\n%q\n%q", none, ka, kb, changed)
	}
}

// TestRunReportsScanErrors: a statement whose rows cannot be read into
// what the caller asked for fails; it never returns nothing as if nothing
// matched.
func TestRunReportsScanErrors(t *testing.T) {
	app, _ := smallApp(t)
	var n int
	if err := compile("SELECT 1 WHERE 0", nil).run(app.ConcurrentDB(), nil, &n); !errors.Is(err, sql.ErrNoRows) {
		t.Errorf("Expected no row to count to be an error, got %v", err)
	}
	var wrong struct{}
	if err := compile("SELECT 1", nil).run(app.ConcurrentDB(), nil, &wrong); err == nil {
		t.Errorf("Expected rows read into %T to fail", wrong)
	}
	var rows []countRow
	if err := compile("SELECT 'x', 'not a number'", nil).run(app.ConcurrentDB(), nil, &rows); err == nil {
		t.Errorf("Expected a count that is no number to fail, got %v", rows)
	}
	if err := compile("SELECT {:a}", nil).run(app.ConcurrentDB(), nil, &n); err == nil {
		t.Errorf("Expected a parameter with no value to fail")
	}
}
