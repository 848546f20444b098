package web

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// historian writes history rows in words: field labels, related records by
// name (when the user may see them), dates and statuses as people write them.
type historian struct {
	e      *core.RequestEvent
	col    *core.Collection
	labels map[string]string // collection/id → label
}

// entry is one row of the log in words; shown is false for a change of
// nothing but the server's own fields (a control moved in the plan's
// order), which is no change a reader made.
func (h *historian) entry(row *core.Record) (en templates.HistoryEntry, shown bool) {
	who := row.GetString("actor_name")
	if who == "" {
		who = row.GetString("actor")
	}
	en = templates.HistoryEntry{
		When:   row.GetDateTime("at").Time().In(model.Stockholm).Format("2006-01-02 15:04"),
		Who:    who,
		Op:     row.GetString("op"),
		Reason: row.GetString("reason"),
	}
	changes := changesOf(row)
	names := make([]string, 0, len(changes))
	for name := range changes {
		// the page is about this id; the server's own fields follow a
		// change someone made, which the other fields show
		if !templates.InternalField(h.col.Name, name) {
			names = append(names, name)
		}
	}
	order := func(name string) int {
		for i, f := range h.col.Fields {
			if f.GetName() == name {
				return i
			}
		}
		return len(h.col.Fields)
	}
	if len(names) == 0 && len(changes) > 0 && en.Op == model.OpUpdate && en.Reason == "" {
		return en, false
	}
	sort.Slice(names, func(i, j int) bool {
		if oi, oj := order(names[i]), order(names[j]); oi != oj {
			return oi < oj
		}
		return names[i] < names[j]
	})
	for _, name := range names {
		c := changes[name]
		en.Changes = append(en.Changes, templates.HistoryChange{
			Field: h.fieldLabel(name), Old: h.value(name, c[0]), New: h.value(name, c[1]),
		})
	}
	return en, true
}

func (h *historian) fieldLabel(name string) string {
	if key := "history.f." + name; i18n.Has(key) {
		return i18nT(h.e, key)
	}
	return name
}

// value writes one stored value the way the pages show it.
func (h *historian) value(name string, v any) string {
	f := h.col.Fields.GetByName(name)
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		if x {
			return i18nT(h.e, "history.yes")
		}
		return i18nT(h.e, "history.no")
	case float64:
		return model.FormatDecimalSv(x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, item := range x {
			parts = append(parts, h.value(name, item))
		}
		return strings.Join(parts, ", ")
	case string:
		switch ft := f.(type) {
		case *core.RelationField:
			return h.related(ft.CollectionId, x)
		case *core.DateField:
			return historyDate(x)
		case *core.SelectField:
			return templates.ValueLabel(lang(h.e), h.col.Name, name, x)
		}
		return x
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// historyDate writes a stored date as a day, or as local time when it has one.
func historyDate(s string) string {
	d, err := types.ParseDateTime(s)
	if err != nil || d.IsZero() {
		return s
	}
	t := d.Time()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.In(model.Stockholm).Format("2006-01-02 15:04")
}

// related names a related record if the user may see it; otherwise its id.
func (h *historian) related(collectionId, id string) string {
	key := collectionId + "/" + id
	if l, ok := h.labels[key]; ok {
		return l
	}
	label := id
	if col, err := h.e.App.FindCachedCollectionByNameOrId(collectionId); err == nil {
		if r, err := view(h.e.App, h.e.Auth, col.Name, id); err == nil {
			if l := recordLabel(r); l != "" {
				label = shorten(l, 60)
			}
		}
	}
	h.labels[key] = label
	return label
}
