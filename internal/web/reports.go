package web

import (
	"bytes"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/templates"
)

func (s *server) bindReportRoutes(g *groupRouter) {
	g.GET("/reports/followup", s.reportFollowUp)
	g.GET("/reports/plan", s.reportPlan)
	g.GET("/reports/rollup", s.reportRollUp)
	g.GET("/reports/memo", s.reportMemo)
	g.GET("/reports/{kind}/download", s.reportDownload)
}

// reportFollowUp handles "GET /reports/followup?board=ID&year=Y[&public=1]":
// the follow-up report of a board's plan, previewed in the page.
func (s *server) reportFollowUp(e *core.RequestEvent) error {
	return s.reportPreview(e, templates.ReportFollowUp)
}

// reportPlan handles "GET /reports/plan?board=ID&year=Y[&public=1]": the plan
// document, previewed in the page.
func (s *server) reportPlan(e *core.RequestEvent) error {
	return s.reportPreview(e, templates.ReportPlan)
}

// reportRollUp handles "GET /reports/rollup?year=Y[&public=1]": the roll-up
// of the boards the user may see, previewed in the page.
func (s *server) reportRollUp(e *core.RequestEvent) error {
	return s.reportPreview(e, templates.ReportRollUp)
}

// reportMemo handles "GET /reports/memo?board=ID&year=Y[&public=1]": the
// tjänsteskrivelse that carries the follow-up of a board's plan to the
// board, previewed in the page, to whoever may read the follow-up, in the
// UI's language.
func (s *server) reportMemo(e *core.RequestEvent) error {
	return s.reportPreview(e, templates.ReportMemo)
}

// reportDownload handles "GET /reports/{kind}/download?board=ID&year=Y&format=F[&public=1]":
// the document as a file to save, in a registered format.
func (s *server) reportDownload(e *core.RequestEvent) error {
	kind := e.Request.PathValue("kind")
	if !slices.Contains(templates.ReportKinds, kind) {
		return s.errorPage(e, http.StatusNotFound)
	}
	format := strings.ToLower(e.Request.URL.Query().Get("format"))
	if err := report.CheckFormat(format); err != nil {
		p := s.page(e, "", "plans")
		return s.messagePage(e, http.StatusBadRequest, p.T("error.bad_request"), report.RefusalText(err, lang(e)))
	}
	v, status, err := s.reportView(e, kind)
	if err != nil || status != http.StatusOK {
		return s.reportRefused(e, status, err)
	}
	if v.Doc == nil {
		return s.reportRefused(e, http.StatusNotFound, errNoPlan(v.Message))
	}
	var buf bytes.Buffer
	if err := report.Write(format, &buf, v.Doc); err != nil {
		return err
	}
	h := e.Response.Header()
	h.Set("Content-Type", report.ContentType(format))
	h.Set("Content-Disposition", `attachment; filename="`+v.FileName+"."+format+`"`)
	h.Set("Cache-Control", "no-store")
	e.Response.WriteHeader(http.StatusOK)
	_, err = e.Response.Write(buf.Bytes())
	return err
}

// reportPreview shows a document inside the page, with its downloads.
func (s *server) reportPreview(e *core.RequestEvent, kind string) error {
	v, status, err := s.reportView(e, kind)
	if err != nil || status != http.StatusOK {
		return s.reportRefused(e, status, err)
	}
	p := s.page(e, "", "plans")
	p.Title = v.Title(p)
	return s.render(e, http.StatusOK, p, templates.Report(p, v), nil)
}

// errNoPlan is a board without a plan for the year asked.
type errNoPlan string

func (e errNoPlan) Error() string { return string(e) }

// reportRefused answers a document that cannot be made: the refusal's
// Swedish sentence with its status, or the plain error page.
func (s *server) reportRefused(e *core.RequestEvent, status int, err error) error {
	var noPlan errNoPlan
	if err != nil && !report.IsRefusal(err) && !errors.As(err, &noPlan) {
		return err
	}
	p := s.page(e, "", "plans")
	if err == nil {
		return s.errorPage(e, status)
	}
	heading := p.T("reports.refused")
	if status == http.StatusNotFound {
		heading = p.T("error.not_found")
	}
	return s.messagePage(e, status, heading, report.RefusalText(err, lang(e)))
}

