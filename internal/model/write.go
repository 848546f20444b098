package model

import (
	"context"

	"github.com/pocketbase/pocketbase/core"
)

// Write is the state one write carries from the code that starts it (a
// REST request, a web form, an import, a command) to every hook that runs
// for it, the nested writes those hooks make included: who makes it
// (ActorOf), the lookups it keeps (CacheLookups), the history rows it
// defers (RunBatch), and whether it is a carry operation (RunCarry).
//
// A write travels two ways, and each hands it on to the other:
//
//   - in the context of every save and delete (WithWrite, WriteOf): that is
//     how PocketBase hands it to the model hooks, as RecordEvent.Context;
//   - in the app the code writes with (Carry): RunAs, RunBatch and
//     RunCarry give fn such an app, and the hooks put one in every record
//     event's e.App (hooks.bindWrite), so a save or delete made with it —
//     by a rule, by PocketBase's own cascade of a delete, by a form — puts
//     the write into its context again.
//
// Nothing is kept beside the write: when it ends, its state goes with it.
type Write struct {
	Actor    Actor
	cache    *lookupCache  // CacheLookups; nil when lookups are read each time
	history  *historyBatch // RunBatch; nil when each history row is saved at once
	carrying bool          // RunCarry
}

type writeKey struct{}

// WithWrite is ctx carrying the write.
func WithWrite(ctx context.Context, w *Write) context.Context {
	if ctx == nil {
		ctx = context.Background()
	}
	return context.WithValue(ctx, writeKey{}, w)
}

// WriteOf is the write ctx carries, or nil.
func WriteOf(ctx context.Context) *Write {
	if ctx == nil {
		return nil
	}
	w, _ := ctx.Value(writeKey{}).(*Write)
	return w
}

// Carry is app carrying the write of ctx (the event's context, in a
// hook), or app itself when ctx carries none.
func Carry(app core.App, ctx context.Context) core.App {
	w := WriteOf(ctx)
	if w == nil {
		return app
	}
	return appWith(app, w)
}

// appWith is app carrying w.
func appWith(app core.App, w *Write) core.App {
	if a, ok := app.(*writeApp); ok {
		if a.w == w {
			return a
		}
		app = a.App
	}
	return &writeApp{App: app, w: w}
}

// writeOf is the write app carries, or nil.
func writeOf(app core.App) *Write {
	if a, ok := app.(*writeApp); ok {
		return a.w
	}
	return nil
}

// writeApp is an app carrying a write: each save and delete made with it
// carries the write in its context, and so does each transaction it runs.
type writeApp struct {
	core.App
	w *Write
}

// ctx is ctx carrying the app's write. The app's write wins over one ctx
// carries already: a hook hands its event's context on to a transaction
// of RunCarry or RunBatch, whose write is the event's write with a mark.
func (a *writeApp) ctx(ctx context.Context) context.Context {
	if WriteOf(ctx) == a.w {
		return ctx
	}
	return WithWrite(ctx, a.w)
}

func (a *writeApp) Save(m core.Model) error {
	return a.App.SaveWithContext(a.ctx(context.Background()), m)
}

func (a *writeApp) SaveWithContext(ctx context.Context, m core.Model) error {
	return a.App.SaveWithContext(a.ctx(ctx), m)
}

func (a *writeApp) SaveNoValidate(m core.Model) error {
	return a.App.SaveNoValidateWithContext(a.ctx(context.Background()), m)
}

func (a *writeApp) SaveNoValidateWithContext(ctx context.Context, m core.Model) error {
	return a.App.SaveNoValidateWithContext(a.ctx(ctx), m)
}

func (a *writeApp) Delete(m core.Model) error {
	return a.App.DeleteWithContext(a.ctx(context.Background()), m)
}

func (a *writeApp) DeleteWithContext(ctx context.Context, m core.Model) error {
	return a.App.DeleteWithContext(a.ctx(ctx), m)
}

func (a *writeApp) Validate(m core.Model) error {
	return a.App.ValidateWithContext(a.ctx(context.Background()), m)
}

func (a *writeApp) ValidateWithContext(ctx context.Context, m core.Model) error {
	return a.App.ValidateWithContext(a.ctx(ctx), m)
}

func (a *writeApp) RunInTransaction(fn func(txApp core.App) error) error {
	return a.App.RunInTransaction(func(tx core.App) error { return fn(appWith(tx, a.w)) })
}

// with runs fn in a transaction of app carrying w.
func with(app core.App, w *Write, fn func(tx core.App) error) error {
	return app.RunInTransaction(func(tx core.App) error { return fn(appWith(tx, w)) })
}
