package access_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestKeptQueriesPerUser: one app answers the same list for users with
// different rights, in turn and again; a statement built for one user is
// never run for another.
func TestKeptQueriesPerUser(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	want := map[string]int{"samordnare": 20, "lasare": 19, "annan": 0, "it": 20}
	for round := 0; round < 2; round++ {
		for _, key := range []string{"samordnare", "lasare", "annan", "it"} {
			user, err := app.FindRecordById(model.Users, f.Users[key])
			if err != nil {
				t.Fatal(err)
			}
			got, err := access.ListAs(app, user, model.Controls, "", "position", 0, nil, access.In{Field: "plan", Values: []string{f.Plan}})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != want[key] {
				t.Errorf("round %d, %s: Expected %d controls, got %d", round, key, want[key], len(got))
			}
			n, err := access.CountAs(app, user, model.Controls, "plan = {:plan}", dbx.Params{"plan": f.Plan})
			if err != nil || n != want[key] {
				t.Errorf("round %d, %s: Expected a count of %d, got %d %v", round, key, want[key], n, err)
			}
		}
	}
}

// TestKeptQueriesIds: the same statement serves different lists of ids
// (one parameter), an empty list finds nothing, and ViewAs finds the one.
func TestKeptQueriesIds(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	user, err := app.FindRecordById(model.Users, f.Users["samordnare"])
	if err != nil {
		t.Fatal(err)
	}
	for _, ids := range [][]string{{f.Controls["1"]}, {f.Controls["2"], f.Controls["3"], "nosuchid"}, {}, {f.Controls["4"]}} {
		got, err := access.ListAs(app, user, model.Controls, "", "position", 0, nil, access.In{Field: "id", Values: ids})
		if err != nil {
			t.Fatal(err)
		}
		known := 0
		for _, id := range ids {
			if id != "nosuchid" {
				known++
			}
		}
		if len(got) != known {
			t.Fatalf("ids %v: Expected %d controls, got %d", ids, known, len(got))
		}
		for i, r := range got {
			if r.Id != ids[i] || r.GetString("title") == "" || r.IsNew() {
				t.Errorf("ids %v: record %d is %q %q new=%v", ids, i, r.Id, r.GetString("title"), r.IsNew())
			}
		}
	}
	for _, key := range []string{"1", "2"} {
		r, err := access.ViewAs(app, user, model.Controls, f.Controls[key])
		if err != nil || r == nil || r.Id != f.Controls[key] {
			t.Fatalf("ViewAs %s: %v %v", key, r, err)
		}
	}
	// a record loaded this way saves like one PocketBase loaded
	r, err := access.ViewAs(app, user, model.Controls, f.Controls["1"])
	if err != nil || r == nil {
		t.Fatal(err)
	}
	r.Set("report_to", "Ekonomichefen")
	if err := testapp.WhileDraft(app, f.Plan, func() error { return app.Save(r) }); err != nil { // what the board decides changes in a draft
		t.Fatal(err)
	}
	again, err := app.FindRecordById(model.Controls, f.Controls["1"])
	if err != nil || again.GetString("report_to") != "Ekonomichefen" || again.GetString("title") != r.GetString("title") {
		t.Fatalf("Expected the change saved and the rest kept, got %v %v", again, err)
	}
}

