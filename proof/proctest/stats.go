package proctest

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// Latencies collects how long requests took, by kind, from many goroutines.
type Latencies struct {
	mu    sync.Mutex
	kinds map[string][]time.Duration
}

// Add records one request of the kind.
func (l *Latencies) Add(kind string, d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.kinds == nil {
		l.kinds = map[string][]time.Duration{}
	}
	l.kinds[kind] = append(l.kinds[kind], d)
}

// Summary is the distribution of one kind's latencies.
type Summary struct {
	Kind               string
	Count              int
	P50, P95, P99, Max time.Duration
}

// Summaries are every kind's distribution, sorted by kind.
func (l *Latencies) Summaries() []Summary {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []Summary
	for kind, ds := range l.kinds {
		s := slices.Clone(ds)
		slices.Sort(s)
		out = append(out, Summary{Kind: kind, Count: len(s),
			P50: percentile(s, 50), P95: percentile(s, 95), P99: percentile(s, 99), Max: s[len(s)-1]})
	}
	slices.SortFunc(out, func(a, b Summary) int { return strings.Compare(a.Kind, b.Kind) })
	return out
}

// percentile is the nearest-rank percentile of sorted durations.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100 // ceil(p/100 · n)
	return sorted[max(rank, 1)-1]
}

// Table is the summaries as a Markdown table, in milliseconds.
func Table(sums []Summary) string {
	var b strings.Builder
	b.WriteString("| kind | requests | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n")
	for _, s := range sums {
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s |\n", s.Kind, s.Count, ms(s.P50), ms(s.P95), ms(s.P99), ms(s.Max))
	}
	return b.String()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }
