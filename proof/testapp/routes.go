package testapp

import (
	"reflect"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// Routes lists every route of the router as "METHOD /pattern" (a route for
// any method has no method: " /pattern"), in the router's order. PocketBase
// keeps a group's routes unexported, so the walk reads them by reflection,
// exactly as Router.BuildMux concatenates the prefixes. The authorization
// matrix and the browser suite's list of pages both hold themselves to it.
func Routes(r *router.Router[*core.RequestEvent]) []string {
	var out []string
	walkRoutes(reflect.ValueOf(r.RouterGroup), "", &out)
	return out
}

func walkRoutes(v reflect.Value, prefix string, out *[]string) {
	v = reflect.Indirect(v)
	children := v.FieldByName("children")
	if !children.IsValid() { // a route
		*out = append(*out, v.FieldByName("Method").String()+" "+prefix+v.FieldByName("Path").String())
		return
	}
	prefix += v.FieldByName("Prefix").String()
	for i := 0; i < children.Len(); i++ {
		walkRoutes(children.Index(i).Elem(), prefix, out)
	}
}
