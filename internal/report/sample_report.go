package report

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// sampleNotes describes each sampled period of the plan's controls (those
// the document shows), as the follow-up prints it under the period's
// account: the population, the sample, the method and the column it drew
// by, the seed and the findings, so that a reader can repeat the draw (`ikplan sample verify`).
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
		by := i18n.Message{}
		if col := s.Column(); col != "" {
			by = i18n.M("sample.report_column", "column", col)
		}
		out[s.Control()+"/"+s.Period()] = i18n.M("sample.report",
			"size", s.Size(), "rows", s.PopulationRows(), "sha256", s.PopulationSHA256(),
			"method", "sample.method."+s.Method(), "by", by, "seed", s.Seed(),
			"findings", f.Text(), "assessed", f.Assessed).In(i18n.Sv)
	}
	return out
}
