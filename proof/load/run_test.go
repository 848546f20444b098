package load_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/load"
	"ikplan/proof/testapp"
)

// serve starts ikplan with the demo data (hooks, REST API, web UI, the
// tests' clock) on a random loopback port, as `ikplan serve` would.
func serve(t *testing.T) (*tests.TestApp, string) {
	t.Helper()
	app := testapp.NewWeb(t)
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatalf("failed to make the router: %v", err)
	}
	var mux http.Handler
	err = app.OnServe().Trigger(&core.ServeEvent{App: app, Router: r}, func(e *core.ServeEvent) error {
		m, err := e.Router.BuildMux()
		mux = m
		return err
	})
	if err != nil {
		t.Fatalf("failed to trigger the serve event: %v", err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("failed to listen on loopback: %v", err)
	}
	srv := httptest.NewUnstartedServer(mux)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return app, srv.URL
}

// TestRunAgainstIkplan runs the whole tool, briefly and slowly, against a
// real ikplan with the demo data: every sign-in, every id found and every
// kind of request must work, and each write must change an action.
func TestRunAgainstIkplan(t *testing.T) {
	app, base := serve(t)
	updates := func() int {
		return testapp.Count(t, app, "audit_log", dbx.HashExp{"collection": model.Actions, "op": "update"})
	}
	before := updates()
	mix, err := load.ParseMix(load.DefaultMix)
	if err != nil {
		t.Fatalf("Expected the default mix to parse, got %v", err)
	}
	rep, err := load.Run(context.Background(), load.Config{
		URL: base, Password: testapp.Password, Mix: mix, Limit: 100,
		Users: []string{"samordnare@ikplan.test", "ansvarig@ikplan.test", "lasare@ikplan.test", "revisor@ikplan.test"},
		Rate:  40, Duration: time.Second, Timeout: 30 * time.Second, MaxConns: 8,
		Saturate: 200 * time.Millisecond, Conns: 2, StaticPath: "/static/css/ikplan.css",
	})
	if err != nil {
		t.Fatalf("Expected the run to succeed, got %v", err)
	}

	roles := map[string]load.UserSummary{}
	for _, u := range rep.Users {
		roles[u.Role] = u
	}
	co, ow, re, au := roles["coordinator"], roles["owner"], roles["reader"], roles["auditor"]
	if co.Plans == 0 || co.Controls == 0 || co.Actions == 0 || ow.Actions == 0 || ow.Actions >= co.Actions {
		t.Fatalf("Expected the coordinator to find plans, controls and more changeable actions than the owner, got %+v", rep.Users)
	}
	if re.Controls >= co.Controls || re.Actions != 0 || au.Actions != 0 {
		t.Fatalf("Expected the reader to miss the confidential control and readers and auditors to change nothing, got %+v", rep.Users)
	}

	open := rep.Open
	if open.Sent != 40 || open.All.Count != 40 || open.All.OK != 40 || len(open.All.Errors) != 0 {
		t.Fatalf("Expected 40 requests, all answered 2xx or 3xx, got %+v", open.All)
	}
	counts := map[load.Kind]int{}
	for _, s := range open.Kinds {
		counts[s.Kind] = s.Count
	}
	for _, k := range load.Kinds {
		if counts[k] == 0 {
			t.Fatalf("Expected every kind of the mix made, got none of %s: %v", k, counts)
		}
	}
	if got := updates() - before; got != counts[load.Write] {
		t.Fatalf("Expected one history row per write (%d), got %d", counts[load.Write], got)
	}

	for _, p := range []*load.Phase{rep.Static, rep.PlanSat} {
		if p == nil || p.All.OK == 0 || p.All.OK != p.All.Count {
			t.Fatalf("Expected the saturation runs answered without errors, got %+v", p)
		}
	}
	if rep.PlanShare <= 0 {
		t.Fatalf("Expected the plan page's share of the static file's throughput, got %v", rep.PlanShare)
	}
}
