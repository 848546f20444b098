package proctest_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"ikplan/proof/proctest"
)

// run runs the real binary: what it printed, and what it printed to
// stderr with its exit status when it failed ("" when it succeeded).
func runIkplan(t *testing.T, args ...string) (out, refusal string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(proctest.Binary(t), args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), stderr.String() + err.Error()
	}
	return stdout.String(), ""
}

// TestPackageBuildAndVerify: the real binary loads the demo data, builds
// Kommunstyrelsen's 2024 package, and verifies it: beside the data folder
// it says the key is the instance's (the one `package key` prints),
// elsewhere it prints the fingerprint to compare, beside another
// instance's data folder it refuses; a copy with one byte changed, in a
// file's data and in the directory, is refused with a non-zero exit and
// a Swedish message naming what changed.
func TestPackageBuildAndVerify(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "pb_data")
	if _, refusal := runIkplan(t, "demo", "--dir", data); refusal != "" {
		t.Fatalf("Expected the demo loaded, got %s", refusal)
	}
	zip := filepath.Join(dir, "revisionspaket.zip")
	out, refusal := runIkplan(t, "package", "build", "--dir", data, "--year", "2024", "--board", "Kommunstyrelsen", "--out", zip)
	if refusal != "" {
		t.Fatalf("Expected the package built, got %s", refusal)
	}
	key, refusal := runIkplan(t, "package", "key", "--dir", data)
	if refusal != "" {
		t.Fatal(refusal)
	}
	_, fp, _ := strings.Cut(key, "Fingeravtryck: ")
	fp, _, _ = strings.Cut(fp, "\n")
	if fp == "" || !strings.Contains(out, fp) {
		t.Fatalf("Expected the build to name the key %q, got %q", fp, out)
	}
	out, refusal = runIkplan(t, "package", "verify", "--dir", data, zip)
	if refusal != "" || !strings.Contains(out, "Paketet är oförändrat") || !strings.Contains(out, "Nyckeln är den här installationens") || !strings.Contains(out, fp) {
		t.Fatalf("Expected the package verified with this instance's key, got %q %q", out, refusal)
	}
	out, refusal = runIkplan(t, "package", "verify", "--dir", filepath.Join(dir, "elsewhere"), zip)
	if refusal != "" || !strings.Contains(out, "jämför fingeravtrycket") || !strings.Contains(out, fp) {
		t.Fatalf("Expected the fingerprint to compare, got %q %q", out, refusal)
	}
	other := filepath.Join(dir, "other")
	if _, refusal := runIkplan(t, "package", "key", "--dir", other); refusal != "" {
		t.Fatal(refusal)
	}
	if _, refusal = runIkplan(t, "package", "verify", "--dir", other, zip); !strings.Contains(refusal, "annan nyckel än den här installationens") {
		t.Errorf("Expected another instance's key refused, got %q", refusal)
	}
	pkg, err := os.ReadFile(zip)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		at   int
		want string
	}{
		{bytes.Index(pkg, []byte("Revisionspaket för intern kontroll")), "LASMIG.txt har ändrats"},
		{len(pkg) - 30, "manifest.pub"}, // in the directory: the last entry's name
	} {
		changed := bytes.Clone(pkg)
		changed[c.at] ^= 0x20
		path := filepath.Join(dir, "andrad.zip")
		if err := os.WriteFile(path, changed, 0o644); err != nil {
			t.Fatal(err)
		}
		_, refusal := runIkplan(t, "package", "verify", "--dir", data, path)
		if !strings.Contains(refusal, "godtas inte") || !strings.Contains(refusal, c.want) || !strings.Contains(refusal, "exit status") {
			t.Errorf("Expected byte %d refused with %q and a non-zero exit, got %q", c.at, c.want, refusal)
		}
	}
}
