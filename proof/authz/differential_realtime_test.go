package authz_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// TestNothingHiddenReachesASubscriber is the differential test of the
// realtime API: for every role, the same subscriptions — each collection
// without a filter and with the corpus's filters over every relation path
// — are set on the two databases of TestNothingHiddenShapesAnAnswer (they
// differ only in the contents of what the role may not read). Which
// subscriptions are refused must be the same; then the same records the
// role may read are saved again in both, and the events each subscription
// gets (collection, record, action) must be the same.
func TestNothingHiddenReachesASubscriber(t *testing.T) {
	w := prepare(t)
	base := otherBoardWorld(t, w)
	appA, hA := serveDir(t, base, nil)
	schema := readSchema(t, appA)
	srvA := httptest.NewServer(hA)
	defer srvA.Close()

	for _, role := range roles {
		if role == "super" || role == "guest" {
			continue
		}
		t.Run(role, func(t *testing.T) {
			token := w.tokens[role]
			readable := readableSets(t, hA, token, schema)
			hidden := hiddenRecords(t, appA, schema, readable)
			appB, hB := serveDir(t, base, func(app core.App) { mutateHidden(t, app, schema, hidden) })
			srvB := httptest.NewServer(hB)
			defer srvB.Close()
			// a limit against a hang, not a measure of speed
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()

			topics := realtimeTopics(newCorpus(schema, valuesOf(t, appA, schema, hidden), false), schema)
			okA, okB := allowedTopics(ctx, t, srvA.URL, token, topics), allowedTopics(ctx, t, srvB.URL, token, topics)
			if !slices.Equal(okA, okB) {
				t.Fatalf("Expected the same subscriptions allowed in both databases, got %d and %d", len(okA), len(okB))
			}
			streamA, streamB := subscribe(ctx, t, srvA.URL, token, okA...), subscribe(ctx, t, srvB.URL, token, okB...)
			eventsA, eventsB := listen(streamA), listen(streamB)

			ids := valuesOf(t, appA, schema, nil)
			sent := 0
			for _, c := range schema.collections {
				if c.ListRule == nil || c.Name == "audit_log" || c.Name == "sessions" {
					continue // the history and sessions gain rows of their own when saving
				}
				n := 0
				for _, id := range ids[c.Name]["id"] {
					if !readable[c.Name][id] || n == 4 {
						continue
					}
					n++
					okA, okB := touch(appA, c.Name, id), touch(appB, c.Name, id)
					if okA != okB {
						t.Fatalf("Expected saving %s %s again to go the same way in both databases", c.Name, id)
					}
					if okA {
						sent++
					}
				}
			}
			gotA, gotB := collect(ctx, eventsA, sent), collect(ctx, eventsB, sent)
			if !slices.Equal(gotA, gotB) {
				for _, d := range setDiff(gotA, gotB) {
					t.Errorf("%s: only in the first database: %s", role, d)
				}
				for _, d := range setDiff(gotB, gotA) {
					t.Errorf("%s: only in the second database: %s", role, d)
				}
			}
			t.Logf("%s: %d subscriptions (%d allowed), %d saves, %d events", role, len(topics), len(okA), sent, len(gotA))
		})
	}
}

// realtimeTopics are, for every collection the role might list, the
// collection without a filter and with up to 40 of the corpus's filters.
func realtimeTopics(c *corpus, s *schema) []string {
	var out []string
	for _, col := range s.collections {
		if col.ListRule == nil || col.Name == "audit_log" || col.Name == "sessions" {
			continue
		}
		out = append(out, col.Name)
		var filters []string
		for _, p := range s.paths(col, 2) {
			for _, f := range c.filters(p) {
				// saving again moves "updated" on, a moment apart in
				// the two databases
				if !strings.Contains(f, "updated") {
					filters = append(filters, f)
				}
			}
		}
		step := max(1, len(filters)/40)
		for i := 0; i < len(filters) && len(out) < 990; i += step {
			opts, _ := json.Marshal(map[string]any{"query": map[string]string{"filter": filters[i]}})
			out = append(out, col.Name+"?options="+string(opts))
		}
	}
	return out
}

// allowedTopics sets each topic alone on one connection and returns those
// the server accepts, in order.
func allowedTopics(ctx context.Context, t *testing.T, base, token string, topics []string) []string {
	t.Helper()
	s := subscribe(ctx, t, base, token)
	var out []string
	for _, topic := range topics {
		body, _ := json.Marshal(map[string]any{"clientId": s.id, "subscriptions": []string{topic}})
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/realtime", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		switch res.StatusCode {
		case http.StatusNoContent:
			out = append(out, topic)
		case http.StatusBadRequest:
		default:
			t.Fatalf("Expected 204 or 400 for the subscription %s, got %d", topic, res.StatusCode)
		}
	}
	return out
}

// touch saves the record again, unchanged, through the hooks: PocketBase
// then tells every subscriber that may see it.
func touch(app core.App, collection, id string) bool {
	r, err := app.FindRecordById(collection, id)
	if err != nil {
		return false
	}
	return app.Save(r) == nil
}

// listen reads the stream's events into a channel as
// "topic record action".
func listen(s *stream) <-chan string {
	ch := make(chan string, 4096)
	go func() {
		defer close(ch)
		for {
			line, err := s.r.ReadString('\n')
			if err != nil {
				return
			}
			var name string
			for line != "\n" && line != "\r\n" {
				if v, ok := strings.CutPrefix(line, "event:"); ok {
					name = strings.TrimSpace(v)
				}
				if v, ok := strings.CutPrefix(line, "data:"); ok {
					var ev struct {
						Action string
						Record struct{ Id string }
					}
					_ = json.Unmarshal([]byte(v), &ev)
					ch <- fmt.Sprintf("%s %s %s", name, ev.Record.Id, ev.Action)
				}
				if line, err = s.r.ReadString('\n'); err != nil {
					return
				}
			}
		}
	}()
	return ch
}

// collect gathers the events until every unfiltered subscription's event
// of the saves has come (a collection's plain topic gets every one of
// them) and then nothing more for a while, sorted.
func collect(ctx context.Context, events <-chan string, saves int) []string {
	var out []string
	plain := 0
	for {
		wait := 5 * time.Second
		if plain >= saves {
			wait = 300 * time.Millisecond
		}
		select {
		case ev, ok := <-events:
			if !ok {
				slices.Sort(out)
				return out
			}
			out = append(out, ev)
			if name, _, _ := strings.Cut(ev, " "); !strings.Contains(name, "?") {
				plain++
			}
		case <-time.After(wait):
			slices.Sort(out)
			return out
		case <-ctx.Done():
			slices.Sort(out)
			return out
		}
	}
}

// setDiff is what a has that b lacks.
func setDiff(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}
