package load_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"ikplan/proof/load"
)

// TestOpenLoopKeepsItsRateAgainstASlowServer sends 40 requests at 40/s to a
// server that answers one at a time, 50 ms each: it needs 2 s for them all.
// The open loop must send them in about 1 s all the same, and the latencies,
// measured from each request's scheduled time, must show the queue: the last
// request cannot be answered before 40 × 50 ms after the first arrived,
// 39 × 25 ms after it was due, so p99 (here the slowest) is at least 1 s.
// The limits are lower bounds the sleeps guarantee, or wide upper bounds
// that only a closed loop would break.
func TestOpenLoopKeepsItsRateAgainstASlowServer(t *testing.T) {
	t.Parallel()
	const sleep = 50 * time.Millisecond
	var mu, serve sync.Mutex
	var arrivals []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		serve.Lock()
		defer serve.Unlock()
		time.Sleep(sleep)
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()

	rec := load.NewRecorder()
	res := load.OpenLoop{
		Client: load.NewClient(0), Base: srv.URL, Rate: 40, Duration: time.Second, Timeout: 30 * time.Second,
		Next: func() load.Request { return load.Request{Kind: load.Plan, Path: "/"} }, Rec: rec,
	}.Run(context.Background())

	if res.Sent != 40 || len(arrivals) != 40 {
		t.Fatalf("Expected 40 requests sent and arrived, got %d sent, %d arrived", res.Sent, len(arrivals))
	}
	// a closed loop would have sent the 40th no earlier than 39 × 50 ms = 1.95 s after the first
	if spread := arrivals[39].Sub(arrivals[0]); spread > 1600*time.Millisecond {
		t.Fatalf("Expected the 40 requests to arrive within about 1 s (open loop), got %v", spread)
	}
	kinds, all := rec.Summary(res.Elapsed)
	if len(kinds) != 1 || all.Count != 40 || all.OK != 40 {
		t.Fatalf("Expected 40 plan requests answered 200, got %+v", all)
	}
	if p99 := time.Duration(all.P99); p99 < 40*sleep-39*25*time.Millisecond {
		t.Fatalf("Expected p99 to include the queue (at least 1.025 s), got %v", p99)
	}
	if p50 := time.Duration(all.P50); p50 < sleep || all.P50 >= all.P99 {
		t.Fatalf("Expected p50 at least the %v sleep and below p99, got p50 %v, p99 %v", sleep, p50, time.Duration(all.P99))
	}
	if res.Elapsed < 2*time.Second-sleep {
		t.Fatalf("Expected the run to wait for the last answer (after 2 s of serving), got %v", res.Elapsed)
	}
}

// TestOpenLoopMeasuresFromTheScheduledTime lets the client hold one
// connection only, so requests queue in the client before they are sent:
// that wait is part of the latency too.
func TestOpenLoopMeasuresFromTheScheduledTime(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(40 * time.Millisecond)
	}))
	defer srv.Close()
	rec := load.NewRecorder()
	load.OpenLoop{
		Client: load.NewClient(1), Base: srv.URL, Rate: 50, Duration: 400 * time.Millisecond, Timeout: 30 * time.Second,
		Next: func() load.Request { return load.Request{Kind: load.Start, Path: "/"} }, Rec: rec,
	}.Run(context.Background())
	_, all := rec.Summary(time.Second)
	// 20 requests due every 20 ms over one connection at 40 ms each: the last
	// is answered no earlier than 20 × 40 ms after the first was due, 19 × 20
	// ms after it was due itself
	if all.Count != 20 || time.Duration(all.Max) < 20*40*time.Millisecond-19*20*time.Millisecond {
		t.Fatalf("Expected 20 requests, the slowest at least 420 ms from its due time, got %+v", all)
	}
}

