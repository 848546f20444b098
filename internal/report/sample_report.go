package report

import (
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// sampleNotes describes each sampled period of the plan's controls (those
// the document shows), as the follow-up prints it under the period's
// account: the population, the sample, the method, the seed and the
// findings, so that a reader can repeat the draw (`ikplan sample verify`).
// Scope "sample".
func sampleNotes(app core.App, pd *planData) map[string]string {
	out := map[string]string{}
	var ids []any
	for _, it := range pd.items {
		ids = append(ids, it.control.Id)
	}
	if len(ids) == 0 {
		return out
	}
	samples, err := app.FindAllRecords(model.Samples, dbx.In("control", ids...))
	if err != nil {
		return out
	}
	for _, s := range model.AsSamples(samples) {
		f := model.FindingsOf(app, s.Id)
		out[s.Control()+"/"+s.Period()] = fmt.Sprintf(
			"Stickprov: %d poster ur en population om %d rader (populationsfilens SHA-256 %s), dragna med slumpmässigt urval utan återläggning "+
				"(HMAC-SHA256 av fröet och radnumret, lägst först) med fröet %s. Resultat: %s; %d av %d poster bedömda.",
			s.Size(), s.PopulationRows(), s.PopulationSHA256(), s.Seed(),
			f.Text().In("sv"), f.Assessed, f.Size)
	}
	return out
}
