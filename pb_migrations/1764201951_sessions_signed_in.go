package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addSessionSignedIn, dropSessionSignedIn)
}

// addSessionSignedIn records when each web session began, so that it ends
// a fixed time after the sign-in however much it is used. A session open
// at the upgrade began when its row was created.
func addSessionSignedIn(app core.App) error {
	c, err := app.FindCollectionByNameOrId("sessions")
	if err != nil {
		return err
	}
	c.Fields.Add(date("signed_in", true))
	if err := app.Save(c); err != nil {
		return err
	}
	_, err = app.DB().NewQuery("UPDATE {{sessions}} SET [[signed_in]] = [[created]] WHERE [[signed_in]] = ''").Execute()
	return err
}

func dropSessionSignedIn(app core.App) error {
	c, err := app.FindCollectionByNameOrId("sessions")
	if err != nil {
		return err
	}
	c.Fields.RemoveByName("signed_in")
	return app.Save(c)
}
