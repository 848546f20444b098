package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/carry"
	"ikplan/internal/model"
	"ikplan/templates"
)

func (s *server) bindCarryRoutes(g *groupRouter) {
	g.GET("/plans/{id}/next", s.planNext)
	g.POST("/plans/{id}/next", s.planNextApply)
	g.GET("/boards/{id}/transfer", s.boardTransfer)
	g.POST("/boards/{id}/transfer", s.boardTransferApply)
}

// mayCarry reports whether the user may make next year's plan from plan:
// the plans' create rule decides, asked for the new draft.
func mayCarry(app core.App, user *core.Record, plan *core.Record) bool {
	probe := model.AsPlan(core.NewRecord(plan.Collection()))
	probe.SetBoard(model.AsPlan(plan).Board())
	probe.SetYear(model.AsPlan(plan).Year() + 1)
	probe.SetStatus(model.PlanDraft)
	return access.MayCreate(app, user, probe.Record)
}

// carryOffer is what a plan's page offers: next year's plan from an adopted
// or reported plan, and the transfer to the board's successor. board is
// the plan's board as the user may view it (nil when they may not).
func (s *server) carryOffer(e *core.RequestEvent, rec, board *core.Record) templates.CarryOffer {
	var o templates.CarryOffer
	plan := model.AsPlan(rec)
	st := plan.Status()
	if (st == model.PlanAdopted || st == model.PlanReported) && mayCarry(e.App, e.Auth, rec) {
		o.NextYear = plan.Year() + 1
		next, _ := list(e.App, e.Auth, model.Plans, "board = {:b} && year = {:y}", "", 1,
			dbx.Params{"b": plan.Board(), "y": o.NextYear})
		if len(next) > 0 {
			o.Existing = next[0].Id
		}
	}
	if board != nil {
		if succ := mayTransfer(e.App, e.Auth, board); succ != nil {
			o.Transfer, o.Successor = board.Id, model.BoardInTextIn(lang(e), succ)
		}
	}
	return o
}

