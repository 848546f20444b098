package pb_migrations_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

// The roles of the matrix: keys of the fixture's tokens, and "guest".
// "ansvarig" owns control 1 and everything under it; "raddning" owns other
// controls of the same board; "annan" belongs only to another board.
var roles = []string{"samordnare", "ansvarig", "raddning", "lasare", "revisor", "annan", "guest", "superuser"}

// access is who may do what with one record of a collection.
type access struct {
	collection string
	target     func(f *testapp.Fixture) string
	list       []string // roles that see the record in lists and views
	create     []string
	update     []string
	del        []string
	nullCreate bool // create/update/delete rules are nil (superusers only)
	nullUpdate bool
	nullDelete bool
	createBody func(f *testapp.Fixture) string
	updateBody string
	// updateBodyFor is the update's body when it names fixture records
	updateBodyFor func(f *testapp.Fixture) string
	// prepare readies a fresh app for a create or delete (e.g. a record to delete)
	prepare func(t testing.TB, app core.App, f *testapp.Fixture)
	// prepareAll runs prepare before every request, the reads too: the
	// record is not in the fixture
	prepareAll bool
	// deleteTarget is the record deleted (defaults to target)
	deleteTarget func(f *testapp.Fixture) string
	// superuser overrides for writes that a hook refuses even to superusers
	superCreate, superUpdate, superDelete int
}

var (
	members      = []string{"samordnare", "ansvarig", "raddning", "lasare", "revisor", "superuser"}
	coordinators = []string{"samordnare", "superuser"}
	ownersOfThis = []string{"samordnare", "ansvarig", "superuser"}
	superOnly    = []string{"superuser"}
	historians   = []string{"samordnare", "revisor", "superuser"}
)

