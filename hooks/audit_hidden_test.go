package hooks_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestHiddenFieldsStayOutOfTheHistory: a field hidden from the REST API
// (the calendar feed's secret, the password's hash, the token key) is
// never written to the change history, which nobody can delete and every
// backup keeps: for every such field of every collection whose changes are
// recorded, a change of it alone writes no history row, and a change with
// another field writes a row without it. (A field the server derives, such
// as a control's next unreported period, is set anew by the hooks on every
// save: it too must stay out.)
func TestHiddenFieldsStayOutOfTheHistory(t *testing.T) {
	app := testapp.New(t)
	f := testapp.Fix(t)
	// a record of each collection with hidden fields, and a change of one
	// of its shown fields to make beside a hidden one
	_, control, err := draftPlanWithControl(app, f, f.Users["annan"])
	if err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{model.Users: f.Users["ansvarig"], model.Controls: control.Id}
	shown := map[string]func(n int) (string, any){
		model.Users:    func(n int) (string, any) { return "name", fmt.Sprintf("Anders A. Ansvarig %d", n) },
		model.Controls: func(n int) (string, any) { return "title", fmt.Sprintf("Försörjningsstöd %d", n) },
	}
	found := 0
	for _, name := range model.Domain {
		col, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, field := range col.Fields {
			if !field.GetHidden() {
				continue
			}
			found++
			id, ok := targets[name]
			if !ok {
				t.Errorf("%s.%s is hidden: give the test a record of %s to change it on", name, field.GetName(), name)
				continue
			}
			secret := "hemlig-" + field.GetName() + "-0123456789abcdefghijklmnopqrstuvwxyz"
			if tf, ok := field.(*core.TextField); ok && tf.Max > 0 && len(secret) > tf.Max-1 {
				secret = secret[:tf.Max-1]
			}
			before := testapp.Count(t, app, model.AuditLog, dbx.HashExp{"record": id})
			r := testapp.Find(t, app, name, id)
			setHidden(r, field, secret)
			if err := app.Save(r); err != nil {
				t.Fatalf("failed to change %s.%s: %v", name, field.GetName(), err)
			}
			if n := testapp.Count(t, app, model.AuditLog, dbx.HashExp{"record": id}); n != before {
				t.Errorf("Expected no history row for a change of %s.%s alone, got %d new", name, field.GetName(), n-before)
			}
			r = testapp.Find(t, app, name, id)
			setHidden(r, field, secret+"2")
			other, value := shown[name](found)
			r.Set(other, value)
			if err := app.Save(r); err != nil {
				t.Fatal(err)
			}
			rows, err := app.FindRecordsByFilter(model.AuditLog, "record = {:id}", "-at", 0, 0, dbx.Params{"id": id})
			if err != nil || len(rows) == 0 {
				t.Fatalf("Expected a history row for the change of %s.%s, got %v", name, other, err)
			}
			for _, row := range rows {
				if c := row.GetString("changes"); strings.Contains(c, field.GetName()) || strings.Contains(c, "hemlig-") {
					t.Errorf("Expected %s.%s never in the history, got %s", name, field.GetName(), c)
				}
			}
		}
	}
	if found < 3 {
		t.Fatalf("Expected the users' hidden fields (calendar_token, password, tokenKey), found %d", found)
	}
}

func setHidden(r *core.Record, field core.Field, value string) {
	if field.Type() == core.FieldTypePassword {
		r.SetPassword(value)
		return
	}
	r.Set(field.GetName(), value)
}
