package hooks_test

import (
	"encoding/json"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestHistoryHoldsTheValuesOfACreateAndADelete: the history row of a
// create holds every field given a value as [null, value], and the row of
// a delete every field that had one as [value, null] — numbers, lists
// (a user's boards), yes/no and JSON fields alike — and neither names a
// field left empty (no text, 0, no, an empty list or object).
func TestHistoryHoldsTheValuesOfACreateAndADelete(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	scenarios := []struct {
		name       string
		collection string
		setup      func(app core.App) error // an administrator's change first
		fields     func(f *testapp.Fixture) map[string]any
		want       map[string]any // field → the value in the history (as JSON reads it)
		absent     []string       // fields left empty
	}{
		{
			name: "a risk assessment", collection: model.RiskAssessments,
			fields: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"risk": f.Risk, "year": 2025, "probability": 2, "consequence": 3}
			},
			want:   map[string]any{"year": 2025.0, "probability": 2.0, "consequence": 3.0, "value": 6.0},
			absent: []string{"motivation", "treatment"},
		},
		{
			name: "a user of a board", collection: model.Users,
			fields: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"email": "ny@ikplan.test", "password": testapp.Password, "name": "Ny Användare",
					"role": model.RoleOwner, "boards": []string{f.KS}}
			},
			want:   map[string]any{"name": "Ny Användare", "role": model.RoleOwner, "boards": []any{f.KS}},
			absent: []string{"verified", "emailVisibility", "password"},
		},
		{
			name: "a user of no board", collection: model.Users,
			fields: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"email": "ingen@ikplan.test", "password": testapp.Password, "name": "Ingen Nämnd",
					"role": model.RoleReader, "boards": []string{}}
			},
			want:   map[string]any{"name": "Ingen Nämnd", "role": model.RoleReader},
			absent: []string{"boards", "verified"},
		},
		{
			name: "a control with yes and no", collection: model.Controls,
			fields: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"plan": "DRAFT", "number": 3, "title": "Sekretess", "confidential": true}
			},
			want:   map[string]any{"number": 3.0, "title": "Sekretess", "confidential": true},
			absent: []string{"description", "due", "risk", "target_value"},
		},
		{
			name: "a control without", collection: model.Controls,
			fields: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"plan": "DRAFT", "number": 4, "title": "Öppen", "confidential": false}
			},
			want:   map[string]any{"number": 4.0, "title": "Öppen"},
			absent: []string{"confidential", "description"},
		},
		{
			name: "a risk with an administrator's JSON field", collection: model.Risks, setup: jsonField,
			fields: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"board": f.KS, "title": "Ny risk", "extra": map[string]any{"källa": "revision"}}
			},
			want:   map[string]any{"board": f.KS, "title": "Ny risk", "extra": map[string]any{"källa": "revision"}},
			absent: []string{"description", "unit"},
		},
		{
			name: "a risk with the JSON field empty", collection: model.Risks, setup: jsonField,
			fields: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"board": f.KS, "title": "Ny risk", "extra": map[string]any{}}
			},
			want:   map[string]any{"title": "Ny risk"},
			absent: []string{"extra"},
		},
		{
			name: "a risk with an empty JSON list", collection: model.Risks, setup: jsonField,
			fields: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"board": f.KS, "title": "Ny risk", "extra": []any{}}
			},
			want:   map[string]any{"title": "Ny risk"},
			absent: []string{"extra"},
		},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			app := testapp.New(t)
			if s.setup != nil {
				if err := s.setup(app); err != nil {
					t.Fatal(err)
				}
			}
			fields := s.fields(f)
			if fields["plan"] == "DRAFT" {
				plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2026})
				if err != nil {
					t.Fatal(err)
				}
				fields["plan"] = plan.Id
			}
			r, err := testapp.Create(app, s.collection, fields)
			if err != nil {
				t.Fatalf("Expected the create allowed, got %v", err)
			}
			if err := app.Delete(r); err != nil {
				t.Fatalf("Expected the delete allowed, got %v", err)
			}
			sides := []string{"old", "new"}
			for op, side := range map[string]int{model.OpCreate: 1, model.OpDelete: 0} {
				changes := historyChanges(t, app, r.Id, op)
				for field, want := range s.want {
					got, ok := changes[field]
					if !ok || !jsonEqual(got[side], want) || got[1-side] != nil {
						t.Errorf("Expected the %s row to hold %s = %v as the %s value, got %v (listed: %v)", op, field, want, sides[side], got, ok)
					}
				}
				for _, field := range s.absent {
					if got, ok := changes[field]; ok {
						t.Errorf("Expected the %s row to leave out the empty %s, got %v", op, field, got)
					}
				}
			}
		})
	}
}

// jsonField adds a JSON field "extra" to risks, as an administrator may
// in the dashboard.
func jsonField(app core.App) error {
	col, err := app.FindCollectionByNameOrId(model.Risks)
	if err != nil {
		return err
	}
	col.Fields.Add(&core.JSONField{Name: "extra", MaxSize: 2000})
	return app.Save(col)
}

// historyChanges is the changes of the record's history row of op.
func historyChanges(t *testing.T, app core.App, record, op string) map[string][2]any {
	t.Helper()
	row, err := app.FindFirstRecordByFilter(model.AuditLog, "record = {:r} && op = {:op}", dbx.Params{"r": record, "op": op})
	if err != nil {
		t.Fatalf("Expected a %s row in the history of %s, got %v", op, record, err)
	}
	var changes map[string][2]any
	if err := json.Unmarshal([]byte(row.GetString("changes")), &changes); err != nil {
		t.Fatal(err)
	}
	return changes
}

// jsonEqual compares two values as JSON writes them.
func jsonEqual(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}
