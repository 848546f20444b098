package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// draftPlan is the id of the draft plan some scenarios make for Kommunstyrelsen.
const draftPlan = "draftplan000001"

func makeDraft(t testing.TB, app *tests.TestApp, f *testapp.Fixture) {
	t.Helper()
	if _, err := testapp.Create(app, model.Plans, map[string]any{"id": draftPlan, "board": f.KS, "year": 2025}); err != nil {
		t.Fatalf("failed to create the draft plan: %v", err)
	}
	if _, err := testapp.Create(app, model.Controls, map[string]any{"plan": draftPlan, "number": 1, "title": "Första"}); err != nil {
		t.Fatalf("failed to create the draft's first control: %v", err)
	}
}

func setScale(t testing.TB, app *tests.TestApp, f *testapp.Fixture, n int) {
	t.Helper()
	if err := testapp.Update(app, model.Settings, f.Settings, map[string]any{"risk_scale": n}); err != nil {
		t.Fatalf("failed to set the risk scale: %v", err)
	}
}

func TestRiskRegister(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	cell32 := `href="/risks?year=2024&amp;p=3&amp;c=2#list"`
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: "/risks",
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/login") {
					t.Fatalf("Expected a redirect to /login, got %q", loc)
				}
			},
		},
		{
			Name: "the register falls back to the latest year assessed, with the risk in cell 3 × 2", Method: http.MethodGet,
			URL: "/risks", Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				"<title>Risker – ikplan</title>", "<html", "Riskmatris 2024", "<caption>Kommunstyrelsen</caption>",
				"Felaktig kontering av representation", "Ekonomiavdelningen", "Ekonomi", "Aktiv",
				"3 × 2 = 6", `<strong class="tag tag--yellow">medel</strong>`,
				cell32, `aria-label="1 medel – Sannolikhet 3, konsekvens 2: 1 risk, medel"`,
				`aria-label="0 hög – Sannolikhet 5, konsekvens 5: 0 risker, hög"`, `aria-label="0 låg – Sannolikhet 1, konsekvens 1: 0 risker, låg"`,
				`role="group" aria-labelledby="matrix-title"`, "<title id=\"matrix-title\">Riskmatris 2024: sannolikhet × konsekvens</title>",
				"Sannolikhet →", "Konsekvens →", "<caption>Antal risker per sannolikhet och konsekvens 2024</caption>",
			},
			NotExpectedContent: []string{"Ny risk", `name="title"`, `aria-current="true"`, "risk-cell__mark"},
		},
		{
			Name: "a fragment for the filters: only the register", Method: http.MethodGet, URL: "/risks?year=2024",
			Headers:            with(testapp.Cookie(f, "lasare"), "HX-Request", "true", "HX-Target", "register"),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`<div id="register">`, cell32, "Felaktig kontering av representation"},
			NotExpectedContent: []string{"<html", "<title>", "filter-year"},
		},
		{
			Name: "a boosted link gets the whole page", Method: http.MethodGet, URL: "/risks",
			Headers:         with(testapp.Cookie(f, "lasare"), "HX-Request", "true", "HX-Boosted", "true"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"<html", "<title>Risker – ikplan</title>", `<div id="register">`},
		},
		{
			Name: "an htmx request aimed elsewhere (HX-Location after a save) gets the whole page", Method: http.MethodGet, URL: "/risks",
			Headers:         with(testapp.Cookie(f, "lasare"), "HX-Request", "true"),
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"<html", `<div id="register">`},
		},
		{
			Name: "a 4×4 matrix when the settings say 4", Method: http.MethodGet, URL: "/risks",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { setScale(t, app, f, 4) },
			ExpectedContent: []string{
				`aria-label="0 hög – Sannolikhet 4, konsekvens 4: 0 risker, hög"`, `aria-label="1 medel – Sannolikhet 3, konsekvens 2: 1 risk, medel"`,
				`viewBox="0 0 424 392"`, "Konsekvens 4 – Allvarlig</th>", "Sannolikhet 4 – Sannolik</th>",
				`>Allvarlig</tspan>`, `>Mindre</tspan><tspan x="118" dy="14">sannolik</tspan>`,
			},
			NotExpectedContent: []string{"Sannolikhet 5", "konsekvens 5", "Konsekvens 5", "Mycket allvarlig", "Mycket sannolik"},
		},
		{
			Name: "the cell's link filters the list to the cell", Method: http.MethodGet, URL: "/risks?year=2024&p=3&c=2",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Visar risker med sannolikhet 3 och konsekvens 2.", `aria-current="true"`, `class="risk-cell__mark"`,
				"Felaktig kontering av representation</a>", `<a href="/risks?year=2024#list">Visa alla risker</a>`},
		},
		{
			Name: "another cell lists nothing", Method: http.MethodGet, URL: "/risks?year=2024&p=1&c=1",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Visar risker med sannolikhet 1 och konsekvens 1.", "Det finns inga risker att visa."},
			NotExpectedContent: []string{"Felaktig kontering av representation</a>"},
		},
		{
			Name: "a year without assessments shows the risk unassessed and an empty matrix", Method: http.MethodGet, URL: "/risks?year=2025",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Riskmatris 2025", "Ej bedömd 2025", `aria-label="0 medel – Sannolikhet 3, konsekvens 2: 0 risker, medel"`},
			NotExpectedContent: []string{cell32, "3 × 2 = 6"},
		},
		{
			Name: "the status filter", Method: http.MethodGet, URL: "/risks?year=2024&status=closed",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Det finns inga risker att visa.", `aria-label="0 medel – Sannolikhet 3, konsekvens 2: 0 risker, medel"`},
			NotExpectedContent: []string{"Felaktig kontering av representation"},
		},
		{
			Name: "annan sees no risk of Kommunstyrelsen", Method: http.MethodGet, URL: "/risks?year=2024",
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Det finns inga risker att visa.", `aria-label="0 medel – Sannolikhet 3, konsekvens 2: 0 risker, medel"`},
			NotExpectedContent: []string{"Felaktig kontering av representation", "Kommunstyrelsen", "Ekonomiavdelningen"},
		},
		{
			Name: "a coordinator gets the new-risk form for their boards", Method: http.MethodGet, URL: "/risks",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<h2 id="new-risk">Ny risk</h2>`, `<option value="` + f.KS + `"`, `<option value="` + f.IAN + `"`, `<option value="` + f.Unit + `"`},
		},
		{
			Name: "a coordinator adds a risk and is sent to it", Method: http.MethodPost, URL: "/risks",
			Headers:        with(testapp.Cookie(f, "samordnare"), "Content-Type", "application/x-www-form-urlencoded"),
			Body:           strings.NewReader("board=" + f.KS + "&title=Felaktiga+utbetalningar&process=Utbetalningar&category=ekonomi&unit=" + f.Unit + "&status=active"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				r, err := app.FindFirstRecordByFilter(model.Risks, "title = 'Felaktiga utbetalningar'")
				if err != nil {
					t.Fatalf("Expected the risk stored, got %v", err)
				}
				if r.GetString("board") != f.KS || r.GetString("process") != "Utbetalningar" || r.GetString("unit") != f.Unit {
					t.Fatalf("Expected the risk's fields stored, got %v", r.PublicExport())
				}
				if loc := res.Header.Get("Location"); loc != "/risks/"+r.Id {
					t.Fatalf("Expected a redirect to /risks/%s, got %q", r.Id, loc)
				}
			},
		},
		{
			Name: "a risk without a title is refused beside the field", Method: http.MethodPost, URL: "/risks",
			Headers:        with(testapp.Cookie(f, "samordnare"), "Content-Type", "application/x-www-form-urlencoded"),
			Body:           strings.NewReader("board=" + f.KS + "&title=&process=Utbetalningar&status=active"),
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: Risker – ikplan</title>", "Det finns fel i formuläret", `href="#title"`,
				`id="title-error"`, "Skriv en rubrik för risken.", `value="Utbetalningar"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := testapp.Count(t, app, model.Risks, nil); n != 1 {
					t.Fatalf("Expected no new risk, got %d risks", n)
				}
			},
		},
		{
			Name: "a unit of another board is refused beside the unit", Method: http.MethodPost, URL: "/risks",
			Headers:         with(testapp.Cookie(f, "samordnare"), "Content-Type", "application/x-www-form-urlencoded"),
			Body:            strings.NewReader("board=" + f.IAN + "&title=Felplacerad&unit=" + f.Unit + "&status=active"),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{`id="unit-error"`, "Förvaltningen hör till en annan nämnd än risken", `<option value="` + f.IAN + `" selected>`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := testapp.Count(t, app, model.Risks, nil); n != 1 {
					t.Fatalf("Expected no new risk, got %d risks", n)
				}
			},
		},
		{
			Name: "a reader cannot add a risk", Method: http.MethodPost, URL: "/risks",
			Headers:        with(testapp.Cookie(f, "lasare"), "Content-Type", "application/x-www-form-urlencoded"),
			Body:           strings.NewReader("board=" + f.KS + "&title=Smygrisk&status=active"),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := testapp.Count(t, app, model.Risks, nil); n != 1 {
					t.Fatalf("Expected no new risk, got %d risks", n)
				}
				if n := testapp.Count(t, app, model.AuditLog, dbx.HashExp{"collection": model.Risks, "op": model.OpCreate}); n != 1 {
					t.Fatalf("Expected no history of a new risk, got %d create rows", n)
				}
			},
		},
		{
			Name: "an owner of the board cannot add a risk either, even with a bad form", Method: http.MethodPost, URL: "/risks",
			Headers: with(testapp.Cookie(f, "ansvarig"), "Content-Type", "application/x-www-form-urlencoded"),
			Body:    strings.NewReader("board=" + f.KS + "&title="), ExpectedStatus: http.StatusForbidden,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := testapp.Count(t, app, model.Risks, nil); n != 1 {
					t.Fatalf("Expected no new risk, got %d risks", n)
				}
			},
		},
	}
	runRiskScenarios(t, scenarios)
}

