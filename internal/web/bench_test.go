package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"ikplan/proof/testapp"
)

// pageBenchmarks are the pages measured by BenchmarkPages, on the demo data,
// each as the user who sees the most of it.
func pageBenchmarks(f *testapp.Fixture) []struct{ name, user, url string } {
	return []struct{ name, user, url string }{
		{"login", "", "/login"},
		{"start", "samordnare", "/"},
		{"plans", "samordnare", "/plans"},
		{"plan", "samordnare", "/plans/" + f.Plan},
		{"plan-reader", "lasare", "/plans/" + f.Plan},
		{"control", "samordnare", "/controls/" + f.Controls["11"]},
		{"control-owner", "raddning", "/controls/" + f.Controls["5"]},
		{"actions", "samordnare", "/actions"},
		{"risks", "samordnare", "/risks"},
		{"risk", "samordnare", "/risks/" + f.Risk},
		{"history", "revisor", "/history/actions/" + f.Actions["2"]},
		{"search", "samordnare", "/search?q=rutin"},
	}
}

// BenchmarkPages measures each page's handler through the whole HTTP stack
// (router, middlewares, session, rules, template) on the demo data: once
// computed every time (the page cache off, as after every write) and once
// served from the page cache (nothing changed since the last view).
func BenchmarkPages(b *testing.B) {
	for _, mode := range []string{"computed", "cached"} {
		b.Run(mode, func(b *testing.B) {
			if mode == "computed" {
				b.Setenv("IKPLAN_PAGE_CACHE", "off")
			}
			benchmarkPages(b)
		})
	}
}

func benchmarkPages(b *testing.B) {
	f := testapp.Fix(b)
	app := testapp.NewWeb(b)
	h := handler(b, app)
	for _, p := range pageBenchmarks(f) {
		b.Run(p.name, func(b *testing.B) {
			b.ReportAllocs()
			before := cpuTime()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, p.url, nil)
				if p.user != "" {
					req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[p.user]})
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("Expected 200 for %s, got %d", p.url, rec.Code)
				}
			}
			// the process's CPU time (user + system) per page, besides the wall time
			b.ReportMetric(float64((cpuTime()-before).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
