package web

import (
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/remind"
)

// The calendar feed is outside the signed-in group: a calendar program has
// no session cookie, only the secret address.
func (s *server) bindCalendarRoutes(g *groupRouter) {
	g.GET("/calendar/{file}", s.calendar)
}

// calendar handles "GET /calendar/{token}.ics": the token's user's due
// dates and deadlines as an iCalendar feed — the same items their reminders
// are about, every open one with a date, as that user may see them; a
// coordinator's also holds their boards' (remind.Feed). A wrong or renewed
// token is a 404.
func (s *server) calendar(e *core.RequestEvent) error {
	token, ok := strings.CutSuffix(e.Request.PathValue("file"), ".ics")
	if !ok {
		return errNotFound
	}
	user, err := remind.UserByToken(e.App, token)
	if err != nil {
		return errNotFound
	}
	items, err := remind.Feed(e.App, user)
	if err != nil {
		return err
	}
	body := remind.Calendar(model.AsUser(user).Name(), items, baseURL(e), s.now())
	h := e.Response.Header()
	h.Set("Content-Type", "text/calendar; charset=utf-8")
	h.Set("Content-Disposition", `inline; filename="ikplan.ics"`)
	h.Set("Cache-Control", "private, no-store")
	e.Response.WriteHeader(http.StatusOK)
	_, err = e.Response.Write([]byte(body))
	return err
}
