package web

import (
	"net/http"
	"runtime"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// The gate lets a few pages be computed at once — four per core: with two,
// quick pages waited behind slow ones (p50 1.4 s instead of 32 ms at 60
// requests a second on the reference set) — and keeps the others waiting
// in line instead of starting them all: under a burst every page started at
// once shares the processor and holds its memory until all are done, which
// made an overloaded server take 1.5 GB and answer nothing in time. A page
// that waits longer than gateWait is answered 503 with Retry-After.
const gateWait = 10 * time.Second

func newGate() chan struct{} { return make(chan struct{}, 4*runtime.GOMAXPROCS(0)) }

// gated computes the page once the gate lets it through.
func (s *server) gated(e *core.RequestEvent) error {
	timer := time.NewTimer(gateWait)
	defer timer.Stop()
	select {
	case s.gate <- struct{}{}:
		defer func() { <-s.gate }()
		return e.Next()
	case <-e.Request.Context().Done():
		return nil // the visitor left
	case <-timer.C:
		e.Response.Header().Set("Retry-After", "5")
		return s.messagePage(e, http.StatusServiceUnavailable, i18nT(e, "error.busy"), i18nT(e, "error.busy_text"))
	}
}
