// Package hooks binds ikplan's rules to PocketBase's model hooks, so that they
// hold for every way in: the REST API, the dashboard, the command line, the
// web UI and imports.
package hooks

import (
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// The order of the record hooks. PocketBase runs a hook's handlers by
// Priority, lowest first, each around the ones after it (e.Next()); handlers
// of equal priority run in the order they were bound. Most rules do not
// care where they run and keep the default, PriorityRules. These do:
const (
	// PriorityWrite is the outermost handler of every record hook: it
	// puts the write the event's context carries (model.Write: the actor,
	// the lookups) into e.App, so that every handler inside reads it there
	// and every nested save or delete made with e.App carries it on
	// (bindWrite).
	PriorityWrite = -2000
	// PriorityLookupFailure is, inside PriorityWrite, the outermost
	// handler of every record hook: it turns a lookup that failed with a
	// database error (find) into the write's error, whatever rule made it.
	PriorityLookupFailure = -1000
	// PriorityLookups forgets a written record from its write's
	// lookup cache after everything inside has run, so that a rule
	// checked later in the transaction reads the record as it now is.
	PriorityLookups = -200
	// PriorityHistory opens the transaction a domain write and its
	// history row share. Every *Execute handler bound after it runs
	// inside that transaction: the "reported" flag (bindReported), the
	// carried-over links (bindCarried), the draft's actions (bindInDraft),
	// the samples' rows. A write whose dependent update fails is then
	// rolled back whole, never half saved (TestHookOrder).
	PriorityHistory = -100
	// PriorityRules is the default: the rules and the values the server
	// computes, inside the history's transaction.
	PriorityRules = 0
	// PriorityFrozen checks what an adopted plan keeps after the values the
	// server computes have been set, so it compares what will be stored.
	PriorityFrozen = 100
)

// recordHook is a record hook: all of them or some collections' (tagged).
type recordHook interface {
	Bind(*hook.Handler[*core.RecordEvent]) string
}

// bindAt binds fn to h with an id and a priority: the handlers whose order
// matters are bound through it, so that their order is stated.
func bindAt(h recordHook, id string, priority int, fn func(*core.RecordEvent) error) {
	h.Bind(&hook.Handler[*core.RecordEvent]{Id: id, Priority: priority, Func: fn})
}

// Register binds every rule, the computed values and the change history to
// app. now is the clock the rules use (time.Now outside tests).
func Register(app core.App, now func() time.Time) {
	h := &rules{now: now}
	bindWrite(app)
	bindLookupFailures(app)
	bindAccessCheck(app)
	bindLanguage(app)
	bindActor(app)
	bindReach(app)
	bindLookups(app)
	bindCollections(app)
	bindAudit(app, h)
	bindReported(app)
	bindBoards(app, h)
	bindSettings(app, h)
	bindPackageKey(app)
	bindMail(app)
	bindRisks(app, h)
	bindPlans(app, h)
	bindControls(app, h)
	bindCommon(app)
	bindResults(app, h)
	bindDeviations(app, h)
	bindSamples(app, h)
	bindActions(app, h)
	bindCarried(app)
	bindInDraft(app)
	bindFrozen(app) // PriorityFrozen: after the values the server computes
	bindSessions(app)
	bindSignIn(app)
	bindFiles(app)
}

// rules carries what the hooks share: the clock.
type rules struct {
	now func() time.Time
}

// today is the current calendar date in Sweden, as midnight UTC.
func (h *rules) today() time.Time { return model.Today(h.now()) }

// find loads a record by id, or nil when the id is empty or no such
// record exists. In a write with a lookup cache (model.CacheLookups, an
// import's, which app carries: bindWrite) a record already read in it is
// not read again.
//
// The rules read nil as "nothing to check against" (no plan, no rule about
// its status). A database error is not "no such record": find then stops
// the write with a lookupFailure, which the outermost handler of every
// record hook (bindLookupFailures) turns into the write's error, so no rule
// is skipped because the database could not answer. It panics rather than
// return the error because the rules call it in some fifty places whose
// only question is "is there such a record".
func find(app core.App, collection, id string) *core.Record {
	if id == "" {
		return nil
	}
	r, err := model.Find(app, collection, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		panic(lookupFailure{collection: collection, id: id, err: err})
	}
	return r
}

// failLookup stops the write, as find does, when a rule's query of the
// collection failed with a database error: a rule never reads a failed
// query as "nothing found".
func failLookup(collection, id string, err error) {
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		panic(lookupFailure{collection: collection, id: id, err: err})
	}
}

// lookupFailure is a lookup of a rule that the database could not answer.
type lookupFailure struct {
	collection, id string
	err            error
}

func (f lookupFailure) Error() string {
	return fmt.Sprintf("failed to read %s %s for a rule: %v", f.collection, f.id, f.err)
}

func (f lookupFailure) Unwrap() error { return f.err }

// bindLookupFailures makes a failed lookup (find) the error of the write
// it was made for: a 500 with a message that says nothing was saved. The
// panic unwinds through any transaction inside, which dbx rolls back.
func bindLookupFailures(app core.App) {
	bindAt(app.OnRecordValidate(), "hook:lookup-failure", PriorityLookupFailure, failLookups)
	bindAt(app.OnRecordCreate(), "hook:lookup-failure", PriorityLookupFailure, failLookups)
	bindAt(app.OnRecordUpdate(), "hook:lookup-failure", PriorityLookupFailure, failLookups)
	bindAt(app.OnRecordDelete(), "hook:lookup-failure", PriorityLookupFailure, failLookups)
}

func failLookups(e *core.RecordEvent) (err error) {
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		f, ok := p.(lookupFailure)
		if !ok {
			panic(p)
		}
		e.App.Logger().Error("a rule's lookup failed", slog.String("collection", e.Record.Collection().Name), slog.String("error", f.Error()))
		m := i18n.M("ikplan.lookup.failed")
		err = router.NewApiError(http.StatusInternalServerError, m.In(i18n.Sv), m)
	}()
	return e.Next()
}

// bindAccessCheck refuses to serve when a collection's list or view rule
// reads the request (@request.body, @request.method …): the rule engine
// answers those rules for pages outside any request and cannot mirror them
// (access.Check says why).
func bindAccessCheck(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if err := access.Check(se.App); err != nil {
			return err
		}
		return se.Next()
	})
}
