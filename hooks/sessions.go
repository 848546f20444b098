package hooks

import (
	"log/slog"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/session"
)

// SessionsJob is the cron job id of the nightly removal of ended sessions.
const SessionsJob = "ikplanSessions"

// SessionsSchedule is when ended sessions are removed: 03:30 Swedish time.
const SessionsSchedule = "30 3 * * *"

// bindSessions ends every web session of a user whose password changes, by
// any route (the REST API, the dashboard, a reset mail, the command line).
// PocketBase renews a user's token key on a password or e-mail change, as
// on any "sign out everywhere", so a new token key ends the sessions: in
// the same transaction as the change. Deleting a user deletes their
// sessions by the relation's cascade.
func bindSessions(app core.App) {
	app.OnRecordUpdateExecute(model.Users).BindFunc(func(e *core.RecordEvent) error {
		before := e.Record.Original().TokenKey()
		if err := e.Next(); err != nil {
			return err
		}
		if e.Record.TokenKey() == before {
			return nil
		}
		return session.EndSessionsOf(e.App, e.Record.Id)
	})
}

// RemoveEndedSessions is the nightly job: it deletes the sessions that had
// ended at now. A failure is logged, never passed on.
func RemoveEndedSessions(app core.App, now time.Time) {
	n, err := session.DeleteExpiredSessions(app, now)
	if err != nil {
		app.Logger().Error("sessions: failed to remove ended sessions", slog.String("error", err.Error()))
		return
	}
	app.Logger().Debug("sessions: removed ended sessions", slog.Int64("count", n))
}
