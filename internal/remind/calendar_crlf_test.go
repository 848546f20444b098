package remind_test

import (
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"ikplan/internal/model"
	"ikplan/internal/remind"
)

// TestCalendarLineBreaksInText: a title or name with CR, CRLF or LF
// cannot end a line of the feed and so add lines of its own (an event, an
// attachment): every break is escaped, and the feed has the same
// components and properties as one with plain text.
func TestCalendarLineBreaksInText(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 6, 20, 4, 0, 0, 0, time.UTC)
	for _, evil := range []string{
		"x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:falsk\r\nEND:VEVENT",
		"x\rDESCRIPTION:falsk",
		"x\nATTACH:http://xss.example/x.exe",
	} {
		items := []remind.Item{{Collection: model.Actions, Id: "act1", Control: "ctl2", Title: evil, Date: date("2025-06-30"), Precision: "day"}}
		feed := remind.Calendar(evil, items, "https://ikplan.example.se", now)
		if strings.Count(feed, "\r") != strings.Count(feed, "\r\n") || strings.Count(feed, "\n") != strings.Count(feed, "\r\n") {
			t.Fatalf("Expected no bare CR or LF in the feed for %q, got\n%q", evil, feed)
		}
		cal := checkICS(t, feed)
		if n := len(cal.Events()); n != 1 {
			t.Fatalf("Expected 1 event for %q, got %d\n%s", evil, n, feed)
		}
		ev := cal.Events()[0]
		if ev.GetProperty(ics.ComponentPropertyAttach) != nil {
			t.Fatalf("Expected no attachment from the text %q", evil)
		}
		desc := ics.FromText(ev.GetProperty(ics.ComponentPropertyDescription).Value)
		if want := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(evil); !strings.HasPrefix(desc, want) {
			t.Fatalf("Expected the description to start with the text, line breaks as LF, %q, got %q", want, desc)
		}
		for _, line := range strings.Split(feed, "\r\n") {
			if strings.HasPrefix(line, "SUMMARY:falsk") || strings.HasPrefix(line, "DESCRIPTION:falsk") || strings.HasPrefix(line, "ATTACH") {
				t.Fatalf("Expected the text to add no line, got %q in\n%s", line, feed)
			}
		}
	}
}
