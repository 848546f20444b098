package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(createSamples, dropSamples)
}

// evidenceTypes are the files evidence may be, as for results.
var evidenceTypes = []string{
	"application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
	"application/msword", "application/vnd.ms-excel",
}

// createSamples adds sampling (stickprov): a sample per control and
// period, drawn by the server from an uploaded population with a seed it
// draws itself (hooks/samples.go), and its drawn items, each assessed OK
// or Avvikelse with a note and evidence. The population file is kept, so
// that the draw can be repeated (`ikplan sample verify`).
//
// Who: the board's coordinators and the control's owner draw a sample and
// assess its items; readers read (not a confidential control's). Nobody
// changes a drawn sample, and only the draw creates items: the hooks hold
// everyone to that, superusers too.
func createSamples(app core.App) error {
	controls, err := app.FindCollectionByNameOrId("controls")
	if err != nil {
		return err
	}
	deviations, err := app.FindCollectionByNameOrId("deviations")
	if err != nil {
		return err
	}
	samples := core.NewBaseCollection("samples", "iksamples000001")
	samples.Fields.Add(
		rel("control", controls.Id, true, true),
		text("period", true, 20),
		sel("method", true, "srs"),
		intField("size", true, 1, 500),
		text("seed", false, 64),
		&core.FileField{Name: "population", MaxSelect: 1, MaxSize: 5 << 20, Protected: true, Required: true},
		text("population_sha256", false, 64),
		text("canonical_sha256", false, 64),
		intField("population_rows", false, 0, 1e7),
		&core.JSONField{Name: "header", MaxSize: 200 << 10},
	)
	timestamps(samples)
	samples.AddIndex("idx_samples_control_period", true, "control, period", "")
	rules(samples,
		readGuarded("control.plan.board", "control.confidential"),
		coordinateOrOwn("control.plan.board", "control.owner"),
		coordinateOrOwn("control.plan.board", "control.owner"),
		coordinateOrOwn("control.plan.board", "control.owner"))
	if err := app.Save(samples); err != nil {
		return err
	}

	items := core.NewBaseCollection("sample_items", "iksampleitems01")
	items.Fields.Add(
		rel("sample", samples.Id, true, true),
		intField("position", true, 1, 500),
		intField("row", true, 1, 1e7),
		&core.JSONField{Name: "data", MaxSize: 200 << 10},
		sel("status", false, "ok", "deviation"),
		text("note", false, 5000),
		&core.FileField{Name: "evidence", MaxSelect: 10, MaxSize: 20 << 20, MimeTypes: evidenceTypes, Protected: true},
		rel("deviation", deviations.Id, false, false),
	)
	timestamps(items)
	items.AddIndex("idx_sample_items_sample_position", true, "sample, position", "")
	items.AddIndex("idx_sample_items_deviation", false, "deviation", "")
	// the rules let the people who assess a sample's items write them; the
	// hooks refuse every create but the draw's, every change of a drawn
	// value and every delete but the sample's own, with a message that says so
	rules(items,
		readGuarded("sample.control.plan.board", "sample.control.confidential"),
		coordinateOrOwn("sample.control.plan.board", "sample.control.owner"),
		coordinateOrOwn("sample.control.plan.board", "sample.control.owner"),
		coordinateOrOwn("sample.control.plan.board", "sample.control.owner"))
	if err := app.Save(items); err != nil {
		return err
	}
	return nil
}

func dropSamples(app core.App) error {
	for _, name := range []string{"sample_items", "samples"} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			continue
		}
		if err := app.Delete(c); err != nil {
			return err
		}
	}
	return nil
}
