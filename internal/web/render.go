package web

import (
	"bytes"
	"net/http"
	"sync"

	"github.com/a-h/templ"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/templates"
)

// page is the layout data for a request.
func (s *server) page(e *core.RequestEvent, title, nav string) templates.Page {
	var m model.Municipality
	settings, err := e.App.FindFirstRecordByFilter(model.Settings, "")
	if err == nil {
		m = model.MunicipalityIn(settings)
	}
	return templates.Page{Lang: lang(e), User: e.Auth, Title: title, Nav: nav, Path: e.Request.URL.RequestURI(), Count: s.navCount(e),
		Municipality: m.Name, Logo: m.LogoPath(),
		NoAppURL: e.Auth != nil && model.AsUser(e.Auth).Role() == model.RoleCoordinator && model.AppURL(e.App) == "",
		Required: func(collection, field string) bool { return model.Required(e.App, collection, field) },
		// the menu offers the settings form as the settings page does: by
		// the update rule, not by a role
		MaySettings: func() bool { return settings != nil && may(e.App, e.Auth, settings, settings.Collection().UpdateRule) }}
}

// isFragment: an htmx request that swaps a named part gets only that part.
// A boosted link, a history restore and a redirect by HX-Location (which
// names no target) get the whole page.
func isFragment(e *core.RequestEvent) bool {
	h := e.Request.Header
	return h.Get("HX-Request") == "true" && h.Get("HX-Boosted") != "true" &&
		h.Get("HX-History-Restore-Request") != "true" && h.Get("HX-Target") != ""
}

// render writes the whole page, or only fragment for htmx requests that
// swap a part (when fragment is not nil). It renders into a buffer first, so
// a failing template never sends half a page.
func (s *server) render(e *core.RequestEvent, status int, p templates.Page, body, fragment templ.Component) error {
	e.Response.Header().Add("Vary", "HX-Request, HX-Target")
	var c templ.Component
	if fragment != nil && isFragment(e) {
		c = fragment
	} else {
		takeFlash(e, &p)
		c = templates.Layout(p, body)
	}
	buf := renderBuffers.Get().(*bytes.Buffer)
	defer putRenderBuffer(buf)
	if err := c.Render(e.Request.Context(), buf); err != nil {
		return err
	}
	e.Response.Header().Set("Content-Type", "text/html; charset=utf-8")
	e.Response.Header().Set("Cache-Control", "no-store")
	if status >= 400 {
		// a refused boosted form must not leave its POST address in the address bar
		e.Response.Header().Set("HX-Push-Url", "false")
	}
	e.Response.WriteHeader(status)
	_, err := e.Response.Write(buf.Bytes())
	return err
}

// renderBuffers are the buffers pages are rendered into, used again rather
// than grown anew for every page (docs/PERFORMANCE.md#allocations). (A
// ResponseWriter keeps nothing of what it is given.)
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// putRenderBuffer gives buf back for the next page, unless it grew for an
// unusually large one.
func putRenderBuffer(buf *bytes.Buffer) {
	if buf.Cap() > 1<<20 {
		return
	}
	buf.Reset()
	renderBuffers.Put(buf)
}

// redirect ends a successful POST: 303 for a plain form, HX-Location for htmx.
func redirect(e *core.RequestEvent, to string) error {
	if e.Request.Header.Get("HX-Request") == "true" {
		e.Response.Header().Set("HX-Location", to)
		return e.NoContent(http.StatusNoContent)
	}
	return e.Redirect(http.StatusSeeOther, to)
}

// errorPage renders a Swedish (or English) error page for status.
func (s *server) errorPage(e *core.RequestEvent, status int) error {
	p := s.page(e, "", "")
	heading, text := p.T("error.not_found"), p.T("error.not_found_text")
	switch {
	case status == http.StatusForbidden:
		heading, text = p.T("error.forbidden"), p.T("error.forbidden_text")
	case status >= 500:
		heading, text = p.T("error.server"), p.T("error.server_text")
	case status == http.StatusTooManyRequests:
		heading, text = p.T("error.too_many"), p.T("error.too_many_text")
	case status == http.StatusRequestEntityTooLarge:
		heading, text = p.T("error.too_large"), p.T("error.too_large_text")
	case status == http.StatusBadRequest:
		heading, text = p.T("error.bad_request"), p.T("error.bad_request_text")
	}
	return s.messagePage(e, status, heading, text)
}

// messagePage renders a page with a heading and a text, with status.
func (s *server) messagePage(e *core.RequestEvent, status int, heading, text string) error {
	p := s.page(e, heading, "")
	e.Response.Header().Add("Vary", "HX-Request")
	var buf bytes.Buffer
	if err := templates.Layout(p, templates.Message(p, heading, text)).Render(e.Request.Context(), &buf); err != nil {
		return err
	}
	e.Response.Header().Set("Content-Type", "text/html; charset=utf-8")
	e.Response.WriteHeader(status)
	_, err := e.Response.Write(buf.Bytes())
	return err
}

// notFoundPage handles any path the web UI does not know.
func (s *server) notFoundPage(e *core.RequestEvent) error {
	return s.errorPage(e, http.StatusNotFound)
}
