package auditpkg

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	rules "ikplan/internal/access"
	"ikplan/internal/model"
)

// access reads records as the package's maker may: through the
// collections' API rules (rules.ListAs, as the pages and the REST API
// read), or everything when there is no user (the command line, as a
// superuser, whom PocketBase's rules never limit).
type access struct {
	app  core.App
	user *core.Record
}

// list returns the records of a collection the maker may list that match
// filter, sorted.
func (a access) list(collection, filter, sort string, params dbx.Params) ([]*core.Record, error) {
	if a.user != nil {
		return rules.ListAs(a.app, a.user, collection, filter, sort, 0, params)
	}
	if filter == "" {
		filter = "id != ''"
	}
	if params == nil {
		params = dbx.Params{}
	}
	return a.app.FindRecordsByFilter(collection, filter, sort, 0, 0, params)
}

// view loads one record the maker may view, or nil.
func (a access) view(collection, id string) (*core.Record, error) {
	if a.user != nil {
		return rules.ViewAs(a.app, a.user, collection, id)
	}
	r, err := a.app.FindRecordById(collection, id)
	if err != nil {
		return nil, nil
	}
	return r, nil
}

// history returns the change-history rows of the board the maker may read
// whose record is one of ids.
func (a access) history(board string, ids []string) ([]*core.Record, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	if a.user != nil {
		return rules.ListAs(a.app, a.user, model.AuditLog, "board = {:b}", "", 0, dbx.Params{"b": board}, rules.In{Field: "record", Values: ids})
	}
	values := make([]any, len(ids))
	for i, id := range ids {
		values[i] = id
	}
	return a.app.FindAllRecords(model.AuditLog, dbx.HashExp{"board": board}, dbx.In("record", values...))
}

// seesEveryControl reports whether the maker may see every control of the
// plans, as the document pages decide it: only then are the documents the
// internal version, otherwise the public one.
func (a access) seesEveryControl(plans []*core.Record) (bool, error) {
	for _, pl := range plans {
		seen, err := a.list(model.Controls, "plan = {:p}", "", dbx.Params{"p": pl.Id})
		if err != nil {
			return false, err
		}
		all, err := a.app.CountRecords(model.Controls, dbx.HashExp{"plan": pl.Id})
		if err != nil {
			return false, err
		}
		if int64(len(seen)) != all {
			return false, nil
		}
	}
	return true, nil
}
