package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// The widths every page is looked at: a desk and a phone (an iPhone 12 to
// 15 is 390 CSS pixels wide).
const (
	deskWidth, deskHeight   = 1280, 900
	phoneWidth, phoneHeight = 390, 844
)

// The roles every page is opened as, and the demo account each signs in
// as (a guest has no session); the coordinator once more in English, whose
// words are longer.
var pageRoles = []struct{ name, role, account, lang string }{
	{"coordinator", "coordinator", "samordnare", ""},
	{"owner", "owner", "ansvarig", ""},
	{"reader", "reader", "lasare", ""},
	{"auditor", "auditor", "revisor", ""},
	{"guest", "guest", "", ""},
	{"coordinator-en", "coordinator", "samordnare", "en"},
}

// signedIn are the roles with a session: a page for them all names none.
var signedIn = []string{"coordinator", "owner", "reader", "auditor"}

// aPage is one page of the UI: the route it is an instance of, its address
// ($names are ids of the test data: see everyPageIds) and the roles that
// open it (all signed-in roles when none are named).
type aPage struct {
	name   string // the screenshots' name: role-name-width.png
	route  string // the router's "METHOD /pattern"
	path   string
	roles  []string
	status int // the expected answer; 200 when 0
}

// everyPage is every page of the UI. TestEveryPageIsListed keeps it whole:
// a route the router has and this list lacks fails that test, so a new
// page gets its width, screenshot and axe check here.
var everyPage = []aPage{
	{name: "login", route: "GET /login", path: "/login", roles: []string{"guest"}},
	{name: "forgot", route: "GET /forgot", path: "/forgot", roles: []string{"guest"}},
	{name: "signin-refused", route: "GET /login/oidc/callback", path: "/login/oidc/callback", roles: []string{"guest"}, status: http.StatusBadRequest},
	{name: "not-found", route: " /{path...}", path: "/ingen/sida", roles: []string{"guest", "coordinator"}, status: http.StatusNotFound},
	{name: "start", route: "GET /{$}", path: "/"},
	{name: "start-overdue", route: "GET /start/{list}", path: "/start/overdue"},
	{name: "start-soon", route: "GET /start/{list}", path: "/start/soon"},
	{name: "start-my-controls", route: "GET /start/{list}", path: "/start/my-controls"},
	{name: "start-my-actions", route: "GET /start/{list}", path: "/start/my-actions"},
	{name: "start-significant", route: "GET /start/{list}", path: "/start/significant"},
	{name: "plans", route: "GET /plans", path: "/plans"},
	{name: "plan-ks-2024", route: "GET /plans/{id}", path: "/plans/$plan"},
	{name: "plan-ks-2026-draft", route: "GET /plans/{id}", path: "/plans/$draft"},
	{name: "control-edit", route: "GET /plans/{id}/controls/{control}/edit", path: "/plans/$draft/controls/$dc/edit", roles: []string{"coordinator"}},
	{name: "import", route: "GET /plans/{id}/import", path: "/plans/$draft/import", roles: []string{"coordinator"}},
	{name: "next-year", route: "GET /plans/{id}/next", path: "/plans/$plan/next", roles: []string{"coordinator"}},
	{name: "transfer", route: "GET /boards/{id}/transfer", path: "/boards/$ks/transfer", roles: []string{"coordinator"}},
	{name: "actions", route: "GET /actions", path: "/actions"},
	{name: "history-plan", route: "GET /history/{collection}/{id}", path: "/history/plans/$plan", roles: []string{"auditor", "coordinator"}},
	{name: "history-control", route: "GET /history/{collection}/{id}", path: "/history/controls/$c11", roles: []string{"auditor", "coordinator"}},
	{name: "history-log", route: "GET /history", path: "/history", roles: []string{"auditor", "coordinator"}},
	{name: "action-status", route: "GET /actions/{id}/status", path: "/actions/$a11/status", roles: []string{"coordinator"}},
	{name: "plan-back", route: "GET /plans/{id}/back", path: "/plans/$plan/back", roles: []string{"coordinator"}},
	{name: "control-delete", route: "GET /plans/{id}/controls/{control}/delete", path: "/plans/$draft/controls/$dc/delete", roles: []string{"coordinator"}},
	{name: "search", route: "GET /search", path: "/search?q=kontroll"},
	{name: "risks", route: "GET /risks", path: "/risks"},
	{name: "risk", route: "GET /risks/{id}", path: "/risks/$risk"},
	{name: "control-2", route: "GET /controls/{id}", path: "/controls/$c2"},
	{name: "control-11", route: "GET /controls/{id}", path: "/controls/$c11"},
	{name: "sample-9", route: "GET /controls/{id}/sample", path: "/controls/$c9/sample?period=2024"},
	{name: "report-followup", route: "GET /reports/followup", path: "/reports/followup?board=$ks&year=2024"},
	{name: "report-plan", route: "GET /reports/plan", path: "/reports/plan?board=$ks&year=2024"},
	{name: "report-rollup", route: "GET /reports/rollup", path: "/reports/rollup?year=2024"},
	{name: "report-memo", route: "GET /reports/memo", path: "/reports/memo?board=$ks&year=2024"},
	{name: "me", route: "GET /me", path: "/me"},
	{name: "package", route: "GET /audit/package", path: "/audit/package"},
	{name: "settings", route: "GET /settings", path: "/settings", roles: []string{"coordinator"}},
	{name: "common", route: "GET /common", path: "/common?year=2026"},
	{name: "common-edit", route: "GET /common/{id}", path: "/common/$cc", roles: []string{"coordinator"}},
}

