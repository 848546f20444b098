package proxy_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/proxy"
	"ikplan/proof/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

// seen is what the handlers behind the middleware see of a request.
type seen struct {
	RealIP, RemoteIP string
	HTTPS            bool
	Forwarded        string // X-Forwarded-For as it arrives
}

// probe serves a route that reports what it sees, behind the trust of
// list and PocketBase's proxy settings.
func probe(t *testing.T, list string, settings core.TrustedProxyConfig) http.Handler {
	t.Helper()
	trusted, err := proxy.Parse(list)
	if err != nil {
		t.Fatal(err)
	}
	app := testapp.New(t)
	app.Settings().TrustedProxy = settings
	proxy.Register(app, trusted)
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	r.GET("/probe", func(e *core.RequestEvent) error {
		return e.JSON(http.StatusOK, seen{e.RealIP(), e.RemoteIP(), proxy.HTTPS(e), e.Request.Header.Get("X-Forwarded-For")})
	})
	se := &core.ServeEvent{App: app, Router: r}
	if err := app.OnServe().Trigger(se, func(e *core.ServeEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	mux, err := r.BuildMux()
	if err != nil {
		t.Fatal(err)
	}
	return mux
}

// TestOnlyTrustedProxiesAreBelieved: the client's address and HTTPS are
// taken from the forwarding headers only when the request comes from a
// trusted proxy; from anyone else the headers are gone before PocketBase
// reads them, whatever its own proxy settings say.
func TestOnlyTrustedProxiesAreBelieved(t *testing.T) {
	t.Parallel()
	xff := core.TrustedProxyConfig{Headers: []string{"X-Forwarded-For"}}
	leftmost := core.TrustedProxyConfig{Headers: []string{"X-Forwarded-For"}, UseLeftmostIP: true}
	realIP := core.TrustedProxyConfig{Headers: []string{"X-Real-IP"}}
	scenarios := []struct {
		name     string
		list     string
		settings core.TrustedProxyConfig
		remote   string
		headers  map[string]string
		want     seen
	}{
		{"straight to ikplan, forging both", "127.0.0.1", xff, "192.0.2.7:4000",
			map[string]string{"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"},
			seen{"192.0.2.7", "192.0.2.7", false, ""}},
		{"straight to ikplan, forging both, leftmost in the settings", "127.0.0.1", leftmost, "192.0.2.7:4000",
			map[string]string{"X-Forwarded-For": "203.0.113.9, 192.0.2.7", "X-Forwarded-Proto": "https"},
			seen{"192.0.2.7", "192.0.2.7", false, ""}},
		{"straight to ikplan, forging another header of the settings", "127.0.0.1", realIP, "192.0.2.7:4000",
			map[string]string{"X-Real-IP": "203.0.113.9"},
			seen{"192.0.2.7", "192.0.2.7", false, ""}},
		{"no proxy trusted, the settings name a header", "", xff, "127.0.0.1:4000",
			map[string]string{"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"},
			seen{"127.0.0.1", "127.0.0.1", false, ""}},
		{"through the proxy", "127.0.0.1", xff, "127.0.0.1:4000",
			map[string]string{"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"},
			seen{"203.0.113.9", "203.0.113.9", true, "203.0.113.9"}},
		{"through the proxy, without PocketBase's settings", "127.0.0.1", core.TrustedProxyConfig{}, "127.0.0.1:4000",
			map[string]string{"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"},
			seen{"203.0.113.9", "203.0.113.9", true, "203.0.113.9"}},
		{"through the proxy, the client forged an address before its own", "127.0.0.1", xff, "127.0.0.1:4000",
			map[string]string{"X-Forwarded-For": "198.51.100.1, 203.0.113.9", "X-Forwarded-Proto": "https"},
			seen{"203.0.113.9", "203.0.113.9", true, "203.0.113.9"}},
		{"through two proxies of ours", "127.0.0.1, 10.0.0.0/8", xff, "127.0.0.1:4000",
			map[string]string{"X-Forwarded-For": "198.51.100.1, 203.0.113.9, 10.1.2.3", "X-Forwarded-Proto": "https"},
			seen{"203.0.113.9", "203.0.113.9", true, "203.0.113.9"}},
		{"through the proxy, leftmost in the settings", "127.0.0.1", leftmost, "127.0.0.1:4000",
			map[string]string{"X-Forwarded-For": "198.51.100.1, 203.0.113.9"},
			seen{"198.51.100.1", "198.51.100.1", false, "198.51.100.1"}},
		{"through the proxy over plain HTTP", "127.0.0.1", xff, "127.0.0.1:4000",
			map[string]string{"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "http"},
			seen{"203.0.113.9", "203.0.113.9", false, "203.0.113.9"}},
		{"through an IPv6 proxy", "::1", xff, "[::1]:4000",
			map[string]string{"X-Forwarded-For": "2001:db8::7", "X-Forwarded-Proto": "https"},
			seen{"2001:0db8:0000:0000:0000:0000:0000:0007", "2001:0db8:0000:0000:0000:0000:0000:0007", true, "2001:db8::7"}},
		{"from the proxy without headers", "127.0.0.1", xff, "127.0.0.1:4000", nil,
			seen{"127.0.0.1", "127.0.0.1", false, ""}},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			h := probe(t, sc.list, sc.settings)
			req := httptest.NewRequest(http.MethodGet, "/probe", nil)
			req.RemoteAddr = sc.remote
			for k, v := range sc.headers {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			var got seen
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatalf("Expected the probe's answer, got %d %s", rec.Code, rec.Body.String())
			}
			if got != sc.want {
				t.Fatalf("Expected %+v, got %+v", sc.want, got)
			}
		})
	}
}

func TestParse(t *testing.T) {
	t.Parallel()
	got, err := proxy.Parse(" 127.0.0.1, ::1 10.0.0.0/8,,::ffff:192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	for addr, want := range map[string]bool{"127.0.0.1": true, "0000:0000:0000:0000:0000:0000:0000:0001": true, "10.200.1.1": true,
		"192.0.2.1": true, "127.0.0.2": false, "11.0.0.1": false, "": false, "x": false} {
		if got.Contains(addr) != want {
			t.Errorf("%q: expected trusted %v", addr, want)
		}
	}
	if none, err := proxy.Parse(""); err != nil || len(none) != 0 {
		t.Fatalf("Expected an empty list to trust nobody, got %v %v", none, err)
	}
	for _, bad := range []string{"localhost", "127.0.0.1;::1", "10.0.0.0/33", "*"} {
		if _, err := proxy.Parse(bad); err == nil {
			t.Errorf("%q: expected a refusal", bad)
		}
	}
}