func matrix() []access {
	return []access{
		{
			collection: model.Boards, target: func(f *testapp.Fixture) string { return f.KS },
			list: members, create: superOnly, update: coordinators, del: superOnly, nullCreate: true, nullDelete: true,
			createBody: func(f *testapp.Fixture) string { return `{"name":"Kultur- och fritidsnämnden"}` },
			updateBody: `{"short_name":"KS-nämnden"}`,
			prepare: func(t testing.TB, app core.App, f *testapp.Fixture) {
				fixed(t, app, model.Boards, "tmpboard0000001", map[string]any{"name": "Tillfällig nämnd"})
			},
			deleteTarget: func(f *testapp.Fixture) string { return "tmpboard0000001" },
		},
		{
			collection: model.Units, target: func(f *testapp.Fixture) string { return f.Unit },
			list: members, create: coordinators, update: coordinators, del: coordinators,
			createBody: func(f *testapp.Fixture) string { return fmt.Sprintf(`{"name":"Ny avdelning","board":%q}`, f.KS) },
			updateBody: `{"name":"Ekonomienheten"}`,
			// Ekonomiavdelningen is the unit of adopted controls, which keep it:
			// the delete is tried on a unit of its own
			prepare: func(t testing.TB, app core.App, f *testapp.Fixture) {
				fixed(t, app, model.Units, "tmpunit00000001", map[string]any{"name": "Tillfällig avdelning", "board": f.KS})
			},
			deleteTarget: func(f *testapp.Fixture) string { return "tmpunit00000001" },
		},
		{
			collection: model.Users, target: func(f *testapp.Fixture) string { return f.Users["ansvarig"] },
			list: members, create: superOnly, update: superOnly, del: superOnly, nullCreate: true, nullUpdate: true, nullDelete: true,
			createBody: func(f *testapp.Fixture) string {
				return fmt.Sprintf(`{"email":"ny@ikplan.test","password":"ikplan-ny-test","passwordConfirm":"ikplan-ny-test","role":"reader","name":"Ny Läsare","boards":[%q]}`, f.KS)
			},
			updateBody: `{"name":"Anders A. Ansvarig"}`,
			prepare: func(t testing.TB, app core.App, f *testapp.Fixture) {
				fixed(t, app, model.Users, "tmpuser00000001", map[string]any{"email": "tmp@ikplan.test", "password": "ikplan-tmp-1", "role": "reader", "boards": []string{f.KS}})
			},
			deleteTarget: func(f *testapp.Fixture) string { return "tmpuser00000001" },
		},
		{
			collection: model.Settings, target: func(f *testapp.Fixture) string { return f.Settings },
			list: []string{"samordnare", "ansvarig", "raddning", "lasare", "revisor", "annan", "superuser"},
			// coordinators set the municipality's name and logo (the risk
			// matrix stays the administrator's: TestSettingsMatrixIsTheAdministrators)
			create: nil, update: coordinators, del: nil, nullCreate: true, nullDelete: true,
			createBody:  func(f *testapp.Fixture) string { return `{"risk_scale":4}` },
			updateBody:  `{"municipality":"Exempelkommun"}`,
			superCreate: http.StatusBadRequest, superDelete: http.StatusBadRequest,
		},
		{
			collection: model.Risks, target: func(f *testapp.Fixture) string { return f.Risk },
			list: members, create: coordinators, update: coordinators, del: coordinators,
			createBody: func(f *testapp.Fixture) string { return fmt.Sprintf(`{"board":%q,"title":"Ny risk"}`, f.KS) },
			updateBody: `{"description":"Uppdaterad beskrivning"}`,
		},
		{
			collection: model.RiskAssessments, target: func(f *testapp.Fixture) string { return f.Assessment },
			list: members, create: coordinators, update: coordinators, del: coordinators,
			createBody: func(f *testapp.Fixture) string {
				return fmt.Sprintf(`{"risk":%q,"year":2025,"probability":2,"consequence":3}`, f.Risk)
			},
			updateBody: `{"motivation":"Omvärderad"}`,
		},
		{
			collection: model.Plans, target: func(f *testapp.Fixture) string { return f.Plan },
			list: members, create: coordinators, update: coordinators, del: coordinators,
			createBody: func(f *testapp.Fixture) string { return fmt.Sprintf(`{"board":%q,"year":2025}`, f.KS) },
			// the title and adoption are the board's decision: the follow-up's reference is not yet
			updateBody: `{"reported_ref":"KS § 30, dnr KS 2025/0002"}`,
			prepare: func(t testing.TB, app core.App, f *testapp.Fixture) {
				fixed(t, app, model.Plans, "tmpplan00000001", map[string]any{"board": f.KS, "year": 2026})
			},
			deleteTarget: func(f *testapp.Fixture) string { return "tmpplan00000001" },
		},
		{
			collection: model.Controls, target: func(f *testapp.Fixture) string { return f.Controls["1"] },
			list: members, create: coordinators, update: coordinators, del: coordinators,
			createBody: func(f *testapp.Fixture) string {
				return fmt.Sprintf(`{"plan":%q,"number":13,"title":"Ny kontrollpunkt","frequency":"yearly"}`, f.Plan)
			},
			// an adopted plan's control may change owner, nothing else
			updateBodyFor: func(f *testapp.Fixture) string { return fmt.Sprintf(`{"owner":%q}`, f.Users["raddning"]) },
			prepare: func(t testing.TB, app core.App, f *testapp.Fixture) {
				// controls are added and removed only while the plan is a draft,
				// which a plan with results no longer becomes: the fixture puts it there
				if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
					t.Fatal(err)
				}
			},
		},
		{
			collection: model.Results, target: func(f *testapp.Fixture) string { return f.Results["1"] },
			list: members, create: ownersOfThis, update: ownersOfThis, del: ownersOfThis,
			createBody: func(f *testapp.Fixture) string {
				return fmt.Sprintf(`{"control":%q,"period":"2024","outcome":"no_deviation","account":"Kontrollerad."}`, f.Controls["1"])
			},
			updateBody: `{"account":"Kontroll genomförd på alla konteringar."}`,
			prepare: func(t testing.TB, app core.App, f *testapp.Fixture) {
				// the create needs the period free; deleting cascades to its deviation
				if err := testapp.Delete(app, model.Results, f.Results["1"]); err != nil {
					t.Fatal(err)
				}
			},
			deleteTarget: func(f *testapp.Fixture) string { return f.Results["2"] }, // owned by ansvarig too
		},
		{
			collection: model.Deviations, target: func(f *testapp.Fixture) string { return f.Deviations["1"] },
			list: members, create: ownersOfThis, update: ownersOfThis, del: ownersOfThis,
			createBody: func(f *testapp.Fixture) string {
				return fmt.Sprintf(`{"result":%q,"description":"Ännu en felkontering."}`, f.Results["1"])
			},
			updateBody: `{"root_cause":"Ny leverantör"}`,
		},
		{
			collection: model.Actions, target: func(f *testapp.Fixture) string { return f.Actions["1"] },
			list: members, create: ownersOfThis, update: ownersOfThis, del: ownersOfThis,
			createBody: func(f *testapp.Fixture) string {
				return fmt.Sprintf(`{"deviation":%q,"description":"Informera leverantören."}`, f.Deviations["1"])
			},
			updateBody: `{"done_note":"Fakturan har konterats om och leverantören informerad."}`,
		},
		{
			collection: model.AuditLog, target: func(f *testapp.Fixture) string { return f.AuditRow },
			list: historians, create: nil, update: nil, del: nil, nullCreate: true, nullUpdate: true, nullDelete: true,
			createBody: func(f *testapp.Fixture) string {
				return `{"collection":"plans","record":"x","op":"create","actor":"system","at":"2025-01-01 00:00:00.000Z"}`
			},
			updateBody:  `{"actor":"someone"}`,
			superCreate: http.StatusForbidden, superUpdate: http.StatusForbidden, superDelete: http.StatusForbidden,
		},
		{
			// kommungemensamma kontroller: everyone signed in reads them,
			// kommunstyrelsen's coordinators (samordnare coordinates KS, the
			// board marked executive) write them; a year without plans, so
			// that no board's copy is in the way
			collection: model.CommonControls, target: func(f *testapp.Fixture) string { return "tmpcommon000001" },
			list:   []string{"samordnare", "ansvarig", "raddning", "lasare", "revisor", "annan", "superuser"},
			create: coordinators, update: coordinators, del: coordinators,
			createBody: func(f *testapp.Fixture) string {
				return `{"year":2023,"title":"Efterlevnad av attestreglementet","frequency":"yearly"}`
			},
			updateBody: `{"description":"Stickprov av 20 fakturor."}`,
			prepare: func(t testing.TB, app core.App, f *testapp.Fixture) {
				fixed(t, app, model.CommonControls, "tmpcommon000001", map[string]any{"year": 2023, "title": "Delegationsbeslut", "frequency": "yearly"})
			},
			prepareAll: true,
		},
	}
}

