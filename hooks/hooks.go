// Package hooks binds ikplan's rules to PocketBase's model hooks, so that they
// hold for every way in: the REST API, the dashboard, the command line, the
// web UI and imports.
package hooks

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// Register binds every rule, the computed values and the change history to
// app. now is the clock the rules use (time.Now outside tests).
func Register(app core.App, now func() time.Time) {
	h := &rules{now: now}
	bindLanguage(app)
	bindActor(app)
	bindReach(app)
	bindLookups(app)
	bindCollections(app)
	bindAudit(app, h)
	bindReported(app)
	bindBoards(app, h)
	bindSettings(app, h)
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
	bindFrozen(app) // after the values the server computes
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

// find loads a record by id, or nil when the id is empty or unknown. In a
// transaction with a lookup cache (model.CacheLookups, an import's) a
// record already read in it is not read again.
func find(app core.App, collection, id string) *core.Record {
	if id == "" {
		return nil
	}
	r, err := model.Find(app, collection, id)
	if err != nil {
		return nil
	}
	return r
}
