package proctest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binDir    string
	binPath   string
	buildErr  error
)

// Main runs a package's tests and removes the built binary afterwards. Call
// it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// Binary is the path of the ikplan binary built from the module this test
// runs in. It is built once per test binary (`go test` puts its own Go
// first on the PATH, so `go` here is the same toolchain).
func Binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		root, err := ModuleRoot()
		if err != nil {
			buildErr = err
			return
		}
		binDir, err = os.MkdirTemp("", "ikplan-proctest-")
		if err != nil {
			buildErr = err
			return
		}
		name := "ikplan"
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		binPath = filepath.Join(binDir, name)
		// -buildvcs=auto: the commit in the binary for ikplan version,
		// also where GOFLAGS says -buildvcs=false (this machine's go env);
		// where git cannot tell (no git, a checkout of another owner), the
		// build without it
		for _, vcs := range []string{"-buildvcs=auto", "-buildvcs=false"} {
			cmd := exec.Command("go", "build", vcs, "-o", binPath, ".")
			cmd.Dir = root
			out, err := cmd.CombinedOutput()
			if buildErr = nil; err != nil {
				buildErr = fmt.Errorf("failed to build ikplan in %s: %w\n%s", root, err, out)
				continue
			}
			break
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// ModuleRoot is the folder of the go.mod above the working directory (a
// test's working directory is its package's folder).
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
