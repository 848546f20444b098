package ops

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// unitFile is the systemd unit the README installs.
var unitFile = filepath.Join("..", "..", "docs", "deploy", "ikplan.service")

// unit is a systemd unit file read as systemd reads it: each section's
// keys with every value assigned, in order (an empty assignment resets a
// list, so the last one counts).
type unit map[string]map[string][]string

func readUnit(t *testing.T, path string) unit {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("Expected the systemd unit at %s, got %v", path, err)
	}
	defer f.Close()
	u, section := unit{}, ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
			u[section] = map[string][]string{}
		case section == "":
			t.Fatalf("%s:%d: a setting outside a section: %q", path, n, line)
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				t.Fatalf("%s:%d: no key=value: %q", path, n, line)
			}
			k = strings.TrimSpace(k)
			u[section][k] = append(u[section][k], strings.TrimSpace(v))
		}
	}
	return u
}

// last is the value in force of a key ("" and false when it is not set).
func (u unit) last(section, key string) (string, bool) {
	vs := u[section][key]
	if len(vs) == 0 {
		return "", false
	}
	return vs[len(vs)-1], true
}

// TestSystemdUnitIsHardened reads docs/deploy/ikplan.service as systemd
// does and requires each hardening setting: its own user, a read-only
// system but for the data folder (which must hold the folder ExecStart
// serves), no new privileges, no capabilities, a private /tmp, no access
// to home folders, a restart on failure, and ikplan served on loopback
// from /usr/local/bin behind the proxy.
func TestSystemdUnitIsHardened(t *testing.T) {
	u := readUnit(t, unitFile)
	for _, c := range []struct{ key, want string }{
		{"User", "ikplan"},
		{"Group", "ikplan"},
		{"ProtectSystem", "strict"},
		{"NoNewPrivileges", "yes"},
		{"PrivateTmp", "yes"},
		{"ProtectHome", "yes"},
		{"CapabilityBoundingSet", ""},
		{"AmbientCapabilities", ""},
		{"Restart", "on-failure"},
		{"PrivateDevices", "yes"},
		{"RestrictSUIDSGID", "yes"},
	} {
		if got, ok := u.last("Service", c.key); !ok || got != c.want {
			t.Errorf("Expected %s=%s in [Service] of %s, got %q (set: %v)", c.key, c.want, unitFile, got, ok)
		}
	}
	execStart, _ := u.last("Service", "ExecStart")
	args := strings.Fields(execStart)
	if len(args) < 2 || args[0] != "/usr/local/bin/ikplan" || args[1] != "serve" {
		t.Fatalf("Expected ExecStart=/usr/local/bin/ikplan serve …, got %q", execStart)
	}
	flag := func(name string) string {
		for i, a := range args {
			if a == name && i+1 < len(args) {
				return args[i+1]
			}
			if v, ok := strings.CutPrefix(a, name+"="); ok {
				return v
			}
		}
		return ""
	}
	dir, addr := flag("--dir"), flag("--http")
	if !filepath.IsAbs(dir) {
		t.Errorf("Expected ExecStart to name its data folder with an absolute --dir, got %q", dir)
	}
	if !strings.HasPrefix(addr, "127.0.0.1:") && !strings.HasPrefix(addr, "[::1]:") {
		t.Errorf("Expected ikplan on loopback (--http 127.0.0.1:…) behind the proxy, got %q", addr)
	}
	writable := false
	for _, list := range u["Service"]["ReadWritePaths"] {
		for _, p := range strings.Fields(list) {
			p = strings.TrimLeft(p, "-+")
			if dir == p || strings.HasPrefix(dir, strings.TrimRight(p, "/")+"/") {
				writable = true
			}
		}
	}
	if !writable {
		t.Errorf("Expected ReadWritePaths= to hold the data folder %s (ProtectSystem=strict makes the rest read-only), got %q", dir, u["Service"]["ReadWritePaths"])
	}
	if proxies, _ := u.last("Service", "Environment"); !strings.HasPrefix(proxies, "IKPLAN_TRUSTED_PROXIES=127.0.0.1") {
		t.Errorf("Expected the unit to trust the proxy on loopback (Environment=IKPLAN_TRUSTED_PROXIES=127.0.0.1), got %q", proxies)
	}
	if w, _ := u.last("Install", "WantedBy"); w != "multi-user.target" {
		t.Errorf("Expected WantedBy=multi-user.target, got %q", w)
	}
}

// TestSystemdUnitVerifies runs systemd-analyze verify on the unit, with
// ExecStart's program put where an executable is (the test binary; the
// unit's /usr/local/bin/ikplan is not installed here): any complaint, an
// unknown key or a bad value, fails. Without systemd-analyze it skips,
// except in CI, where .ci/run installs systemd.
func TestSystemdUnitVerifies(t *testing.T) {
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no systemd-analyze (CI is set): .ci/run installs Debian's systemd")
		}
		t.Skip("no systemd-analyze on this machine (apt-get install systemd); the static test TestSystemdUnitIsHardened still ran; this one runs in CI")
	}
	b, err := os.ReadFile(unitFile)
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("ExecStart=/usr/local/bin/ikplan ")) {
		t.Fatal("Expected ExecStart=/usr/local/bin/ikplan in the unit")
	}
	b = bytes.Replace(b, []byte("ExecStart=/usr/local/bin/ikplan "), []byte("ExecStart="+self+" "), 1)
	path := filepath.Join(t.TempDir(), "ikplan.service")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(analyze, "verify", path)
	out, err := cmd.CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("Expected systemd-analyze verify to accept %s without a word, got %v\n%s", unitFile, err, out)
	}
}
