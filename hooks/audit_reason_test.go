package hooks_test

import (
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestHistoryKeepsTheActorsReason: a change made with a reason (the web
// UI's confirmation pages give one, model.Actor.Because) keeps it in its
// history row; a change without one has none.
func TestHistoryKeepsTheActorsReason(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2026})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := 1; i <= 2; i++ {
		c, err := testapp.Create(app, model.Controls, map[string]any{"plan": plan.Id, "number": i, "title": "Kontroll", "frequency": model.FreqYearly})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.Id)
	}
	coordinator := model.Actor{Kind: model.ActorUser, Id: f.Users["samordnare"], Name: "samordnare", Role: model.RoleCoordinator}
	for i, actor := range []model.Actor{coordinator.Because("Dubblett av kontrollpunkt 3."), coordinator} {
		err := model.RunAs(app, actor, func(tx core.App) error {
			c, err := tx.FindRecordById(model.Controls, ids[i])
			if err != nil {
				return err
			}
			return tx.Delete(c)
		})
		if err != nil {
			t.Fatal(err)
		}
		row, err := app.FindFirstRecordByFilter(model.AuditLog, "record = {:c} && op = 'delete'", dbx.Params{"c": ids[i]})
		if err != nil {
			t.Fatalf("Expected the delete in the history, got %v", err)
		}
		if got := row.GetString("reason"); got != actor.Reason {
			t.Errorf("Expected the delete's history row to hold the reason %q, got %q", actor.Reason, got)
		}
	}
}