// planNext handles "GET /plans/{id}/next": the preview of next year's plan.
func (s *server) planNext(e *core.RequestEvent) error {
	plan, err := view(e.App, e.Auth, model.Plans, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	if !mayCarry(e.App, e.Auth, plan) {
		return s.errorPage(e, http.StatusForbidden)
	}
	pv, err := carry.Preview(e.App, plan.Id)
	if r := carry.AsRefusal(err); r != nil {
		return s.messagePage(e, http.StatusConflict, i18nT(e, "carry.refused"), r.Text(lang(e)))
	} else if err != nil {
		return err
	}
	v, err := s.nextView(e, plan, pv, nil)
	if err != nil {
		return err
	}
	p := s.page(e, "", "plans")
	p.Title = p.T("carry.title", pv.NextYear) + " – " + v.Board
	return s.render(e, http.StatusOK, p, templates.NextPlan(p, v), nil)
}

// planNextApply handles "POST /plans/{id}/next": make the draft and carry
// out the decisions, or show the refusals beside each action's fields.
func (s *server) planNextApply(e *core.RequestEvent) error {
	plan, err := view(e.App, e.Auth, model.Plans, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	if !mayCarry(e.App, e.Auth, plan) {
		return s.errorPage(e, http.StatusForbidden)
	}
	if err := e.Request.ParseForm(); err != nil {
		return s.errorPage(e, http.StatusBadRequest)
	}
	boards := s.transferBoards(e, plan)
	allowed := map[string]bool{}
	for _, b := range boards {
		allowed[b.Id] = true
	}
	decisions := map[string]carry.Decision{}
	for key, vals := range e.Request.PostForm {
		id, ok := strings.CutPrefix(key, "decision-")
		if !ok || len(vals) == 0 {
			continue
		}
		d := carry.Decision{Kind: vals[0], Reason: e.Request.PostForm.Get("reason-" + id)}
		// only a board the user may see can take an action over
		if b := e.Request.PostForm.Get("board-" + id); allowed[b] {
			d.Board = b
		}
		decisions[id] = d
	}
	newId, err := carry.Apply(e.App, model.ActorFromAuth(e.Auth), plan.Id, decisions)
	if err == nil {
		return done(e, "/plans/"+newId, carriedFlash(e.App, newId))
	}
	r := carry.AsRefusal(err)
	if r == nil {
		return err
	}
	pv, perr := carry.Preview(e.App, plan.Id)
	if perr != nil {
		return s.messagePage(e, http.StatusConflict, i18nT(e, "carry.refused"), r.Text(lang(e)))
	}
	v, verr := s.nextView(e, plan, pv, e.Request.PostForm)
	if verr != nil {
		return verr
	}
	v.Errors, v.Summary = carryErrors(lang(e), r, pv)
	p := s.page(e, "", "plans")
	p.Title, p.Error = p.T("carry.title", pv.NextYear)+" – "+v.Board, true
	return s.render(e, http.StatusUnprocessableEntity, p, templates.NextPlan(p, v), nil)
}

// carryErrors turns a refusal into the messages beside each action's
// fields and the error summary: the refusal first, then each message with
// the action it concerns.
func carryErrors(lang string, r *carry.Refusal, pv carry.Proposal) (fields, summary templates.Errors) {
	at := "decisions"
	if pv.Existing != nil {
		at = "next-exists"
	}
	summary = templates.Errors{{Field: at, Message: r.Text(lang)}}
	for _, a := range pv.Unfinished {
		for _, f := range []string{"decision-", "reason-", "board-"} {
			if m, ok := r.FieldText(lang, f+a.Id); ok {
				fields = append(fields, templates.FieldError{Field: f + a.Id, Message: m})
				summary = append(summary, templates.FieldError{Field: f + a.Id, Message: shortQuote(a.Description()) + ": " + m})
			}
		}
	}
	return fields, summary
}

// shortQuote is the start of an action's description, quoted, to name it.
func shortQuote(s string) string {
	const n = 50
	if r := []rune(s); len(r) > n {
		s = string(r[:n]) + "…"
	}
	return "”" + s + "”"
}

// transferBoards are the boards the user may see other than the plan's:
// where an unfinished action may be transferred.
func (s *server) transferBoards(e *core.RequestEvent, plan *core.Record) []*core.Record {
	boards, _ := list(e.App, e.Auth, model.Boards, "id != {:b}", "name", 0, dbx.Params{"b": model.AsPlan(plan).Board()})
	return boards
}

// nextView builds the preview page; form holds the values a refused POST sent.
func (s *server) nextView(e *core.RequestEvent, plan *core.Record, pv carry.Proposal, form map[string][]string) (templates.NextPlanView, error) {
	v := templates.NextPlanView{Plan: plan, Board: pv.Board.Name(), Proposal: pv, Names: map[string]string{}}
	v.Boards = s.transferBoards(e, plan)
	for _, b := range v.Boards {
		v.Names[b.Id] = model.BoardInTextIn(lang(e), b)
	}
	for _, a := range pv.Transferred {
		if id := a.TransferredTo(); v.Names[id] == "" {
			v.Names[id] = i18nT(e, "carry.other_board") // a board the user does not belong to
		}
	}
	owners := s.userNames(e, append(ids(pv.Controls, (*model.Control).Owner), ids(pv.Unfinished, (*model.Action).Owner)...))
	noOwner := map[string]bool{}
	for _, c := range pv.NoOwner {
		noOwner[c.Id] = true
	}
	labels := map[string]string{}
	for _, c := range pv.Controls {
		due := ""
		if d := c.Due(); !d.IsZero() {
			due = carry.AddYears(d.Time(), 1).Format(time.DateOnly)
		}
		v.Controls = append(v.Controls, templates.NextControl{Control: c, Owner: owners[c.Owner()], Due: due, NoOwner: noOwner[c.Id]})
		labels[c.Id] = strconv.Itoa(c.Number()) + " " + c.Title()
	}
	get := func(key string) string {
		if vals := form[key]; len(vals) > 0 {
			return vals[0]
		}
		return ""
	}
	for _, a := range pv.Unfinished {
		v.Actions = append(v.Actions, templates.NextAction{
			Action: a, Control: labels[a.Control()], Owner: owners[a.Owner()],
			Decision: get("decision-" + a.Id), Reason: get("reason-" + a.Id), Board: get("board-" + a.Id),
		})
	}
	return v, nil
}
