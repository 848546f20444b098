package auditpkg

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

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
		if n = model.AsUser(u).Name(); n == "" {
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
	return model.ControlLabel(c), model.AsControl(c).Title()
}

// day is a date as the sheets show it, or "" when there is none.
func day(t types.DateTime) string {
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
	for _, rec := range x.t.results {
		nr, title := x.control(rec)
		r := model.AsResult(rec)
		results.rows = append(results.rows, []any{nr, title, r.Period(), day(r.PerformedOn()), x.user(r.PerformedBy()),
			x.coded("outcome.", r.Outcome()), r.MeasuredValue(), x.yesNo(r.TargetMet()), r.Account(),
			r.NotPerformedReason(), strings.Join(r.Evidence(), ", "), r.Id})
	}
	samples := sheet{name: x.T("package.sheet.samples"),
		headers: x.heads("control", "title", "period", "method", "size", "rows", "seed", "file_sha256", "canonical_sha256", "population", "findings", "id")}
	for _, rec := range x.t.samples {
		nr, title := x.control(rec)
		s := model.AsSample(rec)
		f := model.FindingsOf(x.app, s.Id)
		samples.rows = append(samples.rows, []any{nr, title, s.Period(), s.Method(), s.Size(), s.PopulationRows(),
			s.Seed(), s.PopulationSHA256(), s.CanonicalSHA256(), s.PopulationFile(), f.Text().In(x.lang), s.Id})
	}
	items := sheet{name: x.T("package.sheet.items"),
		headers: x.heads("control", "period", "position", "row", "values", "assessment", "note", "evidence", "deviation", "id")}
	for _, rec := range x.t.items {
		it := model.AsSampleItem(rec)
		s := model.AsSample(x.t.byId[it.Sample()])
		nr, _ := x.control(rec)
		var values []string
		header := model.JSONStrings(s.Header())
		for i, v := range model.JSONStrings(it.Data()) {
			if i < len(header) {
				v = header[i] + ": " + v
			}
			values = append(values, v)
		}
		items.rows = append(items.rows, []any{nr, s.Period(), it.Position(), it.Row(), strings.Join(values, "; "),
			x.T("sample.status." + it.Status()), it.Note(), strings.Join(it.Evidence(), ", "), it.Deviation(), it.Id})
	}
	return []sheet{results, samples, items}
}

// deviationSheets are the deviations and the actions.
func (x *texts) deviationSheets() []sheet {
	devs := sheet{name: x.T("package.sheet.deviations"),
		headers: x.heads("control", "title", "period", "description", "significant", "root_cause", "status", "acceptance", "id")}
	for _, rec := range x.t.deviations {
		nr, title := x.control(rec)
		d := model.AsDeviation(rec)
		period := ""
		if r := x.t.byId[d.Result()]; r != nil {
			period = model.AsResult(r).Period()
		}
		devs.rows = append(devs.rows, []any{nr, title, period, d.Description(), x.yesNo(d.Significant()), d.RootCause(),
			x.coded("deviation.status.", d.Status()), d.AcceptanceReason(), d.Id})
	}
	acts := sheet{name: x.T("package.sheet.actions"),
		headers: x.heads("control", "title", "description", "owner", "deadline", "status", "done_on", "done_note", "cancel_reason", "deviation", "carried_from", "id")}
	for _, rec := range x.t.actions {
		nr, title := x.control(rec)
		a := model.AsAction(rec)
		deadline := ""
		if d := a.Deadline(); !d.IsZero() {
			deadline = model.FormatDeadline(d.Time(), a.DeadlinePrecision())
		}
		acts.rows = append(acts.rows, []any{nr, title, a.Description(), x.user(a.Owner()), deadline,
			x.coded("action.status.", a.Status()), day(a.DoneOn()), a.DoneNote(), a.CancelReason(),
			a.Deviation(), a.CarriedFrom(), a.Id})
	}
	return []sheet{devs, acts}
}

// opRank orders changes made in the same instant, as the history page does.
var opRank = map[string]int{model.OpCreate: 0, model.OpUpdate: 1, model.OpDelete: 2}

// historySheet is the change history, oldest first, one row per field changed.
func (x *texts) historySheet(records []*core.Record) sheet {
	rows := model.AsAuditEntrys(records)
	sort.SliceStable(rows, func(i, j int) bool {
		ti, tj := rows[i].At().Time(), rows[j].At().Time()
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return opRank[rows[i].Op()] < opRank[rows[j].Op()]
	})
	s := sheet{name: x.T("package.sheet.history"),
		headers: x.heads("at", "collection", "record", "op", "actor", "actor_name", "reason", "field", "before", "after")}
	for _, h := range rows {
		at := h.At().Time().UTC().Format("2006-01-02 15:04:05") + " UTC"
		base := []any{at, h.RecordCollection(), h.RecordId(), h.Op(), h.Actor(), h.ActorName(), h.Reason()}
		var changes map[string][2]any
		_ = json.Unmarshal([]byte(h.Changes()), &changes)
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
