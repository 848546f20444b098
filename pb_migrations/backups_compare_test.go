package pb_migrations_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// historyEntry is one audit_log row: the operation and each changed field
// as [old, new].
type historyEntry struct {
	op      string
	changes map[string][2]any
}

// sets reports whether the history row gives every field its value.
func (h historyEntry) sets(fields map[string]any) bool {
	for k, v := range fields {
		if ch, ok := h.changes[k]; !ok || !reflect.DeepEqual(ch[1], plainValue(v)) {
			return false
		}
	}
	return true
}

// historyOf is the app's history by collection/record, in the order written.
func historyOf(t *testing.T, app core.App) map[string][]historyEntry {
	t.Helper()
	var rows []struct{ Collection, Record, Op, Changes string }
	if err := app.DB().NewQuery("SELECT collection, record, op, changes FROM audit_log ORDER BY rowid").All(&rows); err != nil {
		t.Fatal(err)
	}
	out := map[string][]historyEntry{}
	for _, r := range rows {
		h := historyEntry{op: r.Op}
		if err := json.Unmarshal([]byte(r.Changes), &h.changes); err != nil {
			t.Fatalf("Expected the history's changes as JSON, got %v", err)
		}
		out[r.Collection+"/"+r.Record] = append(out[r.Collection+"/"+r.Record], h)
	}
	return out
}

// rowsOf is every row of a table, by rowid, as text.
func rowsOf(t *testing.T, db dbx.Builder, table string) map[string]string {
	t.Helper()
	var rows []dbx.NullStringMap
	if err := db.NewQuery("SELECT rowid AS _rowid, * FROM " + db.QuoteSimpleTableName(table)).All(&rows); err != nil {
		t.Fatalf("Expected to read %s, got %v", table, err)
	}
	out := map[string]string{}
	for _, r := range rows {
		b, _ := json.Marshal(r)
		out[r["_rowid"].String] = string(b)
	}
	return out
}

// plainValue is a field value as JSON has it, as the history stores it.
func plainValue(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return string(b)
	}
	return out
}

// isZero reports whether a plain value is empty (the history's nil for a
// field that was cleared).
func isZero(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case float64:
		return x == 0
	case []any:
		return len(x) == 0
	}
	return false
}
