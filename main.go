// Command ikplan runs a Swedish municipality's yearly internal control
// (intern kontroll) on PocketBase, from one executable.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/hooks"
	"ikplan/internal/cli"
	"ikplan/internal/ops"
	"ikplan/internal/perf"
	"ikplan/internal/proxy"
	"ikplan/internal/web"
	"ikplan/internal/winsvc"
	_ "ikplan/pb_migrations"
)

func main() {
	// everything done only to be fast, and its one switch (--perf=off,
	// IKPLAN_PERF=off), read before the database is opened
	perf.FromArgs(os.Args[1:])
	perf.Tune()
	// not PocketBase's dev mode under `go run`: it prints every SQL statement
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDev: false,
		DBConnect: perf.Connect, DataMaxOpenConns: perf.Conns(), DataMaxIdleConns: perf.IdleConns()})
	perf.AddFlag(app.RootCmd)
	trusted, err := proxy.Parse(os.Getenv(proxy.EnvTrusted))
	if err != nil {
		fmt.Fprintln(os.Stderr, "Fel:", err)
		os.Exit(1)
	}
	proxy.Register(app, trusted)
	hooks.Register(app, time.Now)
	hooks.Schedule(app)
	web.Register(app, time.Now)
	ops.Register(app, os.Stdout)
	cli.Register(app)
	start := app.Start
	if winsvc.IsService() {
		// started by Windows' service control manager (ikplan service
		// install): it is told when ikplan runs, and a stop shuts the
		// server down as Ctrl+C does
		start = func() error {
			return winsvc.Run(winsvc.DefaultName, app.Start, func() {
				_ = app.OnTerminate().Trigger(&core.TerminateEvent{App: app})
			})
		}
	}
	if err := start(); err != nil {
		fmt.Fprintln(os.Stderr, "Fel:", err)
		os.Exit(1)
	}
}
