package access_test

import (
	"errors"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

// TestAccessAsPocketBase checks the pages' reads and write checks against
// PocketBase's own evaluation of the same rules: for every collection,
// every record and every kind of user, ListAs, ViewAs, Allowed and CountAs
// let through exactly the records PocketBase's CanAccessRecord does, with
// the user's own values bound into the rule and DISTINCT left out of
// queries that join only single relations.
func TestAccessAsPocketBase(t *testing.T) { accessAsPocketBase(t) }

// TestPlainPathAsPocketBase: the same on PocketBase's plain path
// (IKPLAN_ACCESS=pocketbase): no kept statement, nothing bound or rewritten.
func TestPlainPathAsPocketBase(t *testing.T) {
	access.SetPlain(true)
	t.Cleanup(func() { access.SetPlain(false) })
	accessAsPocketBase(t)
}

func accessAsPocketBase(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	collections := []string{model.Boards, model.Units, model.Users, model.Risks, model.RiskAssessments, model.Plans,
		model.Controls, model.Results, model.Deviations, model.Actions, model.AuditLog, model.Reminders, model.Settings}
	keys := make([]string, 0, len(f.Users))
	for k := range f.Users {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	checked := 0
	for _, name := range collections {
		col, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		all, err := app.FindAllRecords(col)
		if err != nil {
			t.Fatal(err)
		}
		allIds := make([]string, len(all))
		for i, r := range all {
			allIds[i] = r.Id
		}
		for _, key := range keys {
			user, err := app.FindRecordById(model.Users, f.Users[key])
			if err != nil {
				t.Fatal(err)
			}
			info := access.RequestInfo(user)
			want := map[string][]string{}
			for _, r := range all {
				for rule, expr := range map[string]*string{"list": col.ListRule, "update": col.UpdateRule, "delete": col.DeleteRule} {
					if ok, err := app.CanAccessRecord(r, info, expr); err != nil {
						t.Fatalf("%s %s: %v", name, rule, err)
					} else if ok {
						want[rule] = append(want[rule], r.Id)
					}
				}
			}
			listed, err := access.ListAs(app, user, name, "", "", 0, nil)
			if err != nil {
				t.Fatalf("%s as %s: %v", name, key, err)
			}
			if got := ids(listed); !same(got, want["list"]) {
				t.Errorf("%s listed as %s: got %d records %v, PocketBase lets through %d %v", name, key, len(got), got, len(want["list"]), want["list"])
			}
			if got, err := access.ListIDsAs(app, user, name, "", "", 0, nil); err != nil || !same(got, want["list"]) {
				t.Errorf("%s ids listed as %s: got %v (%v), PocketBase lets through %v", name, key, got, err, want["list"])
			}
			if n, err := access.CountAs(app, user, name, "", nil); err != nil || n != len(want["list"]) {
				t.Errorf("%s counted as %s: got %d (%v), want %d", name, key, n, err, len(want["list"]))
			}
			// counted up to a limit below, at and above the count
			for _, most := range []int{1, max(1, len(want["list"])-1), max(1, len(want["list"])), len(want["list"]) + 1} {
				n, more, err := access.CountUpTo(app, user, name, "", nil, most)
				wantN, wantMore := min(most, len(want["list"])), len(want["list"]) > most
				if err != nil || n != wantN || more != wantMore {
					t.Errorf("%s counted up to %d as %s: got %d more=%v (%v), want %d more=%v", name, most, key, n, more, err, wantN, wantMore)
				}
			}
			for _, r := range all {
				v, err := access.ViewAs(app, user, name, r.Id)
				if err != nil {
					t.Fatal(err)
				}
				if (v != nil) != slices.Contains(want["list"], r.Id) {
					t.Errorf("%s %s viewed as %s: got %v", name, r.Id, key, v != nil)
				}
			}
			for rule, expr := range map[string]*string{"update": col.UpdateRule, "delete": col.DeleteRule} {
				allowed, err := access.Allowed(app, user, name, expr, allIds)
				if len(access.ReadsRequest(expr)) > 0 {
					// the engine answers it only with the real request (request_test.go)
					if !errors.Is(err, access.ErrNeedsRequest) {
						t.Errorf("%s %s as %s: expected ErrNeedsRequest, got %v", name, rule, key, err)
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for id, ok := range allowed {
					if ok {
						got = append(got, id)
					}
				}
				if !same(got, want[rule]) {
					t.Errorf("%s %s allowed to %s: got %v, PocketBase lets through %v", name, rule, key, got, want[rule])
				}
			}
			checked += len(all)
		}
	}
	if checked < 1000 {
		t.Fatalf("Expected the demo to give at least 1000 record × user pairs, got %d", checked)
	}
	t.Logf("%d record × user pairs checked for list, view, update and delete", checked)
}

func ids(records []*core.Record) []string {
	out := make([]string, len(records))
	for i, r := range records {
		out[i] = r.Id
	}
	return out
}

func same(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestListOptions: Fields loads only the named fields of the same records;
// In keeps the records whose field has one of the values, none for no
// values; an unknown field is an error, not an empty list.
func TestListOptions(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	user, err := app.FindRecordById(model.Users, f.Users["samordnare"])
	if err != nil {
		t.Fatal(err)
	}
	all, err := access.ListAs(app, user, model.Controls, "", "position", 0, nil)
	if err != nil || len(all) == 0 {
		t.Fatalf("Expected controls, got %d (%v)", len(all), err)
	}
	slim, err := access.ListAs(app, user, model.Controls, "", "position", 0, nil, access.Fields{"title"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(slim), ids(all)) {
		t.Fatal("Expected the same controls in the same order with Fields")
	}
	if slim[0].GetString("title") != all[0].GetString("title") || slim[0].GetString("title") == "" {
		t.Fatalf("Expected the title loaded, got %q", slim[0].GetString("title"))
	}
	if all[0].GetString("plan") == "" || slim[0].GetString("plan") != "" {
		t.Fatalf("Expected the plan left out, got %q", slim[0].GetString("plan"))
	}
	// the fields left out read as empty: a number as 0, a text as "" (a
	// number as text too), no date; either record is stored
	blank := core.NewRecord(all[0].Collection())
	read := func(r *core.Record, name string) []any {
		text := r.GetString(name)
		if text == "0" || text == "false" {
			text = ""
		}
		return []any{text, r.GetBool(name), r.GetInt(name), r.GetFloat(name), r.GetDateTime(name)}
	}
	for _, fl := range all[0].Collection().Fields {
		if name := fl.GetName(); name != "id" && name != "title" && !reflect.DeepEqual(read(slim[0], name), read(blank, name)) {
			t.Errorf("Expected %s left out to read %v, got %v", name, read(blank, name), read(slim[0], name))
		}
	}
	if c := slim[0].Collection(); c.Name != model.Controls || c.ListRule != all[0].Collection().ListRule {
		t.Errorf("Expected a record of %s with its rules, got %s", model.Controls, c.Name)
	}
	if slim[0].IsNew() || all[0].IsNew() || all[0].Original().GetString("plan") != all[0].GetString("plan") {
		t.Error("Expected listed records not new, a whole one with its stored values as its original")
	}
	want := []string{f.Controls["5"], f.Controls["12"]}
	some, err := access.ListAs(app, user, model.Controls, "", "", 0, nil, access.In{Field: "id", Values: want})
	if err != nil || !same(ids(some), want) {
		t.Fatalf("Expected controls 5 and 12, got %v (%v)", ids(some), err)
	}
	reader, err := app.FindRecordById(model.Users, f.Users["lasare"])
	if err != nil {
		t.Fatal(err)
	}
	if seen, err := access.ListAs(app, reader, model.Controls, "", "", 0, nil, access.In{Field: "id", Values: want}); err != nil || !same(ids(seen), want[:1]) {
		t.Fatalf("Expected the reader to get control 5 only (12 is confidential), got %v (%v)", ids(seen), err)
	}
	if none, err := access.ListAs(app, user, model.Controls, "", "", 0, nil, access.In{Field: "id"}); err != nil || len(none) != 0 {
		t.Fatalf("Expected no controls for no values, got %d (%v)", len(none), err)
	}
	if _, err := access.ListAs(app, user, model.Controls, "", "", 0, nil, access.Fields{"nonexistent"}); err == nil {
		t.Fatal("Expected an unknown field refused")
	}
}

// TestCountUpToNeedsALimit: a count up to nothing is a caller's mistake,
// refused rather than read as "more than nothing"; one is the least.
func TestCountUpToNeedsALimit(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	user, err := app.FindRecordById(model.Users, f.Users["samordnare"])
	if err != nil {
		t.Fatal(err)
	}
	for _, most := range []int{0, -1} {
		if n, more, err := access.CountUpTo(app, user, model.Plans, "", nil, most); err == nil {
			t.Errorf("Expected a count up to %d refused, got %d more=%v", most, n, more)
		}
	}
	if n, more, err := access.CountUpTo(app, user, model.Controls, "", nil, 1); err != nil || n != 1 || !more {
		t.Errorf("Expected a count up to 1 of several controls, got %d more=%v (%v)", n, more, err)
	}
}

// TestAsClient: a filter the REST API refuses from a client — through a
// collection only superusers may list, or by @collection — is an error
// with AsClient, and the caller's own filter without it. (The answers
// themselves are compared with real REST requests in proof/authz,
// TestRuleEngineAsRESTAPI.)
func TestAsClient(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	user := testapp.Find(t, app, model.Users, f.Users["samordnare"])
	for _, filter := range []string{`owner.sessions_via_user.id != ""`, `@collection.plans.year = 2024`} {
		if _, err := access.ListIDsAs(app, user, model.Controls, filter, "", 0, nil); err != nil {
			t.Errorf("%s: expected the caller's filter answered, got %v", filter, err)
		}
		if _, err := access.ListIDsAs(app, user, model.Controls, filter, "", 0, nil, access.AsClient{}); err == nil {
			t.Errorf("%s: expected a client's filter refused, as the REST API refuses it", filter)
		}
		if _, err := access.CountAs(app, user, model.Controls, filter, nil, access.AsClient{}); err == nil {
			t.Errorf("%s: expected a client's filter refused in a count", filter)
		}
	}
	plain, err := access.ListIDsAs(app, user, model.Controls, "", "", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	client, err := access.ListIDsAs(app, user, model.Controls, "", "", 0, nil, access.AsClient{})
	if err != nil || !same(plain, client) {
		t.Errorf("Expected no filter to read alike, got %v and %v (%v)", plain, client, err)
	}
}
