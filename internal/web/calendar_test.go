package web_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/proof/testapp"
)

// feedToken is the calendar token the tests give the owner.
const feedToken = "feed-token-for-ansvarig-0123456789abcdefghij"

// parseFeed checks that a feed is RFC 5545 as calendar programs read it
// (CRLF line ends, lines of at most 75 octets) and parses it.
func parseFeed(t testing.TB, feed string) *ics.Calendar {
	t.Helper()
	if n, crlf := strings.Count(feed, "\n"), strings.Count(feed, "\r\n"); n != crlf || crlf == 0 {
		t.Fatalf("Expected CRLF line ends only, got %d LF and %d CRLF", n, crlf)
	}
	for i, line := range strings.Split(strings.TrimSuffix(feed, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Fatalf("Expected lines of at most 75 octets, line %d has %d: %q", i+1, len(line), line)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(feed))
	if err != nil {
		t.Fatalf("Expected the feed to parse, got %v\n%s", err, feed)
	}
	return cal
}

// serve is the app's HTTP handler with the web UI's routes, for tests that
// make more than one request to the same app.
func serve(t testing.TB, app *tests.TestApp) http.Handler {
	t.Helper()
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	var mux http.Handler
	err = app.OnServe().Trigger(&core.ServeEvent{App: app, Router: r}, func(e *core.ServeEvent) error {
		mux, err = e.Router.BuildMux()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return mux
}

func uids(cal *ics.Calendar) []string {
	var out []string
	for _, ev := range cal.Events() {
		out = append(out, ev.Id())
	}
	return out
}

func TestCalendarFeed(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	// the owner's feed: the Excelfil action (kvartal 2 2025) and control 1,
	// whose result is removed so it is overdue since 2024-12-31
	app := testapp.NewWeb(t)
	if err := testapp.Update(app, model.Users, f.Users["ansvarig"], map[string]any{remind.CalendarField: feedToken}); err != nil {
		t.Fatal(err)
	}
	if err := testapp.Delete(app, model.Results, f.Results["1"]); err != nil {
		t.Fatal(err)
	}
	// two fetches from the same server, as a calendar program polls
	mux := serve(t, app)
	var feeds []string
	for i := 0; i < 2; i++ {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/calendar/"+feedToken+".ics", nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("Expected 200, got %d\n%s", rec.Code, rec.Body.String())
		}
		if ct := rec.Header().Get("Content-Type"); ct != "text/calendar; charset=utf-8" {
			t.Fatalf("Expected text/calendar; charset=utf-8, got %q", ct)
		}
		feeds = append(feeds, rec.Body.String())
	}
	cal := parseFeed(t, feeds[0])
	action, control := "actions-"+f.Actions["2"]+"@ikplan", "controls-"+f.Controls["1"]+"@ikplan"
	if got := uids(cal); !slices.Equal(got, []string{control, action}) {
		t.Fatalf("Expected the events %v, got %v", []string{control, action}, got)
	}
	if again := uids(parseFeed(t, feeds[1])); !slices.Equal(again, uids(cal)) {
		t.Fatalf("Expected the same UIDs on the second fetch, got %v", again)
	}
	if !strings.Contains(feeds[0], "\r\n ") {
		t.Fatalf("Expected the long descriptions folded, got\n%s", feeds[0])
	}
	for _, ev := range cal.Events() {
		for _, p := range []ics.ComponentProperty{ics.ComponentPropertyDtstamp, ics.ComponentPropertySummary, ics.ComponentPropertyDescription} {
			if ev.GetProperty(p) == nil {
				t.Fatalf("Expected %s on %s", p, ev.Id())
			}
		}
		start := ev.GetProperty(ics.ComponentPropertyDtStart)
		want := map[string]string{action: "20250630", control: "20241231"}[ev.Id()]
		if start.Value != want || start.ICalParameters["VALUE"][0] != "DATE" {
			t.Fatalf("Expected %s on DTSTART;VALUE=DATE:%s, got %+v", ev.Id(), want, start)
		}
	}
	desc := ics.FromText(cal.Events()[1].GetProperty(ics.ComponentPropertyDescription).Value)
	for _, want := range []string{"Excelfil har tagits fram", "Slutdatum: kvartal 2 2025", "http://example.com/controls/" + f.Controls["2"] + "#action-" + f.Actions["2"]} {
		if !strings.Contains(desc, want) {
			t.Fatalf("Expected %q in the description, got %q", want, desc)
		}
	}
}

func TestCalendarFeedRefusals(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	renewed := func(t testing.TB) *tests.TestApp {
		app := withToken(f, "ansvarig", feedToken)(t)
		if _, err := remind.RenewToken(app, testapp.Find(t, app, model.Users, f.Users["ansvarig"])); err != nil {
			t.Fatal(err)
		}
		return app
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "a wrong token is not found", Method: http.MethodGet, URL: "/calendar/" + strings.Repeat("x", 43) + ".ics",
			TestAppFactory: withToken(f, "ansvarig", feedToken), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: []string{"VCALENDAR"},
		},
		{
			Name: "an empty token is not found", Method: http.MethodGet, URL: "/calendar/.ics",
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "the token without .ics is not found", Method: http.MethodGet, URL: "/calendar/" + feedToken,
			TestAppFactory: withToken(f, "ansvarig", feedToken), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "a renewed token's old address is not found", Method: http.MethodGet, URL: "/calendar/" + feedToken + ".ics",
			TestAppFactory: renewed, ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "a session cookie does not open a feed without its token", Method: http.MethodGet, URL: "/calendar/" + strings.Repeat("y", 43) + ".ics",
			Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "a reader's feed has nothing confidential (nor anything of theirs)", Method: http.MethodGet, URL: "/calendar/" + feedToken + ".ics",
			TestAppFactory: withToken(f, "lasare", feedToken), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"BEGIN:VCALENDAR", "X-WR-CALNAME:ikplan – Lena Läsare"},
			NotExpectedContent: append([]string{"BEGIN:VEVENT", "UID:actions-" + f.Actions["12"], "Skriv om brandv"}, testapp.Secrets...),
		},
		{
			// the summary is folded at 75 octets: its start is on one line
			Name: "the confidential action is in its owner's feed", Method: http.MethodGet, URL: "/calendar/" + feedToken + ".ics",
			TestAppFactory: withToken(f, "it", feedToken), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"X-WR-CALNAME:ikplan – Ivar IT-chef", "UID:actions-" + f.Actions["12"] + "@ikplan", "Skriv om brandv", "DTSTART;VALUE=DATE:20250131"},
		},
		{
			Name: "and not in another owner's", Method: http.MethodGet, URL: "/calendar/" + feedToken + ".ics",
			TestAppFactory: withToken(f, "ansvarig", feedToken), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"BEGIN:VEVENT", "UID:actions-" + f.Actions["2"] + "@ikplan"},
			NotExpectedContent: append([]string{"UID:actions-" + f.Actions["12"], "Skriv om brandv"}, testapp.Secrets...),
		},
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WebFactory
		}
		s.Test(t)
	}
}
