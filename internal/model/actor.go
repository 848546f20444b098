package model

import (
	"sync"

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

// actors maps an open transaction to the actor it runs for.
var actors sync.Map

// RunAs runs fn in a transaction on behalf of the actor, so that the audit
// log names the actor for every change fn makes. Nested calls keep the
// outermost actor.
func RunAs(app core.App, actor Actor, fn func(txApp core.App) error) error {
	return app.RunInTransaction(func(txApp core.App) error {
		key := txApp.NonconcurrentDB()
		if _, taken := actors.LoadOrStore(key, actor); taken {
			return fn(txApp)
		}
		defer actors.Delete(key)
		return fn(txApp)
	})
}

// ActorOf is the actor that the app's current transaction runs for, or the
// system when it runs for nobody in particular.
func ActorOf(app core.App) Actor {
	if v, ok := actors.Load(app.NonconcurrentDB()); ok {
		return v.(Actor)
	}
	return System
}
