package model

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Control is a control point (kontrollpunkt) of a plan: a typed proxy of a record of Controls.
type Control struct{ core.BaseRecordProxy }

// AsControl wraps a record of Controls; nil stays nil.
func AsControl(r *core.Record) *Control {
	if r == nil {
		return nil
	}
	return &Control{core.BaseRecordProxy{Record: r}}
}

// AsControls wraps records of Controls.
func AsControls(rs []*core.Record) []*Control {
	out := make([]*Control, len(rs))
	for i, r := range rs {
		out[i] = AsControl(r)
	}
	return out
}

// Plan is the id of the control's plan.
func (p *Control) Plan() string { return p.GetString(FieldControlPlan) }

// SetPlan sets the id of the control's plan.
func (p *Control) SetPlan(v string) { p.Set(FieldControlPlan, v) }

// Section is the heading the control is listed under.
func (p *Control) Section() string { return p.GetString(FieldControlSection) }

// SetSection sets the heading the control is listed under.
func (p *Control) SetSection(v string) { p.Set(FieldControlSection, v) }

// Number is the control's number in its plan.
func (p *Control) Number() int { return p.GetInt(FieldControlNumber) }

// SetNumber sets the control's number in its plan.
func (p *Control) SetNumber(v int) { p.Set(FieldControlNumber, v) }

// Position is the control's place in its plan's order.
func (p *Control) Position() int { return p.GetInt(FieldControlPosition) }

// SetPosition sets the control's place in its plan's order.
func (p *Control) SetPosition(v int) { p.Set(FieldControlPosition, v) }

// Unit is the id of the control's unit.
func (p *Control) Unit() string { return p.GetString(FieldControlUnit) }

// SetUnit sets the id of the control's unit.
func (p *Control) SetUnit(v string) { p.Set(FieldControlUnit, v) }

// Risk is the id of the risk the control treats, if any.
func (p *Control) Risk() string { return p.GetString(FieldControlRisk) }

// SetRisk sets the id of the risk the control treats, if any.
func (p *Control) SetRisk(v string) { p.Set(FieldControlRisk, v) }

// Title is the control's title.
func (p *Control) Title() string { return p.GetString(FieldControlTitle) }

// SetTitle sets the control's title.
func (p *Control) SetTitle(v string) { p.Set(FieldControlTitle, v) }

// Process is the process, routine or system controlled.
func (p *Control) Process() string { return p.GetString(FieldControlProcess) }

// SetProcess sets the process, routine or system controlled.
func (p *Control) SetProcess(v string) { p.Set(FieldControlProcess, v) }

// Description is what is checked (kontrollmoment).
func (p *Control) Description() string { return p.GetString(FieldControlDescription) }

// SetDescription sets what is checked (kontrollmoment).
func (p *Control) SetDescription(v string) { p.Set(FieldControlDescription, v) }

// Method is how it is checked (one of Methods).
func (p *Control) Method() string { return p.GetString(FieldControlMethod) }

// SetMethod sets how it is checked (one of Methods).
func (p *Control) SetMethod(v string) { p.Set(FieldControlMethod, v) }

// Frequency is how often it is checked (one of Frequencies).
func (p *Control) Frequency() string { return p.GetString(FieldControlFrequency) }

// SetFrequency sets how often it is checked (one of Frequencies).
func (p *Control) SetFrequency(v string) { p.Set(FieldControlFrequency, v) }

// Owner is the id of the user who performs the control.
func (p *Control) Owner() string { return p.GetString(FieldControlOwner) }

// SetOwner sets the id of the user who performs the control.
func (p *Control) SetOwner(v string) { p.Set(FieldControlOwner, v) }

// ReportTo is to whom the result is reported.
func (p *Control) ReportTo() string { return p.GetString(FieldControlReportTo) }

// SetReportTo sets to whom the result is reported.
func (p *Control) SetReportTo(v string) { p.Set(FieldControlReportTo, v) }

// Due is the day the control is due.
func (p *Control) Due() types.DateTime { return p.GetDateTime(FieldControlDue) }

// SetDue sets the day the control is due; the zero time clears it.
func (p *Control) SetDue(v time.Time) { p.Set(FieldControlDue, v) }

// LegalRefs is the laws the control rests on.
func (p *Control) LegalRefs() string { return p.GetString(FieldControlLegalRefs) }

// SetLegalRefs sets the laws the control rests on.
func (p *Control) SetLegalRefs(v string) { p.Set(FieldControlLegalRefs, v) }

// Confidential is whether the control is confidential (sekretess).
func (p *Control) Confidential() bool { return p.GetBool(FieldControlConfidential) }

// SetConfidential sets whether the control is confidential (sekretess).
func (p *Control) SetConfidential(v bool) { p.Set(FieldControlConfidential, v) }

// TargetMetric is what the measurable target measures.
func (p *Control) TargetMetric() string { return p.GetString(FieldControlTargetMetric) }

// SetTargetMetric sets what the measurable target measures.
func (p *Control) SetTargetMetric(v string) { p.Set(FieldControlTargetMetric, v) }

// TargetOperator is how a measured value is held against the target (one of Operators).
func (p *Control) TargetOperator() string { return p.GetString(FieldControlTargetOperator) }

// SetTargetOperator sets how a measured value is held against the target (one of Operators).
func (p *Control) SetTargetOperator(v string) { p.Set(FieldControlTargetOperator, v) }

// TargetValue is the target's value.
func (p *Control) TargetValue() string { return p.GetString(FieldControlTargetValue) }

// SetTargetValue sets the target's value.
func (p *Control) SetTargetValue(v string) { p.Set(FieldControlTargetValue, v) }

// TargetUnit is the target's unit.
func (p *Control) TargetUnit() string { return p.GetString(FieldControlTargetUnit) }

// SetTargetUnit sets the target's unit.
func (p *Control) SetTargetUnit(v string) { p.Set(FieldControlTargetUnit, v) }

// Reported is whether a result is reported for every period due (kept by the server).
func (p *Control) Reported() bool { return p.GetBool(FieldControlReported) }

// SetReported sets whether a result is reported for every period due (kept by the server).
func (p *Control) SetReported(v bool) { p.Set(FieldControlReported, v) }

// NextDue is the due day of the first period without a result (kept by the server).
func (p *Control) NextDue() types.DateTime { return p.GetDateTime(FieldControlNextDue) }

// SetNextDue sets the due day of the first period without a result (kept by the server); the zero time clears it.
func (p *Control) SetNextDue(v time.Time) { p.Set(FieldControlNextDue, v) }

// NextPeriod is the first period without a result (kept by the server).
func (p *Control) NextPeriod() string { return p.GetString(FieldControlNextPeriod) }

// SetNextPeriod sets the first period without a result (kept by the server).
func (p *Control) SetNextPeriod(v string) { p.Set(FieldControlNextPeriod, v) }

// Created is when the record was created.
func (p *Control) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *Control) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }

// CommonControl is the id of the common control (kommungemensam kontroll)
// this control is a board's copy of; "" for the board's own.
func (p *Control) CommonControl() string { return p.GetString(FieldControlCommonControl) }

// SetCommonControl sets the common control this control is a copy of.
func (p *Control) SetCommonControl(v string) { p.Set(FieldControlCommonControl, v) }
