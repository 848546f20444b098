package authz_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"ikplan/internal/model"
)

// allRows is the matrix: one or more rows for every route of the router.
func allRows() []row {
	var out []row
	for _, part := range [][]row{pageRows(), writeRows(), confidentialRows(), apiRows(), apiAuthRows(), adminRows()} {
		out = append(out, part...)
	}
	return out
}

// TestMatrix sends every row as every role and checks the answers. It
// first checks that the rows cover exactly the router's routes, and adds
// for each route's pattern the methods no route answers: those are an
// HTML 404 for everyone.
func TestMatrix(t *testing.T) {
	w := prepare(t)
	app, r, h := w.serve(t)
	known := routes(r)
	mux := h.(*http.ServeMux)
	rows := allRows()
	app.Cleanup()

	covered := map[string]bool{}
	for _, c := range rows {
		if !slices.Contains(known, c.route) {
			t.Errorf("row %q (%s): the router has no route %q", c.route, c.name, c.route)
		} else if got := reached(mux, w.request(c, "coord")); got != c.route {
			t.Errorf("row %q (%s): its request reaches the route %q", c.route, c.name, got)
		}
		covered[c.route] = true
	}
	for _, route := range known {
		if !covered[route] {
			t.Errorf("route %q has no row in the authorization matrix: add one with the answer of every role", route)
		}
	}
	// every other method on each route's first row: what no route answers
	// falls to the web UI's catch-all, an HTML 404 for everyone (what
	// another route answers, such as GET /api/backups/upload, is that
	// route's, which has rows of its own)
	var extra []row
	seen := map[string]bool{}
	for _, c := range rows {
		if _, p := split(c.route); !seen[p] && c.method == "" {
			seen[p] = true
			for _, m := range methods {
				other := row{route: catchAll, name: "no " + m + " route of " + c.route, method: m, url: c.url, want: "*:404"}
				if m != c.verb() && reached(mux, w.request(other, "coord")) == catchAll {
					extra = append(extra, other)
				}
			}
		}
	}
	rows = append(rows, extra...)

	wants := make([]map[string]expect, len(rows))
	for i, c := range rows {
		want, err := parseWant(c.want)
		if err != nil {
			t.Fatalf("row %q %q: %v", c.route, c.name, err)
		}
		wants[i] = want
	}
	var mu sync.Mutex
	got := make([]map[string]string, len(rows))
	for i := range got {
		got[i] = map[string]string{}
	}
	for _, role := range roles {
		t.Run(role, func(t *testing.T) {
			t.Parallel()
			shared, _, h := w.serve(t)
			defer shared.Cleanup()
			// every write to a domain record leaves a history row: none of
			// the reads and refused writes sent to the shared app may
			history := func() int64 {
				n, err := shared.CountRecords(model.AuditLog)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			before := history()
			defer func() {
				if after := history(); after != before {
					t.Errorf("Expected the reads and refused writes as %s to change nothing, got %d new history rows", role, after-before)
				}
			}()
			for i, c := range rows {
				rec := w.send(t, h, c, role, wants[i][role])
				if printing {
					mu.Lock()
					got[i][role] = fmt.Sprint(rec.Code)
					if loc := rec.Header().Get("Location"); rec.Code == 303 && strings.HasPrefix(loc, "/login") {
						got[i][role] = "login"
					}
					mu.Unlock()
				}
				c.text = w.expand(c.text, role)
				if msg := c.check(role, wants[i], rec); msg != "" {
					t.Errorf("%s %s (%s) as %s: %s", c.verb(), w.expand(c.url, role), c.name, role, msg)
				}
			}
		})
	}
	t.Cleanup(func() {
		if printing {
			for i, c := range rows {
				t.Logf("%-50s %-30s %s", c.route, c.name, summary(got[i]))
			}
		}
		n := 0
		for range rows {
			n += len(roles)
		}
		t.Logf("%d routes, %d rows (with the unserved methods), %d roles: %d requests", len(known), len(rows), len(roles), n)
	})
}

// catchAll is the web UI's route for everything no other route answers.
const catchAll = " /{path...}"

// reached is the route the router sends a request to, in the form of routes.
func reached(mux *http.ServeMux, req *http.Request) string {
	_, pattern := mux.Handler(req)
	if strings.HasPrefix(pattern, "/") {
		return " " + pattern
	}
	return pattern
}

// summary writes answers in the rows' want syntax.
func summary(got map[string]string) string {
	by := map[string][]string{}
	var order []string
	for _, role := range roles {
		a := got[role]
		if _, ok := by[a]; !ok {
			order = append(order, a)
		}
		by[a] = append(by[a], role)
	}
	var parts []string
	for _, a := range order {
		parts = append(parts, strings.Join(by[a], ",")+":"+a)
	}
	return strings.Join(parts, " ")
}

// send sends the row as the role: to the role's shared app, or to an app
// of its own when the answer is a write that goes through.
func (w *world) send(t *testing.T, shared http.Handler, c row, role string, e expect) *httptest.ResponseRecorder {
	h := shared
	if c.writes(e) {
		app, _, fresh := w.serve(t)
		defer app.Cleanup()
		h = fresh
	}
	req := w.request(c, role)
	rec := httptest.NewRecorder()
	if !c.stream {
		h.ServeHTTP(rec, req)
		return rec
	}
	// an event stream stays open: it ends once its first event is sent
	ctx, cancel := context.WithCancel(req.Context())
	defer cancel()
	h.ServeHTTP(&flushEnds{rec, cancel}, req.WithContext(ctx))
	return rec
}

// flushEnds is a response that ends the request once it is flushed.
type flushEnds struct {
	*httptest.ResponseRecorder
	cancel func()
}

func (f *flushEnds) Flush() {
	f.ResponseRecorder.Flush()
	f.cancel()
}
