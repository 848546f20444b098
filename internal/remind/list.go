package remind

import (
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/search"
)

// Lister lists the records of a collection that match a PocketBase filter
// (with {:placeholders} from params), sorted, as one user may see them. The
// web UI passes its own list; the job uses As.
type Lister func(collection, filter, sort string, params dbx.Params) ([]*core.Record, error)

// As is the Lister of user for the job, which has no request: the
// collection's list rule applies exactly as it does to the user's own
// requests, so a digest never names what the person may not see.
func As(app core.App, user *core.Record) Lister {
	info := &core.RequestInfo{Auth: user, Method: "GET", Context: core.RequestInfoContextDefault,
		Query: map[string]string{}, Headers: map[string]string{}, Body: map[string]any{}}
	return func(collection, filter, sort string, params dbx.Params) ([]*core.Record, error) {
		col, err := app.FindCachedCollectionByNameOrId(collection)
		if err != nil {
			return nil, err
		}
		if col.ListRule == nil {
			return nil, nil // superusers only
		}
		q := app.RecordQuery(col)
		resolver := core.NewRecordFieldResolver(app, col, info, true)
		for _, f := range []string{*col.ListRule, filter} {
			if f == "" {
				continue
			}
			expr, err := search.FilterData(f).BuildExpr(resolver, params)
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
		var out []*core.Record
		if err := q.All(&out); err != nil {
			return nil, err
		}
		return out, nil
	}
}
