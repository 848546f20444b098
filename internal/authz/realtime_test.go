package authz_test

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"ikplan/internal/model"
	"ikplan/internal/testapp"
)

// stream is one realtime connection of PocketBase's REST API.
type stream struct {
	t  *testing.T
	id string
	r  *bufio.Reader
}

// next reads the stream's next event: its name and data.
func (s *stream) next() (string, string) {
	s.t.Helper()
	var name, data string
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			s.t.Fatalf("failed to read the realtime stream: %v", err)
		}
		line = strings.TrimRight(line, "\r\n")
		switch {
		case strings.HasPrefix(line, "event:"):
			name = line[len("event:"):]
		case strings.HasPrefix(line, "data:"):
			data = line[len("data:"):]
		case line == "" && name != "":
			return name, data
		}
	}
}

// subscribe opens a realtime connection as the role and subscribes it to
// the topics.
func subscribe(ctx context.Context, t *testing.T, base, token string, topics ...string) *stream {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/realtime", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	s := &stream{t: t, r: bufio.NewReader(res.Body)}
	name, data := s.next()
	var connect struct{ ClientId string }
	if err := json.Unmarshal([]byte(data), &connect); name != "PB_CONNECT" || err != nil {
		t.Fatalf("Expected PB_CONNECT, got %s %s", name, data)
	}
	s.id = connect.ClientId
	body, _ := json.Marshal(map[string]any{"clientId": s.id, "subscriptions": topics})
	sub, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/realtime", strings.NewReader(string(body)))
	sub.Header.Set("Content-Type", "application/json")
	sub.Header.Set("Authorization", token)
	sres, err := http.DefaultClient.Do(sub)
	if err != nil {
		t.Fatal(err)
	}
	sres.Body.Close()
	if sres.StatusCode != http.StatusNoContent {
		t.Fatalf("Expected the subscription set, got %d", sres.StatusCode)
	}
	return s
}

// TestRealtimeKeepsConfidential: the REST API's realtime events carry the
// confidential action to the roles that may see it and never to a reader.
// The confidential action changes first and an open one after: each
// subscriber's first event shows which it was sent (events to one
// subscriber keep their order), so no test waits for something not to come.
func TestRealtimeKeepsConfidential(t *testing.T) {
	w := prepare(t)
	app, _, h := w.serve(t)
	defer app.Cleanup()
	srv := httptest.NewServer(h)
	defer srv.Close()
	// a limit against a hang, not a measure of speed
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	first := map[string]string{"reader": "$a11", "auditor": "$a12", "owner": "$a12", "other": "$a12", "coord": "$a12", "super": "$a12"}
	streams := map[string]*stream{}
	for role := range first {
		streams[role] = subscribe(ctx, t, srv.URL, w.tokens[role], "actions", "sessions")
	}
	for _, id := range []string{w.ids["$a12"], w.ids["$a11"]} {
		if err := testapp.Update(app, model.Actions, id, map[string]any{"done_note": "Pågår enligt plan."}); err != nil {
			t.Fatal(err)
		}
	}
	for role, want := range first {
		name, data := streams[role].next()
		if name != "actions" || !strings.Contains(data, `"id":"`+w.ids[want]+`"`) {
			t.Errorf("Expected %s's first event to be the action %s, got %s %s", role, want, name, data)
		}
	}
	// a new session is told to superusers only: the reader's next event is
	// the open action changed after it
	user := testapp.Find(t, app, model.Users, w.f.Users["lasare"])
	if _, _, err := model.NewSession(app, user, testapp.Today); err != nil {
		t.Fatal(err)
	}
	if err := testapp.Update(app, model.Actions, w.ids["$a11"], map[string]any{"done_note": "Klart snart."}); err != nil {
		t.Fatal(err)
	}
	if name, data := streams["reader"].next(); name != "actions" {
		t.Errorf("Expected the reader's next event to be the open action, got %s %s", name, data)
	}
	if name, data := streams["super"].next(); name != "actions" || !strings.Contains(data, w.ids["$a11"]) {
		t.Errorf("Expected the superuser's next event to be the open action of before, got %s %s", name, data)
	}
	if name, _ := streams["super"].next(); name != "sessions" {
		t.Errorf("Expected the superuser to be told of the new session, got %s", name)
	}
}