// notPages are the GET routes that answer no page of the UI, and why.
var notPages = map[string]string{
	"GET /plans/{id}/export.xlsx":                    "an Excel file",
	"GET /reports/{kind}/download":                   "a document to download",
	"GET /calendar/{file}":                           "a calendar feed",
	"GET /login/oidc":                                "sends the browser on to the municipality's sign-in (404 while no provider is configured)",
	"GET /controls/{id}/evidence/{result}/{name}":    "an evidence file",
	"GET /samples/{id}/population":                   "a sample's population file, as uploaded",
	"GET /samples/{id}/items/{item}/evidence/{file}": "a sample item's evidence file",
	"GET /static/{path...}":                          "the style sheet, scripts and images",
	"GET /favicon.ico":                               "the icon browsers ask for",
	"GET /manifest.webmanifest":                      "the web manifest, naming the app's icons",
	"GET /_/extensions.js":                           "the dashboard's extensions",
	"GET /readyz":                                    "the load balancer's readiness check: text, no page",
	"GET /audit/package/download":                    "the auditor's package, a zip",
}

// Every page route of the router is in everyPage (or in notPages, with
// its reason), and every entry of both names a route the router has.
func TestEveryPageIsListed(t *testing.T) {
	t.Parallel()
	b := serve(t, "routes")
	listed := map[string]bool{}
	for _, p := range everyPage {
		listed[p.route] = true
	}
	have := map[string]bool{}
	for _, r := range testapp.Routes(b.mux) {
		method, pattern, _ := strings.Cut(r, " ")
		if strings.HasPrefix(pattern, "/api/") || method != "" && method != http.MethodGet {
			continue // the REST API, and writes
		}
		have[r] = true
		if !listed[r] && notPages[r] == "" {
			t.Errorf("the route %q has no page in everyPage (every_page_test.go): add one, or say in notPages why it is no page", r)
		}
	}
	for r := range listed {
		if !have[r] {
			t.Errorf("everyPage names the route %q, which the router does not have", r)
		}
	}
	for r := range notPages {
		if !have[r] {
			t.Errorf("notPages names the route %q, which the router does not have", r)
		}
	}
}

