package proctest_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"ikplan/internal/proctest"
)

// TestVersion runs the real binary's `ikplan version` and `--version`:
// the commit it was built from (when the checkout is a git one), the Go
// it was built with (the test's own) and PocketBase's version from go.mod.
func TestVersion(t *testing.T) {
	t.Parallel()
	bin := proctest.Binary(t)
	out, err := exec.Command(bin, "version").CombinedOutput()
	if err != nil {
		t.Fatalf("Expected ikplan version to succeed, got %v\n%s", err, out)
	}
	root, err := proctest.ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	pb := regexp.MustCompile(`github\.com/pocketbase/pocketbase (v\S+)`).FindSubmatch(mod)
	if pb == nil {
		t.Fatal("Expected PocketBase in go.mod")
	}
	want := []string{"\nGo          " + runtime.Version() + "\n", "\nPocketBase  " + string(pb[1]) + "\n"}
	if head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output(); err == nil {
		want = append(want, "\ncommit      "+strings.TrimSpace(string(head)))
	} else {
		t.Logf("no git checkout (%v): the commit is not checked", err)
	}
	for _, w := range want {
		if !strings.Contains(string(out), w) {
			t.Errorf("Expected %q in ikplan version's output, got\n%s", w, out)
		}
	}
	if !strings.HasPrefix(string(out), "ikplan      ") {
		t.Errorf("Expected ikplan's own version first, got\n%s", out)
	}
	short, err := exec.Command(bin, "--version").CombinedOutput()
	if err != nil || !strings.Contains(string(short), "PocketBase "+string(pb[1])) || strings.Contains(string(short), "untracked") {
		t.Errorf("Expected --version to say ikplan's build on one line, got %v %q", err, short)
	}
}
