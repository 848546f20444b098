package hooks_test

import (
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestTextMustBeReadable: text that is not valid UTF-8 is refused, naming
// the field, in every text field of every collection — and in an editor
// field an administrator adds in the dashboard — and nothing is saved.
func TestTextMustBeReadable(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	const broken = "trasig \xff text"
	checked := 0
	for _, name := range model.Domain {
		app := testapp.New(t)
		if name == model.Samples || name == model.SampleItems {
			drawNine(t, app, f) // the demo has no sample
		}
		if name == model.CommonControls {
			define(t, app, 2024, "Efterlevnad av attestreglementet") // nor a common control
		}
		col, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		// an editor field of the administrator's
		col.Fields.Add(&core.EditorField{Name: "extra_notes"})
		if err := app.Save(col); err != nil {
			t.Fatalf("Expected an editor field added to %s, got %v", name, err)
		}
		for _, fl := range col.Fields {
			if fl.GetSystem() || (fl.Type() != core.FieldTypeText && fl.Type() != core.FieldTypeEditor) {
				continue
			}
			t.Run(name+"."+fl.GetName(), func(t *testing.T) {
				// the plan a draft, so that nothing else keeps the field as it is
				if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
					t.Fatal(err)
				}
				r, err := app.FindFirstRecordByFilter(name, "")
				if err != nil {
					t.Fatalf("Expected a record of %s: %v", name, err)
				}
				was := r.GetString(fl.GetName())
				r.Set(fl.GetName(), broken)
				msg, ok := testapp.FieldErrors(app.Save(r))[fl.GetName()]
				if !ok || !strings.Contains(msg, "inte går att läsa") {
					t.Errorf("Expected the broken text refused naming %s, got %q", fl.GetName(), msg)
				}
				if got := testapp.Find(t, app, name, r.Id).GetString(fl.GetName()); got != was {
					t.Errorf("Expected %s kept as %q, got %q", fl.GetName(), was, got)
				}
			})
			checked++
		}
	}
	if checked < 30 {
		t.Fatalf("Expected at least 30 text fields, got %d", checked)
	}
}
