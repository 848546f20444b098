package model

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"
	"github.com/pocketbase/pocketbase/tools/types"
)

// historyBatch holds history rows until the batch's function returns.
type historyBatch struct {
	mu   sync.Mutex
	rows []*core.Record
}

// RunBatch runs fn as RunAs does, in one transaction on behalf of the
// actor, for a batch of writes such as an import: every write still goes
// through the hooks, but what they share is done once. The rules' lookups
// of plans, units, risks and users are kept for the write (CacheLookups),
// and the history rows of the writes (DeferHistory) are inserted together
// when fn returns nil, still inside the transaction, so the batch and its
// history are committed or rolled back as one. Inside fn the history of its
// own writes cannot be read yet. A batch inside a batch is part of it; a
// batch inside another write keeps that write's actor.
func RunBatch(app core.App, actor Actor, fn func(tx core.App) error) error {
	w := writeOf(app)
	if w != nil && w.history != nil {
		return app.RunInTransaction(fn) // a batch inside a batch is part of it
	}
	b := Write{Actor: actor}
	if w != nil {
		b = *w // the outer write's actor and marks
	}
	b.history = &historyBatch{}
	return with(app, &b, func(tx core.App) error {
		drop, err := CacheLookups(tx, Plans, Units, Risks, Users)
		if err != nil {
			return err
		}
		defer drop()
		if err := fn(tx); err != nil {
			return err
		}
		b.history.mu.Lock()
		rows := b.history.rows
		b.history.rows = nil
		b.history.mu.Unlock()
		return insertHistory(tx, rows)
	})
}

// DeferHistory keeps a new history row to be inserted at the end of the
// batch (RunBatch) app carries and reports true; outside a batch it
// reports false and the caller saves the row itself.
func DeferHistory(app core.App, row *core.Record) bool {
	w := writeOf(app)
	if w == nil || w.history == nil {
		return false
	}
	w.history.mu.Lock()
	w.history.rows = append(w.history.rows, row)
	w.history.mu.Unlock()
	return true
}

// historyChunk is how many rows one INSERT writes. SQLite would take up to
// 32,766 values a statement, but the driver matches each value to its
// place by a search through all of them, so the time grows with the square
// of a statement's values: 100 rows of 9 is about as fast as it gets.
const historyChunk = 100

// insertHistory inserts new history rows, many to a statement, with the
// values PocketBase would store for them: a new random id, the fields as
// the database holds them, autodate fields set to now.
func insertHistory(app core.App, rows []*core.Record) error {
	if len(rows) == 0 {
		return nil
	}
	col := rows[0].Collection()
	names := make([]string, 0, len(col.Fields))
	quoted := make([]string, 0, len(col.Fields))
	for _, f := range col.Fields {
		names = append(names, f.GetName())
		quoted = append(quoted, "[["+f.GetName()+"]]")
	}
	now := types.NowDateTime()
	for start := 0; start < len(rows); start += historyChunk {
		chunk := rows[start:min(start+historyChunk, len(rows))]
		var sql strings.Builder
		sql.WriteString("INSERT INTO {{" + col.Name + "}} (" + strings.Join(quoted, ", ") + ") VALUES ")
		params := make(dbx.Params, len(chunk)*len(names))
		for i, row := range chunk {
			if row.Collection() != col || !row.IsNew() {
				return errors.New("a history batch holds only new rows of one collection")
			}
			// the checks of PocketBase's own validation of a save, field by field
			for _, f := range col.Fields {
				if f.GetName() == core.FieldNameId {
					continue
				}
				if err := f.ValidateValue(context.Background(), app, row); err != nil {
					return fmt.Errorf("failed to validate the history row's %s: %w", f.GetName(), err)
				}
			}
			row.Id = security.RandomStringWithAlphabet(core.DefaultIdLength, core.DefaultIdAlphabet)
			for _, f := range col.Fields {
				if a, ok := f.(*core.AutodateField); ok && a.OnCreate {
					row.SetRaw(f.GetName(), now)
				}
			}
			values, err := row.DBExport(app)
			if err != nil {
				return fmt.Errorf("failed to export a history row: %w", err)
			}
			if i > 0 {
				sql.WriteString(", ")
			}
			sql.WriteString("(")
			for j, name := range names {
				p := "h" + strconv.Itoa(i) + "_" + strconv.Itoa(j)
				params[p] = values[name]
				if j > 0 {
					sql.WriteString(", ")
				}
				sql.WriteString("{:" + p + "}")
			}
			sql.WriteString(")")
		}
		if _, err := app.NonconcurrentDB().NewQuery(sql.String()).Bind(params).Execute(); err != nil {
			return fmt.Errorf("failed to write the history: %w", err)
		}
	}
	for _, row := range rows {
		row.MarkAsNotNew()
	}
	return nil
}
