package web

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/templates"
)

func (s *server) bindActionRoutes(g *groupRouter) {
	g.GET("/actions", s.actions)
	g.POST("/actions/{id}/status", s.actionStatus)
	g.GET("/history/{collection}/{id}", s.history)
	g.GET("/search", s.search)
}

// actions handles "GET /actions": every action the user may see, filtered
// by board, plan year, status, owner and overdue. The filter form swaps
// only the table.
func (s *server) actions(e *core.RequestEvent) error {
	v, err := s.actionsView(e, e.Request.URL.Query())
	if err != nil {
		return err
	}
	p := s.page(e, "", "actions")
	p.Title = p.T("actions.title")
	return s.render(e, http.StatusOK, p, templates.Actions(p, v), templates.ActionsTable(p, v))
}

// actionOptions are the values the filters may take for this user: the
// boards, plan years and people the API rules let them see.
type actionOptions struct {
	boards, years, owners []templates.Option
	boardNames, userNames map[string]string
	plans                 map[string]*core.Record
}

func (s *server) actionOptions(e *core.RequestEvent) (actionOptions, error) {
	o := actionOptions{boardNames: map[string]string{}, plans: map[string]*core.Record{}}
	boards, err := model.ListAs(e.App, e.Auth, model.Boards, "", "name", 0, nil, model.Fields{"name"})
	if err != nil {
		return o, err
	}
	for _, b := range boards {
		o.boardNames[b.Id] = b.GetString("name")
		o.boards = append(o.boards, templates.Option{Value: b.Id, Label: b.GetString("name")})
	}
	plans, err := model.ListAs(e.App, e.Auth, model.Plans, "", "-year", 0, nil, model.Fields{"board", "year"})
	if err != nil {
		return o, err
	}
	for _, pl := range plans {
		o.plans[pl.Id] = pl
		y := itoa(pl.GetInt("year"))
		if n := len(o.years); n == 0 || o.years[n-1].Value != y {
			o.years = append(o.years, templates.Option{Value: y, Label: y})
		}
	}
	users, err := model.ListAs(e.App, e.Auth, model.Users, "", "name", 0, nil, model.Fields{"name", "email"})
	if err != nil {
		return o, err
	}
	o.userNames = names(users)
	for _, u := range users {
		o.owners = append(o.owners, templates.Option{Value: u.Id, Label: o.userNames[u.Id]})
	}
	return o, nil
}

// parseActionFilters keeps the filters whose values are among the user's
// choices; anything else is left out and named in ignored.
func parseActionFilters(e *core.RequestEvent, q url.Values, o actionOptions) (f templates.ActionFilters, ignored []string) {
	pick := func(name, label string, allowed []templates.Option) string {
		v := strings.TrimSpace(q.Get(name))
		if v == "" {
			return ""
		}
		if slices.ContainsFunc(allowed, func(op templates.Option) bool { return op.Value == v }) {
			return v
		}
		ignored = append(ignored, label)
		return ""
	}
	statuses := make([]templates.Option, 0, len(model.ActionStatuses))
	for _, st := range model.ActionStatuses {
		statuses = append(statuses, templates.Option{Value: st})
	}
	f.Board = pick("board", i18nT(e, "actions.board"), o.boards)
	f.Year = pick("year", i18nT(e, "actions.year"), o.years)
	f.Status = pick("status", i18nT(e, "actions.status"), statuses)
	f.Owner = pick("owner", i18nT(e, "actions.owner"), o.owners)
	switch q.Get("overdue") {
	case "":
	case "1", "on", "true":
		f.Overdue = true
	default:
		ignored = append(ignored, i18nT(e, "actions.overdue_only"))
	}
	return f, ignored
}

// actionFilter is the PocketBase filter of f: fixed expressions with the
// values as {:placeholders}, never the values themselves.
func actionFilter(f templates.ActionFilters, today time.Time) (string, dbx.Params) {
	var parts []string
	params := dbx.Params{}
	if f.Board != "" {
		parts, params["board"] = append(parts, "plan.board = {:board}"), f.Board
	}
	if f.Year != "" {
		year, _ := strconv.Atoi(f.Year)
		parts, params["year"] = append(parts, "plan.year = {:year}"), year
	}
	if f.Status != "" {
		parts, params["status"] = append(parts, "status = {:status}"), f.Status
	}
	if f.Owner != "" {
		parts, params["owner"] = append(parts, "owner = {:owner}"), f.Owner
	}
	if f.Overdue {
		parts = append(parts, "deadline != '' && deadline < {:today} && status != 'done' && status != 'cancelled'")
		params["today"] = model.DateOnly(today).Format(time.DateOnly) + " 00:00:00.000Z"
	}
	return strings.Join(parts, " && "), params
}

