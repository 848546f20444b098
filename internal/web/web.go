// Package web serves ikplan's staff web UI: templ pages and the htmx
// fragments they swap, on the same server as PocketBase's REST API. Every
// read and write goes through the collections' API rules.
package web

import (
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"ikplan/internal/perf"
	"ikplan/pb_public"
)

// Register binds the web UI's routes to app's server. now is the clock the
// pages use to decide what is due and overdue.
func Register(app core.App, now func() time.Time) {
	register(app, &server{app: app, now: now, gate: perf.NewPageGate(), imports: perf.NewImportGate()})
}

// register binds the routes of s, with its gates, to app's server.
func register(app core.App, s *server) {
	s.cop = http.NewCrossOriginProtection()
	if s.oidc == nil {
		s.oidc = newOIDCClient()
	}
	s.cache = newPageCache()
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		s.bindRoutes(se)
		return se.Next()
	})
}

// server carries what the handlers share.
type server struct {
	app     core.App
	now     func() time.Time
	cop     *http.CrossOriginProtection
	cache   *pageCache  // nil when perf is off (perf.NewCache)
	gate    *perf.Gate  // the pages computed at once (gate.go); nil lets all through
	imports *perf.Gate  // the imports read at once (gate.go); nil lets all through
	oidc    *oidcClient // sign-in with the municipality's accounts (login_oidc.go)
}

// bindRoutes is the table of contents of the web UI.
func (s *server) bindRoutes(se *core.ServeEvent) {
	static := se.Router.Group("/static")
	static.BindFunc(s.htmlErrors, s.securityHeaders) // a missing file is an HTML 404 too
	static.GET("/{path...}", apis.Static(pb_public.FS, false))
	s.bindIconRoutes(se.Router)
	s.bindReadyRoute(se.Router)

	g := se.Router.Group("")
	// errors become HTML pages; bound before PocketBase's rate and body
	// limits so that their 429 and 413 are pages too, not JSON
	g.Bind(&hook.Handler[*core.RequestEvent]{Id: "ikplanHTMLErrors", Func: s.htmlErrors, Priority: apis.DefaultRateLimitMiddlewarePriority - 1})
	g.BindFunc(s.securityHeaders, s.crossOrigin, s.loadSession)
	g.Bind(apis.SkipSuccessActivityLog()) // pages log their failures, not every view
	g.GET("/login", s.loginForm)
	g.POST("/login", s.login)
	g.GET(oidcStartPath, s.oidcBegin)
	g.GET(oidcCallbackPath, s.oidcCallback)
	g.POST("/logout", s.logout)
	g.GET("/forgot", s.forgotForm)
	g.POST("/forgot", s.forgot)
	g.POST("/lang", s.setLang)

	in := g.Group("")
	in.BindFunc(s.requireUser, s.cachePages)
	in.Bind(&hook.Handler[*core.RequestEvent]{Id: pageGateId, Func: s.gated})
	s.bindStartRoutes(in)
	s.bindPlanRoutes(in)
	s.bindActionRoutes(in)
	s.bindRiskRoutes(in)
	s.bindControlRoutes(in)
	s.bindSampleRoutes(in)
	s.bindCommonRoutes(in)
	s.bindExcelRoutes(in)
	s.bindReportRoutes(in)
	s.bindMeRoutes(in)
	s.bindSettingsRoutes(in)
	s.bindPackageRoutes(in)

	s.bindCalendarRoutes(g)
	s.bindCarryRoutes(in)
	s.bindConfirmRoutes(in)

	// anything else under the web UI is an HTML 404
	g.Any("/{path...}", s.notFoundPage)
}
