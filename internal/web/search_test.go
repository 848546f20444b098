package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/internal/testapp"
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
			NotExpectedContent: []string{control12, "Cyberangrepp – risk", "Öva på cyberangrepp"},
		},
		{
			Name: "the coordinator finds the confidential control and the action under it", Method: http.MethodGet,
			URL: "/search?q=Cyberangrepp", Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: underConfidential,
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{control12, "Cyberangrepp – risk", "Öva på cyberangrepp", "Kontrollpunkter (1)", "Åtgärder (1)"},
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

// TestSearchLimit shows at most 50 hits of a kind and says there may be more.
func TestSearchLimit(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	s := tests.ApiScenario{
		Name: "at most 50 per kind", Method: http.MethodGet, URL: "/search?q=uppf%C3%B6ljningsrutin",
		Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: testapp.WebFactory,
		BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
			asSystem(t, app, func(tx core.App) error {
				for i := 0; i < 51; i++ {
					if _, err := testapp.Create(tx, model.Actions, map[string]any{
						"control": f.Controls["1"], "description": "Ny uppföljningsrutin " + string(rune('A'+i%26)),
						"owner": f.Users["ansvarig"], "status": model.ActionPlanned,
					}); err != nil {
						return err
					}
				}
				return nil
			})
		},
		ExpectedStatus:  http.StatusOK,
		ExpectedContent: []string{"Åtgärder (50)", "50 träffar", "Visar de 50 första träffarna."},
	}
	s.Test(t)
}
