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

	"ikplan/internal/access"
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

// riskMatrix is the settings' matrix: its size, colour bands and the
// words of its steps.
func riskMatrix(e *core.RequestEvent) (int, model.RiskBands, model.RiskScaleWords) {
	recs, err := list(e.App, e.Auth, model.Settings, "", "created", 1, nil)
	if err != nil || len(recs) == 0 {
		return 5, model.DefaultRiskBands, model.ParseRiskWords(nil, 5)
	}
	bands := model.ParseRiskBands([]byte(model.AsSetup(recs[0]).RiskBands()))
	scale := model.RiskScale(model.AsSetup(recs[0]).RiskScale())
	return scale, bands, model.ParseRiskWords([]byte(model.AsSetup(recs[0]).RiskWords()), scale)
}

// risks handles "GET /risks": the register of the boards the user sees
// with the assessments of one year (?year, else this year or the latest
// year assessed), the matrix, and the list filtered by board, status and
// matrix cell (?board, ?status, ?p and ?c), whole boards at a time, about a
// hundred risks a page (?page).
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
	scale, bands, words := riskMatrix(e)

	boards, err := access.ListAs(e.App, e.Auth, model.Boards, "", "name", 0, nil, access.Fields{"name"})
	if err != nil {
		return v, err
	}
	v.Boards = boards
	if slices.ContainsFunc(boards, func(b *core.Record) bool { return b.Id == q.Get("board") }) {
		v.Board = q.Get("board")
	}
	if slices.Contains(model.RiskStatuses, q.Get("status")) {
		v.Status = q.Get("status")
	}
	if err := s.riskYears(e, &v, q.Get("year")); err != nil {
		return v, err
	}
	pc, pErr := strconv.Atoi(q.Get("p"))
	cc, cErr := strconv.Atoi(q.Get("c"))
	if pErr == nil && cErr == nil && pc >= 1 && pc <= scale && cc >= 1 && cc <= scale {
		v.P, v.C = pc, cc
	}
	v.AllHref = registerHref(v, 0, 0, 1)
	if v.Matrix, err = s.riskMatrixCounts(e, v, scale, bands); err != nil {
		return v, err
	}
	v.Matrix.Words = words
	if err := s.riskList(e, &v, bands, max(1, atoiOr(q.Get("page"), 1))); err != nil {
		return v, err
	}
	v.New, err = s.newRisk(e, boards)
	return v, err
}

// riskYears sets the year shown — asked for, else this year if assessed,
// else the latest year assessed — and the years to choose from: every year
// from the first assessed to the last, this year and the year shown. The
// first and last are read from an index, not from every assessment.
func (s *server) riskYears(e *core.RequestEvent, v *templates.RisksView, asked string) error {
	yearOf := func(filter, sort string) (int, error) {
		recs, err := access.ListAs(e.App, e.Auth, model.RiskAssessments, filter, sort, 1, dbx.Params{"y": s.now().Year()}, access.Fields{"year"})
		if err != nil || len(recs) == 0 {
			return 0, err
		}
		return model.AsRiskAssessment(recs[0]).Year(), nil
	}
	this := s.now().Year()
	first, err := yearOf("", "year")
	if err != nil {
		return err
	}
	last, err := yearOf("", "-year")
	if err != nil {
		return err
	}
	v.Year = this
	if y, err := strconv.Atoi(asked); err == nil && y >= 2000 && y <= 2100 {
		v.Year = y
	} else if last > 0 {
		assessed, err := yearOf("year = {:y}", "")
		if err != nil {
			return err
		}
		if assessed == 0 {
			v.Year = last
		}
	}
	years := map[int]bool{v.Year: true, this: true}
	for y := first; first > 0 && y <= last; y++ {
		years[y] = true
	}
	// and every year a plan the user sees exists for, assessed or not
	plans, err := access.ListAs(e.App, e.Auth, model.Plans, "", "", 0, nil, access.Fields{model.FieldPlanYear})
	if err != nil {
		return err
	}
	for _, pl := range model.AsPlans(plans) {
		years[pl.Year()] = true
	}
	for y := range years {
		v.Years = append(v.Years, y)
	}
	slices.SortFunc(v.Years, func(a, b int) int { return b - a })
	return nil
}

// riskFilter is the board and status filters of v on risks, with prefix
// naming the risk from another collection ("risk." from its assessments).
func riskFilter(v templates.RisksView, prefix string) (string, dbx.Params) {
	var filters []string
	params := dbx.Params{}
	if v.Board != "" {
		filters, params["b"] = append(filters, prefix+"board = {:b}"), v.Board
	}
	if v.Status != "" {
		filters, params["s"] = append(filters, prefix+"status = {:s}"), v.Status
	}
	return strings.Join(filters, " && "), params
}

// riskMatrixCounts is the matrix of the year: in each cell the number of
// risks listed (board and status filters) assessed with that probability
// and consequence, counted in SQL a consequence at a time.
func (s *server) riskMatrixCounts(e *core.RequestEvent, v templates.RisksView, scale int, bands model.RiskBands) (templates.RiskMatrix, error) {
	m := templates.RiskMatrix{Scale: scale, Yellow: bands.Yellow, Red: bands.Red}
	filter, params := riskFilter(v, "risk.")
	params["y"] = v.Year
	counts := map[[2]int]int{}
	for cons := 1; cons <= scale; cons++ {
		params["c"] = cons
		byP, err := access.CountByAs(e.App, e.Auth, model.RiskAssessments, and("year = {:y} && consequence = {:c}", filter), params, "probability")
		if err != nil {
			return m, err
		}
		for prob, n := range byP {
			if p, err := strconv.Atoi(prob); err == nil {
				counts[[2]int{p, cons}] = n
			}
		}
	}
	for prob := scale; prob >= 1; prob-- {
		row := make([]templates.MatrixCell, 0, scale)
		for cons := 1; cons <= scale; cons++ {
			cell := templates.MatrixCell{P: prob, C: cons, Count: counts[[2]int{prob, cons}],
				Band: bands.Band(model.RiskValue(prob, cons)), Current: prob == v.P && cons == v.C}
			if cell.Count > 0 {
				cell.Href = registerHref(v, prob, cons, 1)
			}
			row = append(row, cell)
		}
		m.Rows = append(m.Rows, row)
	}
	return m, nil
}

func riskValue(r templates.RiskRow) int {
	if r.Assessment == nil {
		return -1
	}
	return model.AsRiskAssessment(r.Assessment).Value()
}

// registerHref is the register of v's year and filters, narrowed to a
// matrix cell when p and c are above 0, at page (from 1), scrolled to the
// list.
func registerHref(v templates.RisksView, p, c, page int) string {
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
	if page > 1 {
		h += "&page=" + strconv.Itoa(page)
	}
	return h + "#list"
}
