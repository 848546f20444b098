// Package browsertest drives ikplan's web UI in a real Chromium against a
// real server on loopback: the flows of issue 3, a full-page screenshot of
// every page visited and axe-core's WCAG 2.1 A/AA audit on each, and every
// page of the UI for every role at a desk's and a phone's width
// (every_page_test.go).
//
// Run it with the rest: go test ./... (or go test ./proof/browsertest -v).
// It looks for the browser in $CHROMIUM, then chromium on the PATH. Without a
// browser it skips, except in CI (CI set), where a missing browser fails.
// The screenshots go to $IKPLAN_SCREENSHOTS, or <repo>/tmp/screenshots: a
// folder per flow, and pages/role-page-width.png for every page.
package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/proof/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

// Waits: how long one browser step may take before the test fails. They are
// limits against a hang, never assertions on speed.
const (
	stepTimeout = 20 * time.Second
	waitTimeout = 10 * time.Second
)

// ui is one test's server and browser: the app with the demo data, the
// server on loopback and one Chromium tab.
type ui struct {
	t     *testing.T
	app   *tests.TestApp
	f     *testapp.Fixture
	mux   *router.Router[*core.RequestEvent] // the routes the server answers
	base  string                             // http://127.0.0.1:port
	ctx   context.Context
	flow  string // the screenshots' folder under the screenshots root
	shots string
	step  int
}

// serve starts the app (demo data, hooks, web routes, fixed clock) on a
// random loopback port. flow names the test's screenshots.
func serve(t *testing.T, flow string) *ui {
	t.Helper()
	app := testapp.NewWeb(t)
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatalf("failed to make the router: %v", err)
	}
	// Trigger the serve event as tests.ApiScenario does, so the web UI binds
	// its routes and middlewares, then build the mux the server would use.
	var mux http.Handler
	se := &core.ServeEvent{App: app, Router: r}
	err = app.OnServe().Trigger(se, func(e *core.ServeEvent) error {
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
	return &ui{t: t, app: app, f: testapp.Fix(t), mux: r, base: srv.URL, flow: flow}
}

// chromium is the browser to drive: $CHROMIUM, or chromium on the PATH, or
// "" when there is none.
func chromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
		return ""
	}
	for _, name := range []string{"chromium", "chromium-browser", "/usr/bin/chromium"} {
		if found, err := exec.LookPath(name); err == nil {
			return found
		}
	}
	return ""
}

// launch starts a headless Chromium with a fresh profile and opens a tab.
// Without a browser it skips the test, but in CI it fails it.
func (b *ui) launch() {
	t := b.t
	t.Helper()
	path := chromium()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no Chromium found (CI is set): .ci/run installs Debian's chromium, or set CHROMIUM to its path")
		}
		t.Skip("no Chromium found: install Debian's chromium or set CHROMIUM; the browser tests run in CI")
	}
	b.shots = screenshotDir(t, b.flow)
	profile := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	// Runs before t.TempDir removes the profile: close the tab, then wait
	// for the browser to end.
	t.Cleanup(func() { cancel(); acancel() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("failed to start %s: %v", path, err)
	}
	b.ctx = ctx
}

// screenshotDir is the folder for a flow's screenshots, emptied of the PNGs
// of an earlier run.
func screenshotDir(t *testing.T, flow string) string {
	t.Helper()
	root := os.Getenv("IKPLAN_SCREENSHOTS")
	if root == "" {
		root = filepath.Join(repoRoot(t), "tmp", "screenshots")
	}
	dir := filepath.Join(root, flow)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("failed to make the screenshots folder: %v", err)
	}
	old, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	for _, f := range old {
		os.Remove(f)
	}
	return dir
}

// repoRoot is the folder of go.mod above the test's folder.
func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			t.Fatalf("no go.mod above %s", dir)
		}
	}
}

// tctx is a context for one browser step, so a hang fails the test instead
// of running until go test's own timeout.
func (b *ui) tctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(b.ctx, stepTimeout)
}

// do runs browser steps that return nothing.
func (b *ui) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := b.tctx()
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page and decodes its value;
// a promise is awaited.
func eval[T any](b *ui, js string) T {
	b.t.Helper()
	ctx, cancel := b.tctx()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.fatalf("evaluating %.80q: %v", js, err)
	}
	return v
}

