package web

import (
	"net/http"
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

// historyPerPage is how many changes a page of /history shows.
const historyPerPage = 50

// historyKinds are the kinds of record the log can be filtered by.
var historyKinds = []string{model.Plans, model.Controls, model.Results, model.Deviations, model.Actions,
	model.Risks, model.RiskAssessments, model.Units, model.Boards}

// historyLog handles "GET /history": the change history of every record the
// user may read the history of (the audit log's list rule: coordinators and
// auditors of the record's board), newest first, filtered by board, person,
// kind of record and date, a page at a time.
func (s *server) historyLog(e *core.RequestEvent) error {
	if !model.ActorFromAuth(e.Auth).MayReadHistory() {
		return s.errorPage(e, http.StatusForbidden)
	}
	q := e.Request.URL.Query()
	v := templates.HistoryLogView{}
	boards, err := list(e.App, e.Auth, model.Boards, "", "name", 0, nil)
	if err != nil {
		return err
	}
	for _, b := range boards {
		v.Boards = append(v.Boards, templates.Option{Value: b.Id, Label: b.GetString("name")})
	}
	people, err := access.ListAs(e.App, e.Auth, model.Users, "", "name", 0, nil, access.Fields{"name", "email"})
	if err != nil {
		return err
	}
	for _, u := range people {
		name := u.GetString("name")
		if name == "" {
			name = u.GetString("email")
		}
		v.People = append(v.People, templates.Option{Value: u.Id, Label: name})
	}
	for _, k := range historyKinds {
		v.Kinds = append(v.Kinds, templates.Option{Value: k, Label: i18nT(e, "history.c."+k)})
	}
	filter, params := s.historyFilter(e, q, &v)
	page := max(1, atoiOr(q.Get("page"), 1))
	rows, err := access.ListAs(e.App, e.Auth, model.AuditLog, filter, "-at,id", historyPerPage+1, params,
		access.Offset((page-1)*historyPerPage))
	if err != nil {
		return err
	}
	more := len(rows) > historyPerPage
	if more {
		rows = rows[:historyPerPage]
	}
	sortHistory(rows)
	v.Page = page
	if page > 1 {
		v.Prev = historyPage(q, page-1)
	}
	if more {
		v.Next = historyPage(q, page+1)
	}
	historians := map[string]*historian{}
	labels := map[string]string{}
	for _, row := range rows {
		col := row.GetString("collection")
		h := historians[col]
		if h == nil {
			c, err := e.App.FindCachedCollectionByNameOrId(col)
			if err != nil {
				continue
			}
			h = &historian{e: e, col: c, labels: labels}
			historians[col] = h
		}
		en, shown := h.entry(row)
		if !shown {
			continue
		}
		id := row.GetString("record")
		entry := templates.HistoryLogEntry{HistoryEntry: en, Kind: i18nT(e, "history.c."+col),
			Href: "/history/" + url.PathEscape(col) + "/" + url.PathEscape(id)}
		entry.Record = h.related(h.col.Id, id)
		if entry.Record == id {
			if l := deletedLabel([]*core.Record{row}); l != "" {
				entry.Record = l
			}
		}
		v.Entries = append(v.Entries, entry)
	}
	p := s.page(e, "", "history")
	p.Title = p.T("history.log")
	return s.render(e, http.StatusOK, p, templates.HistoryLog(p, v), nil)
}

// historyFilter reads the log's filters from the query into v and turns
// them into a filter of the audit log; a value not understood is named and
// left out.
func (s *server) historyFilter(e *core.RequestEvent, q url.Values, v *templates.HistoryLogView) (string, dbx.Params) {
	var parts []string
	params := dbx.Params{}
	pick := func(name, label string, allowed []templates.Option) string {
		val := strings.TrimSpace(q.Get(name))
		if val == "" {
			return ""
		}
		if slices.ContainsFunc(allowed, func(o templates.Option) bool { return o.Value == val }) {
			return val
		}
		v.Ignored = append(v.Ignored, label)
		return ""
	}
	if v.Filters.Board = pick("board", i18nT(e, "history.filter.board"), v.Boards); v.Filters.Board != "" {
		parts, params["board"] = append(parts, "board = {:board}"), v.Filters.Board
	}
	if v.Filters.Person = pick("person", i18nT(e, "history.filter.person"), v.People); v.Filters.Person != "" {
		parts, params["actor"] = append(parts, "actor = {:actor}"), model.Users+"/"+v.Filters.Person
	}
	if v.Filters.Kind = pick("kind", i18nT(e, "history.filter.kind"), v.Kinds); v.Filters.Kind != "" {
		parts, params["kind"] = append(parts, "collection = {:kind}"), v.Filters.Kind
	}
	day := func(name, label string) (time.Time, bool) {
		val := strings.TrimSpace(q.Get(name))
		if val == "" {
			return time.Time{}, false
		}
		d, err := time.ParseInLocation(time.DateOnly, val, model.Stockholm)
		if err != nil {
			v.Ignored = append(v.Ignored, label)
			return time.Time{}, false
		}
		return d, true
	}
	if d, ok := day("from", i18nT(e, "history.filter.from")); ok {
		v.Filters.From = d.Format(time.DateOnly)
		parts, params["from"] = append(parts, "at >= {:from}"), d.UTC().Format("2006-01-02 15:04:05.000Z")
	}
	if d, ok := day("to", i18nT(e, "history.filter.to")); ok {
		v.Filters.To = d.Format(time.DateOnly)
		parts, params["to"] = append(parts, "at < {:to}"), d.AddDate(0, 0, 1).UTC().Format("2006-01-02 15:04:05.000Z")
	}
	return strings.Join(parts, " && "), params
}

// historyPage is the address of page n of /history with the same filters.
func historyPage(q url.Values, n int) string {
	keep := url.Values{}
	for _, k := range []string{"board", "person", "kind", "from", "to"} {
		if v := q.Get(k); v != "" {
			keep.Set(k, v)
		}
	}
	if n > 1 {
		keep.Set("page", strconv.Itoa(n))
	}
	if s := keep.Encode(); s != "" {
		return "/history?" + s
	}
	return "/history"
}
