package model

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// RiskAssessment is a risk's assessment for a year: a typed proxy of a record of RiskAssessments.
type RiskAssessment struct{ core.BaseRecordProxy }

// AsRiskAssessment wraps a record of RiskAssessments; nil stays nil.
func AsRiskAssessment(r *core.Record) *RiskAssessment {
	if r == nil {
		return nil
	}
	return &RiskAssessment{core.BaseRecordProxy{Record: r}}
}

// AsRiskAssessments wraps records of RiskAssessments.
func AsRiskAssessments(rs []*core.Record) []*RiskAssessment {
	out := make([]*RiskAssessment, len(rs))
	for i, r := range rs {
		out[i] = AsRiskAssessment(r)
	}
	return out
}

// Risk is the id of the assessed risk.
func (p *RiskAssessment) Risk() string { return p.GetString(FieldRiskAssessmentRisk) }

// SetRisk sets the id of the assessed risk.
func (p *RiskAssessment) SetRisk(v string) { p.Set(FieldRiskAssessmentRisk, v) }

// Year is the year of the assessment.
func (p *RiskAssessment) Year() int { return p.GetInt(FieldRiskAssessmentYear) }

// SetYear sets the year of the assessment.
func (p *RiskAssessment) SetYear(v int) { p.Set(FieldRiskAssessmentYear, v) }

// Probability is the probability, 1 to the risk scale.
func (p *RiskAssessment) Probability() int { return p.GetInt(FieldRiskAssessmentProbability) }

// SetProbability sets the probability, 1 to the risk scale.
func (p *RiskAssessment) SetProbability(v int) { p.Set(FieldRiskAssessmentProbability, v) }

// Consequence is the consequence, 1 to the risk scale.
func (p *RiskAssessment) Consequence() int { return p.GetInt(FieldRiskAssessmentConsequence) }

// SetConsequence sets the consequence, 1 to the risk scale.
func (p *RiskAssessment) SetConsequence(v int) { p.Set(FieldRiskAssessmentConsequence, v) }

// Value is probability × consequence, computed on save.
func (p *RiskAssessment) Value() int { return p.GetInt(FieldRiskAssessmentValue) }

// SetValue sets probability × consequence, computed on save.
func (p *RiskAssessment) SetValue(v int) { p.Set(FieldRiskAssessmentValue, v) }

// Motivation is why the risk was assessed so.
func (p *RiskAssessment) Motivation() string { return p.GetString(FieldRiskAssessmentMotivation) }

// SetMotivation sets why the risk was assessed so.
func (p *RiskAssessment) SetMotivation(v string) { p.Set(FieldRiskAssessmentMotivation, v) }

// Treatment is how the risk is treated (one of Treatments).
func (p *RiskAssessment) Treatment() string { return p.GetString(FieldRiskAssessmentTreatment) }

// SetTreatment sets how the risk is treated (one of Treatments).
func (p *RiskAssessment) SetTreatment(v string) { p.Set(FieldRiskAssessmentTreatment, v) }

// Created is when the record was created.
func (p *RiskAssessment) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *RiskAssessment) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }
