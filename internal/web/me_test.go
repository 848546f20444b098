package web_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/proof/testapp"
)

// oldToken is a calendar token the tests give a user before they renew it.
const oldToken = "old-calendar-token-0123456789abcdefghijklmnop"

// withToken is WebFactory with a calendar token set for the user.
func withToken(f *testapp.Fixture, key, token string) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := testapp.WebFactory(t)
		if err := testapp.Update(app, model.Users, f.Users[key], map[string]any{remind.CalendarField: token}); err != nil {
			t.Fatal(err)
		}
		return app
	}
}

func token(t testing.TB, app *tests.TestApp, id string) string {
	t.Helper()
	return testapp.Find(t, app, model.Users, id).GetString(remind.CalendarField)
}

func TestMePage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	form := func(key string) map[string]string {
		return with(testapp.Cookie(f, key), "Content-Type", "application/x-www-form-urlencoded")
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "a guest is sent to sign in", Method: http.MethodGet, URL: "/me",
			ExpectedStatus: http.StatusSeeOther, ExpectedContent: nil,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/login?next=%2Fme" {
					t.Fatalf("Expected /login?next=%%2Fme, got %q", loc)
				}
			},
		},
		{
			Name: "the user's facts, and a button to make a calendar link; viewing makes none", Method: http.MethodGet, URL: "/me",
			Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				"<title>Mitt konto – ikplan</title>", "<h1>Mitt konto</h1>", "Anders Ansvarig", "ansvarig@ikplan.test",
				"Ansvarig för kontroller och åtgärder", "<li>Kommunstyrelsen</li>", "Svenska", "Din kalender",
				`action="/me/calendar"`, "Skapa länk till kalendern", `href="/me"`,
			},
			NotExpectedContent: []string{"/calendar/", "Förnya länken", "Individ- och arbetsmarknadsnämnden"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if tok := token(t, app, f.Users["ansvarig"]); tok != "" {
					t.Fatalf("Expected GET to make no token, got %q", tok)
				}
			},
		},
		{
			Name: "with a token, the feed's address and the renew button", Method: http.MethodGet, URL: "/me",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK, TestAppFactory: withToken(f, "samordnare", oldToken),
			ExpectedContent: []string{
				"IK-samordnare", "<li>Individ- och arbetsmarknadsnämnden</li>", "<li>Kommunstyrelsen</li>",
				`<label for="feed-url">Adress till din kalender</label>`, `value="http://example.com/calendar/` + oldToken + `.ics"`,
				`href="webcal://example.com/calendar/` + oldToken + `.ics"`, "Förnya länken", "förnya länken – då slutar den gamla adressen att fungera",
			},
			NotExpectedContent: []string{"Skapa länk till kalendern"},
		},
		{
			Name: "in English", Method: http.MethodGet, URL: "/me",
			Headers: with(testapp.Cookie(f, "revisor"), "Cookie", "ikplan_session="+f.Sessions["revisor"]+"; ikplan_lang=en"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<h1>My account</h1>", "Auditor", "English", "Create a calendar link"},
		},
		{
			Name: "boosted navigation gets the whole page", Method: http.MethodGet, URL: "/me",
			Headers:        with(testapp.Cookie(f, "lasare"), "HX-Request", "true", "HX-Boosted", "true"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<html", "Läsare", "Lena Läsare"},
		},
		{
			Name: "making the link: a token of 32+ characters, then back to the page", Method: http.MethodPost, URL: "/me/calendar",
			Headers: form("lasare"), ExpectedStatus: http.StatusSeeOther, ExpectedContent: nil,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != "/me#calendar" {
					t.Fatalf("Expected a redirect to /me#calendar, got %q", loc)
				}
				if tok := token(t, app, f.Users["lasare"]); len(tok) < 32 {
					t.Fatalf("Expected a token of 32+ characters, got %q", tok)
				}
			},
		},
		{
			Name: "renewing replaces the token", Method: http.MethodPost, URL: "/me/calendar",
			Headers: with(form("ansvarig"), "HX-Request", "true"), TestAppFactory: withToken(f, "ansvarig", oldToken),
			ExpectedStatus: http.StatusNoContent, ExpectedContent: nil,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("HX-Location"); loc != "/me#calendar" {
					t.Fatalf("Expected HX-Location /me#calendar, got %q", loc)
				}
				if tok := token(t, app, f.Users["ansvarig"]); tok == oldToken || len(tok) < 32 {
					t.Fatalf("Expected a new token, got %q", tok)
				}
			},
		},
		{
			Name: "a renewal from another site is refused", Method: http.MethodPost, URL: "/me/calendar",
			Headers: with(form("ansvarig"), "Sec-Fetch-Site", "cross-site"), TestAppFactory: withToken(f, "ansvarig", oldToken),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if tok := token(t, app, f.Users["ansvarig"]); tok != oldToken {
					t.Fatalf("Expected the token unchanged, got %q", tok)
				}
			},
		},
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WebFactory
		}
		s.Test(t)
	}
}
