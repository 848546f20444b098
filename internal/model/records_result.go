package model

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Result is one execution of a control for a period: a typed proxy of a record of Results.
type Result struct{ core.BaseRecordProxy }

// AsResult wraps a record of Results; nil stays nil.
func AsResult(r *core.Record) *Result {
	if r == nil {
		return nil
	}
	return &Result{core.BaseRecordProxy{Record: r}}
}

// AsResults wraps records of Results.
func AsResults(rs []*core.Record) []*Result {
	out := make([]*Result, len(rs))
	for i, r := range rs {
		out[i] = AsResult(r)
	}
	return out
}

// Control is the id of the result's control.
func (p *Result) Control() string { return p.GetString(FieldResultControl) }

// SetControl sets the id of the result's control.
func (p *Result) SetControl(v string) { p.Set(FieldResultControl, v) }

// Period is the period the result covers ("2024", "H1 2024", "Q2 2024", …).
func (p *Result) Period() string { return p.GetString(FieldResultPeriod) }

// SetPeriod sets the period the result covers ("2024", "H1 2024", "Q2 2024", …).
func (p *Result) SetPeriod(v string) { p.Set(FieldResultPeriod, v) }

// PerformedOn is the day the control was performed.
func (p *Result) PerformedOn() types.DateTime { return p.GetDateTime(FieldResultPerformedOn) }

// SetPerformedOn sets the day the control was performed; the zero time clears it.
func (p *Result) SetPerformedOn(v time.Time) { p.Set(FieldResultPerformedOn, v) }

// PerformedBy is the id of the user who performed it.
func (p *Result) PerformedBy() string { return p.GetString(FieldResultPerformedBy) }

// SetPerformedBy sets the id of the user who performed it.
func (p *Result) SetPerformedBy(v string) { p.Set(FieldResultPerformedBy, v) }

// Account is what was done and found.
func (p *Result) Account() string { return p.GetString(FieldResultAccount) }

// SetAccount sets what was done and found.
func (p *Result) SetAccount(v string) { p.Set(FieldResultAccount, v) }

// Outcome is the outcome (OutcomeNoDeviation, OutcomeDeviation, OutcomeNotPerformed).
func (p *Result) Outcome() string { return p.GetString(FieldResultOutcome) }

// SetOutcome sets the outcome (OutcomeNoDeviation, OutcomeDeviation, OutcomeNotPerformed).
func (p *Result) SetOutcome(v string) { p.Set(FieldResultOutcome, v) }

// MeasuredValue is the value measured against the control's target.
func (p *Result) MeasuredValue() string { return p.GetString(FieldResultMeasuredValue) }

// SetMeasuredValue sets the value measured against the control's target.
func (p *Result) SetMeasuredValue(v string) { p.Set(FieldResultMeasuredValue, v) }

// TargetMet is whether the measured value meets the target (computed on save).
func (p *Result) TargetMet() bool { return p.GetBool(FieldResultTargetMet) }

// SetTargetMet sets whether the measured value meets the target (computed on save).
func (p *Result) SetTargetMet(v bool) { p.Set(FieldResultTargetMet, v) }

// NotPerformedReason is why the control was not performed.
func (p *Result) NotPerformedReason() string { return p.GetString(FieldResultNotPerformedReason) }

// SetNotPerformedReason sets why the control was not performed.
func (p *Result) SetNotPerformedReason(v string) { p.Set(FieldResultNotPerformedReason, v) }

// TransferredTo is the id of the board the result was transferred to.
func (p *Result) TransferredTo() string { return p.GetString(FieldResultTransferredTo) }

// SetTransferredTo sets the id of the board the result was transferred to.
func (p *Result) SetTransferredTo(v string) { p.Set(FieldResultTransferredTo, v) }

// Evidence is the names of the result's evidence files.
func (p *Result) Evidence() []string { return p.GetStringSlice(FieldResultEvidence) }

// SetEvidence sets the names of the result's evidence files.
func (p *Result) SetEvidence(v []string) { p.Set(FieldResultEvidence, v) }

// Created is when the record was created.
func (p *Result) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *Result) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }
