package proctest_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"syscall"
	"testing"
	"time"

	"ikplan/proof/proctest"
)

// write is one write a writer sent and what became of it.
type write struct {
	collection string
	op         string // create or update
	id         string // "" for a create whose outcome is unknown
	actor      string // the audit log's actor: users/ID
	fields     map[string]any
	acked      bool // answered 2xx; otherwise the outcome is unknown
}

// ledger is every write of every writer, in each writer's order, and the
// answers no write should get.
type ledger struct {
	mu         sync.Mutex
	writes     []write
	unexpected []string
	errors5xx  int
	notSent    int // writes not sent: the server was down
}

func (l *ledger) down() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.notSent++
}

func (l *ledger) add(w write) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writes = append(l.writes, w)
}

func (l *ledger) refused(r proctest.Response, what string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r.Status >= 500 {
		l.errors5xx++
	}
	if len(l.unexpected) < 20 {
		l.unexpected = append(l.unexpected, fmt.Sprintf("%s: %d %.300s", what, r.Status, r.Body))
	}
}

// writer is one person writing through the REST API: deviations under the
// results it may write, an action under each, and updates of both.
type writer struct {
	name    string
	c       *proctest.Client
	results []string // results with the outcome deviation it may write under
	led     *ledger
	lat     *proctest.Latencies // nil: latencies not recorded
	pause   time.Duration       // between writes
}

// writerSpec is a demo account to write as; all is true for a coordinator,
// who writes under every result, else the owner writes under the results
// of their own controls.
type writerSpec struct {
	email string
	all   bool
}

// crashWriters are eight writers: the coordinator three times and the
// owners who have results with deviations.
var crashWriters = []writerSpec{
	{"samordnare@ikplan.test", true}, {"samordnare@ikplan.test", true}, {"samordnare@ikplan.test", true},
	{"ansvarig@ikplan.test", false}, {"ansvarig@ikplan.test", false},
	{"samhallsbyggnad@ikplan.test", false}, {"it@ikplan.test", false}, {"hr@ikplan.test", false},
}

// newWriters signs the writers in and finds the results each may write under.
func newWriters(t *testing.T, s *proctest.Server, specs []writerSpec, led *ledger, lat *proctest.Latencies) []*writer {
	t.Helper()
	var out []*writer
	for i, sp := range specs {
		c := proctest.NewClient(s.URL)
		if err := c.SignIn(sp.email, proctest.DemoPassword); err != nil {
			t.Fatal(err)
		}
		filter := "outcome = 'deviation'"
		if !sp.all {
			filter += " && control.owner = '" + c.UserId + "'"
		}
		r, err := c.Do(http.MethodGet, "/api/collections/results/records?perPage=500&fields=id&filter="+url.QueryEscape(filter), nil)
		if err != nil || r.Status != http.StatusOK {
			t.Fatalf("Expected %s's results, got %v %v", sp.email, r.Status, err)
		}
		var list struct{ Items []struct{ Id string } }
		if err := r.JSON(&list); err != nil {
			t.Fatal(err)
		}
		if len(list.Items) == 0 {
			t.Fatalf("Expected results with deviations for %s", sp.email)
		}
		w := &writer{name: fmt.Sprintf("w%d", i+1), c: c, led: led, lat: lat}
		for _, it := range list.Items {
			w.results = append(w.results, it.Id)
		}
		out = append(out, w)
	}
	return out
}

// run writes cycle after cycle until stop is closed.
func (w *writer) run(stop <-chan struct{}) {
	for n := 1; ; n++ {
		select {
		case <-stop:
			return
		default:
		}
		w.cycle(n, stop)
	}
}

// cycle creates a deviation and an action under it, moves the action to
// in progress and done, and gives the deviation its root cause. It ends
// early when a write is not acknowledged: a record is never written again
// after a write whose outcome is unknown.
func (w *writer) cycle(n int, stop <-chan struct{}) {
	tag := fmt.Sprintf("%s c%d", w.name, n)
	dev, ok := w.create("deviations", map[string]any{
		"result": w.results[n%len(w.results)], "description": "Avvikelse " + tag, "significant": n%2 == 0})
	if !ok {
		return
	}
	steps := []func() bool{
		func() bool {
			act, ok := w.create("actions", map[string]any{
				"deviation": dev, "description": "Åtgärd " + tag, "deadline": fmt.Sprintf("2025-%02d-%02d 00:00:00.000Z", 1+n%12, 1+n%28)})
			return ok &&
				w.update("actions", act, map[string]any{"status": "in_progress", "description": "Åtgärd " + tag + " påbörjad"}) &&
				w.update("actions", act, map[string]any{"status": "done", "done_note": "Klar " + tag})
		},
		func() bool {
			return w.update("deviations", dev, map[string]any{"root_cause": "Orsak " + tag, "status": "handled"})
		},
	}
	for _, step := range steps {
		select {
		case <-stop:
			return
		default:
		}
		step()
	}
}

// create sends a create and returns the new record's id when acknowledged.
func (w *writer) create(collection string, fields map[string]any) (string, bool) {
	rec, ok := w.send(http.MethodPost, "/api/collections/"+collection+"/records", collection, "create", "", fields)
	if !ok {
		return "", false
	}
	return rec["id"].(string), true
}

// update sends an update of the record; true when acknowledged.
func (w *writer) update(collection, id string, fields map[string]any) bool {
	_, ok := w.send(http.MethodPatch, "/api/collections/"+collection+"/records/"+id, collection, "update", id, fields)
	return ok
}

// send makes one write and records it in the ledger: acknowledged with the
// values the server answered, or of unknown outcome when no answer came.
func (w *writer) send(method, path, collection, op, id string, fields map[string]any) (map[string]any, bool) {
	time.Sleep(w.pause)
	wr := write{collection: collection, op: op, id: id, actor: "users/" + w.c.UserId, fields: fields}
	r, err := w.c.Do(method, path, fields)
	if err != nil {
		if errors.Is(err, syscall.ECONNREFUSED) {
			w.led.down() // the server is down: nothing was sent
		} else {
			w.led.add(wr) // cut off: the outcome is unknown
		}
		time.Sleep(20 * time.Millisecond) // do not spin while the server is down
		return nil, false
	}
	if w.lat != nil {
		w.lat.Add("api "+op+" "+collection, r.Elapsed)
	}
	if r.Status/100 != 2 {
		w.led.refused(r, method+" "+path)
		return nil, false
	}
	var rec map[string]any
	if err := r.JSON(&rec); err != nil {
		w.led.refused(r, method+" "+path+" (unreadable)")
		return nil, false
	}
	wr.id, _ = rec["id"].(string)
	wr.acked = true
	wr.fields = map[string]any{}
	for k, sent := range fields {
		wr.fields[k] = rec[k] // what the server says it stored
		if rec[k] != sent {
			w.led.refused(r, fmt.Sprintf("%s %s: %s sent %v, answered %v", method, path, k, sent, rec[k]))
		}
	}
	w.led.add(wr)
	return rec, true
}
