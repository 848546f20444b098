package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addSampleMethods, dropSampleMethods)
}

// addSampleMethods lets a sample be drawn stratified by a column or by
// monetary units over an amount column (internal/sample): the method takes
// the two new values, and the column it was drawn by is kept with the
// sample, its name as the population's header writes it ("" for srs).
// Like the rest of the draw the server fills it in and nobody changes it
// (hooks/samples.go).
func addSampleMethods(app core.App) error {
	samples, err := app.FindCollectionByNameOrId("samples")
	if err != nil {
		return err
	}
	if f, ok := samples.Fields.GetByName("method").(*core.SelectField); ok {
		f.Values = []string{"srs", "stratified", "mus"}
	}
	samples.Fields.Add(text("column", false, 1000))
	return app.Save(samples)
}

func dropSampleMethods(app core.App) error {
	samples, err := app.FindCollectionByNameOrId("samples")
	if err != nil {
		return err
	}
	// (a sample drawn by a method the older code does not know stays: its
	// record and items are the evidence of a draw that was made)
	samples.Fields.RemoveByName("column")
	return app.Save(samples)
}
