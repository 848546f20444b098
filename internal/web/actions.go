package web

import (
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/templates"
)

func (s *server) bindActionRoutes(g *groupRouter) {
	g.GET("/actions", s.actions)
	g.GET("/actions/{id}/status", s.actionStatusPage)
	g.POST("/actions/{id}/status", s.actionStatus)
	g.GET("/history", s.historyLog)
	g.GET("/history/{collection}/{id}", s.history)
	g.GET("/search", s.search)
}

// actions handles "GET /actions": every action the user may see, filtered
// by board, plan year, status, owner and overdue, a hundred a page. The
// filter form swaps only the table.
func (s *server) actions(e *core.RequestEvent) error {
	v, err := s.actionsView(e, e.Request.URL.Query())
	if err != nil {
		return err
	}
	p := s.page(e, "", "actions")
	p.Title = p.T("actions.title")
	return s.render(e, http.StatusOK, p, templates.Actions(p, v), templates.ActionsFiltered(p, v))
}

// actionsPerPage is how many actions a page of /actions shows.
const actionsPerPage = 100

// actionsCounted is how many actions past the page's start the page counts
// exactly; beyond that it says "more than", unless asked to count them all
// (?count=all): counting every action of thirty boards cost more than the
// rest of the page.
const actionsCounted = 1000

func (s *server) actionsView(e *core.RequestEvent, q url.Values) (templates.ActionsView, error) {
	var v templates.ActionsView
	o, err := s.actionOptions(e, q)
	if err != nil {
		return v, err
	}
	v.Boards, v.Years, v.Owners, v.OwnersByBoard = o.boards, o.years, o.owners, o.ownersByBoard
	v.Filters, v.Ignored = parseActionFilters(e, q, o)
	l, err := s.actionLister(e, v.Filters, o)
	if err != nil {
		return v, err
	}
	page := max(1, atoiOr(q.Get("page"), 1))
	limit := (page-1)*actionsPerPage + actionsCounted
	if q.Get("count") == "all" {
		limit = 0
	}
	if v.Total, v.More, err = l.count(limit); err != nil {
		return v, err
	}
	v.Pages = max(1, (v.Total+actionsPerPage-1)/actionsPerPage)
	v.Page = page
	if !v.More {
		v.Page = min(page, v.Pages)
	}
	var actions []*core.Record
	if !v.More && v.Total <= actionsPerPage {
		actions, err = l.all()
	} else {
		actions, err = l.page((v.Page-1)*actionsPerPage, actionsPerPage)
	}
	if err != nil {
		return v, err
	}
	if err := l.lookUp(field(actions, model.FieldActionPlan)); err != nil {
		return v, err
	}
	last := v.Pages
	if v.More {
		last = v.Page + 1
	}
	// a status form returns to this page of the list, with its filters
	if v.Rows, err = s.actionRows(e, actions, l.plans, &o, pageLink(q, v.Page, last)); err != nil {
		return v, err
	}
	v.Prev, v.Next = pageLink(q, v.Page-1, last), pageLink(q, v.Page+1, last)
	if v.More {
		all := url.Values{}
		for k, vals := range q {
			all[k] = vals
		}
		all.Set("count", "all")
		v.CountHref = pageLink(all, v.Page, v.Page)
	}
	return v, nil
}

