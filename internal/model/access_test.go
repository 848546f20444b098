package model_test

import (
	"slices"
	"sort"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

// TestAccessAsPocketBase checks the pages' reads and write checks against
// PocketBase's own evaluation of the same rules: for every collection,
// every record and every kind of user, ListAs, ViewAs, Allowed and CountAs
// let through exactly the records PocketBase's CanAccessRecord does, with
// the user's own values bound into the rule and DISTINCT left out of
// queries that join only single relations.
func TestAccessAsPocketBase(t *testing.T) {
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
			info := model.RequestInfo(user)
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
			listed, err := model.ListAs(app, user, name, "", "", 0, nil)
			if err != nil {
				t.Fatalf("%s as %s: %v", name, key, err)
			}
			if got := ids(listed); !same(got, want["list"]) {
				t.Errorf("%s listed as %s: got %d records %v, PocketBase lets through %d %v", name, key, len(got), got, len(want["list"]), want["list"])
			}
			if n, err := model.CountAs(app, user, name, "", nil); err != nil || n != len(want["list"]) {
				t.Errorf("%s counted as %s: got %d (%v), want %d", name, key, n, err, len(want["list"]))
			}
			for _, r := range all {
				v, err := model.ViewAs(app, user, name, r.Id)
				if err != nil {
					t.Fatal(err)
				}
				if (v != nil) != slices.Contains(want["list"], r.Id) {
					t.Errorf("%s %s viewed as %s: got %v", name, r.Id, key, v != nil)
				}
			}
			for rule, expr := range map[string]*string{"update": col.UpdateRule, "delete": col.DeleteRule} {
				allowed, err := model.Allowed(app, user, name, expr, allIds)
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
