package proctest

import (
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	t.Parallel()
	var s []time.Duration
	for i := 1; i <= 200; i++ {
		s = append(s, time.Duration(i)*time.Millisecond)
	}
	scenarios := []struct {
		p    int
		want time.Duration
	}{{50, 100 * time.Millisecond}, {95, 190 * time.Millisecond}, {99, 198 * time.Millisecond}, {100, 200 * time.Millisecond}, {0, time.Millisecond}}
	for _, sc := range scenarios {
		if got := percentile(s, sc.p); got != sc.want {
			t.Errorf("Expected p%d %v, got %v", sc.p, sc.want, got)
		}
	}
	if got := percentile([]time.Duration{7}, 99); got != 7 {
		t.Errorf("Expected the one value, got %v", got)
	}
	var l Latencies
	l.Add("b", 3*time.Millisecond)
	l.Add("a", time.Millisecond)
	l.Add("a", 2*time.Millisecond)
	sums := l.Summaries()
	if len(sums) != 2 || sums[0].Kind != "a" || sums[0].Count != 2 || sums[0].Max != 2*time.Millisecond || sums[1].P50 != 3*time.Millisecond {
		t.Fatalf("Expected a (2, max 2ms) then b (p50 3ms), got %+v", sums)
	}
}
