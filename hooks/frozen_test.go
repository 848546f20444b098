package hooks_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/hooks"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// underPlan are the collections of what a plan holds, with the demo record
// each probe changes or deletes and what a create under the plan sends.
type underPlan struct {
	collection string
	target     func(f *testapp.Fixture) string
	create     func(f *testapp.Fixture) map[string]any
	owned      bool // control 1's owner (ansvarig) may write it by the API rules
}

func plansContents() []underPlan {
	return []underPlan{
		{
			collection: model.Controls, target: func(f *testapp.Fixture) string { return f.Controls["1"] },
			create: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"plan": f.Plan, "number": 30, "title": "Ny kontrollpunkt", "frequency": "yearly"}
			},
		},
		{
			collection: model.Results, target: func(f *testapp.Fixture) string { return f.Results["1"] }, owned: true,
			create: func(f *testapp.Fixture) map[string]any {
				// control 9 (ansvarig's) has no result in this set-up (reportDemo)
				return map[string]any{"control": f.Controls["9"], "period": "2024", "outcome": "no_deviation", "account": "Granskad."}
			},
		},
		{
			collection: model.Deviations, target: func(f *testapp.Fixture) string { return f.Deviations["1"] }, owned: true,
			create: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"result": f.Results["1"], "description": "Ännu en felkontering."}
			},
		},
		{
			collection: model.Samples, target: func(f *testapp.Fixture) string { return frozenSample }, owned: true,
			create: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"control": f.Controls["1"], "period": "2024", "size": 1}
			},
		},
		{
			collection: model.SampleItems, target: func(f *testapp.Fixture) string { return hooks.ItemId(frozenSample, 2) }, owned: true,
			create: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"sample": frozenSample, "position": 11, "row": 3}
			},
		},
		{
			collection: model.Actions, target: func(f *testapp.Fixture) string { return f.Actions["2"] }, owned: true,
			create: func(f *testapp.Fixture) map[string]any {
				return map[string]any{"deviation": f.Deviations["1"], "description": "Informera leverantören."}
			},
		},
	}
}

// frozenSample is the id of the sample reportDemo draws for control 9.
const frozenSample = "frozensample001"

