package web

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/auth"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/model"
	"ikplan/internal/perf"
	"ikplan/templates"
)

// This file lends the fuzz targets in package web_test the package's
// decoders and filter builders.

// ControlFields are the fields the control form edits.
var ControlFields = controlFields

// ReadControlForm decodes a posted control form (its body with its
// content type) onto control, as the draft plan's form handler does, and
// returns the values the form shows again.
func ReadControlForm(contentType string, body []byte, control *core.Record) (map[string]string, bool) {
	req := httptest.NewRequest(http.MethodPost, "/plans/x/controls", bytesReader(body))
	req.Header.Set("Content-Type", contentType)
	e := &core.RequestEvent{Event: router.Event{Request: req, Response: httptest.NewRecorder()}}
	f := templates.ControlForm{Values: map[string]string{}}
	readControlForm(e, control, &f)
	return f.Values, f.Confidential
}

// ActionFilterOf reads the actions page's filters from a query, given the
// choices the user has, and builds the PocketBase filters of them: the
// plans' (board, year) and the actions' (status, owner, overdue), joined.
func ActionFilterOf(rawQuery string, boards, years, owners []string) (string, dbx.Params, []string) {
	req := httptest.NewRequest(http.MethodGet, "/actions", nil)
	e := &core.RequestEvent{Event: router.Event{Request: req, Response: httptest.NewRecorder()}}
	q, _ := url.ParseQuery(rawQuery)
	opts := func(vals []string) []templates.Option {
		out := make([]templates.Option, len(vals))
		for i, v := range vals {
			out[i] = templates.Option{Value: v, Label: v}
		}
		return out
	}
	f, ignored := parseActionFilters(e, q, actionOptions{boards: opts(boards), years: opts(years), owners: opts(owners)})
	filter, params := actionFilter(f, time.Date(2025, 3, 15, 12, 0, 0, 0, time.UTC))
	plans, planParams := planFilter(f)
	for k, v := range planParams {
		params[k] = v
	}
	return strings.Trim(plans+" && "+filter, " &"), params, ignored
}

// Search lists the records of one kind of the search ("plans",
// "controls", "deviations", "actions") that match q for the user, as the
// search page does.
func Search(app core.App, user *core.Record, kind, q string) ([]*core.Record, error) {
	if k, ok := searchKindOf(kind); ok {
		return list(app, user, k.collection, k.filter, k.sort, searchShown+1, searchParams(q))
	}
	return nil, nil
}

// SearchFields are the fields each kind of the search looks in.
var SearchFields = map[string][]string{
	"plans": {"title"}, "controls": {"title", "description"}, "deviations": {"description"}, "actions": {"description"},
}

// SearchCollection is the collection of each kind of the search.
var SearchCollection = map[string]string{
	"plans": model.Plans, "controls": model.Controls, "deviations": model.Deviations, "actions": model.Actions,
}

// LocalPath is where the sign-in form may send a person afterwards.
var LocalPath = localPath

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

// PageCache lends the tests a page cache of their own.
type PageCache struct{ c *pageCache }

// NewPageCache is an empty page cache.
func NewPageCache() PageCache { return PageCache{newPageCache()} }

// Version reads the data version as a request would.
func (p PageCache) Version(app core.App) (int64, bool) { return p.c.Version(app) }

// Keep keeps a page, a count and a session at version.
func (p PageCache) Keep(version int64, key string) {
	p.c.Cache.Keep(key, version, "", nil, []byte("<p>"))
	p.c.counts.Set(key, version, 0)
	p.c.sessions.Set(key, version, cachedSession{})
}

// Kept is how many pages, counts and sessions the cache holds.
func (p PageCache) Kept() int { return p.c.Cache.Kept() }

// RegisterGated is Register with the page gate and the import gate the
// test gives, so that a test can take their places.
func RegisterGated(app core.App, now func() time.Time, pages, imports *perf.Gate) {
	register(app, &server{app: app, now: now, gate: pages, imports: imports})
}

// MatchUser finds the user who signed in at the provider (login_oidc.go),
// given the provider's subject and verified address.
func MatchUser(app core.App, provider, subject, email string) (*core.Record, error) {
	return matchUser(app, provider, &auth.AuthUser{Id: subject, Email: email})
}

// Overview is the start page's overview (start_overview.go).
type Overview = overview

// NewOverview is newOverview: what user has to do on the day of now.
func NewOverview(app core.App, user *core.Record, now time.Time, days []int) (*Overview, error) {
	return newOverview(app, user, now, days)
}

// The start page's lists.
const (
	ListOverdue  = listOverdue
	ListSoon     = listSoon
	ListControls = listControls
	ListActions  = listActions
)

// StartLists are the start page's lists, in its order.
var StartLists = startLists
