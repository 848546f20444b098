package perf_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/perf"
)

// TestOffSwitch: with the switch off every part is off — no page cache, no
// gates (every request let through), PocketBase's own connection counts and
// driver (its page cache size, no statement kept) — and on again after.
func TestOffSwitch(t *testing.T) {
	if !perf.Enabled() {
		t.Skip("IKPLAN_PERF=off")
	}
	t.Cleanup(func() { perf.SetEnabled(true) })
	for _, on := range []bool{false, true} {
		perf.SetEnabled(on)
		if perf.Enabled() != on {
			t.Fatalf("Expected Enabled() %v, got %v", on, !on)
		}
		if got := perf.NewCache() != nil; got != on {
			t.Errorf("on=%v: Expected a page cache %v, got %v", on, on, got)
		}
		if got := perf.NewPageGate() != nil && perf.NewImportGate() != nil; got != on {
			t.Errorf("on=%v: Expected gates %v, got %v", on, on, got)
		}
		if !on {
			var g *perf.Gate // off: all through, at once
			for range 100 {
				if _, err := g.Wait(context.Background(), time.Millisecond); err != nil {
					t.Fatalf("Expected no gate when off, got %v", err)
				}
				if _, ok := g.Try(); !ok {
					t.Fatal("Expected no import gate when off")
				}
			}
			if perf.Conns() != core.DefaultDataMaxOpenConns || perf.IdleConns() != core.DefaultDataMaxIdleConns {
				t.Errorf("Expected PocketBase's connection counts when off, got %d and %d", perf.Conns(), perf.IdleConns())
			}
		} else if perf.Conns() != perf.IdleConns() || perf.Conns() < 3 || perf.Conns() >= core.DefaultDataMaxIdleConns {
			t.Errorf("Expected a few connections, all kept idle, when on, got %d and %d", perf.Conns(), perf.IdleConns())
		}
		db, err := perf.Connect(filepath.Join(t.TempDir(), "data.db"))
		if err != nil {
			t.Fatal(err)
		}
		db.DB().SetMaxOpenConns(1)
		var cache string
		if err := db.NewQuery("PRAGMA cache_size").Row(&cache); err != nil {
			t.Fatal(err)
		}
		theirs, err := core.DefaultDBConnect(filepath.Join(t.TempDir(), "theirs.db"))
		if err != nil {
			t.Fatal(err)
		}
		var want string
		if err := theirs.NewQuery("PRAGMA cache_size").Row(&want); err != nil {
			t.Fatal(err)
		}
		if on {
			want = "-2000"
		}
		if cache != want {
			t.Errorf("on=%v: Expected PRAGMA cache_size %s, got %s", on, want, cache)
		}
		before := perf.Prepared()
		for range 3 {
			if err := db.NewQuery("SELECT 1").Row(new(int)); err != nil {
				t.Fatal(err)
			}
		}
		if kept := perf.Prepared() > before; kept != on {
			t.Errorf("on=%v: Expected statements kept %v, got %v", on, on, kept)
		}
		db.Close()
		theirs.Close()
	}
}

// TestFromArgs: --perf=off and --perf off turn the machinery off; other
// values and other flags leave it on.
func TestFromArgs(t *testing.T) {
	if !perf.Enabled() {
		t.Skip("IKPLAN_PERF=off")
	}
	t.Cleanup(func() { perf.SetEnabled(true) })
	scenarios := []struct {
		args []string
		on   bool
	}{
		{[]string{"serve", "--perf=off"}, false},
		{[]string{"serve", "--perf", "off"}, false},
		{[]string{"serve", "--perf=OFF", "--http", "x"}, false},
		{[]string{"serve", "--perf=on"}, true},
		{[]string{"serve", "--dir", "off"}, true},
		{[]string{"serve", "--perf"}, true},
	}
	for _, s := range scenarios {
		perf.SetEnabled(true)
		perf.FromArgs(s.args)
		if perf.Enabled() != s.on {
			t.Errorf("%v: Expected Enabled() %v, got %v", s.args, s.on, !s.on)
		}
	}
}

// TestSwitchReadAtStart: IKPLAN_PERF is read once, when the program
// starts, so the rule engine, which asks Enabled on every query, does not
// look through the environment each time: setting it afterwards changes
// nothing, and SetEnabled still turns the machinery off and on.
func TestSwitchReadAtStart(t *testing.T) {
	if !perf.Enabled() {
		t.Skip("IKPLAN_PERF=off")
	}
	t.Cleanup(func() { perf.SetEnabled(true) })
	t.Setenv(perf.Env, "off")
	if !perf.Enabled() {
		t.Fatalf("Expected %s=off set after the start to change nothing, got the machinery off", perf.Env)
	}
	perf.SetEnabled(false)
	if perf.Enabled() {
		t.Fatal("Expected SetEnabled(false) to turn the machinery off")
	}
	perf.SetEnabled(true)
	if !perf.Enabled() {
		t.Fatalf("Expected SetEnabled(true) to go back to what %s said at the start (on), got off", perf.Env)
	}
}
