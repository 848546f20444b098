package web

import (
	"strconv"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/i18n"
)

// groupRouter is a group of the web UI's routes.
type groupRouter = router.RouterGroup[*core.RequestEvent]

func itoa(n int) string { return strconv.Itoa(n) }

// i18nT translates key into the visitor's language.
func i18nT(e *core.RequestEvent, key string, args ...any) string {
	return i18n.T(lang(e), key, args...)
}
