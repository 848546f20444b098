package model

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// DefaultAppURL is the application URL PocketBase starts with, until an
// administrator gives the real one (Settings → Application in /_/).
const DefaultAppURL = "http://localhost:8090"

// AppURL is the address people reach ikplan on, as the administrator set
// it in PocketBase's settings, without a trailing slash; "" while none is
// set (empty, or still PocketBase's default). Links in e-mails need it: a
// mail has no request to take the address from.
func AppURL(app core.App) string {
	u := strings.TrimRight(strings.TrimSpace(app.Settings().Meta.AppURL), "/")
	if u == "" || u == DefaultAppURL {
		return ""
	}
	return u
}
