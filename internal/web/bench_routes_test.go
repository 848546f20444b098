package web_test

import (
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/proof/refset"
	"ikplan/proof/testapp"
)

// TestRefPagesCoverEveryRoute fails when a GET route of the web UI has no
// row in BenchmarkRefPages, or a row's address is not served by the route it
// names. It reads the routes from the router the server builds, on the demo
// data (the rows' ids need only be well formed here).
func TestRefPagesCoverEveryRoute(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	h, r := refset.Handler(t, app)
	mux, ok := h.(*http.ServeMux)
	if !ok {
		t.Fatalf("Expected the router to build an *http.ServeMux, got %T", h)
	}
	ids := refIds{Year: 2024, Evidence: "loggar.txt", Token: strings.Repeat("x", 40)}
	ids.Board, ids.Other, ids.Plan, ids.Control = f.KS, f.IAN, f.Plan, f.Controls["5"]
	ids.Result, ids.Action, ids.Risk = f.Results["5"], f.Actions["2"], f.Risk
	rows := refPages(ids)

	benched := map[string]bool{}
	for _, p := range rows {
		benched[p.route] = true
		_, pattern := mux.Handler(httptest.NewRequest(http.MethodGet, p.url, nil))
		if pattern != p.route {
			t.Errorf("Expected the row %q (%s) to be served by %q, got %q", p.name, p.url, p.route, pattern)
		}
	}
	routes := webRoutes(t, r)
	if len(routes) < 20 {
		t.Fatalf("Expected the web UI's GET routes, got only %v", routes)
	}
	for _, route := range routes {
		if !benched[route] {
			t.Errorf("Expected a row in refPages (BenchmarkRefPages) for the route %q", route)
		}
	}
	names := map[string]bool{}
	for _, p := range rows {
		if names[p.name] {
			t.Errorf("Expected each row's name once, got %q twice", p.name)
		}
		names[p.name] = true
	}
}

// webRoutes are the GET routes of ikplan's web UI in the router, as
// "GET /path": every route but PocketBase's own under /api/ and /_/. The
// catch-all 404 page (any method, no GET of its own) is no page to measure.
func webRoutes(t *testing.T, r *router.Router[*core.RequestEvent]) []string {
	t.Helper()
	var out []string
	for _, route := range walkRoutes(t, reflect.ValueOf(r.RouterGroup), "") {
		method, path, _ := strings.Cut(route, " ")
		if method != http.MethodGet || strings.HasPrefix(path, "/api/") || strings.HasPrefix(path, "/_/") {
			continue
		}
		out = append(out, route)
	}
	slices.Sort(out)
	return out
}

// walkRoutes lists the routes under a router group as "METHOD /path". The
// router keeps its groups' children unexported and offers no listing, so
// they are read by reflection (reading only; a change of the router's
// insides fails the test here rather than letting a route go unmeasured).
func walkRoutes(t *testing.T, group reflect.Value, prefix string) []string {
	t.Helper()
	groupType := reflect.TypeFor[*router.RouterGroup[*core.RequestEvent]]()
	routeType := reflect.TypeFor[*router.Route[*core.RequestEvent]]()
	g := group.Elem()
	prefix += g.FieldByName("Prefix").String()
	children := g.FieldByName("children")
	if children.Kind() != reflect.Slice {
		t.Fatalf("Expected the router group to keep its routes in a slice \"children\", got %v", children.Kind())
	}
	var out []string
	for i := range children.Len() {
		child := children.Index(i).Elem()
		switch child.Type() {
		case groupType:
			out = append(out, walkRoutes(t, child, prefix)...)
		case routeType:
			route := child.Elem()
			out = append(out, route.FieldByName("Method").String()+" "+prefix+route.FieldByName("Path").String())
		default:
			t.Fatalf("Expected a route or a group in the router, got %v", child.Type())
		}
	}
	return out
}
