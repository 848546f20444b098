package authz_test

import (
	"reflect"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// routes lists every route of the router as "METHOD /pattern" (a route for
// any method has no method: " /pattern"), in the router's order. PocketBase
// keeps a group's routes unexported, so the walk reads them by reflection,
// exactly as Router.BuildMux concatenates the prefixes.
func routes(r *router.Router[*core.RequestEvent]) []string {
	var out []string
	walk(reflect.ValueOf(r.RouterGroup), "", &out)
	return out
}

func walk(v reflect.Value, prefix string, out *[]string) {
	v = reflect.Indirect(v)
	children := v.FieldByName("children")
	if !children.IsValid() { // a route
		*out = append(*out, v.FieldByName("Method").String()+" "+prefix+v.FieldByName("Path").String())
		return
	}
	prefix += v.FieldByName("Prefix").String()
	for i := 0; i < children.Len(); i++ {
		walk(children.Index(i).Elem(), prefix, out)
	}
}

// methods is every method a row is checked with.
var methods = []string{"GET", "POST", "PUT", "PATCH", "DELETE"}

// split cuts a route into its method ("" for any) and its pattern.
func split(route string) (string, string) {
	m, p, _ := strings.Cut(route, " ")
	return m, p
}