// reportDemo marks the demo plan reported. Control 9's result is removed
// first so that a create has a free period to try, and its period is
// drawn as a sample (frozenSample) with one item assessed; the gate would
// refuse the plan then, so the fixture sets the status around it, after
// the significant deviations got their deadlines as a real report needs.
func reportDemo(t testing.TB, app core.App, f *testapp.Fixture) {
	t.Helper()
	if err := testapp.Delete(app, model.Results, f.Results["9"]); err != nil {
		t.Fatal(err)
	}
	if _, err := drawAs(app, f, "ansvarig", model.RoleOwner, map[string]any{"id": frozenSample, "control": f.Controls["9"], "period": "2024", "size": 5}, population(t)); err != nil {
		t.Fatal(err)
	}
	if err := assess(app, f, hooks.ItemId(frozenSample, 1), map[string]any{"status": "deviation", "note": "Attest saknas."}); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"8", "10"} {
		if err := testapp.Update(app, model.Actions, f.Actions[key], map[string]any{"deadline": "2025-09-30"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := app.DB().Update(model.Plans, dbx.Params{"reported_on": "2025-03-10 00:00:00.000Z", "reported_ref": "KS § 30"}, dbx.HashExp{"id": f.Plan}).Execute(); err != nil {
		t.Fatal(err)
	}
	if err := testapp.ForceStatus(app, f.Plan, model.PlanReported); err != nil {
		t.Fatal(err)
	}
}

// snapshot is every row of the plan's collections and of the history, as
// text: equal snapshots mean nothing was written.
func snapshot(t testing.TB, app core.App) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{model.Plans, model.Controls, model.Results, model.Deviations, model.Actions, model.Samples, model.SampleItems, model.AuditLog} {
		var rows []dbx.NullStringMap
		if err := app.DB().NewQuery("SELECT * FROM " + table + " ORDER BY id").All(&rows); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s %d\n", table, len(rows))
		for _, r := range rows {
			for _, k := range slices.Sorted(maps.Keys(r)) {
				fmt.Fprintf(&b, "%s=%s;", k, r[k].String)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// changedValue is a value for the field that differs from the record's,
// of the field's type: what a client trying every field would send. ok
// is false for the fields a JSON body cannot change (files, ids, times).
func changedValue(app core.App, r *core.Record, fl core.Field) (any, bool) {
	name := fl.GetName()
	switch f := fl.(type) {
	case *core.TextField:
		if f.PrimaryKey {
			return nil, false
		}
		return "Ändrad text", true
	case *core.EditorField:
		return "Ändrad text", true
	case *core.NumberField:
		return r.GetFloat(name) + 1, true
	case *core.BoolField:
		return !r.GetBool(name), true
	case *core.DateField:
		if r.GetDateTime(name).Time().Format("2006-01-02") == "2024-06-28" {
			return "2024-06-27 00:00:00.000Z", true
		}
		return "2024-06-28 00:00:00.000Z", true
	case *core.SelectField:
		for _, v := range f.Values {
			if v != r.GetString(name) {
				return v, true
			}
		}
	case *core.RelationField:
		others, err := app.FindRecordsByFilter(f.CollectionId, "id != {:id}", "created", 1, 0, dbx.Params{"id": r.GetString(name)})
		if err == nil && len(others) > 0 {
			return others[0].Id, true
		}
		if r.GetString(name) != "" {
			return "", true
		}
	}
	return nil, false
}

// apiCase is one REST request at the reported plan.
type apiCase struct {
	name, role, method, url string
	body                    func() (string, []byte, error) // content type and body
}

// expectedRefusal is the status the request gets: the frozen plan's 400
// for whoever the API rules let write, else the rules' own refusal.
func expectedRefusal(c apiCase, allowed bool) int {
	switch {
	case allowed:
		return http.StatusBadRequest
	case c.method == http.MethodPost:
		return http.StatusBadRequest
	}
	return http.StatusNotFound
}

// TestReportedPlanIsFrozen: once a plan is reported nothing under it can
// be created, changed or deleted over the REST API — every field of every
// collection under the plan, and an evidence upload — by its coordinator,
// the owner of the control, or a superuser; the answer is a 4xx, and not a
// row changes, the history's included.
func TestReportedPlanIsFrozen(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	probe := testapp.New(t)
	reportDemo(t, probe, f)
	var cases []apiCase
	jsonBody := func(v map[string]any) func() (string, []byte, error) {
		return func() (string, []byte, error) {
			b, err := json.Marshal(v)
			return "application/json", b, err
		}
	}
	for _, u := range plansContents() {
		base := "/api/collections/" + u.collection + "/records"
		target := testapp.Find(t, probe, u.collection, u.target(f))
		for _, role := range []string{"samordnare", "ansvarig", "superuser"} {
			cases = append(cases,
				apiCase{name: u.collection + "/" + role + "/create", role: role, method: http.MethodPost, url: base, body: jsonBody(u.create(f))},
				apiCase{name: u.collection + "/" + role + "/delete", role: role, method: http.MethodDelete, url: base + "/" + target.Id},
			)
			for _, fl := range target.Collection().Fields {
				if fl.GetHidden() || fl.Type() == core.FieldTypeAutodate {
					continue
				}
				v, ok := changedValue(probe, target, fl)
				if !ok {
					continue
				}
				cases = append(cases, apiCase{name: u.collection + "/" + role + "/update " + fl.GetName(), role: role,
					method: http.MethodPatch, url: base + "/" + target.Id, body: jsonBody(map[string]any{fl.GetName(): v})})
			}
		}
	}
	// a risk's action, named into the reported plan by a coordinator
	cases = append(cases, apiCase{name: "actions/samordnare/create for a risk", role: "samordnare", method: http.MethodPost,
		url: "/api/collections/actions/records", body: jsonBody(map[string]any{"risk": f.Risk, "plan": f.Plan, "description": "Riskens åtgärd."})})
	for _, role := range []string{"samordnare", "ansvarig", "superuser"} {
		cases = append(cases, apiCase{name: "results/" + role + "/evidence upload", role: role, method: http.MethodPatch,
			url: "/api/collections/results/records/" + f.Results["1"], body: func() (string, []byte, error) {
				data, mp, err := tests.MockMultipartData(map[string]string{"account": "Med underlag."}, "evidence")
				if err != nil {
					return "", nil, err
				}
				return mp.FormDataContentType(), data.Bytes(), nil
			}})
		cases = append(cases, apiCase{name: "sample_items/" + role + "/evidence upload", role: role, method: http.MethodPatch,
			url: "/api/collections/sample_items/records/" + hooks.ItemId(frozenSample, 1), body: func() (string, []byte, error) {
				data, mp, err := tests.MockMultipartData(map[string]string{"note": "Med underlag."}, "evidence")
				if err != nil {
					return "", nil, err
				}
				return mp.FormDataContentType(), data.Bytes(), nil
			}})
	}

	for _, c := range cases {
		allowed := c.role != "ansvarig" || !strings.HasPrefix(c.name, model.Controls+"/")
		var before string
		s := tests.ApiScenario{
			Name: c.name, Method: c.method, URL: c.url,
			Headers:        map[string]string{"Authorization": f.Tokens[c.role]},
			ExpectedStatus: expectedRefusal(c, allowed),
			TestAppFactory: testapp.Factory,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				reportDemo(t, app, f)
				before = snapshot(t, app)
			},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if after := snapshot(t, app); after != before {
					t.Errorf("Expected nothing written under the reported plan, got a change:\n%s", firstDifference(before, after))
				}
			},
		}
		if allowed {
			s.ExpectedContent = []string{"återrapporterad"}
		} else {
			s.ExpectedContent = []string{`"data"`}
		}
		if c.body != nil {
			ct, b, err := c.body()
			if err != nil {
				t.Fatal(err)
			}
			s.Headers["Content-Type"] = ct
			s.Body = strings.NewReader(string(b))
		}
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}
}

// firstDifference is the first line in which two snapshots differ.
func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "before: " + al[i] + "\nafter:  " + bl[i]
		}
	}
	return fmt.Sprintf("%d lines before, %d after", len(al), len(bl))
}

