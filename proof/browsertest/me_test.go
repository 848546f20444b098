package browsertest

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// The user's own page (templates/me.templ).
const (
	selAccount    = `header a.signed-in`
	selFeedButton = `form[action="/me/calendar"] button[type="submit"]`
	selFeedURL    = `input#feed-url`
)

// The owner opens their account from the header, makes a calendar link, and
// a calendar program fetching it gets their action on 2025-06-30.
func TestMyAccountAndCalendarFeed(t *testing.T) {
	t.Parallel()
	b := serve(t, "me")
	b.launch()
	b.signIn("ansvarig")
	b.click(selAccount)
	b.waitPath("/me")
	b.page("me")
	b.expectText(selMain, "Anders Ansvarig")

	b.click(selFeedButton)
	b.waitFor("the feed's address", exists(selFeedURL))
	b.page("me-with-feed")
	address := eval[string](b, `document.querySelector(`+js(selFeedURL)+`).value`)
	i := strings.Index(address, "/calendar/")
	if i < 0 || !strings.HasSuffix(address, ".ics") {
		t.Fatalf("expected the feed's address, got %q", address)
	}
	res, err := http.Get(b.base + address[i:])
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	feed, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.Contains(string(feed), "DTSTART;VALUE=DATE:20250630\r\n") {
		t.Fatalf("expected the feed with the action on 2025-06-30, got %d\n%s", res.StatusCode, feed)
	}
}
