package load_test

import (
	"context"
	"fmt"
	"io"
	"syscall"
	"testing"
	"time"

	"ikplan/proof/load"
)

func TestPercentileOnKnownSamples(t *testing.T) {
	t.Parallel()
	hundred := make([]time.Duration, 100)
	for i := range hundred {
		hundred[i] = time.Duration(i+1) * time.Millisecond
	}
	scenarios := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"1..100 p50", hundred, 50, 50 * time.Millisecond},
		{"1..100 p95", hundred, 95, 95 * time.Millisecond},
		{"1..100 p99", hundred, 99, 99 * time.Millisecond},
		{"1..100 p99.9", hundred, 99.9, 100 * time.Millisecond},
		{"1..100 p100", hundred, 100, 100 * time.Millisecond},
		{"1..100 p1", hundred, 1, 1 * time.Millisecond},
		{"three p50", []time.Duration{10, 20, 30}, 50, 20},
		{"three p95", []time.Duration{10, 20, 30}, 95, 30},
		{"one sample", []time.Duration{7}, 99, 7},
		{"none", nil, 99, 0},
	}
	for _, s := range scenarios {
		if got := load.Percentile(s.sorted, s.p); got != s.want {
			t.Errorf("%s: Expected %v, got %v", s.name, s.want, got)
		}
	}
}

func TestRecorderCountsStatusesAndErrors(t *testing.T) {
	t.Parallel()
	rec := load.NewRecorder()
	// 20 plan requests of 1..20 ms, one of them 404 and one 500
	for i := 1; i <= 20; i++ {
		status := 200
		switch i {
		case 7:
			status = 404
		case 9:
			status = 500
		case 10:
			status = 303
		}
		rec.Add(load.Plan, time.Duration(i)*time.Millisecond, status, nil)
	}
	rec.Add(load.Write, 40*time.Millisecond, 0, fmt.Errorf("post: %w", context.DeadlineExceeded))
	rec.Add(load.Write, 2*time.Millisecond, 0, fmt.Errorf("dial: %w", syscall.ECONNREFUSED))
	rec.Add(load.Write, 3*time.Millisecond, 0, io.ErrUnexpectedEOF)
	rec.Add(load.Write, 5*time.Millisecond, 422, nil)

	kinds, all := rec.Summary(2 * time.Second)
	if len(kinds) != 2 || kinds[0].Kind != load.Plan || kinds[1].Kind != load.Write {
		t.Fatalf("Expected plan then write, got %+v", kinds)
	}
	plan, write := kinds[0], kinds[1]
	if plan.Count != 20 || plan.OK != 18 || plan.Statuses[200] != 17 || plan.Statuses[303] != 1 || plan.Statuses[404] != 1 {
		t.Fatalf("Expected 20 plan requests, 18 ok, got %+v", plan)
	}
	if plan.Errors["HTTP 404"] != 1 || plan.Errors["HTTP 500"] != 1 || len(plan.Errors) != 2 {
		t.Fatalf("Expected one 404 and one 500, got %v", plan.Errors)
	}
	if plan.P50 != load.Millis(10*time.Millisecond) || plan.P95 != load.Millis(19*time.Millisecond) ||
		plan.P99 != load.Millis(20*time.Millisecond) || plan.Max != load.Millis(20*time.Millisecond) {
		t.Fatalf("Expected p50 10 ms, p95 19 ms, p99 and max 20 ms, got %+v", plan)
	}
	if plan.Rate != 9 {
		t.Fatalf("Expected 18 ok in 2 s = 9/s, got %v", plan.Rate)
	}
	wantErrs := map[string]int{"timeout": 1, "connection refused": 1, "closed by the server": 1, "HTTP 422": 1}
	if fmt.Sprint(write.Errors) != fmt.Sprint(wantErrs) || write.OK != 0 || write.Count != 4 {
		t.Fatalf("Expected %v, got %+v", wantErrs, write)
	}
	if all.Count != 24 || all.OK != 18 || all.Errors["HTTP 500"] != 1 || all.Errors["timeout"] != 1 || all.Max != load.Millis(40*time.Millisecond) {
		t.Fatalf("Expected 24 requests, 18 ok, max 40 ms overall, got %+v", all)
	}
}
