package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// commonValues is the common controls' form as a browser sends it.
func commonValues(year, title string) url.Values {
	return url.Values{
		"year": {year}, "title": {title}, "description": {"Stickprov av 20 fakturor mot attestreglementet."},
		"process": {"Attest"}, "legal_refs": {""}, "method": {"stickprov"}, "frequency": {"yearly"},
		"target_metric": {"Andel fel"}, "target_operator": {"<="}, "target_value": {"5"}, "target_unit": {"%"},
	}
}

// withCommon is WebFactory with IAN's 2024 draft and a 2024 common control,
// reported by KS (its copy in KS's adopted plan has a result).
func withCommon(f *testapp.Fixture) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := testapp.WebFactory(t)
		if _, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2024, "title": "IAN 2024"}); err != nil {
			t.Fatal(err)
		}
		k, err := testapp.Create(app, model.CommonControls, map[string]any{"year": 2024, "title": "Efterlevnad av attestreglementet",
			"frequency": "yearly", "method": "stickprov", "target_metric": "Andel fel", "target_operator": "<=", "target_value": "5", "target_unit": "%"})
		if err != nil {
			t.Fatal(err)
		}
		c, err := app.FindFirstRecordByFilter(model.Controls, "plan = {:p} && common_control = {:k}", dbx.Params{"p": f.Plan, "k": k.Id})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := testapp.Create(app, model.Results, map[string]any{"control": c.Id, "period": "2024", "outcome": "no_deviation",
			"measured_value": "2", "performed_on": "2025-01-10 00:00:00.000Z"}); err != nil {
			t.Fatal(err)
		}
		return app
	}
}

// TestCommonPage: /common lists the year's common controls with every
// board's standing (KS reported, IAN not, the third board without a plan
// of the year none of the user's), in Swedish and English; kommunstyrelsen's
// coordinator gets the form, a reader does not; a definition posted by the
// coordinator reaches the boards' plans, one posted by an owner is refused
// (403) and one without a title is refused naming the field (422), nothing
// saved either way.
func TestCommonPage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	count := func(want int) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, app *tests.TestApp, _ *http.Response) {
			if n := testapp.Count(t, app, model.CommonControls, nil); n != want {
				t.Fatalf("Expected %d common controls, got %d", want, n)
			}
		}
	}
	form := func(who string, v url.Values) (*strings.Reader, map[string]string) {
		return strings.NewReader(v.Encode()), with(testapp.Cookie(f, who), "Content-Type", "application/x-www-form-urlencoded")
	}
	var scenarios []tests.ApiScenario
	scenarios = append(scenarios,
		tests.ApiScenario{
			Name: "the coordinator's page", Method: http.MethodGet, URL: "/common?year=2024", Headers: testapp.Cookie(f, "samordnare"),
			TestAppFactory: withCommon(f), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				"<title>Kommungemensamma kontroller 2024 – ikplan</title>", "Efterlevnad av attestreglementet", "Kommungemensam",
				"Andel fel högst (≤) 5 %", "Kommunstyrelsen</a>", "Ingen avvikelse (2)", "Ej rapporterad", `<form method="post" action="/common"`,
				`<a href="/common" aria-current="page">Kommungemensamma</a>`,
			},
		},
		tests.ApiScenario{
			Name: "in English", Method: http.MethodGet, URL: "/common?year=2024",
			Headers:        map[string]string{"Cookie": testapp.Cookie(f, "samordnare")["Cookie"] + "; ikplan_lang=en"},
			TestAppFactory: withCommon(f), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<title>Common controls 2024 – ikplan</title>", "No deviation (2)", "Not reported", "Add to every board&#39;s plan"},
		},
		tests.ApiScenario{
			Name: "the plan marks the copy", Method: http.MethodGet, URL: "/plans/" + f.Plan, Headers: testapp.Cookie(f, "lasare"),
			TestAppFactory: withCommon(f), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<strong class=\"tag tag--blue\">Kommungemensam</strong></td>"},
		},
		tests.ApiScenario{
			Name: "the start page lists the boards that have not reported", Method: http.MethodGet, URL: "/", Headers: testapp.Cookie(f, "samordnare"),
			TestAppFactory: withCommon(f), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Kommungemensamma kontroller 2024 som inte är rapporterade",
				"<strong>Individ- och arbetsmarknadsnämnden</strong><ul><li><a href=\"/controls/", "Efterlevnad av attestreglementet</a> – Ej rapporterad",
				`<a href="/common?year=2024">Alla nämnders resultat för 2024</a>`},
			NotExpectedContent: []string{"<strong>Kommunstyrelsen</strong>"},
		},
		tests.ApiScenario{
			Name: "not for an owner", Method: http.MethodGet, URL: "/", Headers: testapp.Cookie(f, "ansvarig"),
			TestAppFactory: withCommon(f), ExpectedStatus: http.StatusOK,
			NotExpectedContent: []string{"som inte är rapporterade"},
		},
		tests.ApiScenario{
			Name: "a reader reads, without the form", Method: http.MethodGet, URL: "/common?year=2024", Headers: testapp.Cookie(f, "lasare"),
			TestAppFactory: withCommon(f), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Efterlevnad av attestreglementet", "Ingen avvikelse (2)"}, NotExpectedContent: []string{`action="/common"`},
		},
	)
	body, h := form("samordnare", commonValues("2024", "Delegationsbeslut"))
	scenarios = append(scenarios, tests.ApiScenario{
		Name: "the coordinator defines one", Method: http.MethodPost, URL: "/common", Body: body, Headers: h,
		TestAppFactory: testapp.WebFactory, ExpectedStatus: http.StatusSeeOther,
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			k, err := app.FindFirstRecordByData(model.CommonControls, "title", "Delegationsbeslut")
			if err != nil {
				t.Fatalf("Expected the common control saved, got %v", err)
			}
			if n := testapp.Count(t, app, model.Controls, dbx.HashExp{"plan": f.Plan, model.CommonControlField: k.Id}); n != 1 {
				t.Fatalf("Expected it in KS's plan once, got %d", n)
			}
		},
	})
	body, h = form("ansvarig", commonValues("2024", "Delegationsbeslut"))
	scenarios = append(scenarios, tests.ApiScenario{
		Name: "an owner may not", Method: http.MethodPost, URL: "/common", Body: body, Headers: h,
		TestAppFactory: testapp.WebFactory, ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"<html"}, AfterTestFunc: count(0),
	})
	body, h = form("samordnare", commonValues("2024", "  "))
	scenarios = append(scenarios, tests.ApiScenario{
		Name: "no title", Method: http.MethodPost, URL: "/common", Body: body, Headers: h,
		TestAppFactory: testapp.WebFactory, ExpectedStatus: http.StatusUnprocessableEntity,
		ExpectedContent: []string{"Skriv en rubrik för den kommungemensamma kontrollen."}, AfterTestFunc: count(0),
	})
	for _, s := range scenarios {
		t.Run(s.Name, func(t *testing.T) { t.Parallel(); s.Test(t) })
	}
}

