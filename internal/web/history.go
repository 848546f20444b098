package web

import (
	"encoding/json"
	"net/http"
	"slices"
	"sort"
	_ "time/tzdata" // Europe/Stockholm on any server

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"ikplan/internal/model"
	"ikplan/templates"
)

// history handles "GET /history/{collection}/{id}": a record's change
// history, newest first. The audit log's list rule decides who reads it
// (coordinators and auditors of the record's board); a record that still
// exists must also be one the user may view.
func (s *server) history(e *core.RequestEvent) error {
	collection, id := e.Request.PathValue("collection"), e.Request.PathValue("id")
	if !slices.Contains(model.Domain, collection) {
		return s.errorPage(e, http.StatusNotFound)
	}
	rec, err := e.App.FindRecordById(collection, id)
	exists := err == nil
	if exists {
		if rec, err = view(e.App, e.Auth, collection, id); err != nil {
			return err
		}
	}
	rows, err := list(e.App, e.Auth, model.AuditLog, "collection = {:c} && record = {:r}", "-at", 0,
		dbx.Params{"c": collection, "r": id})
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		if exists {
			return s.errorPage(e, http.StatusForbidden) // the record, yes; its history, no
		}
		return s.errorPage(e, http.StatusNotFound)
	}
	sortHistory(rows)
	col, err := e.App.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return err
	}
	h := &historian{e: e, col: col, labels: map[string]string{}}
	v := templates.HistoryView{Kind: i18nT(e, "history.c."+collection), Deleted: !exists}
	for _, row := range rows {
		if en, shown := h.entry(row); shown {
			v.Entries = append(v.Entries, en)
		}
	}
	if exists {
		v.Title, v.Back = recordLabel(rec), historyBack(e.App, rec)
	} else {
		v.Title = deletedLabel(rows)
	}
	if v.Title == "" {
		v.Title = id
	}
	p := s.page(e, "", "")
	p.Title = p.T("history.of", v.Title)
	return s.render(e, http.StatusOK, p, templates.History(p, v), nil)
}

// opRank orders changes made in the same instant: a record is created
// before it is changed, and changed before it is deleted.
var opRank = map[string]int{model.OpCreate: 0, model.OpUpdate: 1, model.OpDelete: 2}

// sortHistory puts the newest change first. (The log has no sequence of its
// own, and SQLite's rowid is not available to a rule-filtered query.)
func sortHistory(rows []*core.Record) {
	sort.SliceStable(rows, func(i, j int) bool {
		ti, tj := rows[i].GetDateTime("at").Time(), rows[j].GetDateTime("at").Time()
		if !ti.Equal(tj) {
			return ti.After(tj)
		}
		return opRank[rows[i].GetString("op")] > opRank[rows[j].GetString("op")]
	})
}

// historyBack is the page of a record, where it has one.
func historyBack(app core.App, r *core.Record) string {
	switch r.Collection().Name {
	case model.Plans:
		return "/plans/" + r.Id
	case model.Controls:
		return "/controls/" + r.Id
	case model.Risks:
		return "/risks/" + r.Id
	case model.Results:
		return "/controls/" + r.GetString("control") + "#result-" + r.Id
	case model.Deviations:
		if res, err := app.FindRecordById(model.Results, r.GetString("result")); err == nil {
			return "/controls/" + res.GetString("control") + "#deviation-" + r.Id
		}
	case model.Actions:
		if c := r.GetString("control"); c != "" {
			return "/controls/" + c + "#action-" + r.Id
		}
		return "/actions#action-" + r.Id
	}
	return ""
}

// labelFields are the fields that name a record, in order of preference.
var labelFields = []string{"name", "title", "description", "period", "email"}

// recordLabel is a record's name or title, shortened.
func recordLabel(r *core.Record) string {
	for _, f := range labelFields {
		if v := r.GetString(f); v != "" {
			return shorten(v, 120)
		}
	}
	return ""
}

// deletedLabel names a deleted record from what its history says it held.
func deletedLabel(rows []*core.Record) string {
	for _, row := range rows {
		changes := changesOf(row)
		for _, f := range labelFields {
			if c, ok := changes[f]; ok {
				for _, v := range c {
					if s, ok := v.(string); ok && s != "" {
						return shorten(s, 120)
					}
				}
			}
		}
	}
	return ""
}

func changesOf(row *core.Record) map[string][2]any {
	var out map[string][2]any
	raw, _ := row.Get("changes").(types.JSONRaw)
	_ = json.Unmarshal(raw, &out)
	return out
}

// shorten cuts s to at most n characters, with an ellipsis.
func shorten(s string, n int) string { return templates.Shorten(s, n) }