// Every page, for every role that may open it (and for the coordinator in
// English too), at 1280 and at 390 pixels:
// a full-page screenshot of each (<screenshots>/pages/role-page-width.png),
// axe-core finds no violation at either width, and at 390 nothing makes the
// page scroll sideways. The roles run in tabs of one browser, each in a
// browser context of its own (its own cookies).
func TestEveryPageAtBothWidths(t *testing.T) {
	t.Parallel()
	b := serve(t, "pages")
	ids := everyPageIds(t, b)
	b.launch()
	start := time.Now()
	var mu sync.Mutex
	visits := 0
	t.Cleanup(func() {
		t.Logf("%d pages at two widths in %s", visits, time.Since(start).Round(time.Second))
	})
	for _, r := range pageRoles {
		t.Run(r.name, func(t *testing.T) {
			t.Parallel()
			tab, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
			defer cancel()
			rb := &ui{t: t, app: b.app, f: b.f, mux: b.mux, base: b.base, ctx: tab, flow: b.flow, shots: b.shots}
			if err := chromedp.Do(tab); err != nil {
				t.Fatalf("failed to open a tab: %v", err)
			}
			if r.account != "" {
				rb.do("set the session cookie", setCookie(b.base, "ikplan_session", b.f.Sessions[r.account]))
			}
			if r.lang != "" {
				rb.do("choose the language", setCookie(b.base, "ikplan_lang", r.lang))
			}
			for _, p := range everyPage {
				roles := p.roles
				if roles == nil {
					roles = signedIn
				}
				if !slices.Contains(roles, r.role) {
					continue
				}
				t.Run(p.name, func(t *testing.T) {
					pb := *rb
					pb.t = t
					pb.checkPage(r.name, p, ids.Replace(p.path))
					mu.Lock()
					visits++
					mu.Unlock()
				})
			}
		})
	}
}

// checkPage opens the page at the desk's width, then narrows the window to
// the phone's (the same document: media queries apply as the width
// changes), screenshots and audits it at each, and measures the width.
func (b *ui) checkPage(role string, p aPage, path string) {
	b.t.Helper()
	want := p.status
	if want == 0 {
		want = http.StatusOK
	}
	b.do("set the desk's width", chromedp.EmulateViewport(deskWidth, deskHeight))
	if status := b.open(path); status != want {
		b.t.Errorf("%s as %s (%s): expected %d, got %d", p.name, role, path, want, status)
		return
	}
	where := fmt.Sprintf("%s as %s at %d px (%s)", p.name, role, deskWidth, path)
	b.waitFor("the page to settle", settled)
	b.screenshot(fmt.Sprintf("%s-%s-%d", role, p.name, deskWidth))
	b.auditStrict(where)

	b.do("set the phone's width", chromedp.EmulateViewport(phoneWidth, phoneHeight))
	where = fmt.Sprintf("%s as %s at %d px (%s)", p.name, role, phoneWidth, path)
	b.waitFor("the page to settle", `window.innerWidth === `+fmt.Sprint(phoneWidth)+` && `+settled)
	if w := eval[pageWidth](b, measureWidth); w.Scroll > w.Viewport {
		b.t.Errorf("%s scrolls sideways: the page is %d px wide in a %d px window; the widest element is %s, its right edge at %d px",
			where, w.Scroll, w.Viewport, w.Widest, w.Right)
	}
	if rows := eval[[]string](b, statusNotFirst); len(rows) > 0 {
		b.t.Errorf("%s: the status is not the first line of the stacked rows %s", where, strings.Join(rows, ", "))
	}
	b.screenshot(fmt.Sprintf("%s-%s-%d", role, p.name, phoneWidth))
	b.auditStrict(where)
}

// pageWidth is what measureWidth answers.
type pageWidth struct {
	Scroll   int    `json:"scroll"`   // document.documentElement.scrollWidth
	Viewport int    `json:"viewport"` // the window's width
	Widest   string `json:"widest"`   // the element whose right edge is furthest out
	Right    int    `json:"right"`    // that edge
}

