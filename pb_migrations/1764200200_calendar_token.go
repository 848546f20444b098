package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addCalendarToken, dropCalendarToken)
}

// addCalendarToken gives each user the secret of their private calendar
// feed (/calendar/{token}.ics): hidden from the REST API, unique when set,
// made and renewed on the user's own page.
func addCalendarToken(app core.App) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return err
	}
	users.Fields.Add(&core.TextField{Name: "calendar_token", Hidden: true, Max: 100})
	users.AddIndex("idx_users_calendar_token", true, "calendar_token", "calendar_token != ''")
	return app.Save(users)
}

func dropCalendarToken(app core.App) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return err
	}
	users.RemoveIndex("idx_users_calendar_token")
	users.Fields.RemoveByName("calendar_token")
	return app.Save(users)
}
