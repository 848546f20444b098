package hooks_test

import (
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/hooks"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestSchedule(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	hooks.Schedule(app)
	for _, j := range app.Cron().Jobs() {
		if j.Id() == hooks.ReminderJob {
			if j.Expression() != "0 6 * * *" {
				t.Fatalf("Expected the reminders daily at 06:00, got %q", j.Expression())
			}
			return
		}
	}
	t.Fatalf("Expected the reminder job in the cron, got %v", app.Cron().Jobs())
}

func TestSendReminders(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	app.Settings().Meta.AppURL = "https://ikplan.example.se" // without it nothing is sent (remind.TestRunWaitsForTheAppURL)
	hooks.SendReminders(app, time.Date(2025, 6, 20, 4, 0, 0, 0, time.UTC))
	// action 2 due soon to its owner; the overdue action 12 to its owner
	// and in the coordinator's digest
	if got := app.TestMailer.TotalSend(); got != 3 {
		t.Fatalf("Expected the job to send 3 e-mails, got %d", got)
	}
	if n := testapp.Count(t, app, model.Reminders, dbx.HashExp{"recipient": f.Users["ansvarig"], "target": f.Actions["2"]}); n != 1 {
		t.Fatalf("Expected the reminder recorded, got %d", n)
	}
	// a job that panics is logged, never passed on to the server
	hooks.SendReminders(panicky{app}, time.Date(2025, 6, 20, 4, 0, 0, 0, time.UTC))
}

// panicky is an app whose database reads panic.
type panicky struct{ core.App }

func (panicky) FindRecordsByFilter(any, string, string, int, int, ...dbx.Params) ([]*core.Record, error) {
	panic("the disk is on fire")
}