// js quotes a Go string as a JavaScript string literal.
func js(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// open navigates to path and answers the document's HTTP status.
func (b *ui) open(path string) int {
	b.t.Helper()
	ctx, cancel := b.tctx()
	defer cancel()
	res, err := chromedp.Run(ctx, chromedp.NavigateResponse(b.base+path))
	if err != nil {
		b.fatalf("open %s: %v", path, err)
	}
	return int(res.Status)
}

// submit clicks a button that leaves the page for a new document (a form
// that htmx does not boost) and answers the new document's HTTP status.
func (b *ui) submit(button string) int {
	b.t.Helper()
	ctx, cancel := b.tctx()
	defer cancel()
	res, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(button), chromedp.NodeVisible))
	if err != nil {
		b.fatalf("click %s: %v", button, err)
	}
	return int(res.Status)
}

// click clicks an element; for a boosted link or form, follow it with wait.
func (b *ui) click(sel string) {
	b.t.Helper()
	b.do("click "+sel, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
}

// waitFor waits until the JavaScript condition holds and htmx is idle. It
// polls from Go: the page's CSP forbids the eval that chromedp.Poll uses,
// and a poll must survive the navigation it waits for.
func (b *ui) waitFor(what, cond string) {
	b.t.Helper()
	expr := `(() => { try { return document.readyState === 'complete' && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling') && !!(` + cond + `); } catch (e) { return false; } })()`
	deadline := time.Now().Add(waitTimeout)
	for {
		ctx, cancel := context.WithTimeout(b.ctx, time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		cancel()
		if err == nil && ok {
			return
		}
		if errors.Is(b.ctx.Err(), context.Canceled) || time.Now().After(deadline) {
			b.fatalf("waited in vain for %s (%s)", what, cond)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitPath waits until the browser shows path (without its query).
func (b *ui) waitPath(path string) {
	b.t.Helper()
	b.waitFor("the page "+path, `location.pathname === `+js(path))
}

// exists is the JavaScript test that sel matches an element.
func exists(sel string) string { return `document.querySelector(` + js(sel) + `) !== null` }

// has reports whether sel matches an element now.
func (b *ui) has(sel string) bool {
	b.t.Helper()
	return eval[bool](b, exists(sel))
}

// text is the text of the first element sel matches, spaces collapsed; it
// fails the test when there is none.
func (b *ui) text(sel string) string {
	b.t.Helper()
	s := eval[*string](b, `(() => { const e = document.querySelector(`+js(sel)+`); return e ? e.textContent.replace(/\s+/g, ' ').trim() : null; })()`)
	if s == nil {
		b.fatalf("no element %s on the page", sel)
	}
	return *s
}

// expectText fails the test unless the text of sel contains want.
func (b *ui) expectText(sel, want string) {
	b.t.Helper()
	if got := b.text(sel); !strings.Contains(got, want) {
		b.fatalf("expected %s to contain %q, got %q", sel, want, got)
	}
}

// location is the page's path and query.
func (b *ui) location() string {
	b.t.Helper()
	return eval[string](b, `location.pathname + location.search`)
}

// typeInto empties a text field and types text into it, key by key.
func (b *ui) typeInto(sel, text string) {
	b.t.Helper()
	b.mustHave(sel)
	eval[bool](b, `(document.querySelector(`+js(sel)+`).value = '') === ''`)
	b.do("type into "+sel, chromedp.SendKeys(chromedp.CSS(sel), text, chromedp.NodeVisible))
}

// choose sets a field that is not typed into: a select (by an option's
// value or text), a group of radio buttons (by value or label text), a
// checkbox ("on" or "off"), or a date or other input (by value). It fires
// the input and change events a person's choice fires.
func (b *ui) choose(sel, value string) {
	b.t.Helper()
	b.mustHave(sel)
	res := eval[string](b, `(() => {
		const want = `+js(value)+`;
		const els = [...document.querySelectorAll(`+js(sel)+`)];
		const norm = s => (s || '').replace(/\s+/g, ' ').trim();
		const fire = e => { e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true})); };
		const first = els[0];
		if (first.tagName === 'SELECT') {
			const o = [...first.options].find(o => o.value === want || norm(o.textContent) === want)
				|| [...first.options].find(o => norm(o.textContent).includes(want));
			if (!o) return 'no option ' + want + ' among ' + [...first.options].map(o => norm(o.textContent)).join(' | ');
			first.value = o.value; fire(first); return '';
		}
		if (first.type === 'radio') {
			const labelOf = e => norm([...(e.labels || [])].map(l => l.textContent).join(' '));
			const r = els.find(e => e.value === want || labelOf(e) === want);
			if (!r) return 'no radio button ' + want + ' among ' + els.map(labelOf).join(' | ');
			r.click(); return '';
		}
		if (first.type === 'checkbox') {
			if (first.checked !== (want === 'on')) first.click();
			return '';
		}
		first.value = want; fire(first); return '';
	})()`)
	if res != "" {
		b.fatalf("choose %q in %s: %s", value, sel, res)
	}
}

// mustHave fails the test when sel matches nothing, naming the file that
// keeps the selectors, and reveals the element.
func (b *ui) mustHave(sel string) {
	b.t.Helper()
	if !b.has(sel) {
		b.fatalf("no element %s on %s (the selectors are in selectors_test.go)", sel, b.location())
	}
	b.reveal(sel)
}

// reveal opens the closed <details> around an element by clicking their
// summaries, as a person does to reach a folded form.
func (b *ui) reveal(sel string) {
	b.t.Helper()
	closed := `document.querySelector(` + js(sel) + `).closest('details:not([open])')`
	for range 5 {
		if !eval[bool](b, closed+` !== null`) {
			return
		}
		b.do("open the details around "+sel, chromedp.Click(chromedp.JSPath(closed+`.querySelector(':scope > summary')`), chromedp.NodeVisible))
	}
}

// settled is the JavaScript test that no transition or finite animation
// runs, such as the busy indicator fading out: axe must see the colours
// at rest.
const settled = `document.getAnimations().every(a => a.playState !== 'running' || a.effect.getTiming().iterations === Infinity)`

// page records the page the browser shows as a step of the flow: it waits
// for htmx and the page's transitions to be idle, saves a full-page PNG
// named NN-name.png and runs axe-core on it.
func (b *ui) page(name string) {
	b.t.Helper()
	b.waitFor("the page to settle", settled)
	b.step++
	b.screenshot(fmt.Sprintf("%02d-%s", b.step, name))
	b.audit(name)
}

func (b *ui) screenshot(name string) {
	b.t.Helper()
	ctx, cancel := b.tctx()
	defer cancel()
	png, err := chromedp.Run(ctx, fullPNG)
	if err != nil {
		b.t.Errorf("screenshot %s: %v", name, err)
		return
	}
	if err := os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644); err != nil {
		b.t.Errorf("screenshot %s: %v", name, err)
	}
}

// fullPNG is a PNG of the whole page, beyond the window, encoded for speed
// rather than size (the suite takes some 200 of them).
var fullPNG chromedp.Action[[]byte] = func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
	yes := true
	r, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format: page.CaptureScreenshotFormatPng, CaptureBeyondViewport: &yes, FromSurface: &yes, OptimizeForSpeed: &yes,
	})
	if err != nil {
		return nil, err
	}
	return r.Data, nil
}

// fatalf fails the test with what the browser shows, and keeps a screenshot
// of it for the person who reads the failure.
func (b *ui) fatalf(format string, args ...any) {
	b.t.Helper()
	msg := fmt.Sprintf(format, args...)
	if b.ctx != nil && b.ctx.Err() == nil {
		ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
		where, _ := chromedp.Run(ctx, chromedp.Location())
		title, _ := chromedp.Run(ctx, chromedp.Title())
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		cancel()
		if err == nil && b.shots != "" {
			name := fmt.Sprintf("%02d-FAILED.png", b.step+1)
			_ = os.WriteFile(filepath.Join(b.shots, name), png, 0o644)
			msg += fmt.Sprintf("\n  page %s %q, screenshot %s", where, title, filepath.Join(b.shots, name))
		}
	}
	b.t.Fatal(msg)
}