// measureWidth measures the page's width and finds the element that sticks
// out furthest to the right: the outermost of those at the furthest edge,
// not counting elements scrolled inside a container of their own, nor
// clipped ones that reach beyond the page's width (they do not widen it).
const measureWidth = `(() => {
	const root = document.documentElement, vw = window.innerWidth;
	// inside a container that fits the window and clips or scrolls
	const clipped = e => {
		for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= vw + 0.5) return true;
		}
		return false;
	};
	const describe = e => {
		let s = e.tagName.toLowerCase();
		if (e.id) s += '#' + e.id;
		if (typeof e.className === 'string' && e.className.trim()) s += '.' + e.className.trim().split(/\s+/).join('.');
		const text = (e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
		const path = [];
		for (let a = e.parentElement; a && a !== document.body && path.length < 4; a = a.parentElement) {
			path.unshift(a.tagName.toLowerCase() + (a.id ? '#' + a.id : ''));
		}
		return path.join(' > ') + ' > ' + s + (text ? ' "' + text + '"' : '');
	};
	let widest = null, right = vw;
	const find = clipped => {
		for (const e of document.querySelectorAll('body, body *')) {
			const r = e.getBoundingClientRect();
			if (r.width === 0 || r.right <= right + 0.5 || r.right > root.scrollWidth + 1 || clipped(e)) continue;
			widest = e; right = r.right;
		}
		// a word wider than its box sticks out of it: a text's own edge
		const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		for (let n = walk.nextNode(); n; n = walk.nextNode()) {
			range.selectNodeContents(n);
			const r = range.getBoundingClientRect();
			if (r.width === 0 || r.right <= right + 0.5 || r.right > root.scrollWidth + 1 || clipped(n)) continue;
			widest = n.parentElement; right = r.right;
		}
	};
	if (root.scrollWidth > vw) {
		find(clipped);
		if (!widest) find(() => false); // a box that escapes its container's clipping
	}
	return {scroll: root.scrollWidth, viewport: vw, widest: widest ? describe(widest) : '(none found)', right: Math.round(right)};
})()`

// statusNotFirst lists the rows of stacked tables (class "stack") whose
// status cell (class "stack-first") is shown below another of the row's
// cells: on a phone, the status comes first.
const statusNotFirst = `[...document.querySelectorAll('table.stack > tbody > tr')].filter(tr => {
	const first = tr.querySelector(':scope > .stack-first');
	if (!first || first.getClientRects().length === 0) return false;
	const top = first.getBoundingClientRect().top;
	return [...tr.children].some(c => c !== first && c.getClientRects().length > 0 && c.getBoundingClientRect().top < top - 0.5);
}).map(tr => tr.id || tr.textContent.replace(/\s+/g, ' ').trim().slice(0, 40))`

// auditStrict runs axe-core in the page and fails the test on any
// violation, whatever its impact.
func (b *ui) auditStrict(where string) {
	b.t.Helper()
	for _, v := range b.axe() {
		b.t.Errorf("axe on %s: %s", where, v)
	}
}

// setCookie sets a cookie for the server's address in the tab's browser
// context.
func setCookie(base, name, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.SetCookie, network.SetCookieParams{Name: name, Value: value, URL: base + "/"})
		return err
	})
}

// everyPageIds adds a draft plan of Kommunstyrelsen for 2026 with one
// control, and Individ- och arbetsmarknadsnämnden as its successor (for the
// transfer page), and answers the $names of everyPage's addresses.
func everyPageIds(t *testing.T, b *ui) *strings.Replacer {
	t.Helper()
	var draft, control, common string
	err := model.RunAs(b.app, model.System, func(tx core.App) error {
		if err := testapp.Update(tx, model.Boards, b.f.KS, map[string]any{"successor": b.f.IAN}); err != nil {
			return err
		}
		p, err := testapp.Create(tx, model.Plans, map[string]any{"board": b.f.KS, "year": 2026, "title": "Utkast 2026"})
		if err != nil {
			return err
		}
		c, err := testapp.Create(tx, model.Controls, map[string]any{"plan": p.Id, "number": 1, "title": "Utkastets kontroll", "frequency": "yearly"})
		if err != nil {
			return err
		}
		draft, control = p.Id, c.Id
		// a common control of the draft's year (scope "common")
		k, err := testapp.Create(tx, model.CommonControls, map[string]any{"year": 2026, "title": "Efterlevnad av attestreglementet",
			"frequency": "yearly", "method": "stickprov", "target_metric": "Andel fel", "target_operator": "<=", "target_value": "5", "target_unit": "%"})
		if err != nil {
			return err
		}
		common = k.Id
		return nil
	})
	if err != nil {
		t.Fatalf("failed to add the draft plan: %v", err)
	}
	// longest names first: $c11 before $c1
	return strings.NewReplacer("$plan", b.f.Plan, "$draft", draft, "$dc", control, "$ks", b.f.KS, "$cc", common,
		"$c11", b.f.Controls["11"], "$a11", b.f.Actions["11"], "$c2", b.f.Controls["2"], "$c9", b.f.Controls["9"], "$risk", b.f.Risk)
}
