package web_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestStartPageActsWhereItSends: an action on the start page's lists (and
// on the whole list's page) carries its status block and form, anchored at
// #action-{id}; a save without JavaScript returns to the page it was on, at
// the action. A reader, who can own nothing, has no lists and no form.
func TestStartPageActsWhereItSends(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	a := f.Actions["12"] // overdue in the fixture (deadline 2025-01-31)
	form := func(user string) map[string]string {
		return with(testapp.Cookie(f, user), "Content-Type", "application/x-www-form-urlencoded")
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "the coordinator's overdue list carries the action's status form", Method: http.MethodGet,
			URL: "/", Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<tr id="action-` + a + `"`, `id="action-status-` + a + `"`,
				`action="/actions/` + a + `/status"`, `name="back" value="/"`},
		},
		{
			Name: "the whole list's page returns to itself", Method: http.MethodGet,
			URL: "/start/overdue", Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`action="/actions/` + a + `/status"`, `name="back" value="/start/overdue"`},
		},
		{
			Name: "a reader has no form", Method: http.MethodGet,
			URL: "/", Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			NotExpectedContent: []string{`/status"`, `action-status-`},
		},
		{
			Name: "a save from the start page returns to it, at the action", Method: http.MethodPost,
			URL: "/actions/" + a + "/status", Headers: form("samordnare"),
			Body:           formBody("status", "in_progress", "back", "/"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/#action-"+a {
					t.Fatalf("Expected a redirect to %q, got %q", "/#action-"+a, loc)
				}
				if got := testapp.Find(t, app, model.Actions, a).GetString("status"); got != model.ActionInProgress {
					t.Fatalf("Expected the action in progress, got %s", got)
				}
			},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}
}
