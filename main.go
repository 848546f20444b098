// Command ikplan runs a Swedish municipality's yearly internal control
// (intern kontroll) on PocketBase, from one executable.
package main

import (
	"fmt"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime/debug"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/hooks"
	"ikplan/internal/cli"
	"ikplan/internal/ops"
	"ikplan/internal/proxy"
	"ikplan/internal/store"
	"ikplan/internal/web"
	"ikplan/internal/winsvc"
	_ "ikplan/pb_migrations"
)

// memoryLimit is the Go heap's soft limit unless GOMEMLIMIT says otherwise:
// the garbage collector works harder as the heap nears it, which keeps a
// busy server's memory down (the page gate bounds the work in progress).
const memoryLimit = 96 << 20

// gcPercent is how far the heap grows past what is live before the next
// collection, unless GOGC says otherwise. A page allocates about a
// megabyte and keeps little, so Go's default (100) collected several
// times a second under load: at 200 requests/s 200 cost 4.9–5.8 ms of
// CPU per request instead of 5.9–6.1, p99 33–54 ms instead of 76–87, and
// 100 MB at peak instead of 85 (docs/PERFORMANCE.md); the memory limit
// above still bounds the heap.
const gcPercent = 200

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if addr := os.Getenv("IKPLAN_PPROF"); addr != "" {
		// Go's profiler, for measuring a running server (docs/PERFORMANCE.md);
		// on its own address, which should be a loopback one
		go func() { fmt.Fprintln(os.Stderr, "pprof:", http.ListenAndServe(addr, nil)) }()
	}
	// not PocketBase's dev mode under `go run`: it prints every SQL statement
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDev: false,
		DBConnect: store.Connect, DataMaxOpenConns: store.Conns(), DataMaxIdleConns: store.Conns()})
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
