package web

import (
	"log/slog"
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/auditpkg"
	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/templates"
)

func (s *server) bindMeRoutes(g *groupRouter) {
	g.GET("/me", s.me)
	g.POST("/me/calendar", s.meCalendar)
}

// me handles "GET /me": the user's name, e-mail, role, boards and
// language, and their calendar feed's address.
func (s *server) me(e *core.RequestEvent) error {
	p := s.page(e, "", "")
	p.Title = p.T("me.title")
	u := e.Auth
	v := templates.MeView{Name: p.UserName(), Email: u.Email(), Role: p.T("me.role." + model.AsUser(u).Role()),
		Language: p.T("me.language." + p.Lang)}
	boards, err := list(e.App, u, model.Boards, "", "name", 0, nil)
	if err != nil {
		return err
	}
	for _, b := range boards {
		v.Boards = append(v.Boards, model.AsBoard(b).Name())
	}
	if token := model.AsUser(u).CalendarToken(); token != "" {
		v.FeedURL = feedURL(e, token)
		v.Webcal = "webcal://" + strings.TrimPrefix(strings.TrimPrefix(v.FeedURL, "https://"), "http://")
	}
	if role := model.AsUser(u).Role(); role == model.RoleAuditor || role == model.RoleCoordinator {
		v.ShowPackage = true
		if k, ok, err := auditpkg.LoadKey(e.App.DataDir()); err == nil && ok {
			v.PackageFingerprint, v.PackagePublic = auditpkg.Fingerprint(k.Public()), auditpkg.PublicText(k.Public())
		}
	}
	return s.render(e, http.StatusOK, p, templates.Me(p, v), nil)
}

// meCalendar handles "POST /me/calendar": makes the user's calendar feed
// address, or renews it so that the old one stops working.
func (s *server) meCalendar(e *core.RequestEvent) error {
	if _, err := remind.RenewToken(e.App, e.Auth); err != nil {
		e.App.Logger().Error("failed to renew a calendar token", slog.String("user", e.Auth.Id), slog.String("error", err.Error()))
		return err
	}
	return redirect(e, "/me#calendar")
}

// feedURL is the address of the calendar feed with the token, on the
// address the admin gave the application or else the one of this request.
func feedURL(e *core.RequestEvent, token string) string {
	return baseURL(e) + "/calendar/" + token + ".ics"
}
