package web_test

import (
	"fmt"
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

func TestSearchPage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	// an action under the confidential control 12, so "under it" has something to hide
	underConfidential := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		asSystem(t, app, func(tx core.App) error {
			_, err := testapp.Create(tx, model.Actions, map[string]any{
				"control": f.Controls["12"], "description": "Öva på cyberangrepp tillsammans med leverantören.",
				"owner": f.Users["it"], "status": model.ActionPlanned,
			})
			return err
		})
	}
	control12 := `href="/controls/` + f.Controls["12"] + `"`
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: "/search?q=responstid",
			ExpectedStatus: http.StatusSeeOther,
		},
		{
			Name: "the form with a hint when nothing is asked", Method: http.MethodGet, URL: "/search",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"<title>Sök – ikplan</title>", `<label for="q">`, "Skriv minst 2 tecken.", `role="search"`},
			NotExpectedContent: []string{"träffar", "<h2"},
		},
		{
			Name: "one character is too short: the hint, no search", Method: http.MethodGet, URL: "/search?q=a",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Skriv minst 2 tecken.", `value="a"`}, NotExpectedContent: []string{"träffar", "<h2"},
		},
		{
			Name: "a reader finds the response-time control", Method: http.MethodGet, URL: "/search?q=responstid",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"1 träffar för ”responstid”.", "<h2 id=\"found-controls\">Kontrollpunkter (1)</h2>",
				`href="/controls/` + f.Controls["5"] + `"`, "Medel responstid"},
			NotExpectedContent: []string{"Planer (", "Avvikelser (", "Åtgärder ("},
		},
		{
			Name: "results grouped by kind, with links", Method: http.MethodGet, URL: "/search?q=delegation",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"4 träffar", "Kontrollpunkter (2)", "Avvikelser (1)", "Åtgärder (1)",
				`href="/controls/` + f.Controls["10"] + `#deviation-` + f.Deviations["10"] + `"`,
				`href="/controls/` + f.Controls["10"] + `#action-` + f.Actions["10"] + `"`},
		},
		{
			Name: "plans are found by title", Method: http.MethodGet, URL: "/search?q=" + url.QueryEscape("internkontrollplan"),
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Planer (1)", `href="/plans/` + f.Plan + `"`, "Kommunstyrelsen 2024"},
		},
		{
			Name: "a reader does not find the confidential control or anything under it", Method: http.MethodGet,
			URL: "/search?q=cyberangrepp", Headers: testapp.Cookie(f, "lasare"), BeforeTestFunc: underConfidential,
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{"Inga träffar för ”cyberangrepp”."},
			NotExpectedContent: append([]string{control12, "Cyberangrepp – risk", "Öva på cyberangrepp"}, testapp.Secrets...),
		},
		{
			Name: "the coordinator finds the confidential control and the action under it", Method: http.MethodGet,
			URL: "/search?q=Cyberangrepp", Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: underConfidential,
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{control12, "Cyberangrepp – risk", "Öva på cyberangrepp", "Kontrollpunkter (1)", "Åtgärder (1)"},
		},
		{
			Name: "a reader does not find the confidential control's deviation or action", Method: http.MethodGet,
			URL: "/search?q=" + url.QueryEscape("brandväggens regelverk"), Headers: testapp.Cookie(f, "lasare"),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{"Inga träffar för ”brandväggens regelverk”."},
			NotExpectedContent: append([]string{control12, `href="/controls/` + f.Controls["12"] + `#`}, testapp.Secrets...),
		},
		{
			Name: "nor does another board's user", Method: http.MethodGet,
			URL: "/search?q=" + url.QueryEscape("brandväggens regelverk"), Headers: testapp.Cookie(f, "annan"),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{"Inga träffar för ”brandväggens regelverk”."},
			NotExpectedContent: testapp.Secrets,
		},
		{
			Name: "the coordinator finds them", Method: http.MethodGet,
			URL: "/search?q=" + url.QueryEscape("brandväggens regelverk"), Headers: testapp.Cookie(f, "samordnare"),
			ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"2 träffar", "Avvikelser (1)", "Åtgärder (1)", testapp.SecretDeviation, testapp.SecretAction,
				`href="/controls/` + f.Controls["12"] + `#deviation-` + f.Deviations["12"] + `"`,
				`href="/controls/` + f.Controls["12"] + `#action-` + f.Actions["12"] + `"`},
		},
		{
			Name: "another board's user finds nothing of Kommunstyrelsen", Method: http.MethodGet, URL: "/search?q=responstid",
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Inga träffar"}, NotExpectedContent: []string{"Medel responstid"},
		},
		{
			Name: "a percent sign is a character, not a wildcard", Method: http.MethodGet, URL: "/search?q=%25%25",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Inga träffar för ”%%”."},
		},
		{
			Name: "markup in the search is only text", Method: http.MethodGet, URL: "/search?q=" + url.QueryEscape(`<script>alert(1)</script>`),
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Inga träffar", "&lt;script&gt;"}, NotExpectedContent: []string{"<script>alert"},
		},
		{
			Name: "a search over 200 characters is refused with a message beside the field", Method: http.MethodGet,
			URL: "/search?q=" + strings.Repeat("å", 201), Headers: testapp.Cookie(f, "samordnare"),
			ExpectedStatus:     http.StatusUnprocessableEntity,
			ExpectedContent:    []string{"<title>Fel: Sök – ikplan</title>", `id="q-error"`, "högst 200 tecken", `href="#q"`},
			NotExpectedContent: []string{"träffar"},
		},
		{
			Name: "200 characters are still searched", Method: http.MethodGet,
			URL: "/search?q=" + strings.Repeat("å", 200), Headers: testapp.Cookie(f, "samordnare"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Inga träffar"},
		},
		{
			Name: "an htmx search gets the form and the results only", Method: http.MethodGet, URL: "/search?q=responstid",
			Headers:        with(testapp.Cookie(f, "lasare"), "HX-Request", "true", "HX-Target", "search"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`<div id="search">`, "Medel responstid"},
			NotExpectedContent: []string{"<html", "<h1>"},
		},
		{
			Name: "an htmx search that is too long swaps in the refusal", Method: http.MethodGet, URL: "/search?q=" + strings.Repeat("x", 201),
			Headers:        with(testapp.Cookie(f, "lasare"), "HX-Request", "true", "HX-Target", "search"),
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{`<div id="search">`, `id="q-error"`},
			NotExpectedContent: []string{"<html"},
		},
		{
			Name: "a boosted search gets the whole page", Method: http.MethodGet, URL: "/search?q=responstid",
			Headers:        with(testapp.Cookie(f, "lasare"), "HX-Request", "true", "HX-Boosted", "true"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<html", "<h1>Sök</h1>", "Medel responstid"},
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

// TestSearchLimit: the search page shows the 20 latest hits of a kind and
// links to the rest, a page of 50 at a time, each through the list rule.
func TestSearchLimit(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	// 51 actions under control 1, numbered in the order they are made
	more := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		asSystem(t, app, func(tx core.App) error {
			for i := range 51 {
				if _, err := testapp.Create(tx, model.Actions, map[string]any{
					"control": f.Controls["1"], "description": fmt.Sprintf("Ny uppföljningsrutin %03d", i),
					"owner": f.Users["ansvarig"], "status": model.ActionPlanned,
				}); err != nil {
					return err
				}
			}
			return nil
		})
	}
	q := url.QueryEscape("uppföljningsrutin")
	kindPage := func(page int) string {
		u := "/search?kind=actions"
		if page > 1 {
			u += fmt.Sprintf("&page=%d", page)
		}
		return u + "&q=" + q
	}
	hits := func(want int) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
			body, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(body), ">Ny uppföljningsrutin "); n != want {
				t.Fatalf("Expected %d hits on the page, got %d", want, n)
			}
		}
	}
	html := func(s string) string { return strings.ReplaceAll(s, "&", "&amp;") }
	scenarios := []tests.ApiScenario{
		{
			Name: "the 20 latest of a kind, and a link to the rest", Method: http.MethodGet, URL: "/search?q=" + q,
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Åtgärder (fler än 20)", "Fler än 20 träffar för ”uppföljningsrutin”.",
				"Visar de 20 senaste träffarna.", "Ny uppföljningsrutin 050", "Ny uppföljningsrutin 031",
				`<a href="` + html(kindPage(1)) + `">Visa fler åtgärder</a>`},
			NotExpectedContent: []string{"Ny uppföljningsrutin 030", `rel="next"`},
			AfterTestFunc:      hits(20),
		},
		{
			Name: "the first page of the kind: 50 and the next page", Method: http.MethodGet, URL: kindPage(1),
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Åtgärder som innehåller ”uppföljningsrutin”, sida 1.", "Åtgärder (50)",
				`href="` + html(kindPage(2)) + `" rel="next"`, `<a href="/search?q=` + q + `">Visa träffar av alla slag</a>`},
			NotExpectedContent: []string{`rel="prev"`, "Kontrollpunkter (", "Ny uppföljningsrutin 000"},
			AfterTestFunc:      hits(50),
		},
		{
			Name: "the second page of the kind: the oldest, and the way back", Method: http.MethodGet, URL: kindPage(2),
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"sida 2.", "Åtgärder (1)", "Ny uppföljningsrutin 000", `href="` + html(kindPage(1)) + `" rel="prev"`},
			NotExpectedContent: []string{`rel="next"`},
			AfterTestFunc:      hits(1),
		},
		{
			Name: "a kind's page is read through the rules too", Method: http.MethodGet, URL: kindPage(1),
			Headers: testapp.Cookie(f, "annan"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Inga träffar för ”uppföljningsrutin”."}, NotExpectedContent: []string{"Ny uppföljningsrutin"},
		},
		{
			Name: "an unknown kind searches every kind", Method: http.MethodGet, URL: "/search?kind=%3Cx%3E&q=" + q,
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: more, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Åtgärder (fler än 20)"}, NotExpectedContent: []string{"&lt;x&gt;", "<x>"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}
