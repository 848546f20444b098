package gen_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/hooks"
	"ikplan/internal/gen"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

const password = "gen-test-12345"

// generated is a fresh data folder with a small generated set: 2 boards,
// 2 years (2024 and the tests' 2025), 5 controls per plan, seed 1.
func generated(t *testing.T) (*tests.TestApp, *gen.Summary) {
	t.Helper()
	app, err := tests.NewTestApp(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	hooks.Register(app, testapp.Clock)
	t.Cleanup(app.Cleanup)
	sum, err := gen.Run(app, rand.New(rand.NewPCG(1, 1)), testapp.Clock(), gen.Options{Boards: 2, Years: 2, Controls: 5, Password: password})
	if err != nil {
		t.Fatalf("Expected the data set to be generated, got %v", err)
	}
	return app, sum
}

func TestGenerateCounts(t *testing.T) {
	t.Parallel()
	app, sum := generated(t)
	counts := map[string]int{model.Boards: 2, model.Plans: 4, model.Controls: 20, model.Users: 2*10 + 4}
	for collection, want := range counts {
		if got := testapp.Count(t, app, collection, nil); got != want {
			t.Errorf("Expected %d %s, got %d", want, collection, got)
		}
	}
	if n := testapp.Count(t, app, model.Units, nil); n < 6 || n > 12 {
		t.Errorf("Expected 3–6 units per board, got %d in all", n)
	}
	if n := testapp.Count(t, app, model.RiskAssessments, nil); n == 0 || n != 2*testapp.Count(t, app, model.Risks, nil) {
		t.Errorf("Expected every risk assessed each of the 2 years, got %d assessments", n)
	}
	if sum.Controls != 20 || sum.Results != testapp.Count(t, app, model.Results, nil) {
		t.Errorf("Expected the summary to match the database, got %+v", sum)
	}
	if n := testapp.Count(t, app, model.AuditLog, nil); n < sum.Controls+sum.Results {
		t.Errorf("Expected the hooks to write history rows, got %d", n)
	}
}

func TestGeneratePlansMoveThroughTheirStatuses(t *testing.T) {
	t.Parallel()
	app, _ := generated(t)
	plans, err := app.FindAllRecords(model.Plans)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{2024: model.PlanReported, 2025: model.PlanAdopted}
	for _, p := range plans {
		if s := p.GetString("status"); s != want[p.GetInt("year")] {
			t.Errorf("Expected the %d plan %s, got %s", p.GetInt("year"), want[p.GetInt("year")], s)
		}
		if p.GetDateTime("adopted_on").IsZero() || p.GetString("adopted_ref") == "" {
			t.Errorf("Expected %s adopted with a date and a reference", p.GetString("title"))
		}
		if p.GetInt("year") == 2024 && (p.GetDateTime("reported_on").IsZero() || hooks.ReportGaps(app, p, i18n.Sv) != nil) {
			t.Errorf("Expected %s reported with no gaps", p.GetString("title"))
		}
	}
	// the 2024 plans' every period has a result; the current year's only those already due
	for _, r := range resultsOf(t, app, 2025) {
		if !r.GetDateTime("performed_on").IsZero() && r.GetDateTime("performed_on").Time().After(testapp.Clock()) {
			t.Errorf("Expected no result performed after today, got %s", r.GetDateTime("performed_on"))
		}
	}
}

func resultsOf(t *testing.T, app core.App, year int) []*core.Record {
	t.Helper()
	rs, err := app.FindRecordsByFilter(model.Results, "control.plan.year = {:y}", "", 0, 0, dbx.Params{"y": year})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestGenerateDeviationsAndActions(t *testing.T) {
	t.Parallel()
	app, sum := generated(t)
	devs := testapp.Count(t, app, model.Results, dbx.HashExp{"outcome": model.OutcomeDeviation})
	if devs == 0 || testapp.Count(t, app, model.Deviations, nil) < devs {
		t.Errorf("Expected results with deviations, each described; got %d results", devs)
	}
	overdue := testapp.Count(t, app, model.Actions, dbx.NewExp(
		"status IN ('planned','in_progress') AND deadline != '' AND deadline < {:today}", dbx.Params{"today": "2025-03-15"}))
	if overdue == 0 || overdue != sum.Overdue {
		t.Errorf("Expected overdue actions as counted (%d), got %d", sum.Overdue, overdue)
	}
	for _, s := range []string{model.ActionDone, model.ActionInProgress} {
		if testapp.Count(t, app, model.Actions, dbx.HashExp{"status": s}) == 0 {
			t.Errorf("Expected actions %s", s)
		}
	}
}

func TestGenerateDemoAccountsSignIn(t *testing.T) {
	t.Parallel()
	app, _ := generated(t)
	boards := testapp.Count(t, app, model.Boards, nil)
	for _, a := range append(gen.DemoAccounts, struct{ Email, Name, Role string }{"agare3.b2@ikplan.test", "", model.RoleOwner}) {
		u, err := app.FindAuthRecordByEmail(model.Users, a.Email)
		if err != nil {
			t.Fatalf("Expected the account %s, got %v", a.Email, err)
		}
		if !u.ValidatePassword(password) || u.ValidatePassword("wrong-password") {
			t.Errorf("Expected %s to sign in with the password and only with it", a.Email)
		}
		if a.Role == model.RoleCoordinator && len(u.GetStringSlice("boards")) != boards {
			t.Errorf("Expected %s in all %d boards, got %v", a.Email, boards, u.GetStringSlice("boards"))
		}
	}
}

func TestGenerateEveryRecordIsValid(t *testing.T) {
	t.Parallel()
	app, _ := generated(t)
	for _, collection := range model.Domain {
		recs, err := app.FindAllRecords(collection)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			if err := app.Validate(r); err != nil && !lockedResult(app, collection, r, err) {
				t.Errorf("Expected %s %s valid, got %v", collection, r.Id, err)
			}
		}
	}
}

// lockedResult: a result of a reported or archived plan, refused only
// because the hooks no longer let it change.
func lockedResult(app core.App, collection string, r *core.Record, err error) bool {
	if collection != model.Results {
		return false
	}
	plan, perr := app.FindFirstRecordByFilter(model.Plans, "id = {:p}", dbx.Params{"p": controlPlan(app, r)})
	if perr != nil {
		return false
	}
	s := plan.GetString("status")
	return (s == model.PlanReported || s == model.PlanArchived) &&
		err.Error() == "Uppgifterna sparades inte. control: Planen är "+model.PlanStatusSv(s)+"; dess resultat kan inte längre ändras."
}

func controlPlan(app core.App, result *core.Record) string {
	c, err := app.FindRecordById(model.Controls, result.GetString("control"))
	if err != nil {
		return ""
	}
	return c.GetString("plan")
}

func TestGenerateIsDeterministic(t *testing.T) {
	t.Parallel()
	titles := func() []string {
		app, _ := generated(t)
		var out []string
		for _, c := range []string{model.Controls, model.Deviations, model.Users} {
			recs, err := app.FindAllRecords(c)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range recs {
				out = append(out, fmt.Sprintf("%s|%d|%s|%s|%s", c, r.GetInt("number"), r.GetString("title"), r.GetString("description"), r.GetString("name")))
			}
		}
		slices.Sort(out) // ids, and so the rows' order, are random
		return out
	}
	a, b := titles(), titles()
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("Expected the same number of records, got %d and %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("Expected the same seed to give the same data, record %d: %q and %q", i, a[i], b[i])
		}
	}
}

func TestGenerateRefusesAFolderWithData(t *testing.T) {
	t.Parallel()
	app, _ := generated(t)
	before := testapp.Count(t, app, model.Controls, nil)
	_, err := gen.Run(app, rand.New(rand.NewPCG(2, 2)), time.Date(2025, 3, 15, 0, 0, 0, 0, time.UTC),
		gen.Options{Boards: 1, Years: 1, Controls: 1, Password: password})
	if !errors.Is(err, gen.ErrNotEmpty) {
		t.Errorf("Expected ErrNotEmpty, got %v", err)
	}
	if n := testapp.Count(t, app, model.Controls, nil); n != before {
		t.Errorf("Expected nothing written, got %d controls instead of %d", n, before)
	}
}
