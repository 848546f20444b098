package model

import (
	"github.com/pocketbase/pocketbase/core"
)

// Actor kinds.
const (
	ActorUser      = "user"
	ActorSuperuser = "superuser"
	ActorSystem    = "system"
)

// Actor is who makes a change: a user, a superuser, or the system (the
// command line and scheduled jobs).
type Actor struct {
	Kind string
	Id   string
	Name string
	Role string // the user's role; empty for superusers and the system
	// Reason is why the actor makes the change, as they gave it on a
	// confirmation page (a delete, a plan moved back); the history row of
	// every change made for the actor keeps it.
	Reason string
}

// Because is the actor giving reason for what they do.
func (a Actor) Because(reason string) Actor {
	a.Reason = reason
	return a
}

// System is the actor of the command line and of scheduled jobs.
var System = Actor{Kind: ActorSystem, Id: "system", Name: "system"}

// Label is the actor as written in the audit log: "system",
// "_superusers/ID" or "users/ID".
func (a Actor) Label() string {
	switch a.Kind {
	case ActorUser:
		return Users + "/" + a.Id
	case ActorSuperuser:
		return core.CollectionNameSuperusers + "/" + a.Id
	}
	return "system"
}

// MayReopenPlan reports whether the actor may move a plan back: an adopted
// plan to draft, or a reported plan to adopted (a reopen).
func (a Actor) MayReopenPlan() bool {
	return a.Kind != ActorUser || a.Role == RoleCoordinator
}

// MayReadHistory reports whether the actor reads change histories at all:
// coordinators and auditors (of their boards, as the audit log's rules
// say), superusers and the system.
func (a Actor) MayReadHistory() bool {
	return a.Kind != ActorUser || a.Role == RoleCoordinator || a.Role == RoleAuditor
}

// ActorFromAuth is the actor of an authenticated request; nil is the system.
func ActorFromAuth(auth *core.Record) Actor {
	if auth == nil {
		return System
	}
	if auth.IsSuperuser() {
		return Actor{Kind: ActorSuperuser, Id: auth.Id, Name: auth.Email()}
	}
	name := auth.GetString("name")
	if name == "" {
		name = auth.Email()
	}
	return Actor{Kind: ActorUser, Id: auth.Id, Name: name, Role: auth.GetString("role")}
}

// RunAs runs fn in a transaction on behalf of the actor, so that the audit
// log names the actor for every change fn makes: fn is given an app that
// carries the write (Write), and every save or delete made with it, and
// every one the hooks make for it, carries the actor. A call inside
// another write (app carries one already) keeps the outer write and its
// actor.
func RunAs(app core.App, actor Actor, fn func(txApp core.App) error) error {
	w := writeOf(app)
	if w == nil {
		w = &Write{Actor: actor}
	}
	return with(app, w, fn)
}

// ActorOf is the actor of the write app carries (RunAs; in a hook, the
// event's app), or the system when it carries none.
func ActorOf(app core.App) Actor {
	if w := writeOf(app); w != nil {
		return w.Actor
	}
	return System
}
