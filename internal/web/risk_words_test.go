package web_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestRiskScaleWords: the risk form's selects, the matrix's axes and its
// table name each step of the scale with its word in the UI's language —
// the settings' words where the administrator gave them — and the year of
// the assessment (and of the register) may be any year a plan exists for.
func TestRiskScaleWords(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	en := func(role string) map[string]string {
		return with(testapp.Cookie(f, role), "Cookie", "ikplan_session="+f.Sessions[role]+"; ikplan_lang=en")
	}
	ownWords := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		t.Helper()
		words := map[string]any{"sv": map[string]any{"probability": []string{"Sällan", "Ibland", "Ofta", "Mycket ofta", "Alltid"}}}
		if err := testapp.Update(app, model.Settings, f.Settings, map[string]any{"risk_words": words}); err != nil {
			t.Fatal(err)
		}
	}
	planIn2027 := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		t.Helper()
		if _, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2027}); err != nil {
			t.Fatal(err)
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "the form's steps in English", Method: http.MethodGet, URL: "/risks/" + f.Risk + "?year=2024",
			Headers: en("samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<option value="3" selected>3 – Possible</option>`, `<option value="1">1 – Improbable</option>`,
				`<option value="2" selected>2 – Minor</option>`, `<option value="5">5 – Very serious</option>`},
			NotExpectedContent: []string{"Möjlig", "Lindrig"},
		},
		{
			Name: "the matrix's axes and table in English", Method: http.MethodGet, URL: "/risks?year=2024",
			Headers: en("lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Consequence 5 – Very serious</th>", "Probability 3 – Possible</th>",
				`>Negligible</tspan>`, `>Very</tspan><tspan x="118" dy="14">likely</tspan>`},
			NotExpectedContent: []string{"Försumbar", "Osannolik"},
		},
		{
			Name: "the matrix's axes in Swedish", Method: http.MethodGet, URL: "/risks?year=2024",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Konsekvens 5 – Mycket allvarlig</th>", "Sannolikhet 1 – Osannolik</th>",
				`>Försumbar</tspan>`, `>Mycket</tspan><tspan x="118" dy="14">sannolik</tspan>`},
		},
		{
			Name: "the settings' own words", Method: http.MethodGet, URL: "/risks/" + f.Risk + "?year=2024",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK, BeforeTestFunc: ownWords,
			ExpectedContent:    []string{`<option value="3" selected>3 – Ofta</option>`, `<option value="2" selected>2 – Lindrig</option>`},
			NotExpectedContent: []string{"Möjlig"},
		},
		{
			Name: "the settings' own words on the matrix", Method: http.MethodGet, URL: "/risks?year=2024",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK, BeforeTestFunc: ownWords,
			ExpectedContent: []string{"Sannolikhet 5 – Alltid</th>", ">Alltid</tspan>"},
		},
		{
			Name: "the assessment's year: any year a plan of the board exists for", Method: http.MethodGet, URL: "/risks/" + f.Risk,
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK, BeforeTestFunc: planIn2027,
			ExpectedContent: []string{`<select id="year" name="year"><option value="2027">2027</option><option value="2025" selected>2025</option><option value="2024">2024</option></select>`},
		},
		{
			Name: "the register's year: any year a plan exists for", Method: http.MethodGet, URL: "/risks",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK, BeforeTestFunc: planIn2027,
			ExpectedContent: []string{`<option value="2027">2027</option>`},
		},
	}
	runRiskScenarios(t, scenarios)
}
