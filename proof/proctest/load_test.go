package proctest_test

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"ikplan/proof/proctest"
)

// readerAccounts are the people who read: each page as they see it.
var readerAccounts = []string{
	"samordnare@ikplan.test", "ansvarig@ikplan.test", "lasare@ikplan.test",
	"revisor@ikplan.test", "raddning@ikplan.test", "it@ikplan.test",
}

// searchWords are what the readers search for: words of the demo and of
// the writers' records.
var searchWords = []string{"avvikelse", "rutin", "Åtgärd", "brand", "faktura", "w1 c", "Orsak", "avtal"}

// writePause is the writers' pause between writes in the load test: people
// who write steadily, not a tight loop.
const writePause = 50 * time.Millisecond

// TestSustainedLoad runs readers (web pages with a session cookie, and REST
// API lists) and writers (the crash test's writes) against the real server
// for a fixed time, then stops it and checks that no answer was a 5xx,
// every read answered 200 and every acknowledged write is in the database
// with its history. The latencies by kind are logged and written to
// tmp/reliability/load.txt. IKPLAN_LOAD_SECONDS (15), IKPLAN_LOAD_READERS
// (6) and IKPLAN_LOAD_WRITERS (3) set the run.
func TestSustainedLoad(t *testing.T) {
	seconds := envInt(t, "IKPLAN_LOAD_SECONDS", 15)
	nReaders := envInt(t, "IKPLAN_LOAD_READERS", 6)
	nWriters := envInt(t, "IKPLAN_LOAD_WRITERS", 3)

	s := proctest.Start(t)
	lat := &proctest.Latencies{}
	led := &ledger{}
	var specs []writerSpec
	for i := range nWriters {
		specs = append(specs, crashWriters[i%len(crashWriters)])
	}
	writers := newWriters(t, s, specs, led, lat)
	var readers []*reader
	for i := range nReaders {
		readers = append(readers, newReader(t, s, readerAccounts[i%len(readerAccounts)], i, lat))
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	for _, w := range writers {
		w.pause = writePause
		wg.Go(func() { w.run(stop) })
	}
	for _, r := range readers {
		wg.Go(func() { r.run(stop) })
	}
	began := time.Now()
	time.Sleep(time.Duration(seconds) * time.Second)
	close(stop)
	wg.Wait()
	took := time.Since(began)
	s.Stop()

	db := s.OpenDB()
	check := proctest.IntegrityCheck(t, db)
	got := verify(t, db, led)
	var reads, readFailures, reads5xx int64
	var failures []string
	for _, r := range readers {
		reads += r.count
		readFailures += r.failed
		reads5xx += r.failed5xx
		failures = append(failures, r.failures...)
	}
	total := reads + int64(got.acked)
	var b strings.Builder
	fmt.Fprintf(&b, "load test: %d readers (closed loop, no pause) and %d writers (%s between writes) for %s, GOMAXPROCS %d\n",
		nReaders, nWriters, writePause, took.Round(time.Millisecond), runtime.GOMAXPROCS(0))
	fmt.Fprintf(&b, "requests served: %d (%.0f/s): %d reads, %d writes acknowledged\n", total, float64(total)/took.Seconds(), reads, got.acked)
	fmt.Fprintf(&b, "5xx answers: %d; reads not 200: %d; writes not 2xx: %d; writes without an answer: %d\n",
		reads5xx+int64(led.errors5xx), readFailures, len(led.unexpected), got.unknown+led.notSent)
	fmt.Fprintf(&b, "acknowledged writes lost: %d; PRAGMA integrity_check: %s\n\n", got.lost, check)
	b.WriteString(proctest.Table(lat.Summaries()))
	report(t, "load.txt", b.String())

	if reads5xx+int64(led.errors5xx) > 0 || readFailures > 0 || len(led.unexpected) > 0 {
		t.Errorf("Expected no 5xx and every read 200, got %d failed reads (%d 5xx) and %d failed writes (%d 5xx):\n%s\n%s",
			readFailures, reads5xx, len(led.unexpected), led.errors5xx, strings.Join(failures, "\n"), strings.Join(led.unexpected, "\n"))
	}
	if got.unknown+led.notSent > 0 {
		t.Errorf("Expected an answer to every write, got %d without", got.unknown+led.notSent)
	}
	if check != "ok" {
		t.Errorf("Expected PRAGMA integrity_check to be ok, got %q", check)
	}
	if got.lost > 0 || len(got.problems) > 0 {
		t.Errorf("Expected every acknowledged write with its history, got %d lost:\n%s", got.lost, strings.Join(got.problems, "\n"))
	}
	if reads == 0 || got.acked == 0 {
		t.Errorf("Expected reads and writes served, got %d and %d", reads, got.acked)
	}
}

// reader is one person reading: web pages with a session cookie and REST
// API lists with a token, chosen at random, one after the other.
type reader struct {
	web, api  *proctest.Client
	plan      string
	controls  []string
	rng       *rand.Rand
	lat       *proctest.Latencies
	count     int64
	failed    int64
	failed5xx int64
	failures  []string
}

// newReader signs the account in twice (web form and REST API) and finds
// its plan and the controls it may see.
func newReader(t *testing.T, s *proctest.Server, email string, n int, lat *proctest.Latencies) *reader {
	t.Helper()
	r := &reader{web: proctest.NewClient(s.URL), api: proctest.NewClient(s.URL), lat: lat,
		rng: rand.New(rand.NewPCG(uint64(n), 4711))}
	if err := r.web.WebSignIn(email, proctest.DemoPassword); err != nil {
		t.Fatal(err)
	}
	if err := r.api.SignIn(email, proctest.DemoPassword); err != nil {
		t.Fatal(err)
	}
	var plans, controls struct{ Items []struct{ Id string } }
	get := func(path string, v any) {
		res, err := r.api.Do(http.MethodGet, path, nil)
		if err != nil || res.Status != http.StatusOK {
			t.Fatalf("Expected %s for %s, got %d %v", path, email, res.Status, err)
		}
		if err := res.JSON(v); err != nil {
			t.Fatal(err)
		}
	}
	get("/api/collections/plans/records?fields=id&filter="+url.QueryEscape("year = 2024"), &plans)
	get("/api/collections/controls/records?perPage=500&fields=id", &controls)
	if len(plans.Items) == 0 || len(controls.Items) == 0 {
		t.Fatalf("Expected %s to see the 2024 plan and its controls, got %d plans, %d controls", email, len(plans.Items), len(controls.Items))
	}
	r.plan = plans.Items[0].Id
	for _, c := range controls.Items {
		r.controls = append(r.controls, c.Id)
	}
	return r
}

// run reads until stop is closed.
func (r *reader) run(stop <-chan struct{}) {
	for {
		select {
		case <-stop:
			return
		default:
		}
		kind, c, path := r.next()
		res, err := c.Do(http.MethodGet, path, nil)
		r.count++
		if err != nil {
			r.fail(fmt.Sprintf("%s: %v", path, err), false)
			continue
		}
		r.lat.Add(kind, res.Elapsed)
		if res.Status != http.StatusOK {
			r.fail(fmt.Sprintf("%s: %d %.200s", path, res.Status, res.Body), res.Status >= 500)
		}
	}
}

func (r *reader) fail(msg string, is5xx bool) {
	r.failed++
	if is5xx {
		r.failed5xx++
	}
	if len(r.failures) < 5 {
		r.failures = append(r.failures, msg)
	}
}

// next is a random read: its kind, the client that makes it and the path.
func (r *reader) next() (string, *proctest.Client, string) {
	control := r.controls[r.rng.IntN(len(r.controls))]
	switch r.rng.IntN(8) {
	case 0:
		return "page /", r.web, "/"
	case 1:
		return "page /plans/{id}", r.web, "/plans/" + r.plan
	case 2:
		return "page /controls/{id}", r.web, "/controls/" + control
	case 3:
		return "page /actions", r.web, "/actions"
	case 4:
		return "page /search", r.web, "/search?q=" + url.QueryEscape(searchWords[r.rng.IntN(len(searchWords))])
	case 5:
		return "api list controls", r.api, "/api/collections/controls/records?perPage=50&sort=position"
	case 6:
		return "api list actions", r.api, "/api/collections/actions/records?perPage=50&sort=-created"
	default:
		return "api list deviations", r.api, "/api/collections/deviations/records?perPage=50&expand=result&filter=" +
			url.QueryEscape("result.control = '"+control+"'")
	}
}
