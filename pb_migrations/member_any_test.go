package pb_migrations_test

import (
	"strings"
	"testing"

	"ikplan/proof/testapp"
)

// TestMembershipSaysWhatItMeans: every rule that asks whether the user
// belongs to a board says it as "some board of theirs is it"
// (@request.auth.boards.id ?= …), never as text found in the JSON of their
// list of boards (~, ?~), which was sound only because of what ids look like.
func TestMembershipSaysWhatItMeans(t *testing.T) {
	app := testapp.New(t)
	cols, err := app.FindAllCollections()
	if err != nil {
		t.Fatal(err)
	}
	members := 0
	for _, col := range cols {
		for name, rule := range map[string]*string{"list": col.ListRule, "view": col.ViewRule, "create": col.CreateRule, "update": col.UpdateRule, "delete": col.DeleteRule} {
			if rule == nil {
				continue
			}
			for _, text := range []string{"@request.auth.boards ~", "@request.auth.boards ?~", "~ @request.auth.boards"} {
				if strings.Contains(*rule, text) {
					t.Errorf("%s %s rule reads membership as text (%q): %s", col.Name, name, text, *rule)
				}
			}
			members += strings.Count(*rule, "@request.auth.boards.id ?= ")
		}
	}
	if members < 30 {
		t.Errorf("Expected the rules of every board's records to test membership with ?=, found %d", members)
	}
}
