package web_test

import (
	"context"
	"database/sql"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/hooks"
	"ikplan/internal/model"
	"ikplan/internal/session"
	"ikplan/internal/web"
	"ikplan/proof/testapp"
)

// cacheApp is the web app on the fixture with a clock the test moves, and
// a counter of the SQL queries it runs.
func cacheApp(t *testing.T) (*tests.TestApp, http.Handler, *atomic.Int64, *atomic.Int64) {
	t.Helper()
	f := testapp.Fix(t)
	app, err := testapp.NewApp(f.Dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	var clock atomic.Int64
	clock.Store(testapp.Today.Unix())
	now := func() time.Time { return time.Unix(clock.Load(), 0).UTC() }
	hooks.Register(app, now)
	web.Register(app, now)
	var queries atomic.Int64
	app.ConcurrentDB().(*dbx.DB).QueryLogFunc = func(context.Context, time.Duration, string, *sql.Rows, error) { queries.Add(1) }
	return app, handler(t, app), &queries, &clock
}

func get(t *testing.T, h http.Handler, f *testapp.Fixture, user, url string) string {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, url, nil)
	req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[user]})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("Expected 200 for %s as %s, got %d", url, user, rec.Code)
	}
	return rec.Body.String()
}

// TestPageCacheServesUntilAnyWrite: a page seen again is served without
// recomputing it, for the same user only, until the data changes — through
// the hooks, or through another connection as an `ikplan` command in
// another process would — or the day turns.
func TestPageCacheServesUntilAnyWrite(t *testing.T) {
	f := testapp.Fix(t)
	app, h, queries, clock := cacheApp(t)
	url := "/plans/" + f.Plan

	queries.Store(0)
	first := get(t, h, f, "samordnare", url)
	computed := queries.Load()
	queries.Store(0)
	again := get(t, h, f, "samordnare", url)
	if again != first {
		t.Fatal("Expected the same page again")
	}
	if served := queries.Load(); served*3 > computed {
		t.Fatalf("Expected the page from the cache (%d queries to compute it), got %d queries", computed, served)
	}

	// another user gets their own page: the reader never sees control 12
	c12, err := app.FindRecordById(model.Controls, f.Controls["12"])
	if err != nil {
		t.Fatal(err)
	}
	title := c12.GetString("title")
	if !strings.Contains(first, title) {
		t.Fatalf("Expected the coordinator to see the confidential control %q", title)
	}
	if page := get(t, h, f, "lasare", url); strings.Contains(page, title) {
		t.Fatal("Expected the reader's page without the confidential control, got the coordinator's")
	}

	// a write through the hooks shows at once
	if err := testapp.Update(app, model.Boards, f.KS, map[string]any{"name": "Nytt namn genom hooks"}); err != nil {
		t.Fatal(err)
	}
	if page := get(t, h, f, "samordnare", url); !strings.Contains(page, "Nytt namn genom hooks") {
		t.Fatal("Expected the page to show the change made through the hooks")
	}

	// a write by another connection to the same file, as a command run in
	// another process makes it
	other, err := sql.Open("sqlite", filepath.Join(app.DataDir(), "data.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Exec("UPDATE boards SET name = 'Nytt namn från en annan process' WHERE id = ?", f.KS); err != nil {
		t.Fatal(err)
	}
	if page := get(t, h, f, "samordnare", url); !strings.Contains(page, "Nytt namn från en annan process") {
		t.Fatal("Expected the page to show the change made by another connection")
	}

	// the next day, what is overdue may change: the page is computed again.
	// The session is kept alive up to a minute before midnight in Sweden,
	// so that the last request renews nothing and only the day differs;
	// sessions end 12 hours after the sign-in, so this one began at 14:00.
	sess, err := session.FindSession(app, f.Sessions["samordnare"])
	if err != nil {
		t.Fatal(err)
	}
	sess.Set("signed_in", time.Date(2025, 3, 15, 14, 0, 0, 0, time.UTC))
	if err := app.Save(sess.Record); err != nil {
		t.Fatal(err)
	}
	clock.Add(8 * 3600)
	get(t, h, f, "samordnare", url)
	clock.Store(time.Date(2025, 3, 15, 22, 59, 0, 0, time.UTC).Unix()) // 23:59 in Stockholm
	get(t, h, f, "samordnare", url)
	queries.Store(0)
	get(t, h, f, "samordnare", url)
	if n := queries.Load(); n*3 > computed {
		t.Fatalf("Expected the page from the cache within the same day, got %d queries", n)
	}
	clock.Add(2 * 60) // 00:01 the next day
	queries.Store(0)
	get(t, h, f, "samordnare", url)
	if n := queries.Load(); n*3 <= computed {
		t.Fatalf("Expected the page computed again on a new day, got %d queries", n)
	}
}

// TestSessionCacheEndsWithTheSession: a session read once is not read
// again while nothing changes, and is refused at once when it is ended —
// here by deleting it from another connection, as a password change in
// another process would.
func TestSessionCacheEndsWithTheSession(t *testing.T) {
	f := testapp.Fix(t)
	app, h, queries, _ := cacheApp(t)
	url := "/plans/" + f.Plan
	get(t, h, f, "samordnare", url)
	queries.Store(0)
	get(t, h, f, "samordnare", url)
	if n := queries.Load(); n != 0 {
		t.Fatalf("Expected the session and the page from memory, got %d queries", n)
	}
	other, err := sql.Open("sqlite", filepath.Join(app.DataDir(), "data.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.Exec("DELETE FROM sessions WHERE user = ?", f.Users["samordnare"]); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, url, nil)
	req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions["samordnare"]})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/login") {
		t.Fatalf("Expected the ended session sent to sign in, got %d %q", rec.Code, rec.Header().Get("Location"))
	}
}

// TestPageCacheLetsGoOfOlderVersions: once the data has changed, what the
// cache kept can never be served again, and it is let go at once instead
// of being held until newer pages push it out.
func TestPageCacheLetsGoOfOlderVersions(t *testing.T) {
	f := testapp.Fix(t)
	app, err := testapp.NewApp(f.Dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	c := web.NewPageCache()
	v, ok := c.Version(app)
	if !ok {
		t.Fatal("Expected the data version")
	}
	c.Keep(v, "a")
	c.Keep(v, "b")
	if again, _ := c.Version(app); again != v || c.Kept() != 6 {
		t.Fatalf("Expected the same version and 6 entries while nothing changes, got version %d (was %d) and %d", again, v, c.Kept())
	}
	if err := testapp.Update(app, model.Controls, f.Controls["1"], map[string]any{"title": "Ändrad"}); err != nil {
		t.Fatal(err)
	}
	if next, _ := c.Version(app); next == v || c.Kept() != 0 {
		t.Fatalf("Expected a new version and nothing kept after a write, got version %d (was %d) and %d entries", next, v, c.Kept())
	}
}
