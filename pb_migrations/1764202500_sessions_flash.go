package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addSessionFlash, dropSessionFlash)
}

// addSessionFlash gives each web session room for one confirmation to show
// on the next page ("Planen är antagen."): a catalogue key and its
// parameters as JSON, written by the change and cleared by the page that
// shows it, so a reload does not show it again.
func addSessionFlash(app core.App) error {
	c, err := app.FindCollectionByNameOrId("sessions")
	if err != nil {
		return err
	}
	c.Fields.Add(&core.TextField{Name: "flash", Hidden: true, Max: 2000})
	return app.Save(c)
}

func dropSessionFlash(app core.App) error {
	c, err := app.FindCollectionByNameOrId("sessions")
	if err != nil {
		return err
	}
	c.Fields.RemoveByName("flash")
	return app.Save(c)
}
