package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

func (s *server) bindSettingsRoutes(g *groupRouter) {
	g.GET("/settings", s.settings)
	g.POST("/settings", s.settingsSave)
}

// settingsFormRoom is what a settings form may hold beside the logo: the
// name and the form's parts. A larger form is refused before it is read.
const settingsFormRoom = 64 << 10

// settingsRecord is the settings record, if the user may change it: the
// page asks the settings' update rule, as the REST API does, so only
// coordinators get in (403 for the rest).
func settingsRecord(e *core.RequestEvent) (*core.Record, error) {
	r, err := e.App.FindFirstRecordByFilter(model.Settings, "")
	if err != nil {
		return nil, errNotFound
	}
	// the rule reads the request's body (which fields it sets): asked
	// with the real request, as the REST API asks it
	if !access.CanWith(e.App, access.Request(e.Auth, e.Request.Method, nil), r, r.Collection().UpdateRule) {
		return nil, errForbidden
	}
	return r, nil
}

// settings handles "GET /settings": the municipality's name and logo, for
// the coordinators to set.
func (s *server) settings(e *core.RequestEvent) error {
	r, err := settingsRecord(e)
	if err != nil {
		return err
	}
	return s.settingsPage(e, http.StatusOK, settingsView(r))
}

// settingsSave handles "POST /settings": saves the name, and the logo
// uploaded, kept or removed. The save goes through the settings' rules and
// hooks, as a REST API write does: a file of another kind or too large is
// refused there, with the message beside the field.
func (s *server) settingsSave(e *core.RequestEvent) error {
	r, err := settingsRecord(e)
	if err != nil {
		return err
	}
	v := settingsView(r)
	refuse := func(status int, key string) error {
		v.Errors = templates.Errors{{Field: "logo", Message: i18nT(e, key, v.LogoSize)}}
		return s.settingsPage(e, status, v)
	}
	limit := model.LogoMaxSize(r) + settingsFormRoom
	if e.Request.ContentLength > limit {
		return refuse(http.StatusRequestEntityTooLarge, "settings.logo_too_large")
	}
	e.Request.Body = http.MaxBytesReader(e.Response, e.Request.Body, limit)
	files, ferr := e.FindUploadedFiles("logo")
	if _, ok := errors.AsType[*http.MaxBytesError](ferr); ok {
		return refuse(http.StatusRequestEntityTooLarge, "settings.logo_too_large")
	}
	if ferr != nil && !errors.Is(ferr, http.ErrMissingFile) && !errors.Is(ferr, http.ErrNotMultipart) {
		return refuse(http.StatusUnprocessableEntity, "settings.logo_unreadable")
	}
	v.Municipality = strings.TrimSpace(e.Request.FormValue("municipality"))
	model.AsSetup(r).SetMunicipality(v.Municipality)
	switch {
	case len(files) > 0:
		r.Set(model.FieldSetupLogo, files[0]) // a new file, not a name
	case e.Request.FormValue("logo_remove") == "true":
		model.AsSetup(r).SetLogo("")
	}
	if err := save(e.App, e.Auth, r); err != nil {
		errs, ok := formErrors(lang(e), err, "municipality", "logo")
		if !ok {
			return err
		}
		v.Errors = errs
		return s.settingsPage(e, http.StatusUnprocessableEntity, v)
	}
	return done(e, "/settings", i18n.M("flash.settings_saved"))
}

// settingsView is the page's view of the saved settings r.
func settingsView(r *core.Record) templates.SettingsView {
	m := model.MunicipalityIn(r)
	return templates.SettingsView{Municipality: m.Name, Logo: m.LogoPath(), LogoSize: model.FileSize(model.LogoMaxSize(r))}
}

// settingsPage renders the settings page with status.
func (s *server) settingsPage(e *core.RequestEvent, status int, v templates.SettingsView) error {
	p := s.page(e, i18nT(e, "settings.title"), "settings")
	p.Error = len(v.Errors) > 0
	return s.render(e, status, p, templates.Settings(p, v), nil)
}
