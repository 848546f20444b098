package cli_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase"

	"ikplan/hooks"
	"ikplan/internal/cli"
	_ "ikplan/pb_migrations"
)

// run executes ikplan with the arguments against the data folder, as the
// binary does, and returns what it printed.
func run(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDataDir: dir, HideStartBanner: true})
	hooks.Register(app, time.Now)
	cli.Register(app)
	var out bytes.Buffer
	app.RootCmd.SetOut(&out)
	app.RootCmd.SetErr(&out)
	app.RootCmd.SetArgs(args)
	err := app.Execute()
	return out.String(), err
}

func TestDemoCommand(t *testing.T) {
	dir := t.TempDir()
	out, err := run(t, dir, "demo", "--password", "hemligt-12345")
	if err != nil {
		t.Fatalf("Expected the demo to load, got %v\n%s", err, out)
	}
	for _, want := range []string{"samordnare@ikplan.test", "ansvarig@ikplan.test", "lasare@ikplan.test", "revisor@ikplan.test", "hemligt-12345", "20 kontrollpunkter"} {
		if !strings.Contains(out, want) {
			t.Errorf("Expected %q in the output, got\n%s", want, out)
		}
	}
	out, err = run(t, dir, "demo")
	if err == nil || !strings.Contains(err.Error(), "datamappen har redan ikplan-data") {
		t.Fatalf("Expected a second load to be refused, got %v\n%s", err, out)
	}
	if _, err := run(t, t.TempDir(), "demo", "--password", "kort"); err == nil || !strings.Contains(err.Error(), "minst 12 tecken") {
		t.Fatalf("Expected a short password refused, got %v", err)
	}
	if _, err := run(t, t.TempDir(), "demo", "extra"); err == nil {
		t.Fatalf("Expected an unknown argument refused")
	}
}
