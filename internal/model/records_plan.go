package model

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Plan is a board's internal control plan (internkontrollplan) for a year: a typed proxy of a record of Plans.
type Plan struct{ core.BaseRecordProxy }

// AsPlan wraps a record of Plans; nil stays nil.
func AsPlan(r *core.Record) *Plan {
	if r == nil {
		return nil
	}
	return &Plan{core.BaseRecordProxy{Record: r}}
}

// AsPlans wraps records of Plans.
func AsPlans(rs []*core.Record) []*Plan {
	out := make([]*Plan, len(rs))
	for i, r := range rs {
		out[i] = AsPlan(r)
	}
	return out
}

// Board is the id of the plan's board.
func (p *Plan) Board() string { return p.GetString(FieldPlanBoard) }

// SetBoard sets the id of the plan's board.
func (p *Plan) SetBoard(v string) { p.Set(FieldPlanBoard, v) }

// Year is the plan's year.
func (p *Plan) Year() int { return p.GetInt(FieldPlanYear) }

// SetYear sets the plan's year.
func (p *Plan) SetYear(v int) { p.Set(FieldPlanYear, v) }

// Title is the plan's title.
func (p *Plan) Title() string { return p.GetString(FieldPlanTitle) }

// SetTitle sets the plan's title.
func (p *Plan) SetTitle(v string) { p.Set(FieldPlanTitle, v) }

// Status is the plan's status (PlanDraft, PlanAdopted, PlanReported, PlanArchived).
func (p *Plan) Status() string { return p.GetString(FieldPlanStatus) }

// SetStatus sets the plan's status (PlanDraft, PlanAdopted, PlanReported, PlanArchived).
func (p *Plan) SetStatus(v string) { p.Set(FieldPlanStatus, v) }

// AdoptedOn is the day the board adopted the plan.
func (p *Plan) AdoptedOn() types.DateTime { return p.GetDateTime(FieldPlanAdoptedOn) }

// SetAdoptedOn sets the day the board adopted the plan; the zero time clears it.
func (p *Plan) SetAdoptedOn(v time.Time) { p.Set(FieldPlanAdoptedOn, v) }

// AdoptedRef is the adoption's § and diarienummer.
func (p *Plan) AdoptedRef() string { return p.GetString(FieldPlanAdoptedRef) }

// SetAdoptedRef sets the adoption's § and diarienummer.
func (p *Plan) SetAdoptedRef(v string) { p.Set(FieldPlanAdoptedRef, v) }

// ReportedOn is the day the follow-up was reported to the board.
func (p *Plan) ReportedOn() types.DateTime { return p.GetDateTime(FieldPlanReportedOn) }

// SetReportedOn sets the day the follow-up was reported to the board; the zero time clears it.
func (p *Plan) SetReportedOn(v time.Time) { p.Set(FieldPlanReportedOn, v) }

// ReportedRef is the report's § and diarienummer.
func (p *Plan) ReportedRef() string { return p.GetString(FieldPlanReportedRef) }

// SetReportedRef sets the report's § and diarienummer.
func (p *Plan) SetReportedRef(v string) { p.Set(FieldPlanReportedRef, v) }

// StatusReason is why the plan's status was moved back.
func (p *Plan) StatusReason() string { return p.GetString(FieldPlanStatusReason) }

// SetStatusReason sets why the plan's status was moved back.
func (p *Plan) SetStatusReason(v string) { p.Set(FieldPlanStatusReason, v) }

// Created is when the record was created.
func (p *Plan) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *Plan) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }
