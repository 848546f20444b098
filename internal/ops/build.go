// Package ops is what an IT department asks of a running service: which
// build it is (ikplan version), whether it can serve (GET /readyz), and
// what it runs with (the lines printed at start).
package ops

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// pocketBaseModule is PocketBase's module path, to find its version among
// the binary's dependencies.
const pocketBaseModule = "github.com/pocketbase/pocketbase"

// Build describes the running binary, from what the go command stamped into
// it: the module's version, the commit it was built from, the Go version
// and PocketBase's version.
type Build struct {
	Version    string // ikplan's module version: a tag, a pseudo-version, or "(devel)"
	Commit     string // the git commit (vcs.revision); "" when built outside git
	Time       string // the commit's time (vcs.time)
	Modified   bool   // built with changes not committed (vcs.modified)
	Go         string // the Go version it was built with
	PocketBase string // PocketBase's module version
}

// ReadBuild reads the build information of the running binary.
func ReadBuild() Build {
	b := Build{Version: "(devel)", Go: runtime.Version(), PocketBase: "(okänd)"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	return fromBuildInfo(bi)
}

// fromBuildInfo is ReadBuild's reading of bi.
func fromBuildInfo(bi *debug.BuildInfo) Build {
	b := Build{Version: bi.Main.Version, Go: bi.GoVersion, PocketBase: "(okänd)"}
	if b.Version == "" {
		b.Version = "(devel)"
	}
	for _, d := range bi.Deps {
		if d.Path != pocketBaseModule {
			continue
		}
		b.PocketBase = d.Version
		if d.Replace != nil && d.Replace.Version != "" {
			b.PocketBase = d.Replace.Version
		}
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = s.Value
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// Short is the build on one line, for the start log:
// "v1.2.0 (commit 0123abcd…, Go go1.27.3, PocketBase v0.40.4)".
func (b Build) Short() string {
	commit := "utan commit"
	if b.Commit != "" {
		commit = "commit " + short(b.Commit)
		if b.Modified {
			commit += "+ändrad"
		}
	}
	return fmt.Sprintf("%s (%s, Go %s, PocketBase %s)", b.Version, commit, b.Go, b.PocketBase)
}

// String is what `ikplan version` prints: one line per fact.
func (b Build) String() string {
	var s strings.Builder
	fmt.Fprintf(&s, "ikplan      %s\n", b.Version)
	switch {
	case b.Commit == "":
		fmt.Fprintf(&s, "commit      okänd (byggd utanför git)\n")
	default:
		fmt.Fprintf(&s, "commit      %s", b.Commit)
		if b.Time != "" {
			fmt.Fprintf(&s, " (%s)", b.Time)
		}
		if b.Modified {
			fmt.Fprint(&s, ", med ändringar som inte var incheckade")
		}
		fmt.Fprintln(&s)
	}
	fmt.Fprintf(&s, "Go          %s\n", b.Go)
	fmt.Fprintf(&s, "PocketBase  %s\n", b.PocketBase)
	return s.String()
}

func short(commit string) string {
	if len(commit) > 12 {
		return commit[:12]
	}
	return commit
}
