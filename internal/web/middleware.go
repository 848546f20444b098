package web

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// contentSecurity allows only this site's own scripts and styles: no inline
// script, no framing.
const contentSecurity = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

func (s *server) securityHeaders(e *core.RequestEvent) error {
	h := e.Response.Header()
	h.Set("Content-Security-Policy", contentSecurity)
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	if secure(e) {
		h.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
	}
	return e.Next()
}

// crossOrigin refuses cross-origin POST, PUT, PATCH and DELETE.
func (s *server) crossOrigin(e *core.RequestEvent) error {
	if err := s.cop.Check(e.Request); err != nil {
		return s.errorPage(e, http.StatusForbidden)
	}
	return e.Next()
}

// htmlErrors turns an error a handler returns into an HTML page in the
// visitor's language, never PocketBase's JSON.
func (s *server) htmlErrors(e *core.RequestEvent) error {
	err := e.Next()
	if err == nil {
		return nil
	}
	status := http.StatusInternalServerError
	var apiErr *router.ApiError
	if errors.As(err, &apiErr) {
		status = apiErr.Status
	}
	if status >= 500 {
		e.App.Logger().Error("web page failed", slog.String("path", e.Request.URL.Path), slog.String("error", err.Error()))
	}
	return s.errorPage(e, status)
}
