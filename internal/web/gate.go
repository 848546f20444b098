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

// pageGateId is the gate's middleware id: the import unbinds it.
const pageGateId = "ikplanPageGate"

func newGate() chan struct{} { return make(chan struct{}, 4*runtime.GOMAXPROCS(0)) }

// The import gate lets one import per core read its file at once, beside
// the pages and not in their gate: an import holds a file of up to 5 MB
// and works for up to seconds, and a page waiting behind it would wait
// long. An import that finds no place is answered at once (503 with
// Retry-After) rather than queued with its upload in memory.
func newImportGate() chan struct{} { return make(chan struct{}, runtime.GOMAXPROCS(0)) }

// importRetry is the Retry-After of an import turned away, in seconds.
const importRetry = "10"

// tryImport takes a place in the import gate if one is free, and returns
// the function that gives it back; ok is false when all are taken.
func (s *server) tryImport() (release func(), ok bool) {
	select {
	case s.imports <- struct{}{}:
		return func() { <-s.imports }, true
	default:
		return nil, false
	}
}

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
