package web

import (
	"errors"
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
	"github.com/pocketbase/pocketbase/tools/search"

	"ikplan/internal/model"
)

// The web UI has no access rules of its own: it asks the collections' API
// rules, exactly as the REST API does.

var errNotFound = router.NewNotFoundError("", nil)

func requestInfo(user *core.Record) *core.RequestInfo {
	return &core.RequestInfo{Auth: user, Method: "GET", Context: core.RequestInfoContextDefault, Query: map[string]string{}, Headers: map[string]string{}, Body: map[string]any{}}
}

// list returns the records of a collection that the user may list and that
// match filter (a PocketBase filter with {:placeholders}), sorted.
func list(app core.App, user *core.Record, collection, filter, sort string, limit int, params dbx.Params) ([]*core.Record, error) {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	if col.ListRule == nil {
		return nil, nil // superusers only, and the web UI serves users
	}
	q := app.RecordQuery(col)
	resolver := core.NewRecordFieldResolver(app, col, requestInfo(user), true)
	if *col.ListRule != "" {
		expr, err := search.FilterData(*col.ListRule).BuildExpr(resolver)
		if err != nil {
			return nil, fmt.Errorf("failed to apply the list rule of %s: %w", collection, err)
		}
		q.AndWhere(expr)
	}
	if filter != "" {
		expr, err := search.FilterData(filter).BuildExpr(resolver, params)
		if err != nil {
			return nil, fmt.Errorf("failed to apply filter %q: %w", filter, err)
		}
		q.AndWhere(expr)
	}
	for _, sf := range search.ParseSortFromString(sort) {
		if sf.Name == "" {
			continue
		}
		expr, err := sf.BuildExpr(resolver)
		if err != nil {
			return nil, fmt.Errorf("failed to sort by %q: %w", sort, err)
		}
		q.AndOrderBy(expr)
	}
	if err := resolver.UpdateQuery(q); err != nil {
		return nil, err
	}
	if limit > 0 {
		q.Limit(int64(limit))
	}
	var out []*core.Record
	if err := q.All(&out); err != nil {
		return nil, err
	}
	return out, nil
}

// view loads a record the user may view, or errNotFound.
func view(app core.App, user *core.Record, collection, id string) (*core.Record, error) {
	r, err := app.FindRecordById(collection, id)
	if err != nil {
		return nil, errNotFound
	}
	ok, err := app.CanAccessRecord(r, requestInfo(user), r.Collection().ViewRule)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, errNotFound
	}
	return r, nil
}

// may reports whether the user's role and boards let them make the write
// the rule describes (UpdateRule or DeleteRule) on an existing record.
func may(app core.App, user *core.Record, r *core.Record, rule *string) bool {
	ok, err := app.CanAccessRecord(r, requestInfo(user), rule)
	return err == nil && ok
}

// errForbidden is a write the API rules refuse.
var errForbidden = router.NewForbiddenError("", nil)

// save writes r on the user's behalf: the change goes through the hooks
// (the rules and the history), and the collection's create or update rule
// decides whether the user may make it — checked on the record as saved,
// inside the same transaction, so a refused write leaves nothing.
func save(app core.App, user *core.Record, r *core.Record) error {
	isNew := r.IsNew()
	if !isNew && !may(app, user, r, r.Collection().UpdateRule) {
		return errForbidden
	}
	return model.RunAs(app, model.ActorFromAuth(user), func(tx core.App) error {
		if err := tx.Save(r); err != nil {
			return err
		}
		if isNew && !may(tx, user, r, r.Collection().CreateRule) {
			return errForbidden
		}
		return nil
	})
}

// remove deletes r on the user's behalf if the delete rule allows it.
func remove(app core.App, user *core.Record, r *core.Record) error {
	if !may(app, user, r, r.Collection().DeleteRule) {
		return errForbidden
	}
	return model.RunAs(app, model.ActorFromAuth(user), func(tx core.App) error { return tx.Delete(r) })
}

// isForbidden reports whether err is the API rules' refusal.
func isForbidden(err error) bool { return errors.Is(err, errForbidden) }
