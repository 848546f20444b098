package web

import (
	"context"
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// readyLimit is how long the readiness query may take: a load balancer
// asks every few seconds and needs an answer well within its own timeout.
const readyLimit = 2 * time.Second

// bindReadyRoute serves GET /readyz to the load balancer: 200 when a query
// on the database succeeds, 503 when it does not. PocketBase's
// /api/health answers 200 as long as the process runs, whatever the
// database does, so a balancer that asked it would keep sending people to
// a server that cannot serve them. No sign-in, no page, nothing but "ok".
func (s *server) bindReadyRoute(r *router.Router[*core.RequestEvent]) {
	r.GET("/readyz", s.ready).Bind(apis.SkipSuccessActivityLog())
}

// ready handles "GET /readyz".
func (s *server) ready(e *core.RequestEvent) error {
	e.Response.Header().Set("Cache-Control", "no-store")
	ctx, cancel := context.WithTimeout(e.Request.Context(), readyLimit)
	defer cancel()
	var one int
	err := e.App.DB().NewQuery("SELECT 1 FROM {{_collections}} LIMIT 1").WithContext(ctx).Row(&one)
	if err != nil {
		e.App.Logger().Error("readyz: the database did not answer", "error", err)
		return e.String(http.StatusServiceUnavailable, "not ready: the database does not answer\n")
	}
	return e.String(http.StatusOK, "ok\n")
}
