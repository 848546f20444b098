package load

import (
	"context"
	"net/http"
	"sync"
	"time"
)

// OpenLoop sends requests at a fixed rate, whatever the server does:
// request i is due at start + i/Rate and is sent then (or at once, if the
// sender itself is late) on its own goroutine, never waiting for earlier
// answers. Each latency runs from the due time to the end of the answer, so
// time spent queueing — in the client's connection pool, the server's
// accept queue or its handlers — is measured, not hidden.
type OpenLoop struct {
	Client   *http.Client
	Base     string         // the server's base URL, http://host:port
	Rate     float64        // requests per second
	Duration time.Duration  // how long requests are sent
	Timeout  time.Duration  // the longest a request may take from its due time
	Next     func() Request // the next request; called from one goroutine only
	Rec      *Recorder      // where the outcomes go
}

// Result is what a phase did: requests sent, its length from the first due
// time to the last answer, and how late the sender was at worst.
type Result struct {
	Sent    int
	Elapsed time.Duration
	MaxLag  time.Duration // the most a request was sent after its due time
}

// Run sends the requests and waits for every answer (each at most Timeout
// after its due time). Cancelling ctx stops sending and abandons the
// requests in flight.
func (o OpenLoop) Run(ctx context.Context) Result {
	interval := time.Duration(float64(time.Second) / o.Rate)
	n := int(o.Duration.Seconds() * o.Rate)
	start := time.Now().Add(10 * time.Millisecond)
	var wg sync.WaitGroup
	res := Result{}
	timer := time.NewTimer(0)
	<-timer.C
	for i := 0; i < n; i++ {
		due := start.Add(time.Duration(i) * interval)
		if wait := time.Until(due); wait > 0 {
			timer.Reset(wait)
			select {
			case <-ctx.Done():
				timer.Stop()
				wg.Wait()
				res.Elapsed = time.Since(start)
				return res
			case <-timer.C:
			}
		}
		res.MaxLag = max(res.MaxLag, time.Since(due))
		r := o.Next()
		res.Sent++
		wg.Add(1)
		go func() {
			defer wg.Done()
			rctx, cancel := context.WithDeadline(ctx, due.Add(o.Timeout))
			defer cancel()
			status, err := do(rctx, o.Client, o.Base, r)
			o.Rec.Add(r.Kind, time.Since(due), status, err)
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	return res
}

// ClosedLoop keeps Conns requests in flight for Duration: each of Conns
// workers sends its next request as soon as its last one is answered. It
// finds the most the server can do (its saturation throughput); its
// latencies say little, as the load waits for the server.
type ClosedLoop struct {
	Client   *http.Client
	Base     string
	Conns    int
	Duration time.Duration
	Timeout  time.Duration  // the longest one request may take
	Next     func() Request // the next request; safe for concurrent use
	Rec      *Recorder
}

// Run drives the server until Duration has passed and the requests in
// flight are answered.
func (c ClosedLoop) Run(ctx context.Context) Result {
	start := time.Now()
	end := start.Add(c.Duration)
	var wg sync.WaitGroup
	var mu sync.Mutex
	res := Result{}
	for range c.Conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sent := 0
			for ctx.Err() == nil && time.Now().Before(end) {
				r := c.Next()
				began := time.Now()
				rctx, cancel := context.WithTimeout(ctx, c.Timeout)
				status, err := do(rctx, c.Client, c.Base, r)
				cancel()
				c.Rec.Add(r.Kind, time.Since(began), status, err)
				sent++
			}
			mu.Lock()
			res.Sent += sent
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	return res
}
