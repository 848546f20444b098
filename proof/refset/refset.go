// Package refset gives benchmarks the reference data set of the
// performance issue — 30 boards × 10 years × 40 controls, as made by
// `ikplan gen --boards 30 --years 10 --controls 40` — and a private copy of
// it per benchmark, with ikplan's hooks (and for pages its web UI) bound on
// a fixed clock.
//
// The data folder is $IKPLAN_REFSET, or tmp/refset under the module root.
// When it holds no data.db the set is generated there first, through
// internal/gen, which takes a couple of minutes. Nothing here is used by a
// plain `go test ./...`: only the BenchmarkRef… benchmarks open the set.
package refset

import (
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/proof/testapp"

	"ikplan/hooks"
	"ikplan/internal/web"
	_ "ikplan/pb_migrations"
)

// The size of the reference set and its accounts' password (gen's default,
// as `ikplan gen` uses it).
const (
	Boards   = 30
	Years    = 10
	Controls = 40
	Password = "ikplan-demo-2026"
)

// EnvDir names the environment variable that points at the set's folder.
const EnvDir = "IKPLAN_REFSET"

// Set is the reference set and the records the benchmarks use.
type Set struct {
	Dir   string
	Now   time.Time // the fixed clock: the moment the set was generated
	Year  int       // the latest plan year, Now's year
	Picks           // ids picked from the data
}

var (
	once   sync.Once
	set    *Set
	setErr error
	skip   string // why the set cannot be had, when that is a reason to skip
)

// Open returns the reference set, generating it on first use when its
// folder has no data.db yet. A benchmark is skipped when the set cannot be
// made in the default folder; with $IKPLAN_REFSET set, that is a failure.
func Open(tb testing.TB) *Set {
	tb.Helper()
	once.Do(func() { set, skip, setErr = open() })
	if skip != "" {
		tb.Skip(skip)
	}
	if setErr != nil {
		tb.Fatalf("failed to open the reference set: %v", setErr)
	}
	return set
}

func open() (*Set, string, error) {
	dir, fromEnv, err := folder()
	if err != nil {
		return nil, fmt.Sprintf("no reference set: %v; set %s to a folder made by `ikplan gen --boards %d --years %d --controls %d`", err, EnvDir, Boards, Years, Controls), nil
	}
	if err := ensure(dir); err != nil {
		if !fromEnv {
			return nil, fmt.Sprintf("the reference set could not be generated in %s: %v; set %s to a folder made by `ikplan gen --boards %d --years %d --controls %d`", dir, err, EnvDir, Boards, Years, Controls), nil
		}
		return nil, "", err
	}
	s, err := describe(dir)
	return s, "", err
}

// New returns a private copy of the set with the hooks bound on the set's
// clock; it is removed when the benchmark ends.
func (s *Set) New(tb testing.TB) *tests.TestApp {
	tb.Helper()
	app, err := testapp.NewApp(s.Dir)
	if err != nil {
		tb.Fatalf("failed to copy the reference set: %v", err)
	}
	tb.Cleanup(app.Cleanup)
	hooks.Register(app, s.Clock)
	return app
}

// NewWeb is New with the web UI's routes bound too.
func (s *Set) NewWeb(tb testing.TB) *tests.TestApp {
	tb.Helper()
	app := s.New(tb)
	web.Register(app, s.Clock)
	return app
}

// Clock is the set's fixed clock.
func (s *Set) Clock() time.Time { return s.Now }

// folder is the set's data folder and whether the environment named it.
func folder() (string, bool, error) {
	if dir := os.Getenv(EnvDir); dir != "" {
		return dir, true, nil
	}
	root, err := moduleRoot()
	if err != nil {
		return "", false, err
	}
	return root + string(os.PathSeparator) + "tmp" + string(os.PathSeparator) + "refset", false, nil
}
