package web

import (
	"slices"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/templates"
)

// risksPerPage is about how many risks a page of the register lists: whole
// boards are listed, as many as fit (a larger board alone on its page).
const risksPerPage = 100

// riskList fills v's list, per board, the highest risk value first: the
// risks of the boards on the page, which are counted per board in SQL
// first, so that only the page's risks and their assessments of the year
// are read.
func (s *server) riskList(e *core.RequestEvent, v *templates.RisksView, bands model.RiskBands, page int) error {
	filter, params := riskFilter(*v, "")
	var inCell []access.ListOption
	if v.P > 0 {
		// the risks assessed in the chosen cell that year
		cf, cp := riskFilter(*v, "risk.")
		cp["y"], cp["p"], cp["c"] = v.Year, v.P, v.C
		ids, err := access.CountByAs(e.App, e.Auth, model.RiskAssessments,
			and("year = {:y} && probability = {:p} && consequence = {:c}", cf), cp, "risk")
		if err != nil {
			return err
		}
		inCell = []access.ListOption{access.In{Field: "id", Values: keys(ids)}}
	}
	perBoard, err := access.CountByAs(e.App, e.Auth, model.Risks, filter, params, "board", inCell...)
	if err != nil {
		return err
	}
	pages := pageBoards(v.Boards, perBoard)
	if len(pages) == 0 {
		return nil
	}
	v.Page, v.Pages = min(page, len(pages)), len(pages)
	if v.Page > 1 {
		v.Prev = registerHref(*v, v.P, v.C, v.Page-1)
	}
	if v.Page < v.Pages {
		v.Next = registerHref(*v, v.P, v.C, v.Page+1)
	}
	onPage := pages[v.Page-1]
	risks, err := access.ListAs(e.App, e.Auth, model.Risks, filter, "title", 0, params,
		append(inCell, access.In{Field: "board", Values: access.IDs(onPage)})...)
	if err != nil {
		return err
	}
	assessments, err := access.ListAs(e.App, e.Auth, model.RiskAssessments, "year = {:y}", "", 0, dbx.Params{"y": v.Year},
		access.In{Field: "risk", Values: access.IDs(risks)})
	if err != nil {
		return err
	}
	ofRisk := map[string]*core.Record{}
	for _, a := range assessments {
		ofRisk[model.AsRiskAssessment(a).Risk()] = a
	}
	units, err := access.ListAs(e.App, e.Auth, model.Units, "", "", 0, nil,
		access.In{Field: model.FieldId, Values: field(risks, model.FieldRiskUnit)}, access.Fields{model.FieldUnitName})
	if err != nil {
		return err
	}
	unitNames := map[string]string{}
	for _, u := range units {
		unitNames[u.Id] = model.AsUnit(u).Name()
	}
	byBoard := map[string]*templates.RiskBoard{}
	for _, rec := range risks {
		r := model.AsRisk(rec)
		row := templates.RiskRow{Risk: rec, Unit: unitNames[r.Unit()], Assessment: ofRisk[r.Id]}
		if row.Assessment != nil {
			row.Band = bands.Band(model.AsRiskAssessment(row.Assessment).Value())
		}
		g := byBoard[r.Board()]
		if g == nil {
			g = &templates.RiskBoard{}
			byBoard[r.Board()] = g
		}
		g.Rows = append(g.Rows, row)
	}
	for _, b := range onPage {
		if g := byBoard[b.Id]; g != nil {
			g.Name = model.AsBoard(b).Name()
			slices.SortStableFunc(g.Rows, func(x, y templates.RiskRow) int { return riskValue(y) - riskValue(x) })
			v.Groups = append(v.Groups, *g)
		}
	}
	return nil
}

// pageBoards splits the boards (in their order) with risks to list into
// pages of about risksPerPage risks, never splitting a board.
func pageBoards(boards []*core.Record, risks map[string]int) [][]*core.Record {
	var pages [][]*core.Record
	var cur []*core.Record
	n := 0
	for _, b := range boards {
		c := risks[b.Id]
		if c == 0 {
			continue
		}
		if len(cur) > 0 && n+c > risksPerPage {
			pages, cur, n = append(pages, cur), nil, 0
		}
		cur, n = append(cur, b), n+c
	}
	if len(cur) > 0 {
		pages = append(pages, cur)
	}
	return pages
}

// keys are the keys of a map.
func keys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
