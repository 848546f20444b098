package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

func init() {
	m.Register(addSettingsMunicipality, dropSettingsMunicipality)
}

// LogoMaxSize is the largest logo accepted, in bytes: a logo for a page
// header and a document's first page needs far less.
const LogoMaxSize = 512 << 10

// settingsUpdate lets coordinators set the municipality's name and logo;
// the risk matrix and the reminder days stay the administrator's.
const settingsUpdate = signedIn + ` && ` + coordinator +
	` && @request.body.risk_scale:isset = false && @request.body.risk_bands:isset = false && @request.body.reminder_days:isset = false`

// addSettingsMunicipality gives the settings the municipality's name and
// logo, shown in the web UI's header and on the documents. Everyone signed
// in reads them (as the rest of the settings); coordinators and superusers
// set them. The logo is a PNG or JPEG, the two kinds every document format
// takes (SVG could carry script).
func addSettingsMunicipality(app core.App) error {
	settings, err := app.FindCollectionByNameOrId("settings")
	if err != nil {
		return err
	}
	settings.Fields.Add(
		&core.TextField{Name: "municipality", Max: 200},
		&core.FileField{Name: "logo", MaxSelect: 1, MaxSize: LogoMaxSize, MimeTypes: []string{"image/png", "image/jpeg"}},
	)
	settings.UpdateRule = types.Pointer(settingsUpdate)
	return app.Save(settings)
}

func dropSettingsMunicipality(app core.App) error {
	settings, err := app.FindCollectionByNameOrId("settings")
	if err != nil {
		return err
	}
	settings.Fields.RemoveByName("municipality")
	settings.Fields.RemoveByName("logo")
	settings.UpdateRule = nil
	return app.Save(settings)
}
