package remind

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
)

// Lister lists the records of a collection that match a PocketBase filter
// (with {:placeholders} from params), sorted, as one user may see them. The
// web UI passes its own list; the job uses As.
type Lister func(collection, filter, sort string, params dbx.Params, opts ...access.ListOption) ([]*core.Record, error)

// As is the Lister of user for the job, which has no request: the
// collection's list rule applies exactly as it does to the user's own
// requests, so a digest never names what the person may not see.
func As(app core.App, user *core.Record) Lister {
	return func(collection, filter, sort string, params dbx.Params, opts ...access.ListOption) ([]*core.Record, error) {
		return access.ListAs(app, user, collection, filter, sort, 0, params, opts...)
	}
}
