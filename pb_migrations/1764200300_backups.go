package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(enableBackups, nil)
}

// Backup schedule set on a new installation; the administrator changes it
// in the dashboard (Settings → Backups).
const (
	BackupCron    = "0 3 * * *" // daily at 03:00 (the cron's time zone)
	BackupMaxKeep = 7
)

// enableBackups turns on PocketBase's automatic backups to pb_data/backups:
// daily, keeping the last 7. A schedule the administrator has already set
// is left as it is.
func enableBackups(app core.App) error {
	s := app.Settings()
	if s.Backups.Cron != "" {
		return nil
	}
	s.Backups.Cron = BackupCron
	s.Backups.CronMaxKeep = BackupMaxKeep
	return app.Save(s)
}
