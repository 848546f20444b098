package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"

	"ikplan/internal/model"
)

func init() {
	m.Register(addSettingsRiskWords, dropSettingsRiskWords)
}

// settingsUpdateRiskWords keeps the words of the risk scale the
// administrator's, beside the matrix's size and bands.
const settingsUpdateRiskWords = settingsUpdate + ` && @request.body.risk_words:isset = false`

// addSettingsRiskWords gives the settings the words of each step of the
// risk scale, per language and axis ("3 – Möjlig"), beside the matrix's
// size and colour bands, and writes the default words into the settings so
// an administrator sees what to change.
func addSettingsRiskWords(app core.App) error {
	settings, err := app.FindCollectionByNameOrId("settings")
	if err != nil {
		return err
	}
	settings.Fields.Add(&core.JSONField{Name: "risk_words", MaxSize: 4000})
	settings.UpdateRule = types.Pointer(settingsUpdateRiskWords)
	if err := app.Save(settings); err != nil {
		return err
	}
	recs, err := app.FindAllRecords(settings)
	if err != nil {
		return err
	}
	for _, r := range recs {
		if raw := r.GetString("risk_words"); raw != "" && raw != "null" {
			continue
		}
		r.Set("risk_words", model.DefaultRiskWords)
		if err := app.Save(r); err != nil {
			return err
		}
	}
	return nil
}

func dropSettingsRiskWords(app core.App) error {
	settings, err := app.FindCollectionByNameOrId("settings")
	if err != nil {
		return err
	}
	settings.Fields.RemoveByName("risk_words")
	settings.UpdateRule = types.Pointer(settingsUpdate)
	return app.Save(settings)
}
