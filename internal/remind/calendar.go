package remind

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// CalendarField is the users' field that holds the secret of their feed.
const CalendarField = model.FieldUserCalendarToken

// tokenBytes is the feed token's randomness: 32 bytes, 43 characters.
const tokenBytes = 32

// NewToken is a fresh random calendar token.
func NewToken() string {
	b := make([]byte, tokenBytes)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

// RenewToken gives the user a new calendar token, so the old feed address
// stops working, and returns it. The user changes their own setting, so the
// change is recorded in the history in their name.
func RenewToken(app core.App, user *core.Record) (string, error) {
	token := NewToken()
	err := model.RunAs(app, model.ActorFromAuth(user), func(tx core.App) error {
		u, err := tx.FindRecordById(model.Users, user.Id)
		if err != nil {
			return err
		}
		model.AsUser(u).SetCalendarToken(token)
		return tx.Save(u)
	})
	if err != nil {
		return "", err
	}
	model.AsUser(user).SetCalendarToken(token)
	return token, nil
}

// ErrNoFeed is a token that opens no feed.
var ErrNoFeed = errors.New("no calendar feed has this token")

// UserByToken finds the user whose calendar feed the token opens.
func UserByToken(app core.App, token string) (*core.Record, error) {
	if len(token) < 32 || len(token) > 100 {
		return nil, ErrNoFeed
	}
	u, err := app.FindFirstRecordByFilter(model.Users, CalendarField+" = {:t}", dbx.Params{"t": token})
	if err != nil || model.AsUser(u).CalendarToken() != token {
		return nil, ErrNoFeed
	}
	return u, nil
}

// Calendar writes the items as an iCalendar feed (RFC 5545): an all-day
// event on each item's date, with a stable UID, the time the item last
// changed as DTSTAMP, and a link into the web UI; someone else's item (in
// a coordinator's feed, Feed) names its owner, a plan's date says what
// happened on it. Lines end in CRLF and are folded at 75 octets. Undated
// items are left out.
func Calendar(name string, items []Item, appURL string, now time.Time) string {
	cal := ics.NewCalendarFor("ikplan")
	cal.SetCalscale("GREGORIAN")
	cal.SetXWRCalName("ikplan – " + icsText(name))
	cal.SetXWRCalDesc("Kontroller och åtgärder i ikplan med datum")
	cal.SetXPublishedTTL("PT6H")
	cal.SetMethod(ics.MethodPublish)
	// Sweden's time zone, also the one component of a feed with nothing
	// dated in it: RFC 5545 wants at least one, and some readers refuse a
	// calendar without
	stockholm(cal)
	base := strings.TrimRight(appURL, "/")
	for _, it := range items {
		if it.Date.IsZero() {
			continue
		}
		link := base + it.Path()
		label, date := "Åtgärd", "Slutdatum"
		switch it.Collection {
		case model.Controls:
			label, date = "Rapportera kontroll", "Ska rapporteras senast"
		case model.Plans:
			label, date = "Internkontrollplan", "Datum"
		}
		ev := cal.AddEvent(it.UID())
		stamp := it.Updated
		if stamp.IsZero() {
			stamp = now
		}
		ev.SetDtStampTime(stamp)
		ev.SetAllDayStartAt(it.Date)
		ev.SetAllDayEndAt(it.Date.AddDate(0, 0, 1))
		ev.SetSummary(label + ": " + it.Named(shorten(icsText(it.Title), 120)))
		desc := it.Named(icsText(it.Title)) + "\n\n" + date + ": " + it.When() + "\n"
		if it.OwnerName != "" {
			desc += "Ansvarig: " + icsText(it.OwnerName) + "\n"
		}
		ev.SetDescription(desc + link)
		ev.SetURL(link)
		ev.SetTimeTransparency(ics.TransparencyTransparent)
	}
	return cal.Serialize(ics.WithNewLineWindows)
}

// stockholm adds Europe/Stockholm as a VTIMEZONE: CET from the last Sunday
// of October, CEST from the last Sunday of March (the EU's rule since 1996).
func stockholm(cal *ics.Calendar) {
	tz := cal.AddTimezone("Europe/Stockholm")
	std := tz.AddStandard()
	std.SetProperty(ics.ComponentPropertyDtStart, "19701025T030000")
	std.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0200")
	std.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0100")
	std.SetProperty(ics.ComponentProperty(ics.PropertyTzname), "CET")
	std.SetProperty(ics.ComponentPropertyRrule, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
	dst := &ics.Daylight{}
	dst.SetProperty(ics.ComponentPropertyDtStart, "19700329T020000")
	dst.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0100")
	dst.SetProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0200")
	dst.SetProperty(ics.ComponentProperty(ics.PropertyTzname), "CEST")
	dst.SetProperty(ics.ComponentPropertyRrule, "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
	tz.Components = append(tz.Components, dst)
}

// icsText makes every line break in a text a plain LF, which the calendar
// library escapes as \n: it leaves a CR as it is, and a bare CR in a feed
// ends the line for some readers, so text could add lines of its own.
func icsText(s string) string {
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
}
