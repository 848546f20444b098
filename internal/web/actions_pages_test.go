package web_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestActionsPaged: /actions counts every action the user may see and
// shows them a hundred at a time, with links to the other pages that keep
// the filters.
func TestActionsPaged(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	// 120 more actions under deviation 2, planned for 2025
	more := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		asSystem(t, app, func(tx core.App) error {
			template, err := tx.FindRecordById(model.Actions, f.Actions["2"])
			if err != nil {
				return err
			}
			for i := range 120 {
				a := core.NewRecord(template.Collection())
				for _, k := range []string{"plan", "control", "deviation", "owner", "deadline", "deadline_precision"} {
					a.Set(k, template.Get(k))
				}
				a.Set("description", fmt.Sprintf("Extra åtgärd %03d", i))
				a.Set("status", model.ActionPlanned)
				if err := tx.Save(a); err != nil {
					return err
				}
			}
			return nil
		})
	}
	scenarios := []tests.ApiScenario{
		{
			Name:   "the first page shows 100 of 128 and links to the next",
			Method: http.MethodGet, URL: "/actions", Headers: testapp.Cookie(f, "samordnare"),
			BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"<caption>Åtgärder (128)</caption>", "Sida 1 av 2", `href="/actions?page=2" rel="next"`},
			NotExpectedContent: []string{`rel="prev"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := countRows(t, res); n != 100 {
					t.Fatalf("Expected 100 rows on the first page, got %d", n)
				}
			},
		},
		{
			Name:   "the second page shows the other 28 and keeps the filter",
			Method: http.MethodGet, URL: "/actions?status=planned&page=2", Headers: testapp.Cookie(f, "samordnare"),
			BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Sida 2 av 2", `href="/actions?status=planned" rel="prev"`},
			NotExpectedContent: []string{`rel="next"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				planned, err := app.CountRecords(model.Actions, dbx.HashExp{"status": model.ActionPlanned})
				if err != nil {
					t.Fatal(err)
				}
				if n := countRows(t, res); int64(n) != planned-100 {
					t.Fatalf("Expected the %d planned actions after the first 100, got %d rows", planned-100, n)
				}
			},
		},
		{
			Name:   "a page past the end shows the last page",
			Method: http.MethodGet, URL: "/actions?page=99", Headers: testapp.Cookie(f, "samordnare"),
			BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Sida 2 av 2"},
		},
		{
			Name:   "a page that is not a number shows the first page",
			Method: http.MethodGet, URL: "/actions?page=x%27", Headers: testapp.Cookie(f, "samordnare"),
			BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Sida 1 av 2"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}

// countRows counts the action rows of the page.
func countRows(t testing.TB, res *http.Response) int {
	t.Helper()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(body), `<tr id="action-`)
}
