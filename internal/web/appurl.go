package web

import (
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/proxy"
)

// baseURL is the address links shown to the user start with: the
// application URL the administrator set, or, while none is set, the scheme
// and host this request came on (through a trusted proxy only, see
// proxy.Origin), so that a link works from the first start.
func baseURL(e *core.RequestEvent) string {
	if u := model.AppURL(e.App); u != "" {
		return u
	}
	return proxy.Origin(e)
}
