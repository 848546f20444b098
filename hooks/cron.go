package hooks

import (
	"io"
	"log/slog"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/remind"
)

// ReminderJob is the cron job id of the daily reminder digests.
const ReminderJob = "ikplanReminders"

// ReminderSchedule is when the reminder digests go out: 06:00 Swedish time.
const ReminderSchedule = "0 6 * * *"

// Schedule adds ikplan's daily jobs to app's cron and makes the cron keep
// Swedish time (PocketBase's cron keeps UTC unless told otherwise), so
// every schedule, the automatic backups' too, reads as Swedish time.
func Schedule(app core.App) {
	app.Cron().SetTimezone(model.Stockholm)
	app.Cron().MustAdd(ReminderJob, ReminderSchedule, func() { SendReminders(app, time.Now()) })
	app.Cron().MustAdd(SessionsJob, SessionsSchedule, func() { RemoveEndedSessions(app, time.Now()) })
}

// SendReminders is the reminder job: it sends the digests due at now and
// logs what it did. A failure or panic is logged, never passed on.
func SendReminders(app core.App, now time.Time) {
	sum, err := remind.Run(app, now, false, io.Discard)
	if err != nil {
		app.Logger().Error("reminders: the daily job failed", slog.String("error", err.Error()))
		return
	}
	app.Logger().Info("reminders: the daily job ran", slog.Int("emails", sum.Emails), slog.Int("items", sum.Items),
		slog.Int("failed", sum.Failed), slog.Int("skipped", sum.Skipped))
}
