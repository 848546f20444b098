package model

import (
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/search"
)

// RequestInfo is the request of a user (nil for a guest) as the API rules
// see it, for reads made outside a request: pages, jobs, documents.
func RequestInfo(user *core.Record) *core.RequestInfo {
	return &core.RequestInfo{Auth: user, Method: "GET", Context: core.RequestInfoContextDefault,
		Query: map[string]string{}, Headers: map[string]string{}, Body: map[string]any{}}
}

// ListAs returns the records of a collection that user may list (the
// collection's list rule, exactly as the REST API applies it) and that match
// filter (a PocketBase filter with {:placeholders} from params), sorted
// ("-year,board.name"), at most limit of them (0 for all).
func ListAs(app core.App, user *core.Record, collection, filter, sort string, limit int, params dbx.Params) ([]*core.Record, error) {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	return queryAs(app, user, col, col.ListRule, filter, sort, limit, params)
}

// ViewAs loads one record if user may view it (the collection's view rule),
// in one query; nil when there is no such record or it is not theirs to see.
func ViewAs(app core.App, user *core.Record, collection, id string) (*core.Record, error) {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, nil // no such collection: no such record
	}
	found, err := queryAs(app, user, col, col.ViewRule, "id = {:id}", "", 1, dbx.Params{"id": id})
	if err != nil || len(found) == 0 {
		return nil, err
	}
	return found[0], nil
}

func queryAs(app core.App, user *core.Record, col *core.Collection, rule *string, filter, sort string, limit int, params dbx.Params) ([]*core.Record, error) {
	collection := col.Name
	if rule == nil {
		return nil, nil // superusers only
	}
	q := app.RecordQuery(col)
	resolver := core.NewRecordFieldResolver(app, col, RequestInfo(user), true)
	for _, f := range []string{*rule, filter} {
		if f == "" {
			continue
		}
		expr, err := search.FilterData(inline(f, params)).BuildExpr(resolver)
		if err != nil {
			return nil, fmt.Errorf("failed to apply filter %q to %s: %w", f, collection, err)
		}
		q.AndWhere(expr)
	}
	for _, sf := range search.ParseSortFromString(sort) {
		if sf.Name == "" {
			continue
		}
		expr, err := sf.BuildExpr(resolver)
		if err != nil {
			return nil, fmt.Errorf("failed to sort %s by %q: %w", collection, sort, err)
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
