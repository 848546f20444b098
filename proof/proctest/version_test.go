package proctest_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"ikplan/proof/proctest"
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
	// the commit the go command stamped (go version -m reads it back), which
	// is the checkout's HEAD; without one ikplan says it does not know
	info, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatalf("go version -m: %v", err)
	}
	if m := regexp.MustCompile(`vcs\.revision=([0-9a-f]+)`).FindSubmatch(info); m != nil {
		want = append(want, "\ncommit      "+string(m[1]))
		if head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output(); err == nil && strings.TrimSpace(string(head)) != string(m[1]) {
			t.Errorf("Expected the binary stamped with HEAD %s, got %s", head, m[1])
		}
	} else {
		t.Logf("the binary has no commit (built outside git, or git could not tell): checking that ikplan says so")
		want = append(want, "\ncommit      okänd (byggd utanför git)\n")
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
