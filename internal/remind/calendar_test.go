package remind_test

import (
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"ikplan/internal/model"
	"ikplan/internal/remind"
)

// CheckICS fails the test unless the feed has CRLF line ends only and no
// line longer than 75 octets (RFC 5545, 3.1), and returns it parsed.
func checkICS(t testing.TB, feed string) *ics.Calendar {
	t.Helper()
	if !strings.HasSuffix(feed, "\r\n") {
		t.Fatalf("Expected the feed to end in CRLF")
	}
	if n, crlf := strings.Count(feed, "\n"), strings.Count(feed, "\r\n"); n != crlf {
		t.Fatalf("Expected every line to end in CRLF, got %d LF and %d CRLF", n, crlf)
	}
	for i, line := range strings.Split(strings.TrimSuffix(feed, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Fatalf("Expected at most 75 octets a line, line %d has %d: %q", i+1, len(line), line)
		}
	}
	cal, err := ics.ParseCalendar(strings.NewReader(feed))
	if err != nil {
		t.Fatalf("Expected the feed to parse, got %v\n%s", err, feed)
	}
	return cal
}

func TestCalendar(t *testing.T) {
	t.Parallel()
	long := "Excelfil har tagits fram för att varje medarbetare ska dokumentera arbetsuppgifter med länkar till beskrivningar; " +
		"filerna samlas på samma ställe, så att det är enkelt att se vad som är gjort."
	stamp := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	items := []remind.Item{
		{Collection: model.Actions, Id: "act1", Control: "ctl2", Title: long, Date: date("2025-06-30"), Precision: "quarter", Updated: stamp},
		{Collection: model.Controls, Id: "ctl1", Title: "Utbildningar, resor och representation", Date: date("2024-12-31"), Precision: "day"},
		{Collection: model.Actions, Id: "act2", Title: "Utan datum"},
	}
	feed := remind.Calendar("Anders Ansvarig", items, "https://ikplan.example.se/", time.Date(2025, 6, 20, 4, 0, 0, 0, time.UTC))
	if !strings.Contains(feed, "\r\n ") {
		t.Fatalf("Expected the long lines folded, got\n%s", feed)
	}
	cal := checkICS(t, feed)
	events := cal.Events()
	if len(events) != 2 {
		t.Fatalf("Expected 2 events (the undated item left out), got %d", len(events))
	}
	ev := events[0]
	if uid := ev.Id(); uid != "actions-act1@ikplan" {
		t.Fatalf("Expected UID actions-act1@ikplan, got %q", uid)
	}
	start := ev.GetProperty(ics.ComponentPropertyDtStart)
	if start == nil || start.Value != "20250630" || start.ICalParameters["VALUE"][0] != "DATE" {
		t.Fatalf("Expected DTSTART;VALUE=DATE:20250630, got %+v", start)
	}
	if end := ev.GetProperty(ics.ComponentPropertyDtEnd); end == nil || end.Value != "20250701" {
		t.Fatalf("Expected DTEND 20250701, got %+v", end)
	}
	if s := ev.GetProperty(ics.ComponentPropertyDtstamp); s == nil || s.Value != "20250301T100000Z" {
		t.Fatalf("Expected DTSTAMP the time the action changed, got %+v", s)
	}
	summary := ev.GetProperty(ics.ComponentPropertySummary).Value
	if !strings.HasPrefix(summary, "Åtgärd: Excelfil har tagits fram för att varje medarbetare") || !strings.HasSuffix(summary, "…") {
		t.Fatalf("Expected the summary unfolded and shortened, got %q", summary)
	}
	desc := ics.FromText(ev.GetProperty(ics.ComponentPropertyDescription).Value)
	for _, want := range []string{long, "Slutdatum: kvartal 2 2025", "https://ikplan.example.se/controls/ctl2#action-act1"} {
		if !strings.Contains(desc, want) {
			t.Fatalf("Expected %q in the description, got %q", want, desc)
		}
	}
	if u := ev.GetProperty(ics.ComponentPropertyUrl); u == nil || u.Value != "https://ikplan.example.se/controls/ctl2#action-act1" {
		t.Fatalf("Expected the URL of the action, got %+v", u)
	}
	ctl := events[1]
	if ctl.Id() != "controls-ctl1@ikplan" || ctl.GetProperty(ics.ComponentPropertyDtStart).Value != "20241231" {
		t.Fatalf("Expected the control on 2024-12-31, got %s", ctl.Serialize(&ics.SerializationConfiguration{MaxLength: 75, PropertyMaxLength: 75, NewLine: "\n"}))
	}
	if s := ctl.GetProperty(ics.ComponentPropertyDtstamp); s == nil || s.Value != "20250620T040000Z" {
		t.Fatalf("Expected DTSTAMP now when the item has no time of change, got %+v", s)
	}
	if again := remind.Calendar("Anders Ansvarig", items, "https://ikplan.example.se/", time.Date(2025, 6, 20, 4, 0, 0, 0, time.UTC)); again != feed {
		t.Fatalf("Expected the same feed for the same items")
	}
}

func TestTokens(t *testing.T) {
	t.Parallel()
	a, b := remind.NewToken(), remind.NewToken()
	if len(a) < 32 || a == b || strings.ContainsAny(a, "/+=") {
		t.Fatalf("Expected two different URL-safe tokens of 32+ characters, got %q and %q", a, b)
	}
}

// TestCalendarIsValidEvenEmpty: every feed says it publishes (METHOD), is
// named, and holds at least one component (RFC 5545): Sweden's time zone,
// so that a feed with nothing dated in it is still a calendar readers take.
func TestCalendarIsValidEvenEmpty(t *testing.T) {
	t.Parallel()
	for name, items := range map[string][]remind.Item{
		"empty":   nil,
		"undated": {{Collection: model.Actions, Id: "a", Title: "Utan datum"}},
		"dated":   {{Collection: model.Actions, Id: "b", Title: "Med datum", Date: date("2025-06-30"), Precision: "day"}},
	} {
		feed := remind.Calendar("Lena Läsare", items, "https://ikplan.example.se", time.Date(2025, 6, 20, 4, 0, 0, 0, time.UTC))
		cal := checkICS(t, feed)
		for _, want := range []string{"\r\nMETHOD:PUBLISH\r\n", "\r\nX-WR-CALNAME:ikplan – Lena Läsare\r\n", "\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm\r\n",
			"\r\nBEGIN:STANDARD\r\n", "\r\nTZOFFSETTO:+0100\r\n", "\r\nBEGIN:DAYLIGHT\r\n", "\r\nTZOFFSETTO:+0200\r\n"} {
			if !strings.Contains(feed, want) {
				t.Errorf("%s: expected %q in the feed, got\n%s", name, strings.TrimSpace(want), feed)
			}
		}
		if len(cal.Components) == 0 || len(cal.Timezones()) != 1 {
			t.Errorf("%s: expected at least one component and one time zone, got %d components", name, len(cal.Components))
		}
		if want := map[string]int{"empty": 0, "undated": 0, "dated": 1}[name]; len(cal.Events()) != want {
			t.Errorf("%s: expected %d events, got %d", name, want, len(cal.Events()))
		}
	}
}
