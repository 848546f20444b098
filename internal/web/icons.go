package web

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/pb_public"
)

// bindIconRoutes serves, at the addresses browsers ask for whatever the
// page links, the favicon and the web manifest; the other icons are under
// /static/icons/. Each is sent with its own type: the system's table of
// types may lack .ico and .webmanifest.
func (s *server) bindIconRoutes(r *router.Router[*core.RequestEvent]) {
	r.GET("/favicon.ico", s.icon("icons/favicon.ico", "image/x-icon")).BindFunc(s.htmlErrors, s.securityHeaders)
	r.GET("/manifest.webmanifest", s.icon("icons/manifest.webmanifest", "application/manifest+json")).BindFunc(s.htmlErrors, s.securityHeaders)
}

// icon handles "GET /favicon.ico" and "GET /manifest.webmanifest": the
// embedded file name as contentType, cached for a day.
func (s *server) icon(name, contentType string) func(*core.RequestEvent) error {
	return func(e *core.RequestEvent) error {
		e.Response.Header().Set("Content-Type", contentType)
		e.Response.Header().Set("Cache-Control", "public, max-age=86400")
		return e.FileFS(pb_public.FS, name)
	}
}
