package pb_migrations

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
)

// TestBoardsNameInTextMigration: the migration gives the boards there
// already are the name for running text the documents wrote until now
// (model.DefaultNameInText), and going down removes the field.
func TestBoardsNameInTextMigration(t *testing.T) {
	t.Parallel()
	app, err := tests.NewTestApp(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	if err := dropBoardsNameInText(app); err != nil {
		t.Fatal(err)
	}
	col, err := app.FindCollectionByNameOrId(model.Boards)
	if err != nil {
		t.Fatal(err)
	}
	if col.Fields.GetByName(model.NameInTextField) != nil {
		t.Fatalf("Expected no %s after going down", model.NameInTextField)
	}
	want := map[string]string{
		"Kommunstyrelsen": "kommunstyrelsen",
		"Västra Mälardalens överförmyndarnämnd": "västra Mälardalens överförmyndarnämnd",
		"IT-nämnden": "IT-nämnden",
	}
	ids := map[string]string{}
	for name := range want {
		r := core.NewRecord(col)
		r.Set("name", name)
		if err := app.Save(r); err != nil {
			t.Fatal(err)
		}
		ids[name] = r.Id
	}
	if err := addBoardsNameInText(app); err != nil {
		t.Fatal(err)
	}
	for name, w := range want {
		r, err := app.FindRecordById(model.Boards, ids[name])
		if err != nil {
			t.Fatal(err)
		}
		if got := r.GetString(model.NameInTextField); got != w {
			t.Errorf("Expected %q filled with %q, got %q", name, w, got)
		}
	}
}
