package model_test

import (
	"errors"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// rename writes a user's name with plain SQL, past the hooks, so that only
// a read from the database sees it: what Find returns then shows whether it
// read the database or its cache.
func rename(t *testing.T, db dbx.Builder, userId, name string) {
	t.Helper()
	if _, err := db.Update(model.Users, dbx.Params{"name": name}, dbx.HashExp{"id": userId}).Execute(); err != nil {
		t.Fatalf("failed to rename the user: %v", err)
	}
}

// nameOf is the user's name as Find reads it.
func nameOf(t *testing.T, app core.App, userId string) string {
	t.Helper()
	u, err := model.Find(app, model.Users, userId)
	if err != nil {
		t.Fatalf("Expected the user, got %v", err)
	}
	return u.GetString("name")
}

func TestLookupsStayInTheirTransaction(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	user := f.Users["ansvarig"]

	// outside a write's transaction nothing is kept
	if _, err := model.CacheLookups(app, model.Users); err == nil {
		t.Errorf("Expected CacheLookups to refuse to run outside a transaction")
	}
	_ = app.RunInTransaction(func(tx core.App) error {
		if _, err := model.CacheLookups(tx, model.Users); err == nil {
			t.Errorf("Expected CacheLookups to refuse to run in a transaction that is no write's")
		}
		return nil
	})
	rename(t, app.DB(), user, "Utan transaktion")
	if got := nameOf(t, app, user); got != "Utan transaktion" {
		t.Errorf("Expected Find outside a transaction to read the database, got %q", got)
	}

	err := model.RunAs(app, model.System, func(tx core.App) error {
		drop, err := model.CacheLookups(tx, model.Users)
		if err != nil {
			return err
		}
		defer drop()
		if got := nameOf(t, tx, user); got != "Utan transaktion" {
			t.Errorf("Expected the stored name, got %q", got)
		}
		// a write past the hooks is not seen: the record is kept...
		rename(t, tx.DB(), user, "Förbi krokarna")
		if got := nameOf(t, tx, user); got != "Utan transaktion" {
			t.Errorf("Expected the kept record in the same transaction, got %q", got)
		}
		// ...each call gets a record of its own...
		u, _ := model.Find(tx, model.Users, user)
		u.Set("name", "Ändrad i minnet")
		if got := nameOf(t, tx, user); got != "Utan transaktion" {
			t.Errorf("Expected a change to a found record to stay with it, got %q", got)
		}
		// ...a nested transaction is the same transaction, and a second
		// cache for it changes nothing
		_ = tx.RunInTransaction(func(inner core.App) error {
			again, err := model.CacheLookups(inner, model.Users)
			if err != nil {
				t.Errorf("Expected a second CacheLookups to keep the first, got %v", err)
			}
			again()
			if got := nameOf(t, inner, user); got != "Utan transaktion" {
				t.Errorf("Expected the nested transaction to use the same cache, got %q", got)
			}
			return nil
		})
		// ...until it is forgotten
		model.ForgetLookup(tx, model.Users, user)
		if got := nameOf(t, tx, user); got != "Förbi krokarna" {
			t.Errorf("Expected a forgotten record to be read again, got %q", got)
		}
		// collections the cache was not asked to keep are always read
		plan, _ := model.Find(tx, model.Plans, f.Plan)
		if _, err := tx.DB().Update(model.Plans, dbx.Params{"status": model.PlanArchived}, dbx.HashExp{"id": f.Plan}).Execute(); err != nil {
			return err
		}
		if again, _ := model.Find(tx, model.Plans, f.Plan); again.GetString("status") != model.PlanArchived || plan.GetString("status") == model.PlanArchived {
			t.Errorf("Expected plans read from the database each time, got %q then %q", plan.GetString("status"), again.GetString("status"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// the next transaction reads the database again, with a cache of its own or without
	rename(t, app.DB(), user, "Nästa transaktion")
	_ = app.RunInTransaction(func(tx core.App) error {
		if got := nameOf(t, tx, user); got != "Nästa transaktion" {
			t.Errorf("Expected a transaction without a cache to read the database, got %q", got)
		}
		return nil
	})
	_ = model.RunAs(app, model.System, func(tx core.App) error {
		drop, _ := model.CacheLookups(tx, model.Users)
		defer drop()
		if got := nameOf(t, tx, user); got != "Nästa transaktion" {
			t.Errorf("Expected a new cache to read the database, got %q", got)
		}
		return nil
	})

	// nothing of a rolled-back transaction's cache is read by the next
	rollback := errors.New("rollback")
	err = model.RunAs(app, model.System, func(tx core.App) error {
		if _, err := model.CacheLookups(tx, model.Users); err != nil {
			return err
		}
		nameOf(t, tx, user)
		return rollback
	})
	if !errors.Is(err, rollback) {
		t.Fatalf("Expected the rollback, got %v", err)
	}
	rename(t, app.DB(), user, "Efter återställningen")
	_ = model.RunAs(app, model.System, func(tx core.App) error {
		drop, _ := model.CacheLookups(tx, model.Users)
		defer drop()
		if got := nameOf(t, tx, user); got != "Efter återställningen" {
			t.Errorf("Expected nothing kept from a rolled-back transaction, got %q", got)
		}
		return nil
	})
}

// TestLookupsSeeWrites checks that a record created, changed or deleted
// through the hooks in a transaction is read as it now is.
func TestLookupsSeeWrites(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	err := model.RunAs(app, model.System, func(tx core.App) error {
		drop, err := model.CacheLookups(tx, model.Users, model.Units)
		if err != nil {
			return err
		}
		defer drop()
		user := f.Users["ansvarig"]
		nameOf(t, tx, user)
		if err := testapp.Update(tx, model.Users, user, map[string]any{"name": "Sparad med krokarna"}); err != nil {
			return err
		}
		if got := nameOf(t, tx, user); got != "Sparad med krokarna" {
			t.Errorf("Expected an updated record to be read again, got %q", got)
		}
		unit, err := testapp.Create(tx, model.Units, map[string]any{"board": f.KS, "name": "Tillfälliga enheten"})
		if err != nil {
			return err
		}
		if u, err := model.Find(tx, model.Units, unit.Id); err != nil || u.GetString("name") != "Tillfälliga enheten" {
			t.Errorf("Expected the new unit, got %v %v", u, err)
		}
		if err := testapp.Delete(tx, model.Units, unit.Id); err != nil {
			return err
		}
		if u, err := model.Find(tx, model.Units, unit.Id); err == nil {
			t.Errorf("Expected a deleted unit to be gone, got %v", u)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
