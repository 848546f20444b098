package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// addEmptyPlan gives IAN a 2025 plan with one control and no result yet.
func addEmptyPlan(f *testapp.Fixture) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
	return func(t testing.TB, app *tests.TestApp, _ *core.ServeEvent) {
		plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025, "status": "draft"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := testapp.Create(app, model.Controls, map[string]any{"plan": plan.Id, "number": 1, "title": "Försörjningsstöd", "owner": f.Users["annan"]}); err != nil {
			t.Fatal(err)
		}
	}
}

// download checks a downloaded file's headers and what it holds.
func download(name string, want, notWant []string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
		if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="`+name+`"` {
			t.Errorf("Expected the file %s, got %q", name, cd)
		}
		if ct := res.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("Expected HTML, got %q", ct)
		}
		body, _ := io.ReadAll(res.Body)
		for _, w := range want {
			if !strings.Contains(string(body), w) {
				t.Errorf("Expected %q in the file", w)
			}
		}
		for _, w := range notWant {
			if strings.Contains(string(body), w) {
				t.Errorf("Expected no %q in the file", w)
			}
		}
	}
}

func TestReportPages(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	followup := "/reports/followup?board=" + f.KS + "&year=2024"
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: followup,
			ExpectedStatus: http.StatusSeeOther, ExpectedContent: nil,
		},
		{
			Name: "the follow-up, internal for the coordinator, with its downloads", Method: http.MethodGet, URL: followup,
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				"<title>Uppföljning av kommunstyrelsens internkontrollplan 2024 – ikplan</title>",
				"<h1>Uppföljning av kommunstyrelsens internkontrollplan 2024</h1>",
				`<h2 id="avvikelser-och-atgarder">1. Avvikelser och åtgärder intern kontroll 2024</h2>`,
				"Målet är uppnått, ingen avvikelse har konstaterats. Responstiden för 2024 är 8,1 minuter.",
				"Punkt 1-7 i internkontrollplanen som avser HR- och arbetsmarknadsförvaltningen har inte följts upp",
				"Tidplan: kvartal 2 2025", "Tidplan: under 2025",
				`<strong class="report-mark">Sekretess</strong>`, "12. Cyberangrepp", testapp.SecretAction,
				`href="/reports/followup/download?board=` + f.KS + `&amp;format=html&amp;year=2024"`,
				`href="/reports/followup?board=` + f.KS + `&amp;public=1&amp;year=2024">Offentlig version</a>`,
				`href="/plans/` + f.Plan + `"`,
			},
		},
		{
			Name: "the coordinator may choose the public version", Method: http.MethodGet, URL: followup + "&public=1",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"11. IT-säkerhet", `<strong aria-current="page">Offentlig version</strong>`, "format=html&amp;public=1&amp;year=2024"},
			NotExpectedContent: append([]string{"report-mark"}, testapp.Secrets...),
		},
		{
			Name: "a reader always gets the public version", Method: http.MethodGet, URL: followup + "&public=0",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"11. IT-säkerhet", "format=html&amp;public=1&amp;year=2024"},
			NotExpectedContent: append([]string{"report-mark", "Intern version", "informationsläckage"}, testapp.Secrets...),
		},
		{
			Name: "boosted, the whole page", Method: http.MethodGet, URL: followup,
			Headers: with(testapp.Cookie(f, "ansvarig"), "HX-Request", "true", "HX-Boosted", "true"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<!doctype html>", "<h1>Uppföljning av kommunstyrelsens internkontrollplan 2024</h1>", "12. Cyberangrepp", `<article class="report-preview" lang="sv"`},
		},
		{
			Name: "an htmx request naming no target gets the whole page", Method: http.MethodGet, URL: followup,
			Headers: with(testapp.Cookie(f, "revisor"), "HX-Request", "true"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<!doctype html>", "1.2 Åtgärder"},
			AfterTestFunc: func(t testing.TB, _ *tests.TestApp, res *http.Response) {
				if v := res.Header.Values("Vary"); !strings.Contains(strings.Join(v, ","), "HX-Request") {
					t.Errorf("Expected Vary: HX-Request, got %q", v)
				}
			},
		},
		{
			Name: "in English, the page around the Swedish document", Method: http.MethodGet, URL: followup,
			Headers: with(testapp.Cookie(f, "samordnare"), "Cookie", testapp.Cookie(f, "samordnare")["Cookie"]+"; ikplan_lang=en"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<html lang="en">`, "Public version", ">Download</h2>", `<article class="report-preview" lang="sv"`, "1.2 Åtgärder"},
		},
		{
			Name: "another board's report is not found", Method: http.MethodGet, URL: followup,
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: []string{"Utbildningar", "Kommunstyrelsen har"},
		},
		{
			Name: "a year without a plan", Method: http.MethodGet, URL: "/reports/followup?board=" + f.KS + "&year=2023",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Kommunstyrelsen har ingen internkontrollplan för 2023."},
		},
		{
			Name: "a year that is not a year", Method: http.MethodGet, URL: "/reports/followup?board=" + f.KS + "&year=tjugo",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{"Felaktig begäran"},
		},
		{
			Name: "a plan without results has no follow-up yet", Method: http.MethodGet, URL: "/reports/followup?board=" + f.IAN + "&year=2025",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: addEmptyPlan(f), ExpectedStatus: http.StatusConflict,
			ExpectedContent: []string{"Dokumentet kan inte skrivas", "Individ- och arbetsmarknadsnämndens internkontrollplan 2025 har inga resultat ännu"},
		},
		{
			Name: "the plan document", Method: http.MethodGet, URL: "/reports/plan?board=" + f.KS + "&year=2024",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<h1>Kommunstyrelsens internkontrollplan 2024</h1>", "<caption>Räddningstjänsten</caption>",
				`<th scope="col">Klar senast</th>`, "<td>Medel responstid &lt; 10 minuter</td>", "Cyberangrepp – risk för informationsläckage och driftsstopp (sekretess)",
				"Status: Antagen", `href="/reports/plan/download?board=` + f.KS + `&amp;format=html&amp;year=2024"`},
			// the demo's controls have no kontrollmoment: a column empty in every row is left out
			NotExpectedContent: []string{`<th scope="col">Kontrollmoment</th>`},
		},
		{
			Name: "the plan document of a plan without results", Method: http.MethodGet, URL: "/reports/plan?board=" + f.IAN + "&year=2025",
			Headers: testapp.Cookie(f, "annan"), BeforeTestFunc: addEmptyPlan(f), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<h1>Individ- och arbetsmarknadsnämndens internkontrollplan 2025</h1>", "Försörjningsstöd", "Status: Utkast"},
		},
		{
			Name: "the plan document for a reader leaves out the confidential control", Method: http.MethodGet, URL: "/reports/plan?board=" + f.KS + "&year=2024",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Planen omfattar 19 kontrollpunkter."}, NotExpectedContent: testapp.Secrets,
		},
		{
			Name: "the roll-up of the boards the coordinator sees", Method: http.MethodGet, URL: "/reports/rollup?year=2024",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<h1>Sammanställning av nämndernas internkontroll 2024</h1>",
				// control 12's deviation and overdue action counted
				"<tr><td>Kommunstyrelsen</td><td>20</td><td>20</td><td>13</td><td>9</td><td>5</td><td>6</td><td>1</td></tr>",
				testapp.SecretAction,
				"per 2025-03-15", "Ingen internkontrollplan för 2024 finns för individ- och arbetsmarknadsnämnden.",
				`<label for="report-year">År</label>`, `<hr class="page-break">`},
		},
		{
			Name: "the roll-up without a year shows the latest", Method: http.MethodGet, URL: "/reports/rollup",
			Headers: testapp.Cookie(f, "revisor"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<h1>Sammanställning av nämndernas internkontroll 2024</h1>", `value="2024"`},
		},
		{
			Name: "the roll-up for a reader is public", Method: http.MethodGet, URL: "/reports/rollup?year=2024",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"<tr><td>Kommunstyrelsen</td><td>19</td><td>19</td><td>12</td><td>8</td><td>4</td><td>5</td><td>0</td></tr>"},
			NotExpectedContent: append([]string{"Individ- och arbetsmarknadsnämnden"}, testapp.Secrets...),
		},
		{
			Name: "the roll-up shows nothing of boards the user does not see", Method: http.MethodGet, URL: "/reports/rollup?year=2024",
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"<h1>Sammanställning av nämndernas internkontroll 2024</h1>", `<p class="notice">Det finns ingen internkontrollplan för 2024 att sammanställa.</p>`},
			NotExpectedContent: []string{"Kommunstyrelsen", "report-preview", "/download"},
		},
		{
			Name: "a year without plans offers the years there are", Method: http.MethodGet, URL: "/reports/rollup?year=2019",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Det finns ingen internkontrollplan för 2019 att sammanställa.", `<a href="/reports/rollup?year=2024">Sammanställning av nämndernas internkontroll 2024</a>`},
		},
		{
			Name: "the plan page links its documents", Method: http.MethodGet, URL: "/plans/" + f.Plan,
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<h2 id="plan-documents">Dokument</h2>`, `href="/reports/followup?board=` + f.KS + `&amp;year=2024">Uppföljningsrapport</a>`,
				`href="/reports/plan?board=` + f.KS + `&amp;year=2024">Plandokument</a>`, `href="/reports/rollup?year=2024"`,
				`<ul class="report-downloads" hx-boost="false">`, `<span class="visually-hidden">Uppföljningsrapport </span>HTML`},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		if s.ExpectedStatus != http.StatusSeeOther && s.ExpectedContent == nil {
			s.ExpectedContent = []string{"<"}
		}
		s.Test(t)
	}
}

func TestReportDownloads(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	q := "?board=" + f.KS + "&year=2024&format=html"
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: "/reports/followup/download" + q,
			ExpectedStatus: http.StatusSeeOther,
		},
		{
			Name: "the internal follow-up as HTML", Method: http.MethodGet, URL: "/reports/followup/download" + q,
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<!doctype html>", "<h1>Uppföljning av kommunstyrelsens internkontrollplan 2024</h1>", "Cyberangrepp", testapp.SecretAction, "size: A4"},
			AfterTestFunc:   download("uppfoljning-kommunstyrelsen-2024.html", []string{`<strong class="report-mark">Sekretess</strong>`}, []string{"/static/js"}),
		},
		{
			Name: "a reader downloads the public version whatever they ask", Method: http.MethodGet, URL: "/reports/followup/download" + q + "&public=0",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"11. IT-säkerhet"}, NotExpectedContent: testapp.Secrets,
			AfterTestFunc: download("uppfoljning-kommunstyrelsen-2024-offentlig.html", nil, []string{`class="report-mark"`}),
		},
		{
			Name: "the plan document", Method: http.MethodGet, URL: "/reports/plan/download" + q,
			Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Räddningstjänsten</caption>", "size: A4 landscape"},
			AfterTestFunc:   download("internkontrollplan-kommunstyrelsen-2024.html", nil, nil),
		},
		{
			Name: "the roll-up", Method: http.MethodGet, URL: "/reports/rollup/download?year=2024&format=html&public=1",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<td>Kommunstyrelsen</td><td>19</td>"}, NotExpectedContent: testapp.Secrets,
			AfterTestFunc: download("sammanstallning-2024-offentlig.html", nil, nil),
		},
		{
			Name: "an unknown format", Method: http.MethodGet, URL: "/reports/followup/download?board=" + f.KS + "&year=2024&format=odt",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{"Det går inte att skriva &#34;odt&#34;: okänt format – välj ett av:", " html"},
		},
		{
			Name: "another board's report is not found", Method: http.MethodGet, URL: "/reports/followup/download" + q,
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: []string{"Utbildningar"},
		},
		{
			Name: "no roll-up to download for a year without plans", Method: http.MethodGet, URL: "/reports/rollup/download?year=2019&format=html",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Det finns ingen internkontrollplan för 2019 att sammanställa."},
		},
		{
			Name: "an unknown document", Method: http.MethodGet, URL: "/reports/budget/download" + q,
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "no follow-up of a plan without results", Method: http.MethodGet, URL: "/reports/followup/download?board=" + f.IAN + "&year=2025&format=html",
			Headers: testapp.Cookie(f, "annan"), BeforeTestFunc: addEmptyPlan(f), ExpectedStatus: http.StatusConflict,
			ExpectedContent: []string{"har inga resultat ännu"},
			AfterTestFunc: func(t testing.TB, _ *tests.TestApp, res *http.Response) {
				if cd := res.Header.Get("Content-Disposition"); cd != "" {
					t.Errorf("Expected no file, got %q", cd)
				}
			},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		if s.ExpectedStatus != http.StatusSeeOther && s.ExpectedContent == nil {
			s.ExpectedContent = []string{"<"}
		}
		s.Test(t)
	}
}
