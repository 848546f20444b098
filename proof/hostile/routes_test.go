package hostile_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// route is one route of the web UI as bound in internal/web.
type route struct {
	method, pattern string
}

var routeCall = regexp.MustCompile(`(\w+)\.(GET|POST|PUT|PATCH|DELETE|Any)\("([^"]+)"`)

// webRoutes reads the routes from internal/web's bind functions, so a new
// route shows up here without anyone listing it. The static files are bound
// on their own group under /static.
func webRoutes(t testing.TB) []route {
	t.Helper()
	files, err := filepath.Glob("../../internal/web/*.go")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[route]bool{}
	var out []route
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range routeCall.FindAllStringSubmatch(string(src), -1) {
			r := route{m[2], m[3]}
			if m[1] == "static" {
				r.pattern = "/static" + r.pattern
			}
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	if len(out) < 30 {
		t.Fatalf("Expected the web UI's routes in ../../internal/web/*.go, found only %d", len(out))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pattern+out[i].method < out[j].pattern+out[j].method })
	return out
}

var pathParam = regexp.MustCompile(`\{([a-z]+)(\.\.\.)?\}|\{\$\}`)

// params names each route parameter of a pattern, in order.
func params(pattern string) []string {
	var out []string
	for _, m := range pathParam.FindAllStringSubmatch(pattern, -1) {
		if m[1] != "" {
			out = append(out, m[1])
		}
	}
	return out
}

// fill writes a pattern with values for its parameters; value returns the
// value of a parameter (already escaped for a path).
func fill(pattern string, value func(i int, name string) string) string {
	i := -1
	return pathParam.ReplaceAllStringFunc(pattern, func(p string) string {
		if p == "{$}" {
			return ""
		}
		i++
		name := strings.Trim(strings.TrimSuffix(strings.Trim(p, "{}"), "..."), "{}")
		return value(i, name)
	})
}
