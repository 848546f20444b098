package hooks_test

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// commonFields is a common control as kommunstyrelsen defines it, with a
// value in every field model.CommonFields names.
func commonFields(year int, title string) map[string]any {
	return map[string]any{
		"year": year, "title": title, "process": "Attest", "description": "Stickprov av 20 fakturor mot attestreglementet.",
		"method": "stickprov", "frequency": "yearly", "legal_refs": "6 kap. 6 § KL", "confidential": false,
		"target_metric": "Andel fel", "target_operator": "<=", "target_value": "5", "target_unit": "%",
	}
}

// define saves a common control as the system does (the command line).
func define(t testing.TB, app core.App, year int, title string) *core.Record {
	t.Helper()
	r, err := testapp.Create(app, model.CommonControls, commonFields(year, title))
	if err != nil {
		t.Fatalf("Expected the common control %q to be defined, got %v", title, err)
	}
	return r
}

// newPlan saves a draft plan of the board and year as the system does.
func newPlan(t testing.TB, app core.App, board string, year int) *core.Record {
	t.Helper()
	p, err := testapp.Create(app, model.Plans, map[string]any{"board": board, "year": year, "title": "Plan " + strconv.Itoa(year)})
	if err != nil {
		t.Fatalf("Expected a %d plan of board %s, got %v", year, board, err)
	}
	return p
}

// copiesIn are the controls of a plan that are copies of the common control.
func copiesIn(t testing.TB, app core.App, plan, common string) []*core.Record {
	t.Helper()
	cs, err := app.FindAllRecords(model.Controls, dbx.HashExp{"plan": plan, model.CommonControlField: common})
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

// batchOn switches the batch API on in the test app.
func batchOn(t testing.TB, app core.App) {
	s := app.Settings()
	s.Batch.Enabled, s.Batch.MaxRequests, s.Batch.Timeout = true, 50, 10
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
}

// TestCommonControlReachesEveryOpenPlan: a common control defined over the
// REST API by kommunstyrelsen's coordinator is added, once and with the
// same title, method and target, to every draft and adopted plan of its
// year — KS's adopted plan and another board's draft — and not to a
// reported plan nor to another year's; a plan of the year created later
// gets it too.
func TestCommonControlReachesEveryOpenPlan(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	var ian, third, reported, other string
	body, _ := json.Marshal(commonFields(2024, "Efterlevnad av attestreglementet"))
	s := tests.ApiScenario{
		Name: "define", Method: http.MethodPost, URL: "/api/collections/common_controls/records", Body: strings.NewReader(string(body)),
		Headers:         map[string]string{"Authorization": f.Tokens["samordnare"], "Content-Type": "application/json"},
		ExpectedStatus:  http.StatusOK,
		ExpectedContent: []string{`"title":"Efterlevnad av attestreglementet"`},
		TestAppFactory:  testapp.Factory,
		BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
			ian = newPlan(t, app, f.IAN, 2024).Id
			b, err := testapp.Create(app, model.Boards, map[string]any{"name": "Tekniska nämnden"})
			if err != nil {
				t.Fatal(err)
			}
			third = b.Id
			reported = newPlan(t, app, third, 2024).Id
			if err := testapp.ForceStatus(app, reported, model.PlanReported); err != nil {
				t.Fatal(err)
			}
			other = newPlan(t, app, f.IAN, 2025).Id
		},
	}
	s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
		common, err := app.FindFirstRecordByData(model.CommonControls, "title", "Efterlevnad av attestreglementet")
		if err != nil {
			t.Fatalf("Expected the common control saved, got %v", err)
		}
		for plan, want := range map[string]int{f.Plan: 1, ian: 1, reported: 0, other: 0} {
			cs := copiesIn(t, app, plan, common.Id)
			if len(cs) != want {
				t.Errorf("Expected %d copies in plan %s, got %d", want, plan, len(cs))
			}
			for _, c := range cs {
				if m := model.CommonMismatch(c.GetString, common.GetString); len(m) > 0 || c.GetString("section") != model.CommonSection {
					t.Errorf("Expected the copy to carry the common control's fields in its own section, got %v differ, section %q", m, c.GetString("section"))
				}
			}
		}
		b, err := testapp.Create(app, model.Boards, map[string]any{"name": "Kultur- och fritidsnämnden"})
		if err != nil {
			t.Fatal(err)
		}
		later := newPlan(t, app, b.Id, 2024)
		if n := len(copiesIn(t, app, later.Id, common.Id)); n != 1 {
			t.Errorf("Expected a plan created later in the year to get the common control once, got %d", n)
		}
	}
	s.Test(t)
}