// TestReopenLetsWritesThrough: a coordinator reopens a reported plan over
// the REST API with a reason, which the history row of the reopen holds;
// after it, what was frozen may be written again, and an owner or a
// reopen without reason is refused.
func TestReopenLetsWritesThrough(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	plan := "/api/collections/plans/records/" + f.Plan
	reported := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { reportDemo(t, app, f) }
	reopened := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		reportDemo(t, app, f)
		err := asUser(app, f, "samordnare", model.RoleCoordinator, func(tx core.App) error {
			return testapp.Update(tx, model.Plans, f.Plan, map[string]any{"status": "adopted", "status_reason": "Åtgärden i kontrollpunkt 1 var fel."})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	json := func(role string) map[string]string {
		return map[string]string{"Authorization": f.Tokens[role], "Content-Type": "application/json"}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "the coordinator reopens with a reason", Method: http.MethodPatch, URL: plan,
			Body:           strings.NewReader(`{"status":"adopted","status_reason":"Kontrollpunkt 1:s åtgärd var fel beskriven."}`),
			Headers:        json("samordnare"),
			BeforeTestFunc: reported, ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"status":"adopted"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				row, err := app.FindFirstRecordByFilter(model.AuditLog, "record = {:p} && op = 'update' && actor = {:a}",
					dbx.Params{"p": f.Plan, "a": "users/" + f.Users["samordnare"]})
				if err != nil {
					t.Fatalf("Expected the coordinator's reopen in the history, got %v", err)
				}
				if c := row.GetString("changes"); !strings.Contains(c, `"status_reason":["","Kontrollpunkt 1:s åtgärd var fel beskriven."]`) ||
					!strings.Contains(c, `"status":["reported","adopted"]`) {
					t.Fatalf("Expected the reopen with its reason in one history row, got %s", c)
				}
				if got := row.GetString("reason"); got != "Kontrollpunkt 1:s åtgärd var fel beskriven." {
					t.Fatalf("Expected the history row's reason to be the reopen's reason, got %q", got)
				}
			},
		},
		{
			Name: "a reopen without a reason is refused", Method: http.MethodPatch, URL: plan,
			Body: strings.NewReader(`{"status":"adopted","status_reason":"\u200b"}`), Headers: json("samordnare"),
			BeforeTestFunc: reported, ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{`"status_reason"`, "varför planen öppnas igen"},
		},
		{
			Name: "an owner cannot reopen", Method: http.MethodPatch, URL: plan,
			Body: strings.NewReader(`{"status":"adopted","status_reason":"Vill rätta."}`), Headers: json("ansvarig"),
			BeforeTestFunc: reported, ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{`"data":{}`},
		},
		{
			Name: "after the reopen the owner's deviation takes a change", Method: http.MethodPatch,
			URL:  "/api/collections/deviations/records/" + f.Deviations["1"],
			Body: strings.NewReader(`{"root_cause":"Ny leverantör utan avtal."}`), Headers: json("ansvarig"),
			BeforeTestFunc: reopened, ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Ny leverantör utan avtal."},
		},
		{
			Name: "after the reopen the coordinator adds an action", Method: http.MethodPost,
			URL:  "/api/collections/actions/records",
			Body: strings.NewReader(`{"deviation":"` + f.Deviations["1"] + `","description":"Informera leverantören."}`), Headers: json("samordnare"),
			BeforeTestFunc: reopened, ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Informera leverantören."},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}
}

// TestCarryOnFromAReportedPlan: what a reported plan left unfinished is
// taken over by the carry operations (model.RunCarry) — a transfer marks an
// unfinished action transferred, a decision on next year's plan closes it —
// and nothing else about it changes, in a carry operation or out of one.
func TestCarryOnFromAReportedPlan(t *testing.T) {
	t.Parallel()
	carry := func(key string, fields map[string]any) func(app *tests.TestApp, f *testapp.Fixture) error {
		return func(app *tests.TestApp, f *testapp.Fixture) error {
			if err := completeDemo(app, f, "2025-03-10"); err != nil {
				return err
			}
			return asUser(app, f, "samordnare", model.RoleCoordinator, func(tx core.App) error {
				return model.RunCarry(tx, func(tx core.App) error { return testapp.Update(tx, model.Actions, f.Actions[key], fields) })
			})
		}
	}
	runRules(t, []ruleCase{
		{name: "a transfer marks an unfinished action", write: func(app *tests.TestApp, f *testapp.Fixture) error {
			return carry("2", map[string]any{"transferred_to": f.IAN})(app, f)
		}},
		{name: "next year's plan closes an unfinished action", write: carry("2", map[string]any{"status": "cancelled", "cancel_reason": "Ersätts av ny rutin."})},
		{name: "a carry operation changes nothing else", write: carry("2", map[string]any{"description": "Ny text"}), refused: "plan", contains: "återrapporterad"},
		{name: "a carry operation does not close a done action", write: carry("1", map[string]any{"status": "cancelled", "cancel_reason": "Fel."}), refused: "plan"},
		{name: "a carry operation does not finish an action", write: carry("2", map[string]any{"status": "done", "done_note": "Klart."}), refused: "plan"},
		{
			name: "outside a carry operation nothing is marked",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := completeDemo(app, f, "2025-03-10"); err != nil {
					return err
				}
				return update(model.Actions, f.Actions["2"], map[string]any{"status": "cancelled", "cancel_reason": "Ersätts."})(app, f)
			},
			refused: "plan", contains: "återrapporterad",
		},
	})
}

// TestActionPinnedToItsPlan: an action's plan is fixed once it is created,
// and a risk's action goes only into a plan of the risk's board.
func TestActionPinnedToItsPlan(t *testing.T) {
	t.Parallel()
	runRules(t, []ruleCase{
		{
			name: "a risk's action cannot move into another board's plan",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				a, err := testapp.Create(app, model.Actions, map[string]any{"risk": f.Risk, "plan": f.Plan, "description": "Riskens åtgärd."})
				if err != nil {
					return err
				}
				other, _, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				return testapp.Update(app, model.Actions, a.Id, map[string]any{"plan": other.Id})
			},
			refused: "plan",
		},
		{
			name: "a risk's action is not created in another board's plan",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				other, _, err := draftPlanWithControl(app, f, f.Users["hr"])
				if err != nil {
					return err
				}
				_, err = testapp.Create(app, model.Actions, map[string]any{"risk": f.Risk, "plan": other.Id, "description": "Riskens åtgärd."})
				return err
			},
			refused: "risk",
		},
		{
			name: "a risk linked from an adopted plan's control is not deleted",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
					return err
				}
				if err := testapp.Update(app, model.Controls, f.Controls["1"], map[string]any{"risk": f.Risk}); err != nil {
					return err
				}
				if err := testapp.ForceStatus(app, f.Plan, model.PlanAdopted); err != nil {
					return err
				}
				return testapp.Delete(app, model.Risks, f.Risk)
			},
			refused: "-", contains: "kontrollpunkt 1",
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if got := testapp.Find(t, app, model.Controls, f.Controls["1"]).GetString("risk"); got != f.Risk {
					t.Fatalf("Expected control 1 still linked to the risk, got %q", got)
				}
			},
		},
		{
			name:    "a unit of an adopted plan's control is not deleted",
			write:   func(app *tests.TestApp, f *testapp.Fixture) error { return testapp.Delete(app, model.Units, f.Unit) },
			refused: "-", contains: "Förvaltningen",
		},
	})
}
