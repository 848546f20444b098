package proctest_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"testing"

	"github.com/pocketbase/dbx"
)

// tally is what the check of the ledger against the database found.
type tally struct {
	acked     int      // writes answered 2xx
	lost      int      // acknowledged writes missing, changed or without history
	unknown   int      // writes that got no answer (the server was killed)
	committed int      // of those, the ones the database holds (with history)
	problems  []string // what is wrong, for the failure message
}

func (t *tally) problem(format string, args ...any) {
	if len(t.problems) < 30 {
		t.problems = append(t.problems, fmt.Sprintf(format, args...))
	}
}

// historyRow is one audit_log row of a written record.
type historyRow struct {
	op, actor string
	changes   map[string][]any
	used      bool
}

// verify checks every write of the ledger against data.db: each
// acknowledged write is there with its values and its one history row
// (collection, record, op, actor and the new values), each write of
// unknown outcome is there whole (record and history) or not at all, and
// no history row of a written record is without its write.
func verify(t *testing.T, db *dbx.DB, led *ledger) tally {
	t.Helper()
	var out tally
	rows := map[string]dbx.NullStringMap{}          // collection/id → row
	byDescription := map[string]dbx.NullStringMap{} // collection/description → row
	history := map[string][]*historyRow{}           // collection/id → rows
	for _, col := range []string{"deviations", "actions"} {
		var all []dbx.NullStringMap
		if err := db.NewQuery("SELECT * FROM " + col).All(&all); err != nil {
			t.Fatalf("Expected to read %s, got %v", col, err)
		}
		for _, r := range all {
			rows[col+"/"+r["id"].String] = r
			byDescription[col+"/"+r["description"].String] = r
		}
	}
	var audit []struct {
		Collection, Record, Op, Actor, Changes string
	}
	if err := db.NewQuery("SELECT collection, record, op, actor, changes FROM audit_log WHERE collection IN ('deviations', 'actions')").All(&audit); err != nil {
		t.Fatalf("Expected to read audit_log, got %v", err)
	}
	for _, a := range audit {
		h := &historyRow{op: a.Op, actor: a.Actor}
		if err := json.Unmarshal([]byte(a.Changes), &h.changes); err != nil {
			t.Fatalf("Expected the history's changes as JSON, got %v: %s", err, a.Changes)
		}
		history[a.Collection+"/"+a.Record] = append(history[a.Collection+"/"+a.Record], h)
	}

	// the writes of each record, in order; creates of unknown outcome have no id
	order := []string{}
	byRecord := map[string][]write{}
	for _, w := range led.writes {
		if w.id == "" {
			out.unknown++
			// the description is unique: find the record if it was committed
			desc, _ := w.fields["description"].(string)
			if r, ok := byDescription[w.collection+"/"+desc]; ok {
				out.committed++
				w.id = r["id"].String
			} else {
				continue
			}
		}
		key := w.collection + "/" + w.id
		if _, seen := byRecord[key]; !seen {
			order = append(order, key)
		}
		byRecord[key] = append(byRecord[key], w)
	}

	for _, key := range order {
		ws := byRecord[key]
		row, exists := rows[key]
		want := map[string]any{}
		last := map[string]int{} // field → the write that set it last
		lost := map[int]bool{}
		for i, w := range ws {
			if w.acked {
				out.acked++
			} else if w.op == "update" {
				out.unknown++
			}
			h := findHistory(history[key], w)
			switch {
			case w.acked && !exists:
				out.problem("%s: acknowledged %s of %v, but the record is missing", key, w.op, w.fields)
				lost[i] = true
				continue
			case w.acked && h == nil:
				out.problem("%s: acknowledged %s of %v has no history row", key, w.op, w.fields)
				lost[i] = true
			case !w.acked && h == nil:
				if w.op == "create" {
					out.problem("%s: a create of unknown outcome is in the database without its history row", key)
				}
				continue // not committed: it must not show in the record
			case !w.acked && w.op == "update":
				out.committed++
			}
			if h != nil {
				h.used = true
			}
			for f, v := range w.fields {
				want[f], last[f] = v, i
			}
		}
		for _, h := range history[key] {
			if !h.used {
				out.problem("%s: history row %s by %s %v belongs to no write", key, h.op, h.actor, h.changes)
			}
		}
		if exists {
			for f, v := range want {
				if !matches(row[f].String, v) {
					out.problem("%s: %s is %q, expected %v", key, f, row[f].String, v)
					lost[last[f]] = true
				}
			}
		}
		for i := range lost {
			if ws[i].acked {
				out.lost++
			}
		}
	}
	return out
}

// findHistory is the unused history row of the write: the same operation
// by the same actor, with each value the write set as the new value.
func findHistory(rows []*historyRow, w write) *historyRow {
	for _, h := range rows {
		if h.used || h.op != w.op || h.actor != w.actor {
			continue
		}
		ok := true
		for f, v := range w.fields {
			if empty(v) && w.op == "create" {
				continue // the history leaves out empty values of a new record
			}
			ch, found := h.changes[f]
			if !found || len(ch) != 2 || !reflect.DeepEqual(ch[1], v) {
				ok = false
				break
			}
		}
		if ok {
			return h
		}
	}
	return nil
}

func empty(v any) bool { return v == nil || v == false || v == "" }

// matches compares a column as SQLite returns it with a value as the API
// answered it (a bool is stored as 0 or 1).
func matches(col string, v any) bool {
	switch x := v.(type) {
	case bool:
		return col == map[bool]string{true: "1", false: "0"}[x]
	case string:
		return col == x
	case float64:
		f, err := strconv.ParseFloat(col, 64)
		return err == nil && f == x
	case nil:
		return col == ""
	}
	return false
}
