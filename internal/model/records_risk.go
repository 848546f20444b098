package model

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Risk is a risk of a board's risk portfolio: a typed proxy of a record of Risks.
type Risk struct{ core.BaseRecordProxy }

// AsRisk wraps a record of Risks; nil stays nil.
func AsRisk(r *core.Record) *Risk {
	if r == nil {
		return nil
	}
	return &Risk{core.BaseRecordProxy{Record: r}}
}

// AsRisks wraps records of Risks.
func AsRisks(rs []*core.Record) []*Risk {
	out := make([]*Risk, len(rs))
	for i, r := range rs {
		out[i] = AsRisk(r)
	}
	return out
}

// Board is the id of the risk's board.
func (p *Risk) Board() string { return p.GetString(FieldRiskBoard) }

// SetBoard sets the id of the risk's board.
func (p *Risk) SetBoard(v string) { p.Set(FieldRiskBoard, v) }

// Unit is the id of the risk's unit.
func (p *Risk) Unit() string { return p.GetString(FieldRiskUnit) }

// SetUnit sets the id of the risk's unit.
func (p *Risk) SetUnit(v string) { p.Set(FieldRiskUnit, v) }

// Process is the process, routine or system at risk.
func (p *Risk) Process() string { return p.GetString(FieldRiskProcess) }

// SetProcess sets the process, routine or system at risk.
func (p *Risk) SetProcess(v string) { p.Set(FieldRiskProcess, v) }

// Category is the risk's category (one of RiskCategories).
func (p *Risk) Category() string { return p.GetString(FieldRiskCategory) }

// SetCategory sets the risk's category (one of RiskCategories).
func (p *Risk) SetCategory(v string) { p.Set(FieldRiskCategory, v) }

// Title is the risk's title.
func (p *Risk) Title() string { return p.GetString(FieldRiskTitle) }

// SetTitle sets the risk's title.
func (p *Risk) SetTitle(v string) { p.Set(FieldRiskTitle, v) }

// Description is the risk's description.
func (p *Risk) Description() string { return p.GetString(FieldRiskDescription) }

// SetDescription sets the risk's description.
func (p *Risk) SetDescription(v string) { p.Set(FieldRiskDescription, v) }

// Status is the risk's status (one of RiskStatuses).
func (p *Risk) Status() string { return p.GetString(FieldRiskStatus) }

// SetStatus sets the risk's status (one of RiskStatuses).
func (p *Risk) SetStatus(v string) { p.Set(FieldRiskStatus, v) }

// Created is when the record was created.
func (p *Risk) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *Risk) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }
