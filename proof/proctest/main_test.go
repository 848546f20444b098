package proctest_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"ikplan/proof/proctest"
)

func TestMain(m *testing.M) { proctest.Main(m) }

// envInt is the environment variable as a number, or def when unset.
func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("Expected %s to be a positive number, got %q", name, v)
	}
	return n
}

// report writes a run's figures to $IKPLAN_RELIABILITY_OUT/name, or
// <module>/tmp/reliability/name, for docs/RELIABILITY.md to cite, and logs
// them.
func report(t *testing.T, name, text string) {
	t.Helper()
	text = "<!-- " + time.Now().UTC().Format(time.RFC3339) + " -->\n" + text
	t.Log("\n" + text)
	dir := os.Getenv("IKPLAN_RELIABILITY_OUT")
	if dir == "" {
		root, err := proctest.ModuleRoot()
		if err != nil {
			t.Fatal(err)
		}
		dir = filepath.Join(root, "tmp", "reliability")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
