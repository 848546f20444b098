package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/templates"
)

func (s *server) bindRiskRoutes(g *groupRouter) {
	g.GET("/risks", s.risks)
	g.POST("/risks", s.riskCreate)
	g.GET("/risks/{id}", s.risk)
	g.POST("/risks/{id}/assessments", s.riskAssess)
	g.POST("/risks/{id}/control", s.riskToControl)
}

// fragmentFor is c when an htmx request targets the element with that id,
// so a request that only wants the whole page (a boosted link, HX-Location
// after a save, a history restore) never gets a fragment.
func fragmentFor(e *core.RequestEvent, target string, c templ.Component) templ.Component {
	e.Response.Header().Add("Vary", "HX-Target")
	if e.Request.Header.Get("HX-Target") != target {
		return nil
	}
	return c
}

// riskMatrix is the settings' matrix: its size and colour bands.
func riskMatrix(e *core.RequestEvent) (int, model.RiskBands) {
	recs, err := list(e.App, e.Auth, model.Settings, "", "created", 1, nil)
	if err != nil || len(recs) == 0 {
		return 5, model.DefaultRiskBands
	}
	bands := model.ParseRiskBands([]byte(recs[0].GetString("risk_bands")))
	return model.RiskScale(recs[0].GetInt("risk_scale")), bands
}

// risks handles "GET /risks": the register of the boards the user sees
// with the assessments of one year (?year, else this year or the latest
// year assessed), the matrix, and the list filtered by board, status and
// matrix cell (?board, ?status, ?p and ?c).
func (s *server) risks(e *core.RequestEvent) error {
	v, err := s.risksView(e)
	if err != nil {
		return err
	}
	p := s.page(e, "", "risks")
	p.Title = p.T("risks.title")
	return s.render(e, http.StatusOK, p, templates.Risks(p, v), fragmentFor(e, "register", templates.RiskRegister(p, v)))
}

func (s *server) risksView(e *core.RequestEvent) (templates.RisksView, error) {
	var v templates.RisksView
	q := e.Request.URL.Query()
	scale, bands := riskMatrix(e)

	boards, err := list(e.App, e.Auth, model.Boards, "", "name", 0, nil)
	if err != nil {
		return v, err
	}
	v.Boards = boards
	boardNames := map[string]string{}
	for _, b := range boards {
		boardNames[b.Id] = b.GetString("name")
	}
	if _, ok := boardNames[q.Get("board")]; ok {
		v.Board = q.Get("board")
	}
	if slices.Contains(model.RiskStatuses, q.Get("status")) {
		v.Status = q.Get("status")
	}

	// the year: asked for, else this year, else the latest assessed
	assessments, err := list(e.App, e.Auth, model.RiskAssessments, "", "-year", 0, nil)
	if err != nil {
		return v, err
	}
	assessed := map[int]bool{}
	for _, a := range assessments {
		assessed[a.GetInt("year")] = true
	}
	v.Year = s.now().Year()
	if y, err := strconv.Atoi(q.Get("year")); err == nil && y >= 2000 && y <= 2100 {
		v.Year = y
	} else if !assessed[v.Year] && len(assessments) > 0 {
		v.Year = assessments[0].GetInt("year")
	}
	assessed[v.Year], assessed[s.now().Year()] = true, true
	for y := range assessed {
		v.Years = append(v.Years, y)
	}
	slices.SortFunc(v.Years, func(a, b int) int { return b - a })
	ofYear := map[string]*core.Record{}
	for _, a := range assessments {
		if a.GetInt("year") == v.Year {
			ofYear[a.GetString("risk")] = a
		}
	}

	// the risks, with the board and status filters
	var filters []string
	params := dbx.Params{}
	if v.Board != "" {
		filters, params["b"] = append(filters, "board = {:b}"), v.Board
	}
	if v.Status != "" {
		filters, params["s"] = append(filters, "status = {:s}"), v.Status
	}
	risks, err := list(e.App, e.Auth, model.Risks, strings.Join(filters, " && "), "title", 0, params)
	if err != nil {
		return v, err
	}
	units, err := list(e.App, e.Auth, model.Units, "", "name", 0, nil)
	if err != nil {
		return v, err
	}
	unitNames := map[string]string{}
	for _, u := range units {
		unitNames[u.Id] = u.GetString("name")
	}

	// the matrix counts every risk listed; the cell, if chosen, filters the list
	v.Matrix = templates.RiskMatrix{Scale: scale, Yellow: bands.Yellow, Red: bands.Red}
	counts := map[[2]int]int{}
	for _, r := range risks {
		if a := ofYear[r.Id]; a != nil {
			counts[[2]int{a.GetInt("probability"), a.GetInt("consequence")}]++
		}
	}
	pc, pErr := strconv.Atoi(q.Get("p"))
	cc, cErr := strconv.Atoi(q.Get("c"))
	if pErr == nil && cErr == nil && pc >= 1 && pc <= scale && cc >= 1 && cc <= scale {
		v.P, v.C = pc, cc
	}
	v.AllHref = registerHref(v, 0, 0)
	for prob := scale; prob >= 1; prob-- {
		row := make([]templates.MatrixCell, 0, scale)
		for cons := 1; cons <= scale; cons++ {
			cell := templates.MatrixCell{P: prob, C: cons, Count: counts[[2]int{prob, cons}],
				Band: bands.Band(model.RiskValue(prob, cons)), Current: prob == v.P && cons == v.C}
			if cell.Count > 0 {
				cell.Href = registerHref(v, prob, cons)
			}
			row = append(row, cell)
		}
		v.Matrix.Rows = append(v.Matrix.Rows, row)
	}

	// the list, per board, the highest risk value first
	byBoard := map[string]*templates.RiskBoard{}
	for _, r := range risks {
		a := ofYear[r.Id]
		if v.P > 0 && (a == nil || a.GetInt("probability") != v.P || a.GetInt("consequence") != v.C) {
			continue
		}
		row := templates.RiskRow{Risk: r, Unit: unitNames[r.GetString("unit")], Assessment: a}
		if a != nil {
			row.Band = bands.Band(a.GetInt("value"))
		}
		g := byBoard[r.GetString("board")]
		if g == nil {
			g = &templates.RiskBoard{Name: boardNames[r.GetString("board")]}
			byBoard[r.GetString("board")] = g
		}
		g.Rows = append(g.Rows, row)
	}
	for _, b := range boards {
		g := byBoard[b.Id]
		if g == nil {
			continue
		}
		slices.SortStableFunc(g.Rows, func(x, y templates.RiskRow) int { return riskValue(y) - riskValue(x) })
		v.Groups = append(v.Groups, *g)
	}

	v.New = s.newRisk(e, boards, units, boardNames)
	return v, nil
}

func riskValue(r templates.RiskRow) int {
	if r.Assessment == nil {
		return -1
	}
	return r.Assessment.GetInt("value")
}

// registerHref is the register of v's year and filters, narrowed to a
// matrix cell when p and c are above 0, scrolled to the list.
func registerHref(v templates.RisksView, p, c int) string {
	h := "/risks?year=" + strconv.Itoa(v.Year)
	if p > 0 && c > 0 {
		h += "&p=" + strconv.Itoa(p) + "&c=" + strconv.Itoa(c)
	}
	if v.Board != "" {
		h += "&board=" + url.QueryEscape(v.Board)
	}
	if v.Status != "" {
		h += "&status=" + url.QueryEscape(v.Status)
	}
	return h + "#list"
}
