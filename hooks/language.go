package hooks

import (
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"ikplan/internal/i18n"
)

// bindLanguage answers the REST API's refusals in English when the request
// asks for it (Accept-Language: en), in Swedish otherwise: the message of
// the answer and of each field. The codes stay as they are.
func bindLanguage(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.Bind(&hook.Handler[*core.RequestEvent]{
			Id: "ikplanLanguage",
			// first of all, so that it sees every refusal of what follows
			Priority: -1 << 20,
			Func: func(e *core.RequestEvent) error {
				err := e.Next()
				if err == nil || !strings.HasPrefix(e.Request.URL.Path, "/api/") || requestLang(e.Request) != i18n.En {
					return err
				}
				return i18n.Translate(err, i18n.En)
			},
		})
		return se.Next()
	})
}

// requestLang is the language a REST API request asks for: English when
// its Accept-Language starts with "en", Swedish otherwise.
func requestLang(r *http.Request) string {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(r.Header.Get("Accept-Language"))), "en") {
		return i18n.En
	}
	return i18n.Sv
}