// actionRows are the rows of the given actions: their controls, boards,
// years (from plans, which holds the actions' plans) and owners, and
// whether the user may change each, in one query each; a status form
// returns to back. The names of the boards and people the options already
// hold are not asked for again.
func (s *server) actionRows(e *core.RequestEvent, actions []*core.Record, plans map[string]*core.Record, o *actionOptions, back string) ([]templates.ActionRow, error) {
	if len(actions) == 0 {
		return nil, nil
	}
	controls, err := access.ListAs(e.App, e.Auth, model.Controls, "", "", 0, nil,
		access.In{Field: "id", Values: field(actions, model.FieldActionControl)}, access.Fields{"title"})
	if err != nil {
		return nil, err
	}
	lk := actionLookup{plans: plans, controls: byId(controls)}
	if o != nil {
		lk.boards, lk.owners = o.boardNames, map[string]string{}
		var unnamed []string
		for _, id := range field(actions, model.FieldActionOwner) {
			if name, ok := o.userNames[id]; ok {
				lk.owners[id] = name
			} else {
				unnamed = append(unnamed, id)
			}
		}
		if len(unnamed) > 0 {
			maps.Copy(lk.owners, s.userNames(e, unnamed))
		}
	} else {
		var boardIds []string
		for _, id := range field(actions, model.FieldActionPlan) {
			if pl := plans[id]; pl != nil {
				boardIds = append(boardIds, model.AsPlan(pl).Board())
			}
		}
		boards, err := access.ListAs(e.App, e.Auth, model.Boards, "", "", 0, nil,
			access.In{Field: "id", Values: boardIds}, access.Fields{"name"})
		if err != nil {
			return nil, err
		}
		lk.boards, lk.owners = map[string]string{}, s.userNames(e, field(actions, model.FieldActionOwner))
		for _, b := range boards {
			lk.boards[b.Id] = model.AsBoard(b).Name()
		}
	}
	mayUpdate, err := access.Allowed(e.App, e.Auth, model.Actions, col(e, model.Actions).UpdateRule, access.IDs(actions))
	if err != nil {
		return nil, err
	}
	rows := make([]templates.ActionRow, 0, len(actions))
	for _, a := range actions {
		row := s.actionRow(a, lk)
		row.Status = s.actionStatusView(a, lk.plans[model.AsAction(a).Plan()], mayUpdate[a.Id], back)
		rows = append(rows, row)
	}
	return rows, nil
}

// actionLookup is what an action's row shows of other records, by id.
type actionLookup struct {
	plans, controls map[string]*core.Record
	boards, owners  map[string]string // names
}

// actionRow is an action's row: its control, board, year and owner.
func (s *server) actionRow(a *core.Record, lk actionLookup) templates.ActionRow {
	row := templates.ActionRow{
		Action:  a,
		Control: lk.controls[model.AsAction(a).Control()],
		Owner:   lk.owners[model.AsAction(a).Owner()],
	}
	if pl := lk.plans[model.AsAction(a).Plan()]; pl != nil {
		row.Year, row.Board = model.AsPlan(pl).Year(), lk.boards[model.AsPlan(pl).Board()]
	}
	return row
}

// pageLink is the address of page n of /actions with the same filters, or
// "" when there is no such page (below 1 or above last).
func pageLink(q url.Values, n, last int) string {
	if n < 1 || n > last {
		return ""
	}
	keep := url.Values{}
	for _, k := range []string{"board", "year", "status", "owner", "overdue"} {
		if v := q.Get(k); v != "" {
			keep.Set(k, v)
		}
	}
	if q.Get("count") == "all" {
		keep.Set("count", "all")
	}
	if n > 1 {
		keep.Set("page", strconv.Itoa(n))
	}
	if len(keep) == 0 {
		return "/actions"
	}
	return "/actions?" + keep.Encode()
}

// atoiOr is s as a number, or def when it is not one.
func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		return n
	}
	return def
}

// col is the collection by name; ikplan's collections always exist.
func col(e *core.RequestEvent, name string) *core.Collection {
	c, err := e.App.FindCachedCollectionByNameOrId(name)
	if err != nil {
		return &core.Collection{} // no rules: nobody but superusers
	}
	return c
}

// field lists the distinct non-empty values of a field of records.
func field(records []*core.Record, name string) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range records {
		if v := r.GetString(name); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// ids lists the distinct non-empty values get reads from the records, in
// their order: the ids a list of typed records links to.
func ids[R any](records []R, get func(R) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range records {
		if v := get(r); v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// byId maps records by id.
func byId(recs []*core.Record) map[string]*core.Record {
	out := make(map[string]*core.Record, len(recs))
	for _, r := range recs {
		out[r.Id] = r
	}
	return out
}
