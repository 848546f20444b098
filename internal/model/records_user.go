package model

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// User is a person who signs in: the profile fields ikplan adds to the auth record (Email and the password are the auth record's own): a typed proxy of a record of Users.
type User struct{ core.BaseRecordProxy }

// AsUser wraps a record of Users; nil stays nil.
func AsUser(r *core.Record) *User {
	if r == nil {
		return nil
	}
	return &User{core.BaseRecordProxy{Record: r}}
}

// AsUsers wraps records of Users.
func AsUsers(rs []*core.Record) []*User {
	out := make([]*User, len(rs))
	for i, r := range rs {
		out[i] = AsUser(r)
	}
	return out
}

// Name is the user's name.
func (p *User) Name() string { return p.GetString(FieldUserName) }

// SetName sets the user's name.
func (p *User) SetName(v string) { p.Set(FieldUserName, v) }

// Role is the user's role (RoleCoordinator, RoleOwner, RoleReader, RoleAuditor).
func (p *User) Role() string { return p.GetString(FieldUserRole) }

// SetRole sets the user's role (RoleCoordinator, RoleOwner, RoleReader, RoleAuditor).
func (p *User) SetRole(v string) { p.Set(FieldUserRole, v) }

// Boards is the ids of the boards the user belongs to.
func (p *User) Boards() []string { return p.GetStringSlice(FieldUserBoards) }

// SetBoards sets the ids of the boards the user belongs to.
func (p *User) SetBoards(v []string) { p.Set(FieldUserBoards, v) }

// CalendarToken is the hash of the user's calendar feed token.
func (p *User) CalendarToken() string { return p.GetString(FieldUserCalendarToken) }

// SetCalendarToken sets the hash of the user's calendar feed token.
func (p *User) SetCalendarToken(v string) { p.Set(FieldUserCalendarToken, v) }

// Created is when the record was created.
func (p *User) Created() types.DateTime { return p.GetDateTime(FieldCreated) }

// Updated is when the record was last saved.
func (p *User) Updated() types.DateTime { return p.GetDateTime(FieldUpdated) }
