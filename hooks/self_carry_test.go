package hooks_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestActionIsNoContinuationOfItself: no action is carried from itself,
// on create (the record it names does not exist yet) or on update
// (carried_from never changes). The hook's own check of the same
// (actions.go, carried_from == id) is reached by neither, which is why
// gremlins' mutant of it lives (docs/RELIABILITY.md#mutation-testing).
func TestActionIsNoContinuationOfItself(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	old, err := app.FindRecordById(model.Actions, f.Actions["11"])
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(old.Collection())
	for k, v := range old.FieldsData() {
		if k != "id" && k != "created" && k != "updated" {
			r.Set(k, v)
		}
	}
	r.Id = "selfcarry000001"
	r.Set("carried_from", r.Id)
	save := func(rec *core.Record) error {
		return model.RunAs(app, model.System, func(tx core.App) error { return tx.Save(rec) })
	}
	if msg := testapp.FieldErrors(save(r))["carried_from"]; msg == "" {
		t.Errorf("Expected a new action carried from itself refused naming carried_from")
	}
	old.Set("carried_from", old.Id)
	if msg := testapp.FieldErrors(save(old))["carried_from"]; msg == "" {
		t.Errorf("Expected an action changed to be carried from itself refused naming carried_from")
	}
}
