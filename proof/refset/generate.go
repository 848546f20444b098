package refset

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/hooks"
	"ikplan/internal/gen"
)

// Seed is the random seed of a generated set: `ikplan gen`'s default.
const Seed = 1

// ensure generates the set in dir unless dir already holds a data.db.
// Packages benchmarked at the same time wait for each other on a lock
// file, so the set is generated once; it is generated in a folder of its
// own and moved into place when complete, so a data.db is never half made.
func ensure(dir string) error {
	db := filepath.Join(dir, "data.db")
	if _, err := os.Stat(db); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	unlock, err := lock(filepath.Join(dir, ".refset.lock"))
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := os.Stat(db); err == nil {
		return nil // made by another package's benchmarks while we waited
	}
	work, err := os.MkdirTemp(dir, ".generating-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := generate(work); err != nil {
		return err
	}
	// data.db last: a data.db in place means the set is complete
	for _, name := range []string{"auxiliary.db", "auxiliary.db-wal", "auxiliary.db-shm", "data.db-wal", "data.db-shm", "data.db"} {
		err := os.Rename(filepath.Join(work, name), filepath.Join(dir, name))
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// generate runs `ikplan gen --boards 30 --years 10 --controls 40` in dir,
// through internal/gen's Go API, with its progress on stderr.
func generate(dir string) error {
	fmt.Fprintf(os.Stderr, "refset: generating the reference set (%d boards × %d years × %d controls) in %s; this takes a few minutes\n",
		Boards, Years, Controls, dir)
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
	if err := app.Bootstrap(); err != nil {
		return err
	}
	defer app.ClearBootstrap() // closes the databases, folding the WAL into them
	if err := app.RunAllMigrations(); err != nil {
		return fmt.Errorf("failed to prepare the database: %w", err)
	}
	// as `ikplan gen` does: the hooks and the data on the wall clock
	hooks.Register(app, time.Now)
	sum, err := gen.Run(app, rand.New(rand.NewPCG(Seed, Seed)), time.Now(), gen.Options{
		Boards: Boards, Years: Years, Controls: Controls, Password: Password, Progress: os.Stderr,
	})
	if err != nil {
		return fmt.Errorf("failed to generate: %w", err)
	}
	fmt.Fprintf(os.Stderr, "refset: generated %d plans, %d controls, %d results, %d actions in %s\n",
		sum.Plans, sum.Controls, sum.Results, sum.Actions, sum.Elapsed.Round(time.Second))
	return nil
}

// moduleRoot is the folder of the go.mod above the working directory (a
// test runs in its package's folder).
func moduleRoot() (string, error) {
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
