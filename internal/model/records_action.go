package model

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Action is an action (åtgärd) of a plan: a typed proxy of a record of Actions.
type Action struct{ core.BaseRecordProxy }

// AsAction wraps a record of Actions; nil stays nil.
func AsAction(r *core.Record) *Action {
	if r == nil {
		return nil
	}
	return &Action{core.BaseRecordProxy{Record: r}}
}

// AsActions wraps records of Actions.
func AsActions(rs []*core.Record) []*Action {
	out := make([]*Action, len(rs))
	for i, r := range rs {
		out[i] = AsAction(r)
	}
	return out
}

// Plan is the id of the action's plan.
func (p *Action) Plan() string { return p.GetString(FieldActionPlan) }

// SetPlan sets the id of the action's plan.
func (p *Action) SetPlan(v string) { p.Set(FieldActionPlan, v) }

// Deviation is the id of the deviation the action answers, if any.
func (p *Action) Deviation() string { return p.GetString(FieldActionDeviation) }

// SetDeviation sets the id of the deviation the action answers, if any.
func (p *Action) SetDeviation(v string) { p.Set(FieldActionDeviation, v) }

// Control is the id of the control the action belongs to, if any.
func (p *Action) Control() string { return p.GetString(FieldActionControl) }

// SetControl sets the id of the control the action belongs to, if any.
func (p *Action) SetControl(v string) { p.Set(FieldActionControl, v) }

// Risk is the id of the risk the action treats, if any.
func (p *Action) Risk() string { return p.GetString(FieldActionRisk) }

// SetRisk sets the id of the risk the action treats, if any.
func (p *Action) SetRisk(v string) { p.Set(FieldActionRisk, v) }

// Description is the action's description.
func (p *Action) Description() string { return p.GetString(FieldActionDescription) }

// SetDescription sets the action's description.
func (p *Action) SetDescription(v string) { p.Set(FieldActionDescription, v) }

// Owner is the id of the user responsible for the action.
func (p *Action) Owner() string { return p.GetString(FieldActionOwner) }

// SetOwner sets the id of the user responsible for the action.
func (p *Action) SetOwner(v string) { p.Set(FieldActionOwner, v) }

// Deadline is the action's deadline, the last day of its precision's period.
func (p *Action) Deadline() types.DateTime { return p.GetDateTime(FieldActionDeadline) }

// SetDeadline sets the action's deadline, the last day of its precision's period; the zero time clears it.
func (p *Action) SetDeadline(v time.Time) { p.Set(FieldActionDeadline, v) }

// DeadlinePrecision is how precise the deadline is (day, month, quarter, tertial, half, year).
func (p *Action) DeadlinePrecision() string { return p.GetString(FieldActionDeadlinePrecision) }

// SetDeadlinePrecision sets how precise the deadline is (day, month, quarter, tertial, half, year).
func (p *Action) SetDeadlinePrecision(v string) { p.Set(FieldActionDeadlinePrecision, v) }

// Status is the action's status (one of ActionStatuses).
func (p *Action) Status() string { return p.GetString(FieldActionStatus) }

// SetStatus sets the action's status (one of ActionStatuses).
func (p *Action) SetStatus(v string) { p.Set(FieldActionStatus, v) }

// DoneOn is the day the action was done (kept by the server).
func (p *Action) DoneOn() types.DateTime { return p.GetDateTime(FieldActionDoneOn) }

// SetDoneOn sets the day the action was done (kept by the server); the zero time clears it.
func (p *Action) SetDoneOn(v time.Time) { p.Set(FieldActionDoneOn, v) }

// DoneNote is what was done.
func (p *Action) DoneNote() string { return p.GetString(FieldActionDoneNote) }

// SetDoneNote sets what was done.
func (p *Action) SetDoneNote(v string) { p.Set(FieldActionDoneNote, v) }

// CancelReason is why the action was cancelled.
func (p *Action) CancelReason() string { return p.GetString(FieldActionCancelReason) }

// SetCancelReason sets why the action was cancelled.
func (p *Action) SetCancelReason(v string) { p.Set(FieldActionCancelReason, v) }

// TransferredTo is the id of the board the action was transferred to.
func (p *Action) TransferredTo() string { return p.GetString(FieldActionTransferredTo) }

// SetTransferredTo sets the id of the board the action was transferred to.
func (p *Action) SetTransferredTo(v string) { p.Set(FieldActionTransferredTo, v) }

// CarriedFrom is the id of last year's action this one continues.
func (p *Action) CarriedFrom() string { return p.GetString(FieldActionCarriedFrom) }

// SetCarriedFrom sets the id of last year's action this one continues.
func (p *Action) SetCarriedFrom(v string) { p.Set(FieldActionCarriedFrom, v) }

// CarriedTo is the id of next year's action that continues this one.
func (p *Action) CarriedTo() string { return p.GetString(FieldActionCarriedTo) }

// SetCarriedTo sets the id of next year's action that continues this one.
func (p *Action) SetCarriedTo(v string) { p.Set(FieldActionCarriedTo, v) }

// InDraft is whether the action was added while its plan was a draft.
func (p *Action) InDraft() bool { return p.GetBool(FieldActionInDraft) }

// SetInDraft sets whether the action was added while its plan was a draft.
func (p *Action) SetInDraft(v bool) { p.Set(FieldActionInDraft, v) }

// Created is when the record was created.
func (p *Action) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *Action) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }
