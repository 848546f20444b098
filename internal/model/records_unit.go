package model

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Unit is a unit (förvaltning or avdelning) under a board: a typed proxy of a record of Units.
type Unit struct{ core.BaseRecordProxy }

// AsUnit wraps a record of Units; nil stays nil.
func AsUnit(r *core.Record) *Unit {
	if r == nil {
		return nil
	}
	return &Unit{core.BaseRecordProxy{Record: r}}
}

// AsUnits wraps records of Units.
func AsUnits(rs []*core.Record) []*Unit {
	out := make([]*Unit, len(rs))
	for i, r := range rs {
		out[i] = AsUnit(r)
	}
	return out
}

// Name is the unit's name.
func (p *Unit) Name() string { return p.GetString(FieldUnitName) }

// SetName sets the unit's name.
func (p *Unit) SetName(v string) { p.Set(FieldUnitName, v) }

// Board is the id of the unit's board.
func (p *Unit) Board() string { return p.GetString(FieldUnitBoard) }

// SetBoard sets the id of the unit's board.
func (p *Unit) SetBoard(v string) { p.Set(FieldUnitBoard, v) }

// Created is when the record was created.
func (p *Unit) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *Unit) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }
