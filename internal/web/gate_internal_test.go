package web

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/perf"
)

// TestGateLetsFewThroughAtOnce: no more pages are computed at once than the
// gate holds; the rest wait their turn and all are answered.
func TestGateLetsFewThroughAtOnce(t *testing.T) {
	s := &server{gate: perf.NewGate(2)}
	var now, most atomic.Int32
	page := func(e *core.RequestEvent) error {
		n := now.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		now.Add(-1)
		return e.NoContent(http.StatusNoContent)
	}
	done := make(chan int, 10)
	for range 10 {
		go func() {
			rec := httptest.NewRecorder()
			e := &core.RequestEvent{Event: router.Event{Response: rec, Request: httptest.NewRequest("GET", "/", nil)}}
			h := &hook.Hook[*core.RequestEvent]{}
			h.BindFunc(s.gated)
			_ = h.Trigger(e, page)
			done <- rec.Code
		}()
	}
	for range 10 {
		if code := <-done; code != http.StatusNoContent {
			t.Fatalf("Expected every page answered 204, got %d", code)
		}
	}
	if m := most.Load(); m != 2 {
		t.Fatalf("Expected at most and at some point exactly 2 pages at once, got %d", m)
	}
}
