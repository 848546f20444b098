package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

func init() {
	m.Register(usersRuleByText, usersRuleByJoin)
}

// usersByJoin was the users' list and view rule: a board of theirs is one
// of the signed-in user's. PocketBase turned it into a join of each user's
// boards with every board of the signed-in user (30 × 30 rows for each
// person of thirty boards): listing the 304 people of the reference set
// took 13 ms.
const usersByJoin = `id = @request.auth.id || (` + signedIn + ` && boards.id ?= @request.auth.boards.id)`

// usersByText is the same rule the way member() reads board membership:
// some board of theirs is found in the signed-in user's list of boards, as
// its JSON text (ids are 15 letters and digits, so one cannot match inside
// another). One join, of each user's own boards. The one difference: two
// people of no board at all no longer see each other.
const usersByText = `id = @request.auth.id || (` + signedIn + ` && @request.auth.boards ?~ boards.id)`

func usersRuleByText(app core.App) error { return setUsersRule(app, usersByText) }

func usersRuleByJoin(app core.App) error { return setUsersRule(app, usersByJoin) }

func setUsersRule(app core.App, rule string) error {
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		return err
	}
	users.ListRule, users.ViewRule = types.Pointer(rule), types.Pointer(rule)
	return app.Save(users)
}
