package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(createSessions, dropSessions)
}

// createSessions adds the web UI's sign-in sessions: one row per signed-in
// browser, holding only the SHA-256 of the cookie's random token. It has no
// API rules, so only superusers reach it through the REST API. Deleting a
// user deletes their sessions.
func createSessions(app core.App) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return err
	}
	c := core.NewBaseCollection("sessions", "iksessions00001")
	c.Fields.Add(
		rel("user", users.Id, true, true),
		&core.TextField{Name: "token_hash", Required: true, Hidden: true, Min: 64, Max: 64, Pattern: `^[0-9a-f]+$`},
		date("expires", true),
		date("last_seen", true),
		&core.AutodateField{Name: "created", OnCreate: true},
	)
	c.AddIndex("idx_sessions_token_hash", true, "token_hash", "")
	c.AddIndex("idx_sessions_user", false, "user", "")
	c.AddIndex("idx_sessions_expires", false, "expires", "")
	return app.Save(c)
}

func dropSessions(app core.App) error {
	c, err := app.FindCollectionByNameOrId("sessions")
	if err != nil {
		return nil
	}
	return app.Delete(c)
}
