package web_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

const urlencoded = "application/x-www-form-urlencoded"

// formBody encodes a form body from key, value pairs.
func formBody(kv ...string) io.Reader {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Add(kv[i], kv[i+1])
	}
	return strings.NewReader(v.Encode())
}

func TestControlPage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	c5 := "/controls/" + f.Controls["5"]
	scenarios := []tests.ApiScenario{
		{
			Name: "each action has an anchor that the start page, the e-mails and /actions link to", Method: http.MethodGet,
			URL: "/controls/" + f.Controls["2"], Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<tr id="action-` + f.Actions["2"] + `"`},
		},
		{
			Name: "a new action's owner is one of the board's coordinators and owners", Method: http.MethodGet,
			URL: "/controls/" + f.Controls["2"], Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<option value="` + f.Users["raddning"] + `">Rasmus Räddningschef</option>`,
				`<option value="` + f.Users["hr"] + `">`, `<option value="` + f.Users["samordnare"] + `">`},
			NotExpectedContent: []string{`<option value="` + f.Users["annan"] + `"`, `<option value="` + f.Users["lasare"] + `"`},
		},
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: c5, ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/login") {
					t.Fatalf("Expected a redirect to /login, got %q", loc)
				}
			},
		},
		{
			Name: "the owner sees the control's facts, its result and the link back to the plan", Method: http.MethodGet,
			URL: c5, Headers: testapp.Cookie(f, "raddning"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				"<html", "<title>Kontrollpunkt 5: Medel responstid", `href="/plans/` + f.Plan + `"`,
				"<dt>Förvaltning / avdelning</dt><dd>Räddningstjänsten</dd>", "<dt>Kontrollansvarig</dt><dd>Rasmus Räddningschef</dd>",
				"<dd>Årligen</dd>", "<dd>Mätning</dd>", "<dd>LSO</dd>", "<dd>2024-12-31", "Medel responstid &lt; 10 minuter",
				"Period 2024", "8,1 minuter", "Målet är uppnått", "Ändra resultatet för 2024", "Alla perioder har ett resultat",
			},
			NotExpectedContent: []string{"Försenad"},
		},
		{
			Name: "an htmx request gets only the results", Method: http.MethodGet, URL: c5,
			Headers: with(testapp.Cookie(f, "raddning"), "HX-Request", "true", "HX-Target", "results"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`<div id="results"`, "Period 2024"},
			NotExpectedContent: []string{"<html", "Om kontrollpunkten"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if v := res.Header.Get("Vary"); !strings.Contains(v, "HX-Request") {
					t.Fatalf("Expected Vary: HX-Request, got %q", v)
				}
			},
		},
		{
			Name: "a boosted link gets the whole page", Method: http.MethodGet, URL: c5,
			Headers:        with(testapp.Cookie(f, "raddning"), "HX-Request", "true", "HX-Boosted", "true"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<html", "Om kontrollpunkten", `<div id="results"`},
		},
		{
			Name: "edit opens the result in the report form, with the live target check", Method: http.MethodGet,
			URL: c5 + "?edit=" + f.Results["5"], Headers: testapp.Cookie(f, "raddning"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				`<form id="report-form" method="post" action="` + c5 + `/results" enctype="multipart/form-data"`,
				`name="result" value="` + f.Results["5"] + `"`, `<option value="2024" selected>`, `value="8,1"`,
				`hx-post="` + c5 + `/target" hx-trigger="input changed delay:300ms" hx-target="#target-met"`,
				`<label for="outcome">Ingen avvikelse</label>`, `id="deviation_description"`, `type="file"`,
			},
		},
		{
			Name: "a control without a result is overdue and offers its periods", Method: http.MethodGet,
			URL: "/controls/" + f.Controls["3"], Headers: testapp.Cookie(f, "raddning"), ExpectedStatus: http.StatusOK,
			BeforeTestFunc: deleteResult(f, "3"),
			ExpectedContent: []string{
				"Inget resultat är rapporterat ännu.", `<strong class="tag tag--red">Försenad</strong>`, "Rapportera resultat",
				`<select id="period" name="period"><option value="2024" selected>2024</option></select>`, "Genomförda tillsyner enligt LSO ≥ 25 st",
			},
			NotExpectedContent: []string{`name="result"`},
		},
		{
			Name: "a reader sees the result but no form", Method: http.MethodGet, URL: c5 + "?edit=" + f.Results["5"],
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Period 2024", "8,1 minuter"},
			NotExpectedContent: []string{"report-form", "Ändra resultatet", "Rapportera resultat"},
		},
		{
			Name: "the owner of another control gets no form", Method: http.MethodGet, URL: c5 + "?edit=" + f.Results["5"],
			Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Period 2024"}, NotExpectedContent: []string{"report-form", "Ändra resultatet"},
		},
		{
			Name: "another board's control is not found", Method: http.MethodGet, URL: c5,
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"<html", "Sidan finns inte"}, NotExpectedContent: []string{"Medel responstid", `"data"`},
		},
		{
			Name: "the confidential control is a 404 page for a reader", Method: http.MethodGet, URL: "/controls/" + f.Controls["12"],
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: testapp.Secrets,
		},
		{
			Name: "the confidential control's owner sees it, tagged, with its deviation, action and file", Method: http.MethodGet, URL: "/controls/" + f.Controls["12"],
			Headers: testapp.Cookie(f, "it"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Cyberangrepp", `<strong class="tag tag--yellow">Sekretess</strong>`, "<dd>Löpande</dd>", "<dd>Löpande kontroll</dd>",
				testapp.SecretDeviation, testapp.SecretAction, f.Evidence["12"]},
		},
		{
			Name: "an unknown control is an HTML 404", Method: http.MethodGet, URL: "/controls/doesnotexist123",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"<html", "Sidan finns inte"},
		},
		{
			Name: "deviations with their actions, overdue ones tagged, and the owner's forms", Method: http.MethodGet,
			URL: "/controls/" + f.Controls["11"], Headers: testapp.Cookie(f, "it"), ExpectedStatus: http.StatusOK,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				_, err := testapp.Create(app, model.Actions, map[string]any{
					"deviation": f.Deviations["11"], "description": "Ny brandvägg", "owner": f.Users["it"],
					"deadline": "2025-01-10", "deadline_precision": model.PrecisionMonth, "status": model.ActionInProgress,
				})
				if err != nil {
					t.Fatal(err)
				}
			},
			ExpectedContent: []string{
				"Avvikelse 1", ">Väsentlig</strong>", ">Öppen</strong>", "<caption>Åtgärder för avvikelse 1</caption>",
				`data-label="Slutdatum">under 2025</td>`, `data-label="Slutdatum">januari 2025</td>`, ", försenad</strong>", "Ändra status för avvikelse 1",
				"Lägg till en åtgärd för avvikelse 1", "Lägg till en avvikelse", "Ivar IT-chef",
			},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}

