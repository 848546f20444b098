package auditpkg

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// texts writes a plan's records as the sheets' rows, in a language.
type texts struct {
	lang  string
	app   core.App
	t     *tree
	names map[string]string // user id → name
}

func newTexts(lang string, app core.App, t *tree) *texts {
	return &texts{lang: lang, app: app, t: t, names: map[string]string{}}
}

func (x *texts) T(key string, args ...any) string { return i18n.T(x.lang, key, args...) }

// heads are the headers of the keys, in the language.
func (x *texts) heads(keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = x.T("package.col." + k)
	}
	return out
}

// user is a user's name (or e-mail), as the pages show the people of the
// board.
func (x *texts) user(id string) string {
	if id == "" {
		return ""
	}
	if n, ok := x.names[id]; ok {
		return n
	}
	n := id
	if u, err := x.app.FindRecordById(model.Users, id); err == nil {
		if n = u.GetString("name"); n == "" {
			n = u.Email()
		}
	}
	x.names[id] = n
	return n
}

// control is the control's number and title.
func (x *texts) control(r *core.Record) (string, string) {
	c := x.t.controlOf(r)
	if c == nil {
		return "", ""
	}
	return model.ControlLabel(c), c.GetString("title")
}

func date(r *core.Record, field string) string {
	t := r.GetDateTime(field)
	if t.IsZero() {
		return ""
	}
	return t.Time().Format("2006-01-02")
}

func (x *texts) yesNo(b bool) string {
	if b {
		return x.T("package.yes")
	}
	return x.T("package.no")
}

// coded is a code's text from the catalogue, or the code.
func (x *texts) coded(prefix, code string) string {
	if code == "" || !i18n.Has(prefix+code) {
		return code
	}
	return x.T(prefix + code)
}

// resultSheets are the results, the samples and their items.
func (x *texts) resultSheets() []sheet {
	results := sheet{name: x.T("package.sheet.results"),
		headers: x.heads("control", "title", "period", "performed_on", "performed_by", "outcome", "measured", "target_met", "account", "not_performed", "evidence", "id")}
	for _, r := range x.t.results {
		nr, title := x.control(r)
		results.rows = append(results.rows, []any{nr, title, r.GetString("period"), date(r, "performed_on"), x.user(r.GetString("performed_by")),
			x.coded("outcome.", r.GetString("outcome")), r.GetString("measured_value"), x.yesNo(r.GetBool("target_met")), r.GetString("account"),
			r.GetString("not_performed_reason"), strings.Join(r.GetStringSlice("evidence"), ", "), r.Id})
	}
	samples := sheet{name: x.T("package.sheet.samples"),
		headers: x.heads("control", "title", "period", "method", "size", "rows", "seed", "file_sha256", "canonical_sha256", "population", "findings", "id")}
	for _, s := range x.t.samples {
		nr, title := x.control(s)
		f := model.FindingsOf(x.app, s.Id)
		samples.rows = append(samples.rows, []any{nr, title, s.GetString("period"), s.GetString("method"), s.GetInt("size"), s.GetInt("population_rows"),
			s.GetString("seed"), s.GetString("population_sha256"), s.GetString("canonical_sha256"), s.GetString("population"), f.Text().In(x.lang), s.Id})
	}
	items := sheet{name: x.T("package.sheet.items"),
		headers: x.heads("control", "period", "position", "row", "values", "assessment", "note", "evidence", "deviation", "id")}
	for _, it := range x.t.items {
		s := x.t.byId[it.GetString("sample")]
		nr, _ := x.control(it)
		var values []string
		header := model.JSONStrings(s.Get("header"))
		for i, v := range model.JSONStrings(it.Get("data")) {
			if i < len(header) {
				v = header[i] + ": " + v
			}
			values = append(values, v)
		}
		items.rows = append(items.rows, []any{nr, s.GetString("period"), it.GetInt("position"), it.GetInt("row"), strings.Join(values, "; "),
			x.T("sample.status." + it.GetString("status")), it.GetString("note"), strings.Join(it.GetStringSlice("evidence"), ", "), it.GetString("deviation"), it.Id})
	}
	return []sheet{results, samples, items}
}

// deviationSheets are the deviations and the actions.
func (x *texts) deviationSheets() []sheet {
	devs := sheet{name: x.T("package.sheet.deviations"),
		headers: x.heads("control", "title", "period", "description", "significant", "root_cause", "status", "acceptance", "id")}
	for _, d := range x.t.deviations {
		nr, title := x.control(d)
		period := ""
		if r := x.t.byId[d.GetString("result")]; r != nil {
			period = r.GetString("period")
		}
		devs.rows = append(devs.rows, []any{nr, title, period, d.GetString("description"), x.yesNo(d.GetBool("significant")), d.GetString("root_cause"),
			x.coded("deviation.status.", d.GetString("status")), d.GetString("acceptance_reason"), d.Id})
	}
	acts := sheet{name: x.T("package.sheet.actions"),
		headers: x.heads("control", "title", "description", "owner", "deadline", "status", "done_on", "done_note", "cancel_reason", "deviation", "carried_from", "id")}
	for _, a := range x.t.actions {
		nr, title := x.control(a)
		deadline := ""
		if d := a.GetDateTime("deadline"); !d.IsZero() {
			deadline = model.FormatDeadline(d.Time(), a.GetString("deadline_precision"))
		}
		acts.rows = append(acts.rows, []any{nr, title, a.GetString("description"), x.user(a.GetString("owner")), deadline,
			x.coded("action.status.", a.GetString("status")), date(a, "done_on"), a.GetString("done_note"), a.GetString("cancel_reason"),
			a.GetString("deviation"), a.GetString("carried_from"), a.Id})
	}
	return []sheet{devs, acts}
}

// opRank orders changes made in the same instant, as the history page does.
var opRank = map[string]int{model.OpCreate: 0, model.OpUpdate: 1, model.OpDelete: 2}

// historySheet is the change history, oldest first, one row per field changed.
func (x *texts) historySheet(rows []*core.Record) sheet {
	sort.SliceStable(rows, func(i, j int) bool {
		ti, tj := rows[i].GetDateTime("at").Time(), rows[j].GetDateTime("at").Time()
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return opRank[rows[i].GetString("op")] < opRank[rows[j].GetString("op")]
	})
	s := sheet{name: x.T("package.sheet.history"),
		headers: x.heads("at", "collection", "record", "op", "actor", "actor_name", "reason", "field", "before", "after")}
	for _, h := range rows {
		at := h.GetDateTime("at").Time().UTC().Format("2006-01-02 15:04:05") + " UTC"
		base := []any{at, h.GetString("collection"), h.GetString("record"), h.GetString("op"), h.GetString("actor"), h.GetString("actor_name"), h.GetString("reason")}
		var changes map[string][2]any
		_ = json.Unmarshal([]byte(h.GetString("changes")), &changes)
		fields := make([]string, 0, len(changes))
		for f := range changes {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		if len(fields) == 0 {
			s.rows = append(s.rows, append(base, "", "", ""))
		}
		for _, f := range fields {
			s.rows = append(s.rows, append(append([]any{}, base...), f, valueText(changes[f][0]), valueText(changes[f][1])))
		}
	}
	return s
}

// valueText is a value of the history as a cell shows it.
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	}
	b, _ := json.Marshal(v)
	return string(b)
}
