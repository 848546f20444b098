package model

import "github.com/pocketbase/pocketbase/core"

// FieldCommonControlYear is the year a common control is decided for; its
// other fields are CommonFields, named as on a board's copy (FieldControl…).
const FieldCommonControlYear = "year"

// CommonControl is a kommungemensam kontroll: what kommunstyrelsen decides
// every board's plan of a year carries. A typed proxy of a record of
// CommonControls.
type CommonControl struct{ core.BaseRecordProxy }

// AsCommonControl wraps a record of CommonControls; nil stays nil.
func AsCommonControl(r *core.Record) *CommonControl {
	if r == nil {
		return nil
	}
	return &CommonControl{core.BaseRecordProxy{Record: r}}
}

// AsCommonControls wraps records of CommonControls.
func AsCommonControls(rs []*core.Record) []*CommonControl {
	out := make([]*CommonControl, len(rs))
	for i, r := range rs {
		out[i] = AsCommonControl(r)
	}
	return out
}

// Year is the year the common control is decided for.
func (p *CommonControl) Year() int { return p.GetInt(FieldCommonControlYear) }

// SetYear sets the year.
func (p *CommonControl) SetYear(v int) { p.Set(FieldCommonControlYear, v) }

// Title is the control's title, as on every board's copy.
func (p *CommonControl) Title() string { return p.GetString(FieldControlTitle) }

// SetTitle sets the title.
func (p *CommonControl) SetTitle(v string) { p.Set(FieldControlTitle, v) }

// Process is the process controlled.
func (p *CommonControl) Process() string { return p.GetString(FieldControlProcess) }

// SetProcess sets the process.
func (p *CommonControl) SetProcess(v string) { p.Set(FieldControlProcess, v) }

// Description is what is checked (kontrollmoment).
func (p *CommonControl) Description() string { return p.GetString(FieldControlDescription) }

// SetDescription sets the description.
func (p *CommonControl) SetDescription(v string) { p.Set(FieldControlDescription, v) }

// Method is how the control is carried out.
func (p *CommonControl) Method() string { return p.GetString(FieldControlMethod) }

// SetMethod sets the method.
func (p *CommonControl) SetMethod(v string) { p.Set(FieldControlMethod, v) }

// Frequency is how often the control is carried out.
func (p *CommonControl) Frequency() string { return p.GetString(FieldControlFrequency) }

// SetFrequency sets the frequency.
func (p *CommonControl) SetFrequency(v string) { p.Set(FieldControlFrequency, v) }

// LegalRefs are the laws and rules the control rests on.
func (p *CommonControl) LegalRefs() string { return p.GetString(FieldControlLegalRefs) }

// SetLegalRefs sets the legal references.
func (p *CommonControl) SetLegalRefs(v string) { p.Set(FieldControlLegalRefs, v) }

// Confidential reports whether the control is confidential (sekretess).
func (p *CommonControl) Confidential() bool { return p.GetBool(FieldControlConfidential) }

// SetConfidential sets whether the control is confidential.
func (p *CommonControl) SetConfidential(v bool) { p.Set(FieldControlConfidential, v) }

// TargetMetric is what the target measures.
func (p *CommonControl) TargetMetric() string { return p.GetString(FieldControlTargetMetric) }

// SetTargetMetric sets what the target measures.
func (p *CommonControl) SetTargetMetric(v string) { p.Set(FieldControlTargetMetric, v) }

// TargetOperator is the target's comparison (<, <=, =, >=, >).
func (p *CommonControl) TargetOperator() string { return p.GetString(FieldControlTargetOperator) }

// SetTargetOperator sets the target's comparison.
func (p *CommonControl) SetTargetOperator(v string) { p.Set(FieldControlTargetOperator, v) }

// TargetValue is the target's value, as text.
func (p *CommonControl) TargetValue() string { return p.GetString(FieldControlTargetValue) }

// SetTargetValue sets the target's value.
func (p *CommonControl) SetTargetValue(v string) { p.Set(FieldControlTargetValue, v) }

// TargetUnit is the target's unit.
func (p *CommonControl) TargetUnit() string { return p.GetString(FieldControlTargetUnit) }

// SetTargetUnit sets the target's unit.
func (p *CommonControl) SetTargetUnit(v string) { p.Set(FieldControlTargetUnit, v) }
