package hooks

import (
	"errors"
	"net/http"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
	"github.com/pocketbase/pocketbase/tools/router"
	"github.com/pocketbase/pocketbase/tools/search"
	"github.com/pocketbase/pocketbase/tools/subscriptions"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// bindReach refuses, before they run, the REST API's filters and sorts
// that reach further than a record's own fields and its single relations
// forward (model.CheckReach says why): in record lists, the one route that
// takes them, and in realtime subscriptions, whose filter PocketBase runs
// on every change it might send. Superusers are not held to it.
func bindReach(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.Bind(&hook.Handler[*core.RequestEvent]{
			Id: "ikplanReach",
			// once the request's auth is known (PocketBase's token
			// middleware), before anything reads the records
			Priority: apis.DefaultLoadAuthTokenMiddlewarePriority + 1,
			Func:     checkListReach,
		})
		return se.Next()
	})
	app.OnRealtimeSubscribeRequest().BindFunc(func(e *core.RealtimeSubscribeRequestEvent) error {
		if e.HasSuperuserAuth() {
			return e.Next()
		}
		for _, sub := range e.Subscriptions {
			name, query, headers := subscription(sub)
			col, err := e.App.FindCachedCollectionByNameOrId(name)
			if err != nil || query[search.FilterQueryParam] == "" {
				continue
			}
			info := &core.RequestInfo{Context: core.RequestInfoContextRealtime, Method: http.MethodGet,
				Query: query, Headers: headers, Auth: e.Auth}
			if err := model.CheckReach(e.App, col, info, query[search.FilterQueryParam], ""); err != nil {
				return reachRefusal(err, e.Request)
			}
		}
		return e.Next()
	})
}

// checkListReach is the middleware of GET /api/collections/{collection}/records.
func checkListReach(e *core.RequestEvent) error {
	r := e.Request
	name, isList := listedCollection(r)
	if !isList || e.HasSuperuserAuth() {
		return e.Next()
	}
	q := r.URL.Query()
	filter, sort := q.Get(search.FilterQueryParam), q.Get(search.SortQueryParam)
	if filter == "" && sort == "" {
		return e.Next()
	}
	col, err := e.App.FindCachedCollectionByNameOrId(name)
	if err != nil {
		return e.Next() // PocketBase's own 404
	}
	info, err := e.RequestInfo()
	if err != nil {
		return e.Next()
	}
	if err := model.CheckReach(e.App, col, info, filter, sort); err != nil {
		return reachRefusal(err, r)
	}
	return e.Next()
}

// listedCollection is the collection of a record list request
// (GET /api/collections/{collection}/records).
func listedCollection(r *http.Request) (string, bool) {
	if r.Method != http.MethodGet {
		return "", false
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/api/collections/")
	if !ok {
		return "", false
	}
	name, tail, _ := strings.Cut(rest, "/")
	return name, name != "" && strings.TrimSuffix(tail, "/") == "records"
}

// subscription splits a realtime topic ("plans/*?options={…}") into its
// collection and the query and headers of its options, read as PocketBase
// reads them.
func subscription(topic string) (string, map[string]string, map[string]string) {
	name, _, _ := strings.Cut(topic, "?")
	name, _, _ = strings.Cut(name, "/")
	c := subscriptions.NewDefaultClient()
	c.Subscribe(topic)
	for _, o := range c.Subscriptions() {
		return name, o.Query, o.Headers
	}
	return name, map[string]string{}, map[string]string{}
}

// reachRefusal is the 400 of a refused filter or sort, in Swedish unless
// the request asks for English, naming the parameter.
func reachRefusal(err error, r *http.Request) error {
	var re *model.ReachError
	if !errors.As(err, &re) {
		return err
	}
	lang := requestLang(r)
	param := i18n.T(lang, "api.param."+re.Param)
	var msg string
	switch re.Kind {
	case model.ReachBack:
		other, field, _ := strings.Cut(re.Via, "_via_")
		msg = i18n.T(lang, "api.reach.back", param, re.Field, re.Via, other, field)
	case model.ReachCollection:
		msg = i18n.T(lang, "api.reach.collection", param, re.Field, re.Via, strings.TrimPrefix(re.Via, "@collection."))
	default:
		own := strings.TrimSuffix(strings.TrimSuffix(re.Via, ":each"), ":length")
		msg = i18n.T(lang, "api.reach.many", param, re.Field, re.Via, own)
	}
	return router.NewBadRequestError(msg, validation.Errors{re.Param: validation.NewError("validation_ikplan_reach", msg)})
}
