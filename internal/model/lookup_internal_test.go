package model

import (
	"errors"
	"testing"

	"github.com/pocketbase/pocketbase/core"
)

// TestLookupsDroppedAtTheEnd checks that a transaction's lookup cache is
// gone once the transaction ends, committed or rolled back, even when the
// function that drops it is never called.
func TestLookupsDroppedAtTheEnd(t *testing.T) {
	t.Parallel()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: t.TempDir()})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	defer app.ClearBootstrap()
	rollback := errors.New("rollback")
	for _, end := range []error{nil, rollback} {
		var w *Write
		err := RunAs(app, System, func(tx core.App) error {
			w = writeOf(tx)
			if _, err := CacheLookups(tx, Users); err != nil {
				return err
			}
			if w.cache == nil {
				t.Errorf("Expected a cache while the transaction runs")
			}
			return end
		})
		if !errors.Is(err, end) {
			t.Fatalf("Expected %v, got %v", end, err)
		}
		if w.cache != nil {
			t.Errorf("Expected the cache dropped when the transaction ended with %v", end)
		}
	}
}
