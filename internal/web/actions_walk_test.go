package web_test

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// rawAction is an action written straight into the table, for lists longer
// than a page: written through the hooks, a thousand take too long.
type rawAction struct {
	id, plan, deadline, status string
}

// insertActions writes actions under control 1 of the demo plan's board,
// each in the plan it names, as the hooks would have stored them.
func insertActions(t testing.TB, app core.App, f *testapp.Fixture, actions []rawAction) {
	t.Helper()
	err := app.RunInTransaction(func(tx core.App) error {
		for i, a := range actions {
			status := a.status
			if status == "" {
				status = model.ActionPlanned
			}
			created := fmt.Sprintf("2025-01-01 00:%02d:%02d.%03dZ", i/3600%60, i/60%60, i%60)
			if _, err := tx.DB().Insert(model.Actions, dbx.Params{
				"id": a.id, "plan": a.plan, "control": f.Controls["1"], "owner": f.Users["ansvarig"],
				"description": "Åtgärd " + a.id, "deadline": a.deadline, "status": status,
				"created": created, "updated": created,
			}).Execute(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("failed to write the actions: %v", err)
	}
}

// insertPlan writes a plan of the demo's board for another year.
func insertPlan(t testing.TB, app core.App, f *testapp.Fixture, id string, year int) {
	t.Helper()
	if _, err := app.DB().Insert(model.Plans, dbx.Params{
		"id": id, "board": f.KS, "year": year, "title": fmt.Sprintf("Plan %d", year), "status": model.PlanDraft,
		"created": "2025-01-01 00:00:00.000Z", "updated": "2025-01-01 00:00:00.000Z",
	}).Execute(); err != nil {
		t.Fatalf("failed to write the plan: %v", err)
	}
}

var actionRowId = regexp.MustCompile(`<tr id="action-([a-z0-9]+)"`)

// TestActionsOrder: the pages list the newest plan year first, within a
// year by deadline with the actions without one last, and together every
// action exactly once — the page is read a year at a time, skipping whole
// years to reach a later page.
func TestActionsOrder(t *testing.T) {
	f := testapp.Fix(t)
	const plan2025 = "zzplan000002025"
	var made []rawAction
	for i := range 60 {
		made = append(made, rawAction{id: fmt.Sprintf("zza25d%09d", i), plan: plan2025,
			deadline: fmt.Sprintf("2025-%02d-%02d 00:00:00.000Z", 12-i/28, 28-i%28)})
		made = append(made, rawAction{id: fmt.Sprintf("zza24d%09d", i), plan: f.Plan,
			deadline: fmt.Sprintf("2023-%02d-%02d 00:00:00.000Z", 12-i/28, 28-i%28)})
	}
	made = append(made, rawAction{id: "zza25u000000001", plan: plan2025}, rawAction{id: "zza25u000000002", plan: plan2025},
		rawAction{id: "zza24u000000001", plan: f.Plan})
	more := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		insertPlan(t, app, f, plan2025, 2025)
		insertActions(t, app, f, made)
	}
	// key orders the made actions as the page must: 2025 before 2024, then
	// dated by deadline, then undated
	key := map[string]string{}
	for _, a := range made {
		year := "1"
		if a.plan == plan2025 {
			year = "0"
		}
		dated := "0" + a.deadline
		if a.deadline == "" {
			dated = "1"
		}
		key[a.id] = year + dated
	}
	seen := map[string]int{}
	var order []string
	collect := func(t testing.TB, app *tests.TestApp, res *http.Response) {
		body, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range actionRowId.FindAllStringSubmatch(string(body), -1) {
			seen[m[1]]++
			if _, ok := key[m[1]]; ok {
				order = append(order, m[1])
			}
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "page 1 of 2", Method: http.MethodGet, URL: "/actions", Headers: testapp.Cookie(f, "samordnare"),
			BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder (131)</caption>", "Sida 1 av 2"},
			AfterTestFunc:   collect,
		},
		{
			Name: "page 2 of 2", Method: http.MethodGet, URL: "/actions?page=2", Headers: testapp.Cookie(f, "samordnare"),
			BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder (131)</caption>", "Sida 2 av 2"},
			AfterTestFunc:   collect,
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
	if len(seen) != 131 { // the 123 made and the fixture's 8
		t.Fatalf("Expected the two pages to hold 131 different actions, got %d", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("Expected action %s on one page once, got %d times", id, n)
		}
	}
	if !slices.IsSortedFunc(order, func(a, b string) int { return strings.Compare(key[a], key[b]) }) {
		t.Fatalf("Expected the newest year first, by deadline, undated last; got %v", order)
	}
	if len(order) != len(made) {
		t.Fatalf("Expected all %d written actions listed, got %d", len(made), len(order))
	}
}

// TestActionsCountedSoFar: past a thousand actions from the page's start
// the page says "more than" and offers to count them all; counted, or
// near the end, it gives the number.
func TestActionsCountedSoFar(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	more := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		made := make([]rawAction, 1010)
		for i := range made {
			made[i] = rawAction{id: fmt.Sprintf("zzcount%08d", i), plan: f.Plan, deadline: "2024-06-30 00:00:00.000Z"}
		}
		insertActions(t, app, f, made)
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "more than a thousand: the first page says so", Method: http.MethodGet, URL: "/actions",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder (fler än 1000)</caption>", "Sida 1 av fler än 10",
				`href="/actions?page=2" rel="next"`, `<a href="/actions?count=all">Räkna alla åtgärder som matchar filtret</a>`},
			NotExpectedContent: []string{`rel="prev"`},
		},
		{
			Name: "counted: the number and the pages", Method: http.MethodGet, URL: "/actions?count=all",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"<caption>Åtgärder (1018)</caption>", "Sida 1 av 11", `href="/actions?count=all&amp;page=2" rel="next"`},
			NotExpectedContent: []string{"fler än", "Räkna alla"},
		},
		{
			Name: "a later page counts a thousand past its start", Method: http.MethodGet, URL: "/actions?page=3",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"<caption>Åtgärder (1018)</caption>", "Sida 3 av 11", `href="/actions?page=4" rel="next"`},
			NotExpectedContent: []string{"fler än"},
		},
		{
			Name: "a reader counts all but the confidential control's", Method: http.MethodGet, URL: "/actions?count=all",
			Headers: testapp.Cookie(f, "lasare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder (1017)</caption>"}, NotExpectedContent: testapp.Secrets,
		},
		{
			Name: "a filter counts what it leaves", Method: http.MethodGet, URL: "/actions?status=in_progress",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder ("}, NotExpectedContent: []string{"fler än", "zzcount"},
		},
		{
			Name: "another board's user counts none of them", Method: http.MethodGet, URL: "/actions",
			Headers: testapp.Cookie(f, "annan"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<title>Åtgärder – ikplan</title>"}, NotExpectedContent: []string{"zzcount", "fler än"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}