func TestControlTarget(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	url := "/controls/" + f.Controls["5"] + "/target"
	htmx := with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded, "HX-Request", "true", "HX-Target", "target-met")
	scenarios := []tests.ApiScenario{
		{
			Name: "a value under the target is met", Method: http.MethodPost, URL: url, Headers: htmx,
			Body: formBody("measured_value", "8,1"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`<strong class="tag tag--green">Målet är uppnått</strong>`},
			NotExpectedContent: []string{"inte", "<html"},
		},
		{
			Name: "a value over the target is missed", Method: http.MethodPost, URL: url, Headers: htmx,
			Body: formBody("measured_value", "12"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<strong class="tag tag--red">Målet är inte uppnått</strong>`},
		},
		{
			Name: "words are no number", Method: http.MethodPost, URL: url, Headers: htmx,
			Body: formBody("measured_value", "tolv"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Skriv ett tal"}, NotExpectedContent: []string{"Målet"},
		},
		{
			Name: "a reader may check too: it changes nothing", Method: http.MethodPost, URL: url,
			Headers: with(testapp.Cookie(f, "lasare"), "Content-Type", urlencoded, "HX-Request", "true", "HX-Target", "target-met"),
			Body:    formBody("measured_value", "9"), ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Målet är uppnått"},
		},
		{
			Name: "another board's user cannot see the target", Method: http.MethodPost, URL: url,
			Headers: with(testapp.Cookie(f, "annan"), "Content-Type", urlencoded, "HX-Request", "true", "HX-Target", "target-met"),
			Body:    formBody("measured_value", "9"), ExpectedStatus: http.StatusNotFound, NotExpectedContent: []string{"Målet"},
			ExpectedContent: []string{"Sidan finns inte"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}

// TestControlEvidence downloads the fixture's evidence file of the
// confidential control 12's result.
func TestControlEvidence(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	name := f.Evidence["12"]
	scenarios := []struct {
		name, who, control string
		status             int
		content            []string
	}{
		{"the owner downloads the evidence as an attachment", "it", "12", http.StatusOK, []string{testapp.SecretFile}},
		{"the coordinator downloads it too", "samordnare", "12", http.StatusOK, []string{testapp.SecretFile}},
		{"so does the auditor", "revisor", "12", http.StatusOK, []string{testapp.SecretFile}},
		{"a reader cannot download from the confidential control", "lasare", "12", http.StatusNotFound, []string{"Sidan finns inte"}},
		{"another board's user cannot download", "annan", "12", http.StatusNotFound, []string{"Sidan finns inte"}},
		{"the file is not found under another control", "it", "11", http.StatusNotFound, []string{"Sidan finns inte"}},
	}
	for _, sc := range scenarios {
		s := tests.ApiScenario{
			Name: sc.name, Method: http.MethodGet, Headers: testapp.Cookie(f, sc.who),
			URL:            "/controls/" + f.Controls[sc.control] + "/evidence/" + f.Results["12"] + "/" + name,
			ExpectedStatus: sc.status, ExpectedContent: sc.content, TestAppFactory: testapp.WebFactory,
		}
		if sc.status == http.StatusOK {
			s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if d := res.Header.Get("Content-Disposition"); d != `attachment; filename=`+name {
					t.Fatalf("Expected an attachment named %s, got %q", name, d)
				}
			}
		} else {
			// the file's name is in the page's own address (the language
			// switch goes back to it): the requester gave it
			s.NotExpectedContent = []string{testapp.SecretTitle, testapp.SecretDeviation, testapp.SecretAction, testapp.SecretFile}
		}
		s.Test(t)
	}
	(&tests.ApiScenario{
		Name: "an unknown file name is not found", Method: http.MethodGet, Headers: testapp.Cookie(f, "it"),
		URL:            "/controls/" + f.Controls["12"] + "/evidence/" + f.Results["12"] + "/annan.txt",
		ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"}, TestAppFactory: testapp.WebFactory,
	}).Test(t)
}
