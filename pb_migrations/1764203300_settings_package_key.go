package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addSettingsPackageKey, dropSettingsPackageKey)
}

// addSettingsPackageKey gives the settings the public half of the key that
// signs the auditor's packages, and its fingerprint, so that the
// administrator sees them in the dashboard. The server sets both from the
// key in the data folder on every save of the settings and when it starts
// (hooks/package_key.go): whatever anyone sends for them is replaced.
// Scope "package".
func addSettingsPackageKey(app core.App) error {
	settings, err := app.FindCollectionByNameOrId("settings")
	if err != nil {
		return err
	}
	settings.Fields.Add(
		&core.TextField{Name: "package_public_key", Max: 100},
		&core.TextField{Name: "package_key_fingerprint", Max: 100},
	)
	return app.Save(settings)
}

func dropSettingsPackageKey(app core.App) error {
	settings, err := app.FindCollectionByNameOrId("settings")
	if err != nil {
		return err
	}
	settings.Fields.RemoveByName("package_public_key")
	settings.Fields.RemoveByName("package_key_fingerprint")
	return app.Save(settings)
}
