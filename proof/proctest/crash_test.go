package proctest_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"ikplan/proof/proctest"
)

// TestCrashSafety kills the server with SIGKILL at random moments while
// eight people write through the REST API, starts it again on the same
// folder each time, and then checks the database as the last kill left it:
// SQLite finds it intact, and every write answered 2xx is there with its
// values and its history row. IKPLAN_CRASH_KILLS sets the number of kills
// (5 by default), IKPLAN_CRASH_SEED the random moments.
func TestCrashSafety(t *testing.T) {
	kills := envInt(t, "IKPLAN_CRASH_KILLS", 5)
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("IKPLAN_CRASH_SEED"); v != "" {
		var err error
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			t.Fatalf("Expected IKPLAN_CRASH_SEED to be a number, got %q", v)
		}
	}
	rng := rand.New(rand.NewPCG(seed, seed))
	t.Logf("%d kills, IKPLAN_CRASH_SEED=%d", kills, seed)

	s := proctest.Start(t)
	led := &ledger{}
	writers := newWriters(t, s, crashWriters, led, nil)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for _, w := range writers {
		wg.Go(func() { w.run(stop) })
	}
	began := time.Now()
	var written time.Duration
	for k := 1; k <= kills; k++ {
		pause := 300*time.Millisecond + time.Duration(rng.Int64N(int64(1700*time.Millisecond)))
		time.Sleep(pause)
		written += pause
		s.Kill()
		if k < kills {
			s.Restart()
		}
	}
	close(stop)
	wg.Wait()
	took := time.Since(began)

	db := s.OpenDB()
	check := proctest.IntegrityCheck(t, db)
	got := verify(t, db, led)
	var b strings.Builder
	fmt.Fprintf(&b, "crash test: %d writers, %d SIGKILLs after %s of writing in all (%s with restarts), seed %d\n",
		len(writers), kills, written.Round(time.Millisecond), took.Round(time.Millisecond), seed)
	fmt.Fprintf(&b, "writes acknowledged (2xx): %d\nacknowledged writes lost: %d\n", got.acked, got.lost)
	fmt.Fprintf(&b, "writes cut off by a kill (no answer): %d, of which committed whole: %d, absent whole: %d\n",
		got.unknown, got.committed, got.unknown-got.committed)
	fmt.Fprintf(&b, "writes not sent while the server was down (connection refused): %d\n", led.notSent)
	fmt.Fprintf(&b, "server starts: %d\nPRAGMA integrity_check: %s\n", s.Starts, check)
	report(t, "crash.txt", b.String())

	if check != "ok" {
		t.Errorf("Expected PRAGMA integrity_check to be ok, got %q", check)
	}
	if len(led.unexpected) > 0 {
		t.Errorf("Expected every answer to a write to be 2xx, got %d 5xx and:\n%s", led.errors5xx, strings.Join(led.unexpected, "\n"))
	}
	if got.lost > 0 || len(got.problems) > 0 {
		t.Errorf("Expected every acknowledged write with its history, got %d lost:\n%s", got.lost, strings.Join(got.problems, "\n"))
	}
	if got.acked < 10*kills {
		t.Errorf("Expected the writers to get writes through between the kills, got %d acknowledged", got.acked)
	}
}