// reportView builds the document the request asks for. The user must be
// allowed to view the board's plan (for the roll-up: the plans of the
// boards they may list); whoever cannot see every control of it — a
// reader, under the API rules — always gets the public version. A status
// other than 200 with a nil error is a plain error page.
func (s *server) reportView(e *core.RequestEvent, kind string) (templates.ReportView, int, error) {
	q := e.Request.URL.Query()
	v := templates.ReportView{Kind: kind, Formats: report.Formats(), Public: q.Get("public") == "1"}
	if kind == templates.ReportRollUp {
		return s.rollUpView(e, v)
	}
	year, err := strconv.Atoi(q.Get("year"))
	if err != nil || year < 2000 || year > 2100 {
		return v, http.StatusBadRequest, nil
	}
	board, err := view(e.App, e.Auth, model.Boards, q.Get("board"))
	if err != nil {
		return v, http.StatusNotFound, nil
	}
	plans, err := list(e.App, e.Auth, model.Plans, "board = {:b} && year = {:y}", "", 1, dbx.Params{"b": board.Id, "y": year})
	if err != nil {
		return v, 0, err
	}
	if len(plans) == 0 {
		return v, http.StatusNotFound, errNoPlan(i18nT(e, "reports.no_plan", model.AsBoard(board).Name(), year))
	}
	v.Plan, v.Board, v.Year = plans[0], board.Id, year
	full, err := seesEveryControl(e, plans)
	if err != nil {
		return v, 0, err
	}
	v.CanChoose = full
	v.Public = v.Public || !full
	name := report.Slug(model.AsBoard(board).Name()) + "-" + strconv.Itoa(year)
	// the document holds the controls this person's pages show (the public
	// version: of them, the public ones)
	version := model.Version{User: e.Auth, Public: v.Public}
	switch kind {
	case templates.ReportPlan:
		v.Doc, err = report.PlanDocIn(e.App, version, board.Id, year)
		v.FileName = "internkontrollplan-" + name
	case templates.ReportMemo:
		v.Doc, err = report.MemoIn(e.App, version, board.Id, year, lang(e), s.now())
		v.FileName = "tjansteskrivelse-" + name
		if lang(e) == i18n.En {
			v.FileName += "-en"
		}
	default:
		v.Doc, err = report.FollowUpIn(e.App, version, board.Id, year)
		v.FileName = "uppfoljning-" + name
	}
	if v.Public {
		v.FileName += "-offentlig"
	}
	if errors.Is(err, report.ErrNoResults) {
		return v, http.StatusConflict, err
	}
	if err != nil {
		return v, http.StatusNotFound, err
	}
	return v, http.StatusOK, nil
}

// rollUpView builds the roll-up over the boards the user may list, for the
// year asked, or else the latest year they have a plan for. A year without
// any plan they see gives no document but a message.
func (s *server) rollUpView(e *core.RequestEvent, v templates.ReportView) (templates.ReportView, int, error) {
	boards, err := list(e.App, e.Auth, model.Boards, "", "name", 0, nil)
	if err != nil {
		return v, 0, err
	}
	plans, err := list(e.App, e.Auth, model.Plans, "", "-year", 0, nil)
	if err != nil {
		return v, 0, err
	}
	for _, pl := range plans {
		if y := model.AsPlan(pl).Year(); !slices.Contains(v.Years, y) {
			v.Years = append(v.Years, y)
		}
	}
	v.Year, err = strconv.Atoi(e.Request.URL.Query().Get("year"))
	switch {
	case e.Request.URL.Query().Get("year") == "" && len(v.Years) > 0:
		v.Year = v.Years[0]
	case err != nil || v.Year < 2000 || v.Year > 2100:
		return v, http.StatusBadRequest, nil
	}
	var ofYear []*core.Record
	for _, pl := range plans {
		if model.AsPlan(pl).Year() == v.Year {
			ofYear = append(ofYear, pl)
		}
	}
	full, err := seesEveryControl(e, ofYear)
	if err != nil {
		return v, 0, err
	}
	v.CanChoose = full
	v.Public = v.Public || !full
	v.FileName = "sammanstallning-" + strconv.Itoa(v.Year)
	if v.Public {
		v.FileName += "-offentlig"
	}
	v.Doc, err = report.RollUpOf(e.App, boards, v.Year, model.Version{User: e.Auth, Public: v.Public}, s.now())
	if errors.Is(err, report.ErrNoPlan) {
		// a year without plans is an empty roll-up: the page says so and
		// offers the years there are
		v.Doc, v.Message = nil, report.RefusalText(err, lang(e))
		return v, http.StatusOK, nil
	}
	if err != nil {
		return v, 0, err
	}
	return v, http.StatusOK, nil
}

// seesEveryControl reports whether the API rules let the user see every
// control of the plans; only then may they choose the internal version.
func seesEveryControl(e *core.RequestEvent, plans []*core.Record) (bool, error) {
	for _, pl := range plans {
		seen, err := list(e.App, e.Auth, model.Controls, "plan = {:p}", "", 0, dbx.Params{"p": pl.Id})
		if err != nil {
			return false, err
		}
		all, err := e.App.CountRecords(model.Controls, dbx.HashExp{"plan": pl.Id})
		if err != nil {
			return false, err
		}
		if int64(len(seen)) != all {
			return false, nil
		}
	}
	return true, nil
}
