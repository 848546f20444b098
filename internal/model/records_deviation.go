package model

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Deviation is a deviation (avvikelse) a result found: a typed proxy of a record of Deviations.
type Deviation struct{ core.BaseRecordProxy }

// AsDeviation wraps a record of Deviations; nil stays nil.
func AsDeviation(r *core.Record) *Deviation {
	if r == nil {
		return nil
	}
	return &Deviation{core.BaseRecordProxy{Record: r}}
}

// AsDeviations wraps records of Deviations.
func AsDeviations(rs []*core.Record) []*Deviation {
	out := make([]*Deviation, len(rs))
	for i, r := range rs {
		out[i] = AsDeviation(r)
	}
	return out
}

// Result is the id of the result that found the deviation.
func (p *Deviation) Result() string { return p.GetString(FieldDeviationResult) }

// SetResult sets the id of the result that found the deviation.
func (p *Deviation) SetResult(v string) { p.Set(FieldDeviationResult, v) }

// Description is the deviation's description.
func (p *Deviation) Description() string { return p.GetString(FieldDeviationDescription) }

// SetDescription sets the deviation's description.
func (p *Deviation) SetDescription(v string) { p.Set(FieldDeviationDescription, v) }

// Significant is whether the deviation is significant (av väsentlig betydelse).
func (p *Deviation) Significant() bool { return p.GetBool(FieldDeviationSignificant) }

// SetSignificant sets whether the deviation is significant (av väsentlig betydelse).
func (p *Deviation) SetSignificant(v bool) { p.Set(FieldDeviationSignificant, v) }

// RootCause is the deviation's root cause.
func (p *Deviation) RootCause() string { return p.GetString(FieldDeviationRootCause) }

// SetRootCause sets the deviation's root cause.
func (p *Deviation) SetRootCause(v string) { p.Set(FieldDeviationRootCause, v) }

// Status is the deviation's status (DeviationOpen, DeviationHandled, DeviationAccepted).
func (p *Deviation) Status() string { return p.GetString(FieldDeviationStatus) }

// SetStatus sets the deviation's status (DeviationOpen, DeviationHandled, DeviationAccepted).
func (p *Deviation) SetStatus(v string) { p.Set(FieldDeviationStatus, v) }

// AcceptanceReason is why the deviation was accepted.
func (p *Deviation) AcceptanceReason() string { return p.GetString(FieldDeviationAcceptanceReason) }

// SetAcceptanceReason sets why the deviation was accepted.
func (p *Deviation) SetAcceptanceReason(v string) { p.Set(FieldDeviationAcceptanceReason, v) }

// Plan is the id of the plan of the result's control (kept by the server).
func (p *Deviation) Plan() string { return p.GetString(FieldDeviationPlan) }

// SetPlan sets the id of the plan of the result's control (kept by the server).
func (p *Deviation) SetPlan(v string) { p.Set(FieldDeviationPlan, v) }

// Created is when the record was created.
func (p *Deviation) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *Deviation) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }
