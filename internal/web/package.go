package web

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/auditpkg"
	"ikplan/internal/model"
	"ikplan/templates"
)

// The auditor's package (revisionspaket), scope "package". Whoever is
// signed in may download it; what goes in is what they may read, by the
// collections' API rules, as on the pages (internal/auditpkg).
func (s *server) bindPackageRoutes(g *groupRouter) {
	g.GET("/audit/package", s.packagePage)
	// the zip is long work: it takes a place in the gate of the imports,
	// not one of the pages' places for as long as it streams
	g.GET("/audit/package/download", s.packageDownload).Unbind(pageGateId)
}

// packagePage handles "GET /audit/package": the form that downloads the
// package of a year (and board), with the years and boards the user may
// read.
func (s *server) packagePage(e *core.RequestEvent) error {
	return s.packageForm(e, http.StatusOK, "")
}

// packageForm shows the package page with a message (a refusal's).
func (s *server) packageForm(e *core.RequestEvent, status int, message string) error {
	p := s.page(e, "", "")
	p.Title = p.T("package.title")
	v := templates.PackageView{Message: message}
	plans, err := list(e.App, e.Auth, model.Plans, "", "-year", 0, nil)
	if err != nil {
		return err
	}
	for _, pl := range plans {
		if y := model.AsPlan(pl).Year(); !slices.Contains(v.Years, y) {
			v.Years = append(v.Years, y)
		}
	}
	boards, err := list(e.App, e.Auth, model.Boards, "", "name", 0, nil)
	if err != nil {
		return err
	}
	for _, b := range boards {
		v.Boards = append(v.Boards, templates.PackageBoard{Id: b.Id, Name: model.AsBoard(b).Name()})
	}
	q := e.Request.URL.Query()
	v.Year, _ = strconv.Atoi(q.Get("year"))
	if !slices.Contains(v.Years, v.Year) && len(v.Years) > 0 {
		v.Year = v.Years[0]
	}
	v.Board = q.Get("board")
	if k, ok, err := auditpkg.LoadKey(e.App.DataDir()); err == nil && ok {
		v.Fingerprint = auditpkg.Fingerprint(k.Public())
	}
	return s.render(e, status, p, templates.Package(p, v), nil)
}

// packageDownload handles "GET /audit/package/download?year=Y[&board=ID]":
// the package as a zip, streamed as it is made. A year without a plan the
// user may read, or a board they may not read, is the page again with a
// message, before the first byte.
func (s *server) packageDownload(e *core.RequestEvent) error {
	q := e.Request.URL.Query()
	year, err := strconv.Atoi(q.Get("year"))
	if err != nil || year < 2000 || year > 2100 {
		return s.packageForm(e, http.StatusBadRequest, i18nT(e, "package.bad_year"))
	}
	pkg, err := auditpkg.Prepare(e.App, auditpkg.Request{Year: year, Board: q.Get("board"), User: e.Auth, Lang: lang(e), Now: s.now()})
	if errors.Is(err, auditpkg.ErrNoPlan) {
		return s.packageForm(e, http.StatusNotFound, i18nT(e, "package.no_plan", year))
	}
	if err != nil {
		return err
	}
	release, ok := s.tryImport()
	if !ok {
		e.Response.Header().Set("Retry-After", importRetry)
		return s.messagePage(e, http.StatusServiceUnavailable, i18nT(e, "error.busy"), i18nT(e, "error.busy_text"))
	}
	defer release()
	key, err := auditpkg.InstanceKey(e.App)
	if err != nil {
		return err
	}
	// a large package on a slow line takes longer than the server's
	// five minutes for an answer
	_ = http.NewResponseController(e.Response).SetWriteDeadline(time.Now().Add(2 * time.Hour))
	h := e.Response.Header()
	h.Set("Content-Type", "application/zip")
	h.Set("Content-Disposition", `attachment; filename="`+pkg.FileName()+`"`)
	h.Set("Cache-Control", "private, no-store")
	e.Response.WriteHeader(http.StatusOK)
	u := e.Auth
	madeFor := model.AsUser(u).Name() + " <" + u.Email() + ">, " + model.AsUser(u).Role()
	if err := pkg.Write(e.Response, key, madeFor); err != nil {
		// the answer has begun: the zip ends without its directory, which
		// no program opens and verify refuses
		e.App.Logger().Error("the audit package failed while streaming", "user", u.Id, "year", year, "error", err)
		return nil
	}
	return nil
}
