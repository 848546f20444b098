package perf

import (
	"fmt"
	"net/http"
	_ "net/http/pprof" // the profiler's handlers, on IKPLAN_PPROF's address only
	"os"
	"runtime/debug"
)

// MemoryLimit is the Go heap's soft limit unless GOMEMLIMIT says otherwise:
// the collector works harder as the heap nears it, which keeps a busy
// server's memory down while the gate bounds the work in progress.
const MemoryLimit = 96 << 20

// GCPercent is how far the heap grows past what is live before the next
// collection, unless GOGC says otherwise: a page allocates much and keeps
// little, so Go's default (100) collected too often under load
// (docs/PERFORMANCE.md#garbage-collection).
const GCPercent = 200

// EnvPprof is the environment variable that names the address Go's
// profiler listens on, for measuring a running server; it should be a
// loopback address.
const EnvPprof = "IKPLAN_PPROF"

// Tune sets the garbage collector and the memory limit (when Enabled and
// the environment does not set them), and starts the profiler when
// IKPLAN_PPROF asks for it. main calls it first.
func Tune() {
	if Enabled() {
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(MemoryLimit)
		}
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(GCPercent)
		}
	}
	if addr := os.Getenv(EnvPprof); addr != "" {
		go func() { fmt.Fprintln(os.Stderr, "pprof:", http.ListenAndServe(addr, nil)) }()
	}
}