// TestKeptQueriesRuleChange: a rule changed in the running app applies
// to the next query at once.
func TestKeptQueriesRuleChange(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	user, err := app.FindRecordById(model.Users, f.Users["lasare"])
	if err != nil {
		t.Fatal(err)
	}
	count := func() int {
		n, err := access.CountAs(app, user, model.Controls, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	if before == 0 {
		t.Fatal("Expected the reader to see controls")
	}
	col, err := app.FindCollectionByNameOrId(model.Controls)
	if err != nil {
		t.Fatal(err)
	}
	col.ListRule = types.Pointer(*col.ListRule + " && @request.auth.role != 'reader'")
	if err := app.Save(col); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 0 {
		t.Fatalf("Expected the changed rule to hide every control from the reader, got %d (before %d)", n, before)
	}
}

// TestKeptQueriesManyIds: a list of more ids than SQLite's parameter limit
// is one parameter.
func TestKeptQueriesManyIds(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	user, err := app.FindRecordById(model.Users, f.Users["samordnare"])
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{f.Controls["5"]}
	for i := 0; i < 40000; i++ {
		ids = append(ids, fmt.Sprintf("x%014d", i))
	}
	got, err := access.Allowed(app, user, model.Controls, types.Pointer(""), ids[:1])
	if err != nil || !got[f.Controls["5"]] {
		t.Fatalf("Allowed: %v %v", got, err)
	}
	col, _ := app.FindCollectionByNameOrId(model.Controls)
	allowed, err := access.Allowed(app, user, model.Controls, col.UpdateRule, ids)
	if err != nil || len(allowed) != 1 || !allowed[f.Controls["5"]] {
		t.Fatalf("Expected only control 5 of %d ids, got %v %v", len(ids), allowed, err)
	}
}

// TestMayCreateKept: the kept create check answers for each record's own
// values: an owner may add a result to their control and not to another's,
// asked in turn with the same statement.
func TestMayCreateKept(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	owner, err := app.FindRecordById(model.Users, f.Users["ansvarig"])
	if err != nil {
		t.Fatal(err)
	}
	col, err := app.FindCollectionByNameOrId(model.Results)
	if err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 2; round++ {
		for control, want := range map[string]bool{"1": true, "2": true, "5": false, "12": false} {
			r := core.NewRecord(col)
			r.Set("control", f.Controls[control])
			r.Set("period", "2024")
			if got := access.MayCreate(app, owner, r); got != want {
				t.Errorf("round %d, control %s: MayCreate = %v, want %v", round, control, got, want)
			}
		}
	}
}

// TestMemberAsLookup: the rules' test that the user belongs to the
// record's board reaches SQLite as a lookup in the user's list of boards,
// not as a LIKE over its text (member.go) nor a join of the user's boards
// (the rules' "@request.auth.boards.id ?=", bindMembers); TestAccessAsPocketBase checks
// that the answers are PocketBase's own.
func TestMemberAsLookup(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	var queries []string
	app.ConcurrentDB().(*dbx.DB).QueryLogFunc = func(_ context.Context, _ time.Duration, sql string, _ *sql.Rows, _ error) {
		queries = append(queries, sql)
	}
	user, err := app.FindRecordById(model.Users, f.Users["samordnare"])
	if err != nil {
		t.Fatal(err)
	}
	for _, collection := range []string{model.Plans, model.Controls, model.Deviations, model.Actions, model.Users} {
		queries = nil
		if _, err := access.ListAs(app, user, collection, "", "", 0, nil); err != nil {
			t.Fatal(err)
		}
		if len(queries) != 1 {
			t.Fatalf("%s: Expected one query, got %d", collection, len(queries))
		}
		if q := queries[0]; strings.Contains(q, "LIKE ('%' ||") || strings.Contains(q, "__auth_users") || !strings.Contains(q, "` IN (SELECT value FROM json_each(?))") {
			t.Errorf("%s: Expected the membership as a lookup in the list, got %s", collection, q)
		}
	}
}

// TestPlainPathIsPocketBases: with the switch on, the query SQLite runs is
// PocketBase's own (its join of the user's boards), not the engine's lookup.
func TestPlainPathIsPocketBases(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	var queries []string
	app.ConcurrentDB().(*dbx.DB).QueryLogFunc = func(_ context.Context, _ time.Duration, sql string, _ *sql.Rows, _ error) {
		queries = append(queries, sql)
	}
	user := testapp.Find(t, app, model.Users, f.Users["samordnare"])
	access.SetPlain(true)
	t.Cleanup(func() { access.SetPlain(false) })
	queries = nil
	if _, err := access.ListAs(app, user, model.Controls, "", "", 0, nil); err != nil {
		t.Fatal(err)
	}
	if len(queries) != 1 || !strings.Contains(queries[0], "__auth_users") || strings.Contains(queries[0], "json_each(?)") {
		t.Fatalf("Expected PocketBase's own query, got %v", queries)
	}
}
