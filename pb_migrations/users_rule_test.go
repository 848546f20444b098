package pb_migrations_test

import (
	"slices"
	"testing"

	rules "ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestUsersSeeTheirBoards: a person sees themselves and the people who
// share a board with them, as PocketBase's REST API and the pages both
// read the users' list rule; someone of no board sees only themselves.
func TestUsersSeeTheirBoards(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	fixed(t, app, model.Users, "nobody000000001", map[string]any{"email": "n1@ikplan.test", "password": "ikplan-n1-test", "role": "reader"})
	fixed(t, app, model.Users, "nobody000000002", map[string]any{"email": "n2@ikplan.test", "password": "ikplan-n2-test", "role": "reader"})
	fixed(t, app, model.Users, "ianonly00000001", map[string]any{"email": "i1@ikplan.test", "password": "ikplan-i1-test", "role": "reader", "boards": []string{f.IAN}})
	users, err := app.FindCollectionByNameOrId(model.Users)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		viewer        string
		sees, notSees []string
	}{
		{"nobody000000001", []string{"nobody000000001"}, []string{"nobody000000002", "ianonly00000001", f.Users["samordnare"]}},
		{"ianonly00000001", []string{"ianonly00000001", f.Users["annan"], f.Users["samordnare"], f.Users["hr"]},
			[]string{f.Users["ansvarig"], f.Users["lasare"], "nobody000000001"}},
		{f.Users["ansvarig"], []string{f.Users["ansvarig"], f.Users["samordnare"], f.Users["lasare"]},
			[]string{f.Users["annan"], "ianonly00000001", "nobody000000002"}},
		{f.Users["samordnare"], []string{f.Users["annan"], f.Users["ansvarig"], "ianonly00000001"}, []string{"nobody000000001"}},
	}
	for _, c := range cases {
		viewer, err := app.FindRecordById(model.Users, c.viewer)
		if err != nil {
			t.Fatal(err)
		}
		listed, err := rules.ListAs(app, viewer, model.Users, "", "", 0, nil)
		if err != nil {
			t.Fatal(err)
		}
		ids := rules.IDs(listed)
		for _, id := range append(slices.Clone(c.sees), c.notSees...) {
			want := slices.Contains(c.sees, id)
			target, err := app.FindRecordById(model.Users, id)
			if err != nil {
				t.Fatal(err)
			}
			byPocketBase, err := app.CanAccessRecord(target, rules.RequestInfo(viewer), users.ListRule)
			if err != nil {
				t.Fatal(err)
			}
			if byPocketBase != want || slices.Contains(ids, id) != want {
				t.Errorf("Expected %s to see %s: %v, got %v from PocketBase and %v listed", c.viewer, id, want, byPocketBase, slices.Contains(ids, id))
			}
		}
	}
}
