package load

import (
	"context"
	"errors"
	"io"
	"math"
	"net"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// Recorder collects the outcome of every request, by kind. It is safe for
// concurrent use.
type Recorder struct {
	mu     sync.Mutex
	series map[Kind]*series
	last   time.Time // when the last outcome was recorded
}

type series struct {
	latencies []time.Duration
	statuses  map[int]int    // every HTTP status received
	errs      map[string]int // failures: "HTTP 500", "timeout", "connection refused", …
}

// NewRecorder returns an empty recorder.
func NewRecorder() *Recorder { return &Recorder{series: map[Kind]*series{}} }

// Add records one request of kind k: its latency, the HTTP status it got
// (0 when it got none) and the transport error, if any. A status outside
// 200–399 counts as an error under "HTTP <status>".
func (r *Recorder) Add(k Kind, latency time.Duration, status int, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.series[k]
	if s == nil {
		s = &series{statuses: map[int]int{}, errs: map[string]int{}}
		r.series[k] = s
	}
	s.latencies = append(s.latencies, latency)
	switch {
	case err != nil:
		s.errs[classify(err)]++
	case status < 200 || status >= 400:
		s.statuses[status]++
		s.errs["HTTP "+strconv.Itoa(status)]++
	default:
		s.statuses[status]++
	}
	r.last = time.Now()
}

// Last is when the last outcome was recorded (zero before any).
func (r *Recorder) Last() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last
}

// classify names a transport error by its cause, so that a report groups
// them: timeout, connection refused, connection reset, closed by the server,
// or other.
func classify(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()):
		return "timeout"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return "closed by the server"
	default:
		return "other transport error"
	}
}

// Stats summarises the requests of one kind, or of all kinds.
type Stats struct {
	Kind     Kind           `json:"kind"`
	Count    int            `json:"count"`    // requests made
	OK       int            `json:"ok"`       // answered 2xx or 3xx
	Rate     float64        `json:"rate"`     // requests answered per second over the phase
	P50      Millis         `json:"p50_ms"`   // latency percentiles, of every request
	P95      Millis         `json:"p95_ms"`   //
	P99      Millis         `json:"p99_ms"`   //
	Max      Millis         `json:"max_ms"`   //
	Statuses map[int]int    `json:"statuses"` // HTTP status → count
	Errors   map[string]int `json:"errors"`   // "HTTP 500", "timeout", … → count
}

// Millis is a duration that JSON writes as milliseconds.
type Millis time.Duration

// MarshalJSON writes the duration as milliseconds with microsecond precision.
func (m Millis) MarshalJSON() ([]byte, error) {
	ms := math.Round(float64(time.Duration(m).Microseconds())) / 1000
	return strconv.AppendFloat(nil, ms, 'f', -1, 64), nil
}

// Summary returns the statistics of each kind recorded, in the order of
// Kinds (then static), and of all of them together. elapsed is the phase's
// length, for the rates.
func (r *Recorder) Summary(elapsed time.Duration) (byKind []Stats, all Stats) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var every []time.Duration
	all = Stats{Kind: "all", Statuses: map[int]int{}, Errors: map[string]int{}}
	for _, k := range append(slices.Clone(Kinds), Static) {
		s := r.series[k]
		if s == nil {
			continue
		}
		st := summarise(k, s.latencies, s.statuses, s.errs, elapsed)
		byKind = append(byKind, st)
		every = append(every, s.latencies...)
		for code, n := range s.statuses {
			all.Statuses[code] += n
		}
		for e, n := range s.errs {
			all.Errors[e] += n
		}
	}
	all = summarise("all", every, all.Statuses, all.Errors, elapsed)
	return byKind, all
}

func summarise(k Kind, latencies []time.Duration, statuses map[int]int, errs map[string]int, elapsed time.Duration) Stats {
	sorted := slices.Clone(latencies)
	slices.Sort(sorted)
	st := Stats{Kind: k, Count: len(sorted), Statuses: statuses, Errors: errs}
	for code, n := range statuses {
		if code >= 200 && code < 400 {
			st.OK += n
		}
	}
	if elapsed > 0 {
		st.Rate = float64(st.OK) / elapsed.Seconds()
	}
	if len(sorted) > 0 {
		st.P50 = Millis(Percentile(sorted, 50))
		st.P95 = Millis(Percentile(sorted, 95))
		st.P99 = Millis(Percentile(sorted, 99))
		st.Max = Millis(sorted[len(sorted)-1])
	}
	return st
}

// Percentile is the p-th percentile (0 < p ≤ 100) of sorted latencies by
// the nearest-rank method: the smallest latency that at least p % of the
// latencies do not exceed. It is 0 for no latencies.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p * float64(len(sorted)) / 100))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}
