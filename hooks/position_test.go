package hooks_test

import (
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestNewControlGoesLast: a control added without a place in its plan goes
// after the plan's last one; one given its place keeps it.
func TestNewControlGoesLast(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2026})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		number   int
		position int // given; 0 for none
		want     int
	}{
		{number: 1, want: 1},
		{number: 2, want: 2},
		{number: 3, position: 10, want: 10},
		{number: 4, want: 11},
		{number: 5, position: 5, want: 5},
		{number: 6, want: 12},
	}
	for _, s := range steps {
		fields := map[string]any{"plan": plan.Id, "number": s.number, "title": "Kontroll", "frequency": model.FreqYearly}
		if s.position != 0 {
			fields["position"] = s.position
		}
		c, err := testapp.Create(app, model.Controls, fields)
		if err != nil {
			t.Fatalf("control %d: %v", s.number, err)
		}
		if got := testapp.Find(t, app, model.Controls, c.Id).GetInt("position"); got != s.want {
			t.Errorf("Expected control %d at position %d, got %d", s.number, s.want, got)
		}
	}
}
