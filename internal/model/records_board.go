package model

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Board is a board (nämnd or styrelse): a typed proxy of a record of Boards.
type Board struct{ core.BaseRecordProxy }

// AsBoard wraps a record of Boards; nil stays nil.
func AsBoard(r *core.Record) *Board {
	if r == nil {
		return nil
	}
	return &Board{core.BaseRecordProxy{Record: r}}
}

// AsBoards wraps records of Boards.
func AsBoards(rs []*core.Record) []*Board {
	out := make([]*Board, len(rs))
	for i, r := range rs {
		out[i] = AsBoard(r)
	}
	return out
}

// Name is the board's name as a heading shows it.
func (p *Board) Name() string { return p.GetString(FieldBoardName) }

// SetName sets the board's name as a heading shows it.
func (p *Board) SetName(v string) { p.Set(FieldBoardName, v) }

// NameInText is the board's name as running text writes it; empty means Name.
func (p *Board) NameInText() string { return p.GetString(FieldBoardNameInText) }

// SetNameInText sets the board's name as running text writes it; empty means Name.
func (p *Board) SetNameInText(v string) { p.Set(FieldBoardNameInText, v) }

// ShortName is the board's short name.
func (p *Board) ShortName() string { return p.GetString(FieldBoardShortName) }

// SetShortName sets the board's short name.
func (p *Board) SetShortName(v string) { p.Set(FieldBoardShortName, v) }

// ActiveFrom is the day the board began.
func (p *Board) ActiveFrom() types.DateTime { return p.GetDateTime(FieldBoardActiveFrom) }

// SetActiveFrom sets the day the board began; the zero time clears it.
func (p *Board) SetActiveFrom(v time.Time) { p.Set(FieldBoardActiveFrom, v) }

// ActiveTo is the day the board ended; zero while it is active.
func (p *Board) ActiveTo() types.DateTime { return p.GetDateTime(FieldBoardActiveTo) }

// SetActiveTo sets the day the board ended; zero while it is active; the zero time clears it.
func (p *Board) SetActiveTo(v time.Time) { p.Set(FieldBoardActiveTo, v) }

// Successor is the id of the board that took over its responsibilities.
func (p *Board) Successor() string { return p.GetString(FieldBoardSuccessor) }

// SetSuccessor sets the id of the board that took over its responsibilities.
func (p *Board) SetSuccessor(v string) { p.Set(FieldBoardSuccessor, v) }

// Created is when the record was created.
func (p *Board) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *Board) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }

// Executive reports whether the board is kommunstyrelsen, whose
// coordinators define the common controls.
func (p *Board) Executive() bool { return p.GetBool(FieldBoardExecutive) }

// SetExecutive marks the board as kommunstyrelsen or not.
func (p *Board) SetExecutive(v bool) { p.Set(FieldBoardExecutive, v) }
