// Package proxy decides which requests came through a trusted reverse
// proxy (one that terminates TLS in front of ikplan), and takes from those
// alone the client's address and whether the client used HTTPS.
//
// The proxies are listed by address ($IKPLAN_TRUSTED_PROXIES, addresses or
// networks: "127.0.0.1,::1"). A request from one of them is taken at its
// word: the client's address from the header PocketBase's settings name
// (Settings → Application → "User IP proxy headers", X-Forwarded-For by
// default; the rightmost address that is no trusted proxy, or the leftmost
// when the settings say so) becomes the request's remote address and the
// only value of that header, so that PocketBase's RealIP, its rate limiter
// and its logs all see the client; "X-Forwarded-Proto: https" makes the
// request HTTPS for the web UI (a Secure, __Host- session cookie, HSTS).
// From any other address the forwarding headers are removed before
// anything reads them: a request sent straight to ikplan cannot claim
// another address or HTTPS.
package proxy

import (
	"fmt"
	"net"
	"net/netip"
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// EnvTrusted names the environment variable that lists the trusted proxies.
const EnvTrusted = "IKPLAN_TRUSTED_PROXIES"

// MiddlewareId is the id of the middleware that applies the trust.
const MiddlewareId = "ikplanTrustedProxy"

// MiddlewarePriority runs the middleware before everything that reads the
// client's address or the scheme: PocketBase's activity log, rate limiter
// and auth, and the web UI's cookies.
const MiddlewarePriority = apis.DefaultWWWRedirectMiddlewarePriority + 1

// forwarding are the headers a proxy sets; from anyone else they go.
var forwarding = []string{"X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port", "X-Real-Ip", "Forwarded"}

// httpsKey marks a request that reached the trusted proxy over HTTPS.
const httpsKey = "ikplanProxyHTTPS"

// hostKey holds the host the client asked the trusted proxy for.
const hostKey = "ikplanProxyHost"

// Trusted is the list of trusted proxies' addresses and networks.
type Trusted []netip.Prefix

// Parse reads a list of addresses and networks separated by commas or
// spaces ("127.0.0.1, ::1, 10.0.0.0/8"); an empty list trusts nobody.
func Parse(list string) (Trusted, error) {
	var out Trusted
	for _, item := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
		if p, err := netip.ParsePrefix(item); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(item)
		if err != nil {
			return nil, fmt.Errorf("%s: ”%s” är varken en IP-adress eller ett nät; ange till exempel 127.0.0.1 eller 10.0.0.0/8, åtskilda med kommatecken", EnvTrusted, item)
		}
		a = a.Unmap()
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// Contains reports whether addr ("127.0.0.1", "::1") is a trusted proxy.
func (t Trusted) Contains(addr string) bool {
	a, err := netip.ParseAddr(addr)
	if err != nil {
		return false
	}
	a = a.Unmap()
	for _, p := range t {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// Register applies the trust to every route of app's server (the REST API,
// the dashboard and the web UI), whatever the list: with none, every
// forwarding header is removed.
func Register(app core.App, t Trusted) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		headers := se.App.Settings().TrustedProxy.Headers
		switch {
		case len(t) == 0 && len(headers) > 0:
			se.App.Logger().Warn("the proxy headers in PocketBase's settings are ignored: no proxy is trusted; list the proxies' addresses in " + EnvTrusted)
		case len(t) > 0:
			se.App.Logger().Info("trusting reverse proxies", "proxies", fmt.Sprint(t), "headers", fmt.Sprint(clientHeaders(se.App)))
		}
		se.Router.Bind(&hook.Handler[*core.RequestEvent]{Id: MiddlewareId, Priority: MiddlewarePriority, Func: t.apply})
		return se.Next()
	})
}

// clientHeaders are the headers the client's address is read from: those
// of PocketBase's settings, else X-Forwarded-For.
func clientHeaders(app core.App) []string {
	if h := app.Settings().TrustedProxy.Headers; len(h) > 0 {
		return h
	}
	return []string{"X-Forwarded-For"}
}

// apply is the middleware: the request's word is taken only from a
// trusted proxy.
func (t Trusted) apply(e *core.RequestEvent) error {
	h := e.Request.Header
	if !t.Contains(e.RemoteIP()) {
		for _, name := range append(forwarding, e.App.Settings().TrustedProxy.Headers...) {
			h.Del(name)
		}
		return e.Next()
	}
	if client := t.client(e); client.IsValid() {
		_, port, _ := net.SplitHostPort(e.Request.RemoteAddr)
		e.Request.RemoteAddr = net.JoinHostPort(client.String(), port)
		for _, name := range clientHeaders(e.App) {
			h.Set(name, client.String())
		}
	}
	if strings.EqualFold(last(h.Values("X-Forwarded-Proto")), "https") {
		e.Set(httpsKey, true)
	}
	if host := last(h.Values("X-Forwarded-Host")); validHost(host) {
		e.Set(hostKey, host)
	}
	return e.Next()
}

// client is the client's address as the trusted proxy passed it on, or
// the zero address when it passed none.
func (t Trusted) client(e *core.RequestEvent) netip.Addr {
	leftmost := e.App.Settings().TrustedProxy.UseLeftmostIP
	for _, name := range clientHeaders(e.App) {
		values := e.Request.Header.Values(name)
		if len(values) == 0 {
			continue
		}
		// the last header is the one the proxy wrote
		var addrs []netip.Addr
		for _, s := range strings.Split(values[len(values)-1], ",") {
			if a, err := netip.ParseAddr(strings.TrimSpace(s)); err == nil {
				addrs = append(addrs, a.Unmap())
			}
		}
		if len(addrs) == 0 {
			continue
		}
		if leftmost {
			return addrs[0]
		}
		// the rightmost address that is no proxy of ours: what the proxies
		// in front of it wrote on, unlike the client's own part, is true
		for i := len(addrs) - 1; i >= 0; i-- {
			if !t.Contains(addrs[i].String()) || i == 0 {
				return addrs[i]
			}
		}
	}
	return netip.Addr{}
}

// last is the last comma-separated item of the last value.
func last(values []string) string {
	if len(values) == 0 {
		return ""
	}
	parts := strings.Split(values[len(values)-1], ",")
	return strings.TrimSpace(parts[len(parts)-1])
}

// HTTPS reports whether the client reached ikplan over HTTPS: a TLS
// connection of its own, or one to a trusted proxy that said so.
func HTTPS(e *core.RequestEvent) bool {
	if e.Request.TLS != nil {
		return true
	}
	v, _ := e.Get(httpsKey).(bool)
	return v
}

// Origin is the scheme and host the client used to reach ikplan
// ("https://ikplan.kommun.se"): its own connection's, or the ones a trusted
// proxy passed on (X-Forwarded-Proto and X-Forwarded-Host). From anyone
// else those headers are never read. A host that is no host name or
// address (with an optional port) gives "".
func Origin(e *core.RequestEvent) string {
	host, _ := e.Get(hostKey).(string)
	if host == "" {
		host = e.Request.Host
	}
	if !validHost(host) {
		return ""
	}
	scheme := "http"
	if HTTPS(e) {
		scheme = "https"
	}
	return scheme + "://" + strings.ToLower(host)
}

// validHost reports whether s is a host name or an IP address, with an
// optional port: letters, digits, dots, hyphens, and the brackets and
// colons of an IPv6 address; nothing that could end a URL's authority.
func validHost(s string) bool {
	if s == "" || len(s) > 255 {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == ':', r == '[', r == ']':
		default:
			return false
		}
	}
	return true
}
