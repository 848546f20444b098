package web

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// plans handles "GET /plans": the plans of a year, one row per board the
// user sees (a board without a plan says so, with a way to create one for
// its coordinators), each plan with its readiness.
func (s *server) plans(e *core.RequestEvent) error {
	v, err := s.plansView(e)
	if err != nil {
		return err
	}
	if q := e.Request.URL.Query(); q.Get("board") != "" {
		// from a board's "create a plan" link: the form asks for that board and year
		v.NewBoard, v.NewYear = q.Get("board"), cmp.Or(v.Year, v.NewYear)
	}
	p := s.page(e, "", "plans")
	p.Title = p.T("plans.title")
	return s.render(e, http.StatusOK, p, templates.Plans(p, v), nil)
}

// pickYear is the year the plans list shows ("" for every year): the one
// asked for when the list offers it (sorted: the years with plans and this
// year, newest first), every year when asked for, else this year if it
// has plans, else the newest year that has, else this year.
func pickYear(asked string, years map[string]int, sorted []string, thisYear int) string {
	switch {
	case asked != "" && slices.Contains(sorted, asked):
		return asked
	case asked == "all":
		return ""
	case years[itoa(thisYear)] > 0:
		return itoa(thisYear)
	}
	for _, y := range sorted {
		if years[y] > 0 {
			return y
		}
	}
	return itoa(thisYear)
}

func (s *server) plansView(e *core.RequestEvent) (templates.PlansView, error) {
	var v templates.PlansView
	boards, err := list(e.App, e.Auth, model.Boards, "", "name", 0, nil)
	if err != nil {
		return v, err
	}
	names := map[string]string{}
	for _, b := range boards {
		names[b.Id] = model.AsBoard(b).Name()
	}
	// the years with plans the user sees, and this year: a year at a time
	years, err := access.CountByAs(e.App, e.Auth, model.Plans, "", nil, "year")
	if err != nil {
		return v, err
	}
	thisYear := s.now().Year()
	for y := range years {
		v.Years = append(v.Years, y)
	}
	if years[itoa(thisYear)] == 0 {
		v.Years = append(v.Years, itoa(thisYear))
	}
	slices.SortFunc(v.Years, func(a, b string) int { return cmp.Compare(atoiOr(b, 0), atoiOr(a, 0)) })
	v.Year = pickYear(e.Request.URL.Query().Get("year"), years, v.Years, thisYear)
	filter, params := "", dbx.Params{}
	if v.Year != "" {
		filter, params["year"] = "year = {:year}", atoiOr(v.Year, 0)
	}
	plans, err := list(e.App, e.Auth, model.Plans, filter, "-year,board.name", 0, params)
	if err != nil {
		return v, err
	}
	// how far each has come, from the same records the plan page reads:
	// the controls the user may see among them (a reader's count leaves out
	// the confidential ones)
	ready, err := model.PlansReadinessAs(e.App, e.Auth, plans, s.now())
	if err != nil {
		return v, err
	}
	// the boards the user may create a plan for: coordinators of the board
	col, err := e.App.FindCachedCollectionByNameOrId(model.Plans)
	if err != nil {
		return v, err
	}
	probe := core.NewRecord(col)
	model.AsPlan(probe).SetYear(cmp.Or(atoiOr(v.Year, 0), thisYear))
	may := access.MayCreateWith(e.App, e.Auth, probe, "board", access.IDs(boards))
	for _, b := range boards {
		if may[b.Id] {
			v.Boards = append(v.Boards, b)
		}
	}
	row := func(pl *core.Record) templates.PlanRow {
		return templates.PlanRow{Plan: pl, Board: names[model.AsPlan(pl).Board()], Controls: ready[pl.Id].Controls, Ready: ready[pl.Id]}
	}
	if v.Year == "" {
		for _, pl := range plans {
			v.Rows = append(v.Rows, row(pl))
		}
	} else {
		// every board of the year, its plan or the lack of one
		year := atoiOr(v.Year, 0)
		byBoard := map[string]*core.Record{}
		for _, pl := range plans {
			byBoard[model.AsPlan(pl).Board()] = pl
		}
		for _, b := range boards {
			if pl := byBoard[b.Id]; pl != nil {
				v.Rows = append(v.Rows, row(pl))
			} else if model.BoardActiveIn(b, year) {
				v.Rows = append(v.Rows, templates.PlanRow{Board: model.AsBoard(b).Name(), BoardId: b.Id, Year: year, CanCreate: may[b.Id]})
			}
		}
	}
	v.NewYear = itoa(thisYear + 1)
	return v, nil
}

// planCreate handles "POST /plans": a new draft.
func (s *server) planCreate(e *core.RequestEvent) error {
	col, err := e.App.FindCachedCollectionByNameOrId(model.Plans)
	if err != nil {
		return err
	}
	r := core.NewRecord(col)
	model.AsPlan(r).SetBoard(e.Request.FormValue("board"))
	r.Set(model.FieldPlanYear, strings.TrimSpace(e.Request.FormValue("year"))) // as typed: the hooks name a bad year
	model.AsPlan(r).SetTitle(strings.TrimSpace(e.Request.FormValue("title")))
	if model.AsPlan(r).Board() == "" {
		// no board chosen: the server's own validation names what is
		// missing (the create rule, which asks for a board of the user's,
		// would answer only "forbidden"); as a draft, as the create hook
		// makes every new plan, so that only the form's fields are named
		model.AsPlan(r).SetStatus(model.PlanDraft)
		if err = e.App.Validate(r); err == nil {
			err = errForbidden // the schema requires a board: not reached
		}
	} else {
		err = save(e.App, e.Auth, r)
	}
	if err == nil {
		// the plan by its own title, or as the board's plan of the year
		if title := model.AsPlan(r).Title(); title != "" {
			return done(e, "/plans/"+r.Id, i18n.M("flash.plan_created", "title", title, "year", model.AsPlan(r).Year()))
		}
		board, text := "", ""
		if b, err := e.App.FindRecordById(model.Boards, model.AsPlan(r).Board()); err == nil {
			board, text = model.AsBoard(b).Name(), model.BoardInText(b)
		}
		return done(e, "/plans/"+r.Id, i18n.M("flash.plan_created_board", "board", board, "board_text", text, "year", model.AsPlan(r).Year()))
	}
	errs, ok := formErrors(lang(e), err, "board", "year", "title")
	if !ok {
		if isForbidden(err) {
			return s.errorPage(e, http.StatusForbidden)
		}
		return err
	}
	v, verr := s.plansView(e)
	if verr != nil {
		return verr
	}
	v.Errors, v.NewBoard, v.NewYear, v.NewTitle = errs, e.Request.FormValue("board"), e.Request.FormValue("year"), e.Request.FormValue("title")
	p := s.page(e, "", "plans")
	p.Title, p.Error = p.T("plans.title"), true
	return s.render(e, http.StatusUnprocessableEntity, p, templates.Plans(p, v), nil)
}