// fixed creates a record with a known id, as the system.
func fixed(t testing.TB, app core.App, collection, id string, fields map[string]any) {
	t.Helper()
	col, err := app.FindCollectionByNameOrId(collection)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(col)
	r.Id = id
	for k, v := range fields {
		r.Set(k, v)
	}
	if pw, ok := fields["password"].(string); ok {
		r.SetPassword(pw)
	}
	if err := app.Save(r); err != nil {
		t.Fatalf("failed to prepare %s %s: %v", collection, id, err)
	}
}

func has(list []string, role string) bool {
	for _, r := range list {
		if r == role {
			return true
		}
	}
	return false
}

func headers(f *testapp.Fixture, role string) map[string]string {
	h := map[string]string{"Content-Type": "application/json"}
	if role != "guest" {
		h["Authorization"] = f.Tokens[role]
	}
	return h
}

// TestAPIRules checks every collection × role × operation against the
// collections' API rules.
func TestAPIRules(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, a := range matrix() {
		base := "/api/collections/" + a.collection + "/records"
		target := a.target(f)
		updateBody := a.updateBody
		if a.updateBodyFor != nil {
			updateBody = a.updateBodyFor(f)
		}
		delTarget := target
		if a.deleteTarget != nil {
			delTarget = a.deleteTarget(f)
		}
		for _, role := range roles {
			denied := func(nullRule bool, ruleFails int) int {
				if nullRule {
					return http.StatusForbidden
				}
				return ruleFails
			}
			status := func(allowed bool, ok int, nullRule bool, ruleFails, superOverride int) int {
				if role == "superuser" && superOverride != 0 {
					return superOverride
				}
				if allowed {
					return ok
				}
				return denied(nullRule, ruleFails)
			}
			sees := has(a.list, role)
			listContent := `"totalItems":0`
			if sees {
				listContent = `"totalItems":1`
			}
			viewStatus := http.StatusNotFound
			if sees {
				viewStatus = http.StatusOK
			}
			scenarios := []tests.ApiScenario{
				{
					Name: "list", Method: http.MethodGet, URL: base + "?filter=" + urlq("id='"+target+"'"),
					ExpectedStatus: http.StatusOK, ExpectedContent: []string{listContent},
				},
				{
					Name: "view", Method: http.MethodGet, URL: base + "/" + target,
					ExpectedStatus: viewStatus, ExpectedContent: []string{contentFor(viewStatus, target)},
				},
				{
					Name: "create", Method: http.MethodPost, URL: base, Body: strings.NewReader(a.createBody(f)),
					ExpectedStatus:  status(has(a.create, role), http.StatusOK, a.nullCreate, http.StatusBadRequest, a.superCreate),
					ExpectedContent: []string{`"`},
				},
				{
					Name: "update", Method: http.MethodPatch, URL: base + "/" + target, Body: strings.NewReader(updateBody),
					ExpectedStatus:  status(has(a.update, role), http.StatusOK, a.nullUpdate, http.StatusNotFound, a.superUpdate),
					ExpectedContent: []string{`"`},
				},
				{
					Name: "delete", Method: http.MethodDelete, URL: base + "/" + delTarget,
					ExpectedStatus:  status(has(a.del, role), http.StatusNoContent, a.nullDelete, http.StatusNotFound, a.superDelete),
					ExpectedContent: []string{`"`},
				},
			}
			for _, s := range scenarios {
				s := s
				s.Name = a.collection + "/" + role + "/" + s.Name
				s.Headers = headers(f, role)
				s.TestAppFactory = testapp.Factory
				if a.prepare != nil && (s.Method == http.MethodPost || s.Method == http.MethodDelete || a.prepareAll) {
					prepare := a.prepare
					s.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { prepare(t, app, f) }
				}
				if s.ExpectedStatus == http.StatusNoContent {
					s.ExpectedContent = nil
				}
				t.Run(s.Name, func(t *testing.T) {
					t.Parallel()
					s.Test(t)
				})
			}
		}
	}
}

func contentFor(status int, id string) string {
	if status == http.StatusOK {
		return `"id":"` + id + `"`
	}
	return `"data":{}`
}

func urlq(s string) string {
	return url.QueryEscape("(" + s + ")")
}
