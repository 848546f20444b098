package hooks

import (
	"errors"
	"log/slog"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// errNoAppURL refuses a mail whose link would lead nowhere.
var errNoAppURL = errors.New("the application URL is not set (Settings → Application → Application URL in /_/): a mail with a link is not sent")

// bindMail holds back PocketBase's own mails to users that carry a link —
// password reset, verification, change of e-mail — while no application
// URL is set: the link would point at PocketBase's default
// http://localhost:8090, which works for nobody but the server itself.
// Every way in (the web UI's "Glömt lösenord", the REST API, the
// dashboard) sends them through these hooks. The one-time codes (OTP) and
// the sign-in alert carry no link and are sent as ever; superusers'
// mails too, so that an administrator is never locked out.
func bindMail(app core.App) {
	hold := func(e *core.MailerRecordEvent) error {
		if model.AppURL(e.App) == "" {
			e.App.Logger().Warn("mail: not sent, the application URL is not set", slog.String("to", e.Record.Email()), slog.String("subject", e.Message.Subject))
			return errNoAppURL
		}
		return e.Next()
	}
	app.OnMailerRecordPasswordResetSend(model.Users).BindFunc(hold)
	app.OnMailerRecordVerificationSend(model.Users).BindFunc(hold)
	app.OnMailerRecordEmailChangeSend(model.Users).BindFunc(hold)
	// the one request that sends its mail while the client waits: refused
	// first with a message that says why, not PocketBase's "Failed to
	// request email change."
	app.OnRecordRequestEmailChangeRequest(model.Users).BindFunc(func(e *core.RecordRequestEmailChangeRequestEvent) error {
		if model.AppURL(e.App) == "" {
			return refuse("ikplan.email_change.no_app_url")
		}
		return e.Next()
	})
}