// TestCommonCopyFormRefused: the plan's control form (a draft's) refuses a
// change of what kommunstyrelsen decided on a common control's copy, with
// the message beside the field, and saves nothing; the owner it saves.
func TestCommonCopyFormRefused(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	var plan, copyId string
	var before string
	values := url.Values{}
	s := &tests.ApiScenario{
		Name: "title changed", Method: http.MethodPost,
		Headers:        with(testapp.Cookie(f, "samordnare"), "Content-Type", "application/x-www-form-urlencoded"),
		TestAppFactory: testapp.WebFactory, ExpectedStatus: http.StatusUnprocessableEntity,
		ExpectedContent: []string{"har kommunstyrelsen beslutat"},
	}
	s.BeforeTestFunc = func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		p, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2024, "title": "IAN 2024"})
		if err != nil {
			t.Fatal(err)
		}
		k, err := testapp.Create(app, model.CommonControls, map[string]any{"year": 2024, "title": "Efterlevnad av attestreglementet", "frequency": "yearly"})
		if err != nil {
			t.Fatal(err)
		}
		c, err := app.FindFirstRecordByFilter(model.Controls, "plan = {:p} && common_control = {:k}", dbx.Params{"p": p.Id, "k": k.Id})
		if err != nil {
			t.Fatal(err)
		}
		plan, copyId = p.Id, c.Id
		for _, name := range []string{"section", "number", "title", "description", "process", "unit", "owner", "method", "frequency",
			"due", "report_to", "legal_refs", "target_metric", "target_operator", "target_value", "target_unit"} {
			values.Set(name, c.GetString(name))
		}
		values.Set("due", "")
		values.Set("title", "Nämndens egen rubrik")
		s.URL, s.Body = "/plans/"+plan+"/controls/"+copyId, strings.NewReader(values.Encode())
		before = testapp.Find(t, app, model.Controls, copyId).GetString("title")
	}
	s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if got := testapp.Find(t, app, model.Controls, copyId).GetString("title"); got != before {
			t.Fatalf("Expected the title kept as %q, got %q", before, got)
		}
	}
	s.Test(t)
}
