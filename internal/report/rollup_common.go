package report

import (
	"fmt"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// commonSection is the roll-up's comparison of the boards on the year's
// kommungemensamma kontroller (scope "common"): a heading, then a table per
// common control with each board of the roll-up, its standing, its
// measured values and whether the target was met. It reads only the plans
// the roll-up holds (the boards the reader may see), and the public version
// leaves out a confidential common control, as it leaves out confidential
// controls. Nothing when the year has no common control.
func commonSection(app core.App, plans []*planData, without []*core.Record, year int, public bool) ([]Block, error) {
	commons, err := app.FindAllRecords(model.CommonControls, dbx.HashExp{"year": year})
	if err != nil {
		return nil, fmt.Errorf("failed to load the common controls of %d: %w", year, err)
	}
	var d Doc
	for i, rec := range commons {
		k := model.AsCommonControl(rec)
		if public && k.Confidential() {
			continue
		}
		if len(d.Blocks) == 0 {
			d.H(1, "kommungemensamma", "Kommungemensamma kontroller")
			d.P("", fmt.Sprintf("Kommunstyrelsen har beslutat kontroller som varje nämnd genomför %d. Tabellerna jämför nämndernas resultat.", year))
		}
		t := Table{
			Caption: k.Title(),
			Header:  []string{"Nämnd", "Resultat", "Uppmätt värde", "Målet uppnått"},
			Widths:  []float64{34, 28, 22, 16},
		}
		for _, pd := range plans {
			t.Rows = append(t.Rows, commonRow(pd, k))
		}
		for _, b := range without {
			t.Rows = append(t.Rows, []string{model.AsBoard(b).Name(), i18n.T(i18n.Sv, "common.standing.no_plan", year), "", ""})
		}
		d.H(2, fmt.Sprintf("kommungemensam-%d", i+1), k.Title())
		if target := TargetText(k); target != "" {
			d.P("note", "Mål: "+target+".")
		}
		d.T(t)
	}
	return d.Blocks, nil
}

// commonRow is one board's row in a common control's table.
func commonRow(pd *planData, k *model.CommonControl) []string {
	name := pd.board.Name()
	for _, it := range pd.items {
		if it.control.CommonControl() != k.Id {
			continue
		}
		var outcomes, values []string
		met, measured := true, false
		for _, r := range it.results {
			outcomes = append(outcomes, r.Outcome())
			if v := r.MeasuredValue(); v != "" {
				values = append(values, decimalSv(v))
				measured = true
				met = met && r.TargetMet()
			}
		}
		standing := model.CommonStanding(outcomes, it.control.Reported())
		targetMet := ""
		if measured && TargetText(it.control) != "" {
			targetMet = map[bool]string{true: "Ja", false: "Nej"}[met]
		}
		return []string{name, i18n.T(i18n.Sv, "common.standing."+standing), strings.Join(values, ", "), targetMet}
	}
	// the plan was reported before kommunstyrelsen decided the control
	return []string{name, "Ingår inte i planen", "", ""}
}
