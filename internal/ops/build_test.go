package ops

import (
	"runtime/debug"
	"strings"
	"testing"
)

// The build is read from what the go command stamps into the binary, and
// said the same way whatever is missing.
func TestFromBuildInfo(t *testing.T) {
	pb := &debug.Module{Path: pocketBaseModule, Version: "v0.40.4"}
	for _, c := range []struct {
		name  string
		bi    debug.BuildInfo
		want  []string // in String()
		short string
	}{
		{"from git", debug.BuildInfo{GoVersion: "go1.27.3", Main: debug.Module{Version: "v1.2.0"}, Deps: []*debug.Module{pb},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-07T10:00:00Z"}, {Key: "vcs.modified", Value: "false"}}},
			[]string{"ikplan      v1.2.0\n", "commit      0123456789abcdef0123 (2026-12-07T10:00:00Z)\n", "Go          go1.27.3\n", "PocketBase  v0.40.4\n"},
			"v1.2.0 (commit 0123456789ab, Go go1.27.3, PocketBase v0.40.4)"},
		{"with changes", debug.BuildInfo{GoVersion: "go1.27.3", Main: debug.Module{Version: "(devel)"}, Deps: []*debug.Module{pb},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "true"}}},
			[]string{"commit      abc, med ändringar som inte var incheckade\n"},
			"(devel) (commit abc+ändrad, Go go1.27.3, PocketBase v0.40.4)"},
		{"outside git", debug.BuildInfo{GoVersion: "go1.27.3"},
			[]string{"ikplan      (devel)\n", "commit      okänd (byggd utanför git)\n", "PocketBase  (okänd)\n"},
			"(devel) (utan commit, Go go1.27.3, PocketBase (okänd))"},
		{"PocketBase replaced", debug.BuildInfo{GoVersion: "go1.27.3", Deps: []*debug.Module{{Path: pocketBaseModule, Version: "v0.40.4", Replace: &debug.Module{Path: "../pb", Version: "v0.40.5"}}}},
			[]string{"PocketBase  v0.40.5\n"}, "(devel) (utan commit, Go go1.27.3, PocketBase v0.40.5)"},
	} {
		b := fromBuildInfo(&c.bi)
		for _, w := range c.want {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s: expected %q in\n%s", c.name, w, b)
			}
		}
		if b.Short() != c.short {
			t.Errorf("%s: expected %q, got %q", c.name, c.short, b.Short())
		}
	}
}
