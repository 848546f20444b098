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
	"ikplan/internal/session"
	"ikplan/proof/testapp"
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
// PocketBase sends each event to a subscriber on a goroutine of its own,
// so two events close together can arrive in either order: each change is
// made only once the one before has reached every stream that gets it, and
// the open action changed after the confidential one shows, as the
// reader's next event, that the reader was not sent the confidential one.
func TestRealtimeKeepsConfidential(t *testing.T) {
	w := prepare(t)
	app, _, h := w.serve(t)
	defer app.Cleanup()
	srv := httptest.NewServer(h)
	defer srv.Close()
	// a limit against a hang, not a measure of speed
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	roles := []string{"reader", "auditor", "owner", "other", "coord", "super"}
	streams := map[string]*stream{}
	for _, role := range roles {
		streams[role] = subscribe(ctx, t, srv.URL, w.tokens[role], "actions", "sessions")
	}
	expectAction := func(role, key string) {
		t.Helper()
		name, data := streams[role].next()
		if name != "actions" || !strings.Contains(data, `"id":"`+w.ids[key]+`"`) {
			t.Errorf("Expected %s's next event to be the action %s, got %s %s", role, key, name, data)
		}
	}
	// the confidential action: everyone but the reader
	if err := testapp.Update(app, model.Actions, w.ids["$a12"], map[string]any{"done_note": "Pågår enligt plan."}); err != nil {
		t.Fatal(err)
	}
	for _, role := range roles[1:] {
		expectAction(role, "$a12")
	}
	// the open action: everyone, and the reader's first event
	if err := testapp.Update(app, model.Actions, w.ids["$a11"], map[string]any{"done_note": "Pågår enligt plan."}); err != nil {
		t.Fatal(err)
	}
	for _, role := range roles {
		expectAction(role, "$a11")
	}
	// a new session is told to superusers only: the reader's next event is
	// the open action changed after it; the superuser gets both
	user := testapp.Find(t, app, model.Users, w.f.Users["lasare"])
	if _, _, err := session.NewSession(app, user, testapp.Today); err != nil {
		t.Fatal(err)
	}
	if err := testapp.Update(app, model.Actions, w.ids["$a11"], map[string]any{"done_note": "Klart snart."}); err != nil {
		t.Fatal(err)
	}
	expectAction("reader", "$a11")
	got := map[string]bool{}
	for range 2 {
		name, _ := streams["super"].next()
		got[name] = true
	}
	if !got["sessions"] || !got["actions"] {
		t.Errorf("Expected the superuser to be told of the new session and the open action, got %v", got)
	}
}