// TestCommonControlWriters: only kommunstyrelsen's coordinators (and
// superusers) define common controls; an owner, a reader, an auditor and a
// coordinator of another board only are refused and nothing is written.
func TestCommonControlWriters(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	body, _ := json.Marshal(commonFields(2024, "Efterlevnad av attestreglementet"))
	for _, role := range []string{"samordnare", "superuser", "ansvarig", "lasare", "revisor", "ian-samordnare"} {
		s := &tests.ApiScenario{
			Name: role, Method: http.MethodPost, URL: "/api/collections/common_controls/records",
			Body:           strings.NewReader(string(body)),
			Headers:        map[string]string{"Authorization": f.Tokens[role], "Content-Type": "application/json"},
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"data":{}`},
			TestAppFactory: testapp.Factory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				n := testapp.Count(t, app, model.CommonControls, nil)
				if want := map[bool]int{true: 1, false: 0}[role == "samordnare" || role == "superuser"]; n != want {
					t.Errorf("Expected %d common controls after %s's create, got %d", want, role, n)
				}
			},
		}
		if role == "samordnare" || role == "superuser" {
			s.ExpectedStatus, s.ExpectedContent = http.StatusOK, []string{`"year":2024`}
		}
		if role == "ian-samordnare" {
			s.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				users, _ := app.FindCollectionByNameOrId(model.Users)
				u := core.NewRecord(users)
				u.SetEmail("ian-samordnare@ikplan.test")
				u.SetPassword(testapp.Password)
				u.Set("name", "Ian Samordnare")
				u.Set("role", model.RoleCoordinator)
				u.Set("boards", []string{f.IAN})
				if err := app.Save(u); err != nil {
					t.Fatal(err)
				}
				token, err := u.NewAuthToken()
				if err != nil {
					t.Fatal(err)
				}
				s.Headers["Authorization"] = token
			}
		}
		t.Run(role, func(t *testing.T) { t.Parallel(); s.Test(t) })
	}
}

// TestCommonCopyFieldsLockedEveryPath: on a board's copy, every field
// kommunstyrelsen decided is refused — over the REST API (the board's
// coordinator, a superuser), the batch API and a save by the system (the
// command line, an import) — with a 400 naming the field, and nothing is
// written; the owner and due date are the board's to set.
func TestCommonCopyFieldsLockedEveryPath(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	probe := testapp.New(t)
	changed := map[string]any{}
	col, _ := probe.FindCollectionByNameOrId(model.Controls)
	ref := core.NewRecord(col)
	for k, v := range commonFields(2024, "x") {
		ref.Set(k, v)
	}
	for _, name := range model.CommonFields {
		v, ok := changedValue(probe, ref, col.Fields.GetByName(name))
		if !ok {
			t.Fatalf("Expected a changed value for controls.%s", name)
		}
		changed[name] = v
	}
	// the copy in another board's draft, where the board decides the rest
	// of its plan freely, and in KS's adopted plan
	copyIn := func(t testing.TB, app core.App, draft bool) (copyId string) {
		plan := f.Plan
		if draft {
			plan = newPlan(t, app, f.IAN, 2024).Id
		}
		common := define(t, app, 2024, "Efterlevnad av attestreglementet")
		cs := copiesIn(t, app, plan, common.Id)
		if len(cs) != 1 {
			t.Fatalf("Expected one copy in the plan, got %d", len(cs))
		}
		return cs[0].Id
	}
	setup := func(t testing.TB, app core.App) string { return copyIn(t, app, true) }
	for _, name := range model.CommonFields {
		patch, _ := json.Marshal(map[string]any{name: changed[name]})
		for _, path := range []string{"samordnare", "superuser", "batch"} {
			s := &tests.ApiScenario{
				Name: path + " " + name, Method: http.MethodPatch,
				Headers:         map[string]string{"Authorization": f.Tokens[path], "Content-Type": "application/json"},
				ExpectedStatus:  http.StatusBadRequest,
				ExpectedContent: []string{`"` + name + `":{"code":"validation_ikplan"`, "kommunstyrelsen beslutat"},
				TestAppFactory:  testapp.Factory,
			}
			var before string
			s.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				id := setup(t, app)
				s.URL, s.Body = "/api/collections/controls/records/"+id, strings.NewReader(string(patch))
				if path == "batch" {
					batchOn(t, app)
					s.Method, s.URL, s.Headers["Authorization"] = http.MethodPost, "/api/batch", f.Tokens["samordnare"]
					s.Body = strings.NewReader(`{"requests":[{"method":"PATCH","url":"/api/collections/controls/records/` + id + `","body":` + string(patch) + `}]}`)
				}
				before = snapshot(t, app)
			}
			s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if after := snapshot(t, app); after != before {
					t.Errorf("Expected nothing written, got a change:\n%s", firstDifference(before, after))
				}
			}
			t.Run(s.Name, func(t *testing.T) { t.Parallel(); s.Test(t) })
		}
		t.Run("system "+name, func(t *testing.T) {
			t.Parallel()
			app := testapp.New(t)
			for _, draft := range []bool{true, false} {
				id := copyIn(t, app, draft)
				err := testapp.Update(app, model.Controls, id, map[string]any{name: changed[name]})
				if msg := testapp.FieldErrors(err)[name]; !strings.Contains(msg, "kommunstyrelsen beslutat") {
					t.Errorf("Expected the system's change of %s refused naming the field (draft %v), got %v", name, draft, err)
				}
				if err := testapp.Delete(app, model.CommonControls, commonOfCopy(t, app, id)); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	t.Run("owner and due", func(t *testing.T) {
		t.Parallel()
		app := testapp.New(t)
		id := copyIn(t, app, false)
		if err := testapp.Update(app, model.Controls, id, map[string]any{"owner": f.Users["ansvarig"], "due": "2024-11-30 00:00:00.000Z"}); err != nil {
			t.Fatalf("Expected the board to set the owner and due date of its copy in its adopted plan, got %v", err)
		}
		if err := testapp.Update(app, model.Controls, id, map[string]any{"due": "2024-10-30 00:00:00.000Z"}); err == nil {
			t.Fatalf("Expected the due date frozen with the adopted plan once set")
		}
	})
	t.Run("link", func(t *testing.T) {
		t.Parallel()
		app := testapp.New(t)
		id := setup(t, app)
		if err := testapp.Update(app, model.Controls, id, map[string]any{model.CommonControlField: ""}); testapp.FieldErrors(err)[model.CommonControlField] == "" {
			t.Fatalf("Expected the link refused, got %v", err)
		}
		if err := testapp.Delete(app, model.Controls, id); err == nil {
			t.Fatalf("Expected the copy's delete refused")
		}
		if err := testapp.Update(app, model.Controls, f.Controls["1"], map[string]any{model.CommonControlField: commonOfCopy(t, app, id)}); testapp.FieldErrors(err)[model.CommonControlField] == "" {
			t.Fatalf("Expected a board's own control refused as a link, got %v", err)
		}
	})
}

func commonOfCopy(t testing.TB, app core.App, id string) string {
	return testapp.Find(t, app, model.Controls, id).GetString(model.CommonControlField)
}

// TestCommonControlChangeAndDelete: a change of the definition reaches its
// copies in open plans; once a copy has a result the definition is fixed
// and cannot be deleted; before that, deleting it removes its copies.
func TestCommonControlChangeAndDelete(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	ian := newPlan(t, app, f.IAN, 2024)
	common := define(t, app, 2024, "Efterlevnad av attestreglementet")
	if err := testapp.Update(app, model.CommonControls, common.Id, map[string]any{"title": "Attestreglementet", "target_value": "3"}); err != nil {
		t.Fatalf("Expected the change saved, got %v", err)
	}
	for _, plan := range []string{f.Plan, ian.Id} {
		cs := copiesIn(t, app, plan, common.Id)
		if len(cs) != 1 || cs[0].GetString("title") != "Attestreglementet" || cs[0].GetString("target_value") != "3" {
			t.Fatalf("Expected the copy in plan %s to follow the change, got %v", plan, cs)
		}
	}
	ks := copiesIn(t, app, f.Plan, common.Id)[0]
	if _, err := testapp.Create(app, model.Results, map[string]any{"control": ks.Id, "period": "2024", "outcome": "no_deviation", "measured_value": "1", "performed_on": "2025-01-10 00:00:00.000Z"}); err != nil {
		t.Fatalf("Expected a result for the copy, got %v", err)
	}
	if err := testapp.Update(app, model.CommonControls, common.Id, map[string]any{"title": "Ny rubrik"}); err == nil {
		t.Fatalf("Expected a change refused once a board has a result")
	}
	if err := testapp.Delete(app, model.CommonControls, common.Id); err == nil {
		t.Fatalf("Expected the delete refused once a board has a result")
	}
	unused := define(t, app, 2024, "Delegationsbeslut")
	if err := testapp.Delete(app, model.CommonControls, unused.Id); err != nil {
		t.Fatalf("Expected an unused common control deleted, got %v", err)
	}
	if n := testapp.Count(t, app, model.Controls, dbx.HashExp{model.CommonControlField: unused.Id}); n != 0 {
		t.Fatalf("Expected its copies gone with it, got %d", n)
	}
	if err := testapp.Delete(app, model.Plans, ian.Id); err != nil {
		t.Fatalf("Expected a draft with a copy deleted, got %v", err)
	}
}

// TestCommonControlsExactlyOnce is a property test: after any sequence of
// plan creations, year changes of drafts, reports, common-control
// definitions and deletions, every draft or adopted plan has each common
// control of its year exactly once and no other year's.
func TestCommonControlsExactlyOnce(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	rng := rand.New(rand.NewPCG(18, 2))
	var boards []string
	for i := range 3 {
		b, err := testapp.Create(app, model.Boards, map[string]any{"name": "Nämnd " + strconv.Itoa(i)})
		if err != nil {
			t.Fatal(err)
		}
		boards = append(boards, b.Id)
	}
	years := []int{2024, 2025, 2026}
	var commons []string
	for step := range 60 {
		year := years[rng.IntN(len(years))]
		switch rng.IntN(5) {
		case 0:
			r, _ := testapp.Create(app, model.CommonControls, commonFields(year, "Kontroll "+strconv.Itoa(step)))
			if r != nil && r.Id != "" {
				commons = append(commons, r.Id)
			}
		case 1: // a plan (refused when the board has one that year)
			_, _ = testapp.Create(app, model.Plans, map[string]any{"board": boards[rng.IntN(len(boards))], "year": year})
		case 2: // a draft moved to another year
			if ps, _ := app.FindAllRecords(model.Plans, dbx.HashExp{"status": model.PlanDraft}); len(ps) > 0 {
				p := ps[rng.IntN(len(ps))]
				_ = testapp.Update(app, model.Plans, p.Id, map[string]any{"year": year})
			}
		case 3:
			if len(commons) > 0 {
				i := rng.IntN(len(commons))
				if testapp.Delete(app, model.CommonControls, commons[i]) == nil {
					commons = slices.Delete(commons, i, i+1)
				}
			}
		case 4: // a plan reported (around the rules: its copies stay as reported)
			if ps, _ := app.FindAllRecords(model.Plans, dbx.HashExp{"status": model.PlanDraft}); len(ps) > 0 && rng.IntN(3) == 0 {
				_ = testapp.ForceStatus(app, ps[rng.IntN(len(ps))].Id, model.PlanReported)
			}
		}
		plans, _ := app.FindAllRecords(model.Plans, dbx.In("status", model.PlanDraft, model.PlanAdopted))
		for _, p := range plans {
			ofYear, _ := app.FindAllRecords(model.CommonControls, dbx.HashExp{"year": p.GetInt("year")})
			linked, _ := app.FindAllRecords(model.Controls, dbx.HashExp{"plan": p.Id}, dbx.Not(dbx.HashExp{model.CommonControlField: ""}))
			if len(linked) != len(ofYear) {
				t.Fatalf("step %d: expected plan %s (%d) to have %d common controls, got %d", step, p.Id, p.GetInt("year"), len(ofYear), len(linked))
			}
			for _, k := range ofYear {
				if n := len(copiesIn(t, app, p.Id, k.Id)); n != 1 {
					t.Fatalf("step %d: expected plan %s to have common control %s once, got %d", step, p.Id, k.Id, n)
				}
			}
		}
	}
}

// TestExecutiveBoardIsTheAdministrators: only a superuser marks the board
// that is kommunstyrelsen, and only one board is marked.
func TestExecutiveBoardIsTheAdministrators(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, sc := range []struct {
		who, board string
		status     int
	}{
		{"samordnare", f.IAN, http.StatusNotFound},  // a coordinator of both boards: the update rule
		{"superuser", f.IAN, http.StatusBadRequest}, // KS is marked already
	} {
		s := tests.ApiScenario{
			Name: sc.who, Method: http.MethodPatch, URL: "/api/collections/boards/records/" + sc.board,
			Body:           strings.NewReader(`{"executive":true}`),
			Headers:        map[string]string{"Authorization": f.Tokens[sc.who], "Content-Type": "application/json"},
			ExpectedStatus: sc.status, ExpectedContent: []string{`"data":{`},
			TestAppFactory: testapp.Factory,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if testapp.Find(t, app, model.Boards, f.IAN).GetBool(model.ExecutiveField) {
					t.Errorf("Expected IAN not marked as kommunstyrelsen")
				}
			},
		}
		t.Run(s.Name, func(t *testing.T) { t.Parallel(); s.Test(t) })
	}
	app := testapp.New(t)
	if err := testapp.Update(app, model.Boards, f.KS, map[string]any{model.ExecutiveField: false}); err != nil {
		t.Fatal(err)
	}
	if err := testapp.Update(app, model.Boards, f.IAN, map[string]any{model.ExecutiveField: true}); err != nil {
		t.Fatalf("Expected the system to move the mark, got %v", err)
	}
}

// TestCommonControlHistoryIsKommunstyrelsens: the history rows of a common
// control belong to the board marked as kommunstyrelsen, so that its
// coordinators, who define them, may read them (not only superusers).
func TestCommonControlHistoryIsKommunstyrelsens(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	k := define(t, app, 2024, "Efterlevnad av attestreglementet")
	rows, err := app.FindAllRecords(model.AuditLog, dbx.HashExp{"record": k.Id})
	if err != nil || len(rows) == 0 {
		t.Fatalf("Expected a history row of the common control, got %d (%v)", len(rows), err)
	}
	for _, r := range rows {
		if got := model.AsAuditEntry(r).Board(); got != f.KS {
			t.Errorf("Expected the history row %s to belong to kommunstyrelsen (%s), got %q", r.Id, f.KS, got)
		}
	}
}
