package perf

import (
	"context"
	"errors"
	"runtime"
	"time"
)

// Gate lets a bounded number of requests work at once. A nil Gate (the
// machinery off) lets every request through at once.
type Gate struct{ places chan struct{} }

// PageWait is how long a page waits in line for the page gate before it is
// turned away (503 with Retry-After).
const PageWait = 10 * time.Second

// NewPageGate is the gate of the pages: four computed at once per core,
// the rest waiting in line. With fewer, quick pages waited behind slow
// ones; with no gate, a burst started every page at once, each sharing the
// processor and holding its memory until all were done
// (docs/PERFORMANCE.md#the-gate). nil when not Enabled.
func NewPageGate() *Gate { return newGate(4 * runtime.GOMAXPROCS(0)) }

// NewImportGate is the gate of the Excel imports, beside the pages' and
// not in it: one import per core reads its file at once, since an import
// holds a file of up to 5 MB and works for up to seconds, and a page
// waiting behind it would wait long. nil when not Enabled.
func NewImportGate() *Gate { return newGate(runtime.GOMAXPROCS(0)) }

// NewGate is a gate of n places, even when the machinery is off (tests).
func NewGate(n int) *Gate { return &Gate{places: make(chan struct{}, n)} }

func newGate(n int) *Gate {
	if !Enabled() {
		return nil
	}
	return NewGate(n)
}

// ErrBusy is Wait's error when no place came free in time.
var ErrBusy = errors.New("perf: no place in the gate came free in time")

// Wait takes a place, waiting at most wait, and returns the function that
// gives it back. It fails with ErrBusy when none came free in time, and
// with the context's error when the requester left first.
func (g *Gate) Wait(ctx context.Context, wait time.Duration) (release func(), err error) {
	if g == nil {
		return func() {}, nil
	}
	timer := time.NewTimer(wait)
	defer timer.Stop()
	select {
	case g.places <- struct{}{}:
		return func() { <-g.places }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-timer.C:
		return nil, ErrBusy
	}
}

// Try takes a place if one is free, and returns the function that gives it
// back; ok is false when all are taken.
func (g *Gate) Try() (release func(), ok bool) {
	if g == nil {
		return func() {}, true
	}
	select {
	case g.places <- struct{}{}:
		return func() { <-g.places }, true
	default:
		return nil, false
	}
}
