package hooks_test

import (
	"strings"
	"testing"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestControlLookupFailureFailsWrite: the two lookups of a control's own
// rules that are queries, not finds — the next position in its plan and
// whether its number is taken — fail the write when the database cannot
// answer them, as find does (PriorityLookupFailure); they are never read
// as "position 1" or "the number is free".
func TestControlLookupFailureFailsWrite(t *testing.T) {
	for _, c := range []struct {
		name   string
		fields map[string]any
	}{
		{"the next position", map[string]any{}},
		{"the number taken", map[string]any{"position": 7}},
	} {
		t.Run(c.name, func(t *testing.T) {
			app := testapp.New(t)
			f := testapp.Fix(t)
			draft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2026})
			if err != nil {
				t.Fatal(err)
			}
			// the controls cannot be read: a table of that name is gone
			exec(t, app, `ALTER TABLE controls RENAME TO controls_kept`)
			fields := map[string]any{"plan": draft.Id, "number": 1, "title": "Ny", "frequency": model.FreqYearly}
			for k, v := range c.fields {
				fields[k] = v
			}
			_, err = testapp.Create(app, model.Controls, fields)
			if want := i18n.M("ikplan.lookup.failed").In(i18n.Sv); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Expected %q, got %v", want, err)
			}
		})
	}
}
