package hooks_test

import (
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestNoTransferToOwnBoard: a result or an action cannot be marked
// transferred to the board it already belongs to — not by a transfer
// either (model.RunCarry, the one way transferred_to is written), whoever
// runs it — and nothing of the refused write is saved.
func TestNoTransferToOwnBoard(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	scenarios := []struct {
		name       string
		collection string
		filter     string // picks an open record of the KS plan
		fields     map[string]any
	}{
		{
			name: "a result not performed", collection: model.Results,
			filter: "control.plan = {:plan} && outcome = 'no_deviation'",
			fields: map[string]any{"outcome": model.OutcomeNotPerformed, "not_performed_reason": "Flyttad till nämnden."},
		},
		{
			name: "an action", collection: model.Actions,
			filter: "plan = {:plan} && status = 'planned'",
			fields: map[string]any{},
		},
	}
	actors := map[string]model.Actor{
		"the system":  model.System,
		"coordinator": {Kind: model.ActorUser, Id: f.Users["samordnare"], Name: "samordnare", Role: model.RoleCoordinator},
	}
	for _, s := range scenarios {
		for who, actor := range actors {
			t.Run(s.name+" by "+who, func(t *testing.T) {
				t.Parallel()
				app := testapp.New(t)
				r, err := app.FindFirstRecordByFilter(s.collection, s.filter, dbx.Params{"plan": f.Plan})
				if err != nil {
					t.Fatalf("Expected an open %s in the KS plan: %v", s.collection, err)
				}
				before := r.Fresh()
				err = model.RunAs(app, actor, func(tx core.App) error {
					return model.RunCarry(tx, func(tx core.App) error {
						rec, err := tx.FindRecordById(s.collection, r.Id)
						if err != nil {
							return err
						}
						for k, v := range s.fields {
							rec.Set(k, v)
						}
						rec.Set("transferred_to", f.KS)
						return tx.Save(rec)
					})
				})
				msg, ok := testapp.FieldErrors(err)["transferred_to"]
				if !ok || !strings.Contains(msg, "sin egen nämnd") {
					t.Fatalf("Expected the transfer to its own board refused naming transferred_to, got %v", err)
				}
				after := testapp.Find(t, app, s.collection, r.Id)
				for _, field := range []string{"transferred_to", "outcome", "status"} {
					if after.GetString(field) != before.GetString(field) {
						t.Errorf("Expected %s unchanged (%q), got %q", field, before.GetString(field), after.GetString(field))
					}
				}
			})
		}
	}
}
