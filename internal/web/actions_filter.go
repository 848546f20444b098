package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/templates"
)

// actionOptions are the values the filters may take for this user: the
// boards, plan years and people the API rules let them see.
type actionOptions struct {
	boards, years, owners []templates.Option
	yearsDesc             []int             // the years of the plans the user sees, the latest first
	boardNames, userNames map[string]string // by id
	// ownersByBoard: the user sees more boards than ownersListed, and no
	// board is chosen, so the owner filter offers only themselves and the
	// owner asked for: the people of thirty boards were a list of 304 (3,000
	// for 300 boards) that cost more than the rest of the page
	ownersByBoard bool
}

// ownersListed is the most boards whose people the owner filter lists
// without a board chosen.
const ownersListed = 5

// actionOptions reads the options; the owner filter's depend on the board
// chosen in q (and the owner asked for is offered if the user may see them).
func (s *server) actionOptions(e *core.RequestEvent, q url.Values) (actionOptions, error) {
	o := actionOptions{boardNames: map[string]string{}, userNames: map[string]string{}}
	boards, err := access.ListAs(e.App, e.Auth, model.Boards, "", "name", 0, nil, access.Fields{"name"})
	if err != nil {
		return o, err
	}
	for _, b := range boards {
		o.boardNames[b.Id] = model.AsBoard(b).Name()
		o.boards = append(o.boards, templates.Option{Value: b.Id, Label: model.AsBoard(b).Name()})
	}
	// the years: from the first plan year the user sees to the last, each
	// read from the end of the (year, status) index, not from every plan
	first, err := planYear(e, "year")
	if err != nil {
		return o, err
	}
	last, err := planYear(e, "-year")
	if err != nil {
		return o, err
	}
	for y := last; first > 0 && y >= first; y-- {
		o.yearsDesc = append(o.yearsDesc, y)
		o.years = append(o.years, templates.Option{Value: itoa(y), Label: itoa(y)})
	}
	users, err := s.ownerChoices(e, &o, strings.TrimSpace(q.Get("board")), strings.TrimSpace(q.Get("owner")))
	if err != nil {
		return o, err
	}
	for _, u := range users {
		o.userNames[u.Id] = displayName(u)
		o.owners = append(o.owners, templates.Option{Value: u.Id, Label: o.userNames[u.Id]})
	}
	slices.SortStableFunc(o.owners, func(a, b templates.Option) int { return strings.Compare(a.Label, b.Label) })
	return o, nil
}

// planYear is the year of the first plan the user sees in the order sort
// ("year" or "-year"), or 0 when they see none.
func planYear(e *core.RequestEvent, sort string) (int, error) {
	plans, err := access.ListAs(e.App, e.Auth, model.Plans, "", sort, 1, nil, access.Fields{"year"})
	if err != nil || len(plans) == 0 {
		return 0, err
	}
	return model.AsPlan(plans[0]).Year(), nil
}

// ownerChoices are the people the owner filter offers, those who can own
// an action as the hooks say (model.MayOwn: coordinators and owners, of a
// board): those of the board chosen, or everyone the user sees when that is
// few boards; otherwise only the user, if they can own. The owner asked for
// is added when the user may see them.
func (s *server) ownerChoices(e *core.RequestEvent, o *actionOptions, board, owner string) ([]*core.Record, error) {
	var users []*core.Record
	var err error
	switch {
	case o.boardNames[board] != "":
		users, err = access.ListAs(e.App, e.Auth, model.Users, "boards.id ?= {:b} && "+model.OwnerRoleFilter, "", 0, dbx.Params{"b": board}, access.Fields{"name", "email"})
	case len(o.boards) <= ownersListed:
		users, err = access.ListAs(e.App, e.Auth, model.Users, "boards:length > 0 && "+model.OwnerRoleFilter, "", 0, nil, access.Fields{"name", "email"})
	default:
		o.ownersByBoard = true
		if e.Auth != nil && e.Auth.Collection().Name == model.Users && model.MayOwn(model.AsUser(e.Auth).Role()) {
			users = []*core.Record{e.Auth}
		}
	}
	if err != nil {
		return nil, err
	}
	if owner != "" && !slices.ContainsFunc(users, func(u *core.Record) bool { return u.Id == owner }) {
		u, err := access.ViewAs(e.App, e.Auth, model.Users, owner)
		if err != nil {
			return nil, err
		}
		if u != nil {
			users = append(users, u)
		}
	}
	return users, nil
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

// planFilter is the PocketBase filter of the plans f's board and year
// filters leave; "" when f has neither. The actions are then looked up by
// those plans' ids, which SQLite finds by an index, where a filter through
// the action's plan ("plan.year = …") made it read every action.
func planFilter(f templates.ActionFilters) (string, dbx.Params) {
	var parts []string
	params := dbx.Params{}
	if f.Board != "" {
		parts, params["board"] = append(parts, "board = {:board}"), f.Board
	}
	if f.Year != "" {
		year, _ := strconv.Atoi(f.Year)
		parts, params["year"] = append(parts, "year = {:year}"), year
	}
	return strings.Join(parts, " && "), params
}

// overdueFilter is an overdue action: a deadline before today and on the
// lists (model.IsOpenAction: planned or in progress, not transferred, not
// of a draft plan), written so that SQLite can read it from the (status,
// deadline) index.
const overdueFilter = "(status = '" + model.ActionPlanned + "' || status = '" + model.ActionInProgress + "') && transferred_to = '' && in_draft = false && deadline != '' && deadline < {:today}"

// actionFilter is the PocketBase filter of f's status, owner and overdue
// filters: fixed expressions with the values as {:placeholders}, never the
// values themselves.
func actionFilter(f templates.ActionFilters, today time.Time) (string, dbx.Params) {
	var parts []string
	params := dbx.Params{}
	if f.Status != "" {
		parts, params["status"] = append(parts, "status = {:status}"), f.Status
	}
	if f.Owner != "" {
		parts, params["owner"] = append(parts, "owner = {:owner}"), f.Owner
	}
	if f.Overdue {
		parts = append(parts, overdueFilter)
		params["today"] = model.DateOnly(today).Format(time.DateOnly) + " 00:00:00.000Z"
	}
	return strings.Join(parts, " && "), params
}
