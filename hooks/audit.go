package hooks

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
	"github.com/pocketbase/pocketbase/tools/types"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

type auditKey struct{}

// historyIsFixed is the refusal of any write to the history but the server's own.
var historyIsFixed = router.NewForbiddenError(i18n.M("ikplan.history.fixed").In(i18n.Sv), i18n.M("ikplan.history.fixed"))

// bindAudit writes one audit_log row for every create, update and delete of
// a domain record, in the same transaction as the change, and refuses every
// other write to the log.
func bindAudit(app core.App, h *rules) {
	write := func(op string) func(e *core.RecordEvent) error {
		return func(e *core.RecordEvent) error {
			orig := e.App
			defer func() { e.App = orig }()
			var before *core.Record
			if op == model.OpUpdate {
				before = e.Record.Original()
			}
			board := boardOf(orig, e.Record)
			return orig.RunInTransaction(func(txApp core.App) error {
				e.App = txApp
				if err := e.Next(); err != nil {
					return swedish(e.Record.Collection().Name, err)
				}
				return h.writeAudit(txApp, e.Context, op, e.Record, before, board)
			})
		}
	}
	// first of the domain's *Execute handlers: the others run inside its
	// transaction (PriorityHistory)
	bindAt(app.OnRecordCreateExecute(model.Domain...), "hook:history", PriorityHistory, write(model.OpCreate))
	bindAt(app.OnRecordUpdateExecute(model.Domain...), "hook:history", PriorityHistory, write(model.OpUpdate))
	bindAt(app.OnRecordDeleteExecute(model.Domain...), "hook:history", PriorityHistory, write(model.OpDelete))

	app.OnRecordCreate(model.AuditLog).BindFunc(func(e *core.RecordEvent) error {
		if e.Context == nil || e.Context.Value(auditKey{}) == nil {
			return historyIsFixed
		}
		return e.Next()
	})
	app.OnRecordUpdate(model.AuditLog).BindFunc(func(e *core.RecordEvent) error { return historyIsFixed })
	app.OnRecordDelete(model.AuditLog).BindFunc(func(e *core.RecordEvent) error { return historyIsFixed })
	app.OnCollectionDelete(model.AuditLogId).BindFunc(func(e *core.CollectionEvent) error { return historyIsFixed })
	// fields may be added to the history, never removed, renamed or retyped
	app.OnCollectionUpdate(model.AuditLogId).BindFunc(func(e *core.CollectionEvent) error {
		stored, err := e.App.FindCollectionByNameOrId(e.Collection.Id)
		if err != nil {
			return err
		}
		if stored.Name != e.Collection.Name {
			return historyIsFixed
		}
		for _, old := range stored.Fields {
			now := e.Collection.Fields.GetById(old.GetId())
			if now == nil || now.GetName() != old.GetName() || now.Type() != old.Type() {
				return historyIsFixed
			}
		}
		return e.Next()
	})
}

// writeAudit saves the history row of one change, with the context of the
// event it is written for.
func (h *rules) writeAudit(app core.App, ctx context.Context, op string, rec, before *core.Record, board string) error {
	changes := diff(op, rec, before)
	if op == model.OpUpdate && len(changes) == 0 {
		return nil // nothing changed: no history row
	}
	col, err := app.FindCachedCollectionByNameOrId(model.AuditLog)
	if err != nil {
		return fmt.Errorf("failed to find the audit log: %w", err)
	}
	actor := model.ActorOf(app)
	row := core.NewRecord(col)
	entry := model.AsAuditEntry(row)
	entry.SetRecordCollection(rec.Collection().Name)
	entry.SetRecordId(rec.Id)
	entry.SetOp(op)
	entry.SetActor(actor.Label())
	entry.SetActorName(actor.Name)
	entry.SetBoard(board)
	entry.SetAt(h.now().UTC())
	entry.SetChangeValues(changes)
	entry.SetReason(reasonOf(actor, rec, changes))
	if model.DeferHistory(app, row) {
		return nil // a batch (an import) writes its history rows together
	}
	if err := app.SaveWithContext(context.WithValue(ctx, auditKey{}, true), row); err != nil {
		return fmt.Errorf("failed to write the audit log: %w", err)
	}
	return nil
}

// reasonOf is why a change was made: the reason its actor gave, or, for a
// plan moved back however it was moved (the REST API included), the reason
// the hooks required with the move.
func reasonOf(actor model.Actor, rec *core.Record, changes map[string][2]any) string {
	if actor.Reason != "" {
		return actor.Reason
	}
	if rec.Collection().Name == model.Plans {
		if c, ok := changes[model.FieldPlanStatusReason]; ok {
			if s, ok := c[1].(string); ok {
				return s
			}
		}
	}
	return ""
}

