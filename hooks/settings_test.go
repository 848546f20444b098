package hooks_test

import (
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestSettingsAreOne: there is exactly one settings record: a second is
// refused, and the one cannot be deleted, only changed. Where there is
// none (a fresh data folder, whose migration writes it with the hooks
// bound), the first is created.
func TestSettingsAreOne(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	if _, err := testapp.Create(app, model.Settings, map[string]any{"risk_scale": 4}); err == nil || !strings.Contains(err.Error(), "finns redan") {
		t.Errorf("Expected a second settings record refused, got %v", err)
	}
	if err := testapp.Delete(app, model.Settings, f.Settings); err == nil || !strings.Contains(err.Error(), "kan inte tas bort") {
		t.Errorf("Expected the settings kept, got %v", err)
	}
	if n := testapp.Count(t, app, model.Settings, nil); n != 1 {
		t.Errorf("Expected one settings record, got %d", n)
	}
	if err := testapp.Update(app, model.Settings, f.Settings, map[string]any{"risk_scale": 4}); err != nil {
		t.Errorf("Expected the settings changed, got %v", err)
	}
	if _, err := app.DB().Delete(model.Settings, nil).Execute(); err != nil {
		t.Fatal(err)
	}
	if _, err := testapp.Create(app, model.Settings, map[string]any{"risk_scale": 5}); err != nil {
		t.Errorf("Expected the first settings record created, got %v", err)
	}
	if _, err := testapp.Create(app, model.Settings, map[string]any{"risk_scale": 4}); err == nil {
		t.Errorf("Expected a second settings record refused again")
	}
}
