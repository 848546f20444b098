package hooks_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// exec runs SQL on the test app's database, failing the test on an error.
func exec(t *testing.T, app core.App, sql string) {
	t.Helper()
	if _, err := app.DB().NewQuery(sql).Execute(); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// TestHookOrder: the hooks that depend on the history hook run inside its
// transaction (PriorityHistory before PriorityRules), so when one of them
// fails the write is rolled back with its history row — never half saved.
// The "reported" flag is such a hook: a result deleted outside any
// transaction of the caller's, while the controls cannot be updated, is
// refused and still there. Bound the other way round, the result would be
// deleted and its history written before the flag's update failed.
func TestHookOrder(t *testing.T) {
	app := testapp.New(t)
	f := testapp.Fix(t)
	history := testapp.Count(t, app, model.AuditLog, nil)
	exec(t, app, `CREATE TRIGGER test_no_control_update BEFORE UPDATE ON controls BEGIN SELECT RAISE(ABORT, 'controls cannot be updated'); END`)

	err := app.Delete(testapp.Find(t, app, model.Results, f.Results["7"]))
	if err == nil {
		t.Fatalf("Expected the delete to fail when the control's flag cannot be stored")
	}
	if n := testapp.Count(t, app, model.Results, dbx.HashExp{"id": f.Results["7"]}); n != 1 {
		t.Errorf("The result was deleted although the write failed (%v): the reported hook ran outside the history's transaction", err)
	}
	if n := testapp.Count(t, app, model.AuditLog, nil); n != history {
		t.Errorf("The failed write left %d history rows", n-history)
	}
}

// breakPlans makes every read of a whole plan fail with a database error,
// while the checks that a plan exists (count, id) still pass: the plans
// table behind a view with a column SQLite cannot compute.
func breakPlans(t *testing.T, app core.App) {
	t.Helper()
	exec(t, app, `ALTER TABLE plans RENAME TO plans_kept`)
	exec(t, app, `CREATE VIEW plans AS SELECT *, json('not json') AS broken FROM plans_kept`)
}

// TestLookupFailureFailsWrite: a rule's lookup that fails with a database
// error fails the write with a message that nothing was saved; it is never
// read as "no such record, no rule applies". The control would otherwise be
// added to an adopted plan, whose status the rule could not read.
func TestLookupFailureFailsWrite(t *testing.T) {
	app := testapp.New(t)
	f := testapp.Fix(t)
	before := testapp.Count(t, app, model.Controls, nil)
	breakPlans(t, app)

	_, err := testapp.Create(app, model.Controls, map[string]any{"plan": f.Plan, "number": 99, "title": "Ny", "frequency": model.FreqYearly})
	if err == nil {
		t.Fatalf("Expected the write to fail when the plan cannot be read")
	}
	if want := i18n.M("ikplan.lookup.failed").In(i18n.Sv); !strings.Contains(err.Error(), want) {
		t.Errorf("Expected %q, got %v", want, err)
	}
	if n := testapp.Count(t, app, model.Controls, nil); n != before {
		t.Errorf("Expected no control saved, there are %d more", n-before)
	}
}

// TestLookupFailureREST: the same through the REST API, a 500 with the
// message in Swedish and English, and nothing saved.
func TestLookupFailureREST(t *testing.T) {
	f := testapp.Fix(t)
	s := tests.ApiScenario{
		Name: "a control while plans cannot be read", Method: http.MethodPost, URL: "/api/collections/controls/records",
		Body:    strings.NewReader(`{"plan":"` + f.Plan + `","number":99,"title":"Ny","frequency":"yearly"}`),
		Headers: map[string]string{"Authorization": f.Tokens["samordnare"], "Content-Type": "application/json"},
		BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
			breakPlans(t.(*testing.T), app)
		},
		ExpectedStatus:  http.StatusInternalServerError,
		ExpectedContent: []string{"Servern kunde inte läsa det som reglerna behöver"},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if n := testapp.Count(t, app, model.Controls, dbx.HashExp{"number": 99}); n != 0 {
				t.Errorf("Expected no control saved, got %d", n)
			}
		},
		TestAppFactory: testapp.Factory,
	}
	s.Test(t)
}
