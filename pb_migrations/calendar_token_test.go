package pb_migrations_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestCalendarToken checks that the calendar feed's secret never leaves
// the server through the REST API, not even to its user, and that two
// users cannot share one.
func TestCalendarToken(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	const secret = "calendar-secret-0123456789abcdefghijklmnopq"
	withSecret := func(t testing.TB) *tests.TestApp {
		app := testapp.Factory(t)
		if err := testapp.Update(app, model.Users, f.Users["ansvarig"], map[string]any{"calendar_token": secret}); err != nil {
			t.Fatal(err)
		}
		return app
	}
	for _, who := range []string{"ansvarig", "samordnare"} {
		s := tests.ApiScenario{
			Name: who + " views the user", Method: http.MethodGet, URL: "/api/collections/users/records/" + f.Users["ansvarig"],
			Headers: headers(f, who), TestAppFactory: withSecret, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`"name":"Anders Ansvarig"`}, NotExpectedContent: []string{"calendar_token", secret},
		}
		s.Test(t)
	}
	s := tests.ApiScenario{
		Name: "a user cannot set their token through the API", Method: http.MethodPatch, URL: "/api/collections/users/records/" + f.Users["ansvarig"],
		Headers: headers(f, "ansvarig"), Body: strings.NewReader(`{"calendar_token":"chosen-by-me-0123456789abcdefghijklmnop"}`),
		TestAppFactory: withSecret, ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{`"status":403`},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if got := testapp.Find(t, app, model.Users, f.Users["ansvarig"]).GetString("calendar_token"); got != secret {
				t.Fatalf("Expected the token unchanged, got %q", got)
			}
		},
	}
	s.Test(t)

	app := withSecret(t)
	err := testapp.Update(app, model.Users, f.Users["lasare"], map[string]any{"calendar_token": secret})
	if err == nil {
		t.Fatalf("Expected a second user with the same token refused")
	}
}