// runRiskScenarios runs page scenarios against the web UI, each failing unless it
// asserts some content.
func runRiskScenarios(t *testing.T, scenarios []tests.ApiScenario) {
	t.Helper()
	for _, s := range scenarios {
		s.TestAppFactory = withoutDemoRisks // the fixture's one risk (demo_risks_test.go)
		if s.ExpectedStatus != http.StatusSeeOther && s.ExpectedStatus != http.StatusNoContent && s.ExpectedContent == nil {
			s.ExpectedContent = []string{"<"}
		}
		s.Test(t)
	}
}

func TestRiskPage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	form := func(user string, kv ...string) map[string]string {
		return with(testapp.Cookie(f, user), append([]string{"Content-Type", "application/x-www-form-urlencoded"}, kv...)...)
	}
	unchanged := func(t testing.TB, app *tests.TestApp) {
		t.Helper()
		a := testapp.Find(t, app, model.RiskAssessments, f.Assessment)
		if a.GetInt("probability") != 3 || a.GetInt("consequence") != 2 || a.GetInt("value") != 6 {
			t.Fatalf("Expected the 2024 assessment unchanged (3 × 2 = 6), got %v", a.PublicExport())
		}
		if n := testapp.Count(t, app, model.RiskAssessments, nil); n != 1 {
			t.Fatalf("Expected one assessment, got %d", n)
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: "/risks/" + f.Risk,
			ExpectedStatus: http.StatusSeeOther,
		},
		{
			Name: "a reader sees the risk and its assessments but no form", Method: http.MethodGet,
			URL: "/risks/" + f.Risk, Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<title>Felaktig kontering av representation – ikplan</title>", "Kommunstyrelsen",
				"Ekonomiavdelningen", "<th scope=\"row\">2024</th>", "3 × 2 = 6", "medel", "Risken har ingen kontrollpunkt ännu."},
			NotExpectedContent: []string{"Bedöm risken", `name="probability"`, "Gör risken till en kontrollpunkt"},
		},
		{
			Name: "the coordinator gets the assessment form, 1..5, filled from the year asked for", Method: http.MethodGet,
			URL: "/risks/" + f.Risk + "?year=2024", Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<section id="assess"`, `hx-post="/risks/` + f.Risk + `/assessments"`, `<option value="5">5 – Mycket sannolik</option>`,
				`<option value="5">5 – Mycket allvarlig</option>`, `<option value="3" selected>3 – Möjlig</option>`,
				`<option value="2" selected>2 – Lindrig</option>`, `<option value="2024" selected>2024</option>`, "Gör risken till en kontrollpunkt",
				"Nämnden har inget utkast till internkontrollplan."},
		},
		{
			Name: "with risk_scale 4 the selects stop at 4", Method: http.MethodGet,
			URL: "/risks/" + f.Risk, Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			BeforeTestFunc:     func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { setScale(t, app, f, 4) },
			ExpectedContent:    []string{`<option value="4">4 – Sannolik</option>`, `<option value="4">4 – Allvarlig</option>`, "skalan 1–4"},
			NotExpectedContent: []string{`<option value="5">`},
		},
		{
			Name: "annan does not find Kommunstyrelsen's risk", Method: http.MethodGet,
			URL: "/risks/" + f.Risk, Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: []string{"Felaktig kontering", `"data"`},
		},
		{
			Name: "an unknown risk is an HTML 404", Method: http.MethodGet,
			URL: "/risks/doesnotexist123", Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"<html", "Sidan finns inte"},
		},
		{
			Name: "a coordinator records a new year's assessment and the server computes the value", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/assessments", Headers: form("samordnare"),
			Body:           strings.NewReader("year=2025&probability=4&consequence=3&treatment=control&motivation=Fler+fel+2024"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/risks/"+f.Risk+"?year=2025" {
					t.Fatalf("Expected a redirect to the risk's 2025, got %q", loc)
				}
				a, err := app.FindFirstRecordByFilter(model.RiskAssessments, "risk = {:r} && year = 2025", dbx.Params{"r": f.Risk})
				if err != nil {
					t.Fatalf("Expected the 2025 assessment stored, got %v", err)
				}
				if a.GetInt("value") != 12 || a.GetString("treatment") != "control" || a.GetString("motivation") != "Fler fel 2024" {
					t.Fatalf("Expected 4 × 3 = 12, control, the motivation, got %v", a.PublicExport())
				}
			},
		},
		{
			Name: "a coordinator changes the 2024 assessment in place", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/assessments", Headers: form("samordnare"),
			Body:           strings.NewReader("year=2024&probability=2&consequence=2&treatment=accept"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				a := testapp.Find(t, app, model.RiskAssessments, f.Assessment)
				if a.GetInt("value") != 4 || a.GetString("treatment") != "accept" {
					t.Fatalf("Expected 2 × 2 = 4, accept, got %v", a.PublicExport())
				}
				if n := testapp.Count(t, app, model.RiskAssessments, nil); n != 1 {
					t.Fatalf("Expected still one assessment, got %d", n)
				}
			},
		},
		{
			Name: "htmx posting the assessment is sent on with HX-Location", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/assessments", Headers: form("samordnare", "HX-Request", "true", "HX-Target", "assess"),
			Body:           strings.NewReader("year=2025&probability=1&consequence=1"),
			ExpectedStatus: http.StatusNoContent,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("HX-Location"); loc != "/risks/"+f.Risk+"?year=2025" {
					t.Fatalf("Expected HX-Location to the risk, got %q", loc)
				}
			},
		},
		{
			Name: "a probability above the scale is refused beside the field", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/assessments", Headers: form("samordnare"),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { setScale(t, app, f, 4) },
			Body:           strings.NewReader("year=2024&probability=5&consequence=2&motivation=Kvar"),
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: Felaktig kontering av representation – ikplan</title>", "<html",
				"Det finns fel i formuläret", `href="#probability"`, `id="probability-error"`,
				"Värdet får vara högst 4 med den riskmatris som är inställd", `aria-invalid="true"`, ">Kvar</textarea>"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) { unchanged(t, app) },
		},
		{
			Name: "htmx gets only the assessment section back when refused", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/assessments", Headers: form("samordnare", "HX-Request", "true", "HX-Target", "assess"),
			Body:               strings.NewReader("year=2024&probability=&consequence=2"),
			ExpectedStatus:     http.StatusUnprocessableEntity,
			ExpectedContent:    []string{`<section id="assess"`, `id="probability-error"`, "Välj sannolikhet.", "Det finns fel i formuläret"},
			NotExpectedContent: []string{"<html", "<title>", "Riskbedömningar"},
			AfterTestFunc:      func(t testing.TB, app *tests.TestApp, res *http.Response) { unchanged(t, app) },
		},
		{
			Name: "a reader cannot assess a risk", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/assessments", Headers: form("lasare"),
			Body:           strings.NewReader("year=2024&probability=5&consequence=5"),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) { unchanged(t, app) },
		},
		{
			Name: "a reader's bad assessment is refused too, without a form", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/assessments", Headers: form("lasare"),
			Body:           strings.NewReader("year=2026&probability=9&consequence=1"),
			ExpectedStatus: http.StatusForbidden, NotExpectedContent: []string{`name="probability"`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) { unchanged(t, app) },
		},
		{
			Name: "annan cannot assess Kommunstyrelsen's risk", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/assessments", Headers: form("annan"),
			Body:           strings.NewReader("year=2024&probability=1&consequence=1"),
			ExpectedStatus: http.StatusNotFound,
			AfterTestFunc:  func(t testing.TB, app *tests.TestApp, res *http.Response) { unchanged(t, app) },
		},
	}
	runRiskScenarios(t, scenarios)
}

func TestRiskToControl(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	draft := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { makeDraft(t, app, f) }
	noControl := func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if n := testapp.Count(t, app, model.Controls, dbx.HashExp{"risk": f.Risk}); n != 0 {
			t.Fatalf("Expected no control made from the risk, got %d", n)
		}
	}
	post := func(user string) map[string]string {
		return with(testapp.Cookie(f, user), "Content-Type", "application/x-www-form-urlencoded")
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "the coordinator can choose the board's draft plan", Method: http.MethodGet,
			URL: "/risks/" + f.Risk, Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: draft,
			ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Gör risken till en kontrollpunkt", `action="/risks/` + f.Risk + `/control"`,
				`<option value="` + draftPlan + `">Kommunstyrelsen 2025</option>`},
			NotExpectedContent: []string{`<option value="` + f.Plan + `"`, "Nämnden har inget utkast"},
		},
		{
			Name: "the risk becomes the draft's next control", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/control", Headers: post("samordnare"), BeforeTestFunc: draft,
			Body: strings.NewReader("plan=" + draftPlan), ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/plans/"+draftPlan {
					t.Fatalf("Expected a redirect to the plan, got %q", loc)
				}
				c, err := app.FindFirstRecordByFilter(model.Controls, "risk = {:r}", dbx.Params{"r": f.Risk})
				if err != nil {
					t.Fatalf("Expected a control made from the risk, got %v", err)
				}
				got := []any{c.GetString("plan"), c.GetString("title"), c.GetString("unit"), c.GetInt("number"), c.GetString("frequency")}
				want := []any{draftPlan, "Felaktig kontering av representation", f.Unit, 2, model.FreqYearly}
				for i := range want {
					if got[i] != want[i] {
						t.Fatalf("Expected %v, got %v", want, got)
					}
				}
				if n := testapp.Count(t, app, model.AuditLog, dbx.HashExp{"collection": model.Controls, "record": c.Id}); n != 1 {
					t.Fatalf("Expected the new control in the history, got %d rows", n)
				}
			},
		},
		{
			Name: "an adopted plan is refused beside the field", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/control", Headers: post("samordnare"), BeforeTestFunc: draft,
			Body: strings.NewReader("plan=" + f.Plan), ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", `href="#plan"`, `id="plan-error"`,
				"Planen är antagen; kontrollpunkter kan bara läggas till medan planen är ett utkast."},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				noControl(t, app, res)
				if n := testapp.Count(t, app, model.Controls, dbx.HashExp{"plan": f.Plan}); n != 20 {
					t.Fatalf("Expected the adopted plan's 20 controls, got %d", n)
				}
			},
		},
		{
			Name: "an unknown plan is refused beside the field", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/control", Headers: post("samordnare"),
			Body: strings.NewReader("plan=nosuchplan0001"), ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{`id="plan-error"`},
			AfterTestFunc:   noControl,
		},
		{
			Name: "a reader cannot turn a risk into a control", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/control", Headers: post("lasare"), BeforeTestFunc: draft,
			Body: strings.NewReader("plan=" + draftPlan), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"}, AfterTestFunc: noControl,
		},
		{
			Name: "annan cannot reach Kommunstyrelsen's risk", Method: http.MethodPost,
			URL: "/risks/" + f.Risk + "/control", Headers: post("annan"), BeforeTestFunc: draft,
			Body: strings.NewReader("plan=" + draftPlan), ExpectedStatus: http.StatusNotFound,
			AfterTestFunc: noControl,
		},
	}
	runRiskScenarios(t, scenarios)
}