// TestRunCountsErrorsByStatus sends a workload that meets every kind of
// answer and failure and checks each is counted where it belongs.
func TestRunCountsErrorsByStatus(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusSeeOther) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close() // no answer at all
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux) // /missing falls to the mux's 404
	defer srv.Close()

	paths := []struct {
		kind load.Kind
		path string
	}{{load.Start, "/ok"}, {load.Write, "/moved"}, {load.Plan, "/missing"}, {load.Control, "/broken"}, {load.Search, "/gone"}, {load.Risks, "/slow"}}
	var n atomic.Int64
	rec := load.NewRecorder()
	res := load.OpenLoop{
		Client: load.NewClient(0), Base: srv.URL, Rate: 120, Duration: 500 * time.Millisecond, Timeout: 300 * time.Millisecond,
		Next: func() load.Request {
			p := paths[int(n.Add(1)-1)%len(paths)]
			return load.Request{Kind: p.kind, Path: p.path}
		}, Rec: rec,
	}.Run(context.Background())
	if res.Sent != 60 {
		t.Fatalf("Expected 60 requests, got %d", res.Sent)
	}
	kinds, all := rec.Summary(res.Elapsed)
	got := map[load.Kind]load.Stats{}
	for _, s := range kinds {
		got[s.Kind] = s
	}
	want := map[load.Kind]struct {
		ok     int
		errors map[string]int
	}{
		load.Start:   {10, map[string]int{}},
		load.Write:   {10, map[string]int{}},
		load.Plan:    {0, map[string]int{"HTTP 404": 10}},
		load.Control: {0, map[string]int{"HTTP 500": 10}},
		load.Search:  {0, map[string]int{"closed by the server": 10}},
		load.Risks:   {0, map[string]int{"timeout": 10}},
	}
	for k, w := range want {
		s := got[k]
		if s.Count != 10 || s.OK != w.ok || len(s.Errors) != len(w.errors) {
			t.Fatalf("%s: Expected 10 requests, %d ok, errors %v, got %+v", k, w.ok, w.errors, s)
		}
		for e, c := range w.errors {
			if s.Errors[e] != c {
				t.Fatalf("%s: Expected %d × %s, got %v", k, c, e, s.Errors)
			}
		}
	}
	if got[load.Write].Statuses[303] != 10 || got[load.Start].Statuses[200] != 10 {
		t.Fatalf("Expected 303 and 200 counted as answers, got %v and %v", got[load.Write].Statuses, got[load.Start].Statuses)
	}
	if all.Count != 60 || all.OK != 20 || all.Errors["HTTP 404"] != 10 || all.Errors["timeout"] != 10 {
		t.Fatalf("Expected 60 requests, 20 ok overall, got %+v", all)
	}
	if time.Duration(got[load.Risks].P50) < 300*time.Millisecond {
		t.Fatalf("Expected a timed-out request to count its 300 ms, got p50 %v", time.Duration(got[load.Risks].P50))
	}
}

// TestClosedLoopKeepsConnsInFlight checks that saturation never has more
// requests in flight than asked, and reuses its connections.
func TestClosedLoopKeepsConnsInFlight(t *testing.T) {
	t.Parallel()
	var inFlight, most, conns atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	rec := load.NewRecorder()
	res := load.ClosedLoop{
		Client: load.NewClient(0), Base: srv.URL, Conns: 4, Duration: 300 * time.Millisecond, Timeout: 10 * time.Second,
		Next: func() load.Request { return load.Request{Kind: load.Static, Path: "/"} }, Rec: rec,
	}.Run(context.Background())
	_, all := rec.Summary(res.Elapsed)
	if all.Count != res.Sent || all.OK != res.Sent || res.Sent < 8 {
		t.Fatalf("Expected every request answered (at least 8), got %d sent, %+v", res.Sent, all)
	}
	if m := most.Load(); m > 4 || m < 2 {
		t.Fatalf("Expected 2 to 4 requests in flight at most, got %d", m)
	}
	if c := conns.Load(); c > 4 {
		t.Fatalf("Expected at most 4 connections (keep-alive), got %d", c)
	}
}
