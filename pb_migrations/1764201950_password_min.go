package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(longerPasswords, shorterPasswords)
}

// longerPasswords makes every new password of a user or a superuser at
// least 12 characters long (PocketBase's default is 8). Passwords already
// set stay valid until they are changed: only their hashes are stored.
func longerPasswords(app core.App) error { return setPasswordMin(app, 12) }

func shorterPasswords(app core.App) error { return setPasswordMin(app, 8) }

func setPasswordMin(app core.App, n int) error {
	for _, name := range []string{"users", core.CollectionNameSuperusers} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return err
		}
		f, ok := c.Fields.GetByName(core.FieldNamePassword).(*core.PasswordField)
		if !ok {
			continue
		}
		f.Min = n
		if err := app.Save(c); err != nil {
			return err
		}
	}
	return nil
}
