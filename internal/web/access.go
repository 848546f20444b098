package web

import (
	"errors"
	"net/http"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/access"
	"ikplan/internal/model"
)

// The web UI has no access rules of its own: it asks the collections' API
// rules, exactly as the REST API does.

var errNotFound = router.NewNotFoundError("", nil)

// list returns the records of a collection that the user may list and that
// match filter (a PocketBase filter with {:placeholders}), sorted.
func list(app core.App, user *core.Record, collection, filter, sort string, limit int, params dbx.Params) ([]*core.Record, error) {
	return access.ListAs(app, user, collection, filter, sort, limit, params)
}

// view loads a record the user may view, or errNotFound.
func view(app core.App, user *core.Record, collection, id string) (*core.Record, error) {
	r, err := access.ViewAs(app, user, collection, id)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, errNotFound
	}
	return r, nil
}

// may reports whether the user's role and boards let them make the write
// the rule describes (UpdateRule or DeleteRule) on an existing record.
func may(app core.App, user *core.Record, r *core.Record, rule *string) bool {
	if len(access.ReadsRequest(rule)) == 0 {
		return access.Can(app, user, r, rule)
	}
	// a rule that reads the request (the boards' and the settings' update
	// rules read @request.body) is asked with the request a REST client
	// would send for the same write: r's changes so far
	method := "GET"
	switch c := r.Collection(); rule {
	case c.CreateRule:
		method = "POST"
	case c.UpdateRule:
		method = "PATCH"
	case c.DeleteRule:
		method = "DELETE"
	}
	return access.CanWith(app, access.Request(user, method, access.Changes(r)), r, rule)
}

// errForbidden is a write the API rules refuse.
var errForbidden = router.NewForbiddenError("", nil)

// save writes r on the user's behalf: the change goes through the hooks
// (the rules and the history), and the collection's create or update rule
// decides whether the user may make it. Permission comes first: one who may
// not write gets the same refusal whatever they send, so that validation's
// messages (a plan that already exists, a status) tell them nothing. A new
// record is checked again as saved, inside the same transaction, so a
// refused write leaves nothing.
func save(app core.App, user *core.Record, r *core.Record) error {
	return saveBecause(app, user, r, "")
}

// saveBecause is save with the reason the user gave for the change, kept in
// its history row.
func saveBecause(app core.App, user *core.Record, r *core.Record, reason string) error {
	isNew := r.IsNew()
	if isNew && !access.MayCreate(app, user, r) {
		return errForbidden
	}
	// a rule may read what the write sets (@request.body): asked with the
	// body a REST client would send for the same change
	if !isNew && !access.CanWith(app, access.Request(user, http.MethodPatch, access.Changes(r)), r, r.Collection().UpdateRule) {
		return errForbidden
	}
	return model.RunAs(app, model.ActorFromAuth(user).Because(reason), func(tx core.App) error {
		if err := tx.Save(r); err != nil {
			return err
		}
		if isNew && !may(tx, user, r, r.Collection().CreateRule) {
			return errForbidden
		}
		return nil
	})
}

// removeBecause deletes r on the user's behalf if the delete rule allows
// it, with the reason the user gave, kept in the history row of the delete.
func removeBecause(app core.App, user *core.Record, r *core.Record, reason string) error {
	if !access.CanWith(app, access.Request(user, http.MethodDelete, nil), r, r.Collection().DeleteRule) {
		return errForbidden
	}
	return model.RunAs(app, model.ActorFromAuth(user).Because(reason), func(tx core.App) error { return tx.Delete(r) })
}

// isForbidden reports whether err is the API rules' refusal.
func isForbidden(err error) bool { return errors.Is(err, errForbidden) }