// actionsPerPage is how many actions a page of /actions shows.
const actionsPerPage = 100

func (s *server) actionsView(e *core.RequestEvent, q url.Values) (templates.ActionsView, error) {
	var v templates.ActionsView
	o, err := s.actionOptions(e)
	if err != nil {
		return v, err
	}
	v.Boards, v.Years, v.Owners = o.boards, o.years, o.owners
	v.Filters, v.Ignored = parseActionFilters(e, q, o)
	filter, params := actionFilter(v.Filters, s.now())
	v.Total, err = model.CountAs(e.App, e.Auth, model.Actions, filter, params)
	if err != nil {
		return v, err
	}
	v.Pages = max(1, (v.Total+actionsPerPage-1)/actionsPerPage)
	v.Page = min(max(1, atoiOr(q.Get("page"), 1)), v.Pages)
	actions, err := model.ListAs(e.App, e.Auth, model.Actions, filter, "-plan.year,deadline,created",
		actionsPerPage, params, model.Offset((v.Page-1)*actionsPerPage))
	if err != nil {
		return v, err
	}
	controls, err := s.byIds(e, model.Controls, field(actions, "control"))
	if err != nil {
		return v, err
	}
	mayUpdate, err := model.Allowed(e.App, e.Auth, model.Actions, col(e, model.Actions).UpdateRule, model.IDs(actions))
	if err != nil {
		return v, err
	}
	for _, a := range actions {
		row := s.actionRow(e, a, o, controls)
		row.CanUpdate = mayUpdate[a.Id]
		if v.Filters.Overdue && !row.Overdue {
			continue
		}
		v.Rows = append(v.Rows, row)
	}
	sortActionRows(v.Rows)
	v.Prev, v.Next = pageLink(q, v.Page-1, v.Pages), pageLink(q, v.Page+1, v.Pages)
	return v, nil
}

// pageLink is the address of page n of /actions with the same filters, or
// "" when there is no such page.
func pageLink(q url.Values, n, pages int) string {
	if n < 1 || n > pages {
		return ""
	}
	keep := url.Values{}
	for _, k := range []string{"board", "year", "status", "owner", "overdue"} {
		if v := q.Get(k); v != "" {
			keep.Set(k, v)
		}
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

// actionRow is an action's row: its control, board, year, owner, whether
// it is overdue and whether the user may change it.
func (s *server) actionRow(e *core.RequestEvent, a *core.Record, o actionOptions, controls map[string]*core.Record) templates.ActionRow {
	status := a.GetString("status")
	row := templates.ActionRow{
		Action:  a,
		Control: controls[a.GetString("control")],
		Owner:   o.userNames[a.GetString("owner")],
		Overdue: model.Overdue(a.GetDateTime("deadline").Time(), status == model.ActionDone || status == model.ActionCancelled, s.now()),
	}
	if pl := o.plans[a.GetString("plan")]; pl != nil {
		row.Board, row.Year = o.boardNames[pl.GetString("board")], pl.GetInt("year")
	}
	return row
}

// sortActionRows orders the newest plan year first, then by deadline with
// the actions without one last.
func sortActionRows(rows []templates.ActionRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Year != rows[j].Year {
			return rows[i].Year > rows[j].Year
		}
		di, dj := rows[i].Action.GetDateTime("deadline"), rows[j].Action.GetDateTime("deadline")
		if di.IsZero() != dj.IsZero() {
			return dj.IsZero()
		}
		return di.Time().Before(dj.Time())
	})
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

// byIds lists the records of collection with the given ids that the user
// may see, by id.
func (s *server) byIds(e *core.RequestEvent, collection string, ids []string) (map[string]*core.Record, error) {
	recs, err := model.ListIn(e.App, e.Auth, collection, ids, "")
	if err != nil {
		return nil, err
	}
	out := make(map[string]*core.Record, len(recs))
	for _, r := range recs {
		out[r.Id] = r
	}
	return out, nil
}
