package pb_migrations

import (
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
)

// rulesText is every rule of every collection, joined.
func rulesText(t *testing.T, app core.App) string {
	t.Helper()
	cols, err := app.FindAllCollections()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, col := range cols {
		for _, r := range []*string{col.ListRule, col.ViewRule, col.CreateRule, col.UpdateRule, col.DeleteRule} {
			if r != nil {
				b.WriteString(*r + "\n")
			}
		}
	}
	return b.String()
}

// TestMemberAnyMigration: a database whose rules test membership as text
// (as every one migrated before 1764203400) has them as ?= afterwards, and
// going down gives the text form back, rule for rule.
func TestMemberAnyMigration(t *testing.T) {
	t.Parallel()
	app, err := tests.NewTestApp(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	if err := memberText(app); err != nil {
		t.Fatal(err)
	}
	old := rulesText(t, app)
	if strings.Contains(old, "@request.auth.boards.id ?=") || strings.Count(old, "@request.auth.boards ~ ") < 30 || !strings.Contains(old, "@request.auth.boards ?~ boards.id") {
		t.Fatalf("Expected the text form after going down, got\n%s", old)
	}
	if err := memberAny(app); err != nil {
		t.Fatal(err)
	}
	now := rulesText(t, app)
	if strings.Contains(now, "@request.auth.boards ~") || strings.Contains(now, "?~") {
		t.Fatalf("Expected no text form after the migration, got\n%s", now)
	}
	if err := memberText(app); err != nil {
		t.Fatal(err)
	}
	if again := rulesText(t, app); again != old {
		t.Fatalf("Going down did not give the rules back")
	}
}