// hidden are fields never written to the history: the derived ones
// (next_due, next_period, in_draft) follow a change someone made, which
// the history holds.
var hidden = map[string]bool{model.FieldCreated: true, model.FieldUpdated: true, "password": true, "tokenKey": true,
	model.FieldUserCalendarToken: true, model.FieldControlNextDue: true, model.FieldControlNextPeriod: true, model.FieldActionInDraft: true}

// diff lists each changed field as [old, new].
func diff(op string, rec, before *core.Record) map[string][2]any {
	out := map[string][2]any{}
	for _, f := range rec.Collection().Fields {
		name := f.GetName()
		if hidden[name] || f.Type() == core.FieldTypePassword || f.Type() == core.FieldTypeAutodate {
			continue
		}
		now := plain(rec.Get(name))
		switch op {
		case model.OpCreate:
			if !isEmpty(now) {
				out[name] = [2]any{nil, now}
			}
		case model.OpDelete:
			if !isEmpty(now) {
				out[name] = [2]any{now, nil}
			}
		default:
			old := plain(before.Get(name))
			if !reflect.DeepEqual(old, now) {
				out[name] = [2]any{old, now}
			}
		}
	}
	return out
}

// plain turns a field value into what JSON stores, so values compare the
// same way before and after a save. The common kinds of value are turned
// directly, as a trip through JSON would turn them (every field of every
// row of an import passes here); the rest make the trip.
func plain(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case bool:
		return x
	case string:
		if utf8.ValidString(x) { // JSON would replace broken bytes
			return x
		}
	case float64:
		if !math.IsNaN(x) && !math.IsInf(x, 0) { // JSON has no NaN or ∞
			return x
		}
	case types.DateTime:
		return x.String()
	case []string:
		if x == nil {
			return nil
		}
		out := make([]any, len(x))
		for i, s := range x {
			if !utf8.ValidString(s) {
				return viaJSON(v)
			}
			out[i] = s
		}
		return out
	}
	return viaJSON(v)
}

// viaJSON is v after a trip through JSON.
func viaJSON(v any) any {
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

func isEmpty(v any) bool {
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
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// boardPaths says, for each collection, how a record reaches its board.
var boardPaths = map[string][]string{
	model.Units:           {model.FieldUnitBoard},
	model.Risks:           {model.FieldRiskBoard},
	model.Plans:           {model.FieldPlanBoard},
	model.RiskAssessments: {model.FieldRiskAssessmentRisk + ":" + model.Risks, model.FieldRiskBoard},
	model.Controls:        {model.FieldControlPlan + ":" + model.Plans, model.FieldPlanBoard},
	model.Results:         {model.FieldResultControl + ":" + model.Controls, model.FieldControlPlan + ":" + model.Plans, model.FieldPlanBoard},
	model.Deviations:      {model.FieldDeviationResult + ":" + model.Results, model.FieldResultControl + ":" + model.Controls, model.FieldControlPlan + ":" + model.Plans, model.FieldPlanBoard},
	model.Actions:         {model.FieldActionPlan + ":" + model.Plans, model.FieldPlanBoard},
	model.Samples:         {model.FieldSampleControl + ":" + model.Controls, model.FieldControlPlan + ":" + model.Plans, model.FieldPlanBoard},
	model.SampleItems:     {model.FieldSampleItemSample + ":" + model.Samples, model.FieldSampleControl + ":" + model.Controls, model.FieldControlPlan + ":" + model.Plans, model.FieldPlanBoard},
}

// boardOf is the id of the board a record belongs to, or "" for records of
// no single board (users, settings).
func boardOf(app core.App, rec *core.Record) string {
	name := rec.Collection().Name
	if name == model.Boards {
		return rec.Id
	}
	if name == model.CommonControls {
		// kommunstyrelsen decides them: its people read their history
		return executiveBoard(app)
	}
	path, ok := boardPaths[name]
	if !ok {
		return ""
	}
	cur := rec
	for _, step := range path {
		field, collection, hop := cutStep(step)
		if !hop {
			return cur.GetString(field)
		}
		cur = find(app, collection, cur.GetString(field))
		if cur == nil {
			return ""
		}
	}
	return ""
}

// executiveBoard is the id of the board marked as kommunstyrelsen, or ""
// when none is.
func executiveBoard(app core.App) string {
	r, err := app.FindFirstRecordByFilter(model.Boards, model.FieldBoardExecutive+" = true")
	if errors.Is(err, sql.ErrNoRows) {
		return ""
	}
	if err != nil {
		panic(lookupFailure{collection: model.Boards, id: model.ExecutiveField, err: err})
	}
	return r.Id
}

func cutStep(step string) (field, collection string, hop bool) {
	for i := 0; i < len(step); i++ {
		if step[i] == ':' {
			return step[:i], step[i+1:], true
		}
	}
	return step, "", false
}
