package authz_test

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/proof/testapp"
)

// routes lists every route of the router as "METHOD /pattern"
// (testapp.Routes).
func routes(r *router.Router[*core.RequestEvent]) []string { return testapp.Routes(r) }

// methods is every method a row is checked with.
var methods = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}

// split cuts a route into its method ("" for any) and its pattern.
func split(route string) (string, string) {
	m, p, _ := strings.Cut(route, " ")
	return m, p
}
