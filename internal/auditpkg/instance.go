package auditpkg

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// Fields of the settings record that show the instance's public key in
// the dashboard. The server sets them; see SetKeyFields.
const (
	FieldPublicKey   = model.FieldSetupPackagePublicKey
	FieldFingerprint = model.FieldSetupPackageKeyFingerprint
)

// InstanceKey returns the app's key, creating it on first use, and shows
// its public half on the settings record.
func InstanceKey(app core.App) (Key, error) {
	k, err := EnsureKey(app.DataDir())
	if err != nil {
		return Key{}, err
	}
	settings, err := app.FindFirstRecordByFilter(model.Settings, "id != ''")
	if err != nil {
		return k, nil // no settings record yet: the first save sets the fields
	}
	if s := model.AsSetup(settings); s.PackagePublicKey() == PublicText(k.Public()) && s.PackageKeyFingerprint() == Fingerprint(k.Public()) {
		return k, nil
	}
	if err := app.Save(settings); err != nil { // the settings hook sets the fields
		return k, fmt.Errorf("failed to show the package key on the settings: %w", err)
	}
	return k, nil
}

// SetKeyFields sets the settings record's key fields from the key in the
// app's data folder (empty while there is none), over whatever was sent.
func SetKeyFields(app core.App, settings *core.Record) error {
	k, ok, err := LoadKey(app.DataDir())
	if err != nil {
		return err
	}
	pub, fp := "", ""
	if ok {
		pub, fp = PublicText(k.Public()), Fingerprint(k.Public())
	}
	if settings.Collection().Fields.GetByName(FieldPublicKey) != nil {
		s := model.AsSetup(settings)
		s.SetPackagePublicKey(pub)
		s.SetPackageKeyFingerprint(fp)
	}
	return nil
}
