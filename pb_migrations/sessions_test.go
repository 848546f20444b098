package pb_migrations_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/session"
	"ikplan/proof/testapp"
)

// TestSessionsAreSuperusersOnly: the web sessions are no business of the
// REST API's users; a superuser may see and end them (and sees the tokens'
// hashes, which sign nobody in).
func TestSessionsAreSuperusersOnly(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	row, err := app.FindFirstRecordByData(session.Sessions, "user", f.Users["samordnare"])
	if err != nil {
		t.Fatal(err)
	}
	base := "/api/collections/sessions/records"
	for _, role := range roles {
		want := func(user int, super int) int {
			if role == "superuser" {
				return super
			}
			return user
		}
		scenarios := []tests.ApiScenario{
			{Name: "list", Method: http.MethodGet, URL: base, ExpectedStatus: want(http.StatusForbidden, http.StatusOK)},
			{Name: "view", Method: http.MethodGet, URL: base + "/" + row.Id, ExpectedStatus: want(http.StatusForbidden, http.StatusOK)},
			{Name: "create", Method: http.MethodPost, URL: base, ExpectedStatus: want(http.StatusForbidden, http.StatusBadRequest),
				Body: strings.NewReader(`{"user":"` + f.Users[role] + `","token_hash":"` + strings.Repeat("a", 64) + `"}`)},
			{Name: "update", Method: http.MethodPatch, URL: base + "/" + row.Id, ExpectedStatus: want(http.StatusForbidden, http.StatusOK),
				Body: strings.NewReader(`{"expires":"2099-01-01 00:00:00.000Z"}`)},
			{Name: "delete", Method: http.MethodDelete, URL: base + "/" + row.Id, ExpectedStatus: want(http.StatusForbidden, http.StatusNoContent)},
		}
		for _, s := range scenarios {
			s.Name = role + "/" + s.Name
			s.Headers = headers(f, role)
			s.TestAppFactory = testapp.Factory
			if role != "superuser" {
				s.NotExpectedContent = []string{"token_hash", row.GetString("token_hash")}
			}
			if s.ExpectedStatus != http.StatusNoContent {
				s.ExpectedContent = []string{`"`}
			}
			if role == "superuser" && s.Method == http.MethodGet {
				s.ExpectedContent = []string{`"user":"` + f.Users["samordnare"] + `"`}
			}
			s.Test(t)
		}
	}
}

// TestSessionsGetTheirSignInTime: a session open at the upgrade is taken
// to have begun when its row was made, so it ends 12 hours after that.
func TestSessionsGetTheirSignInTime(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	mig := migration(t, "1764201951_sessions_signed_in.go")
	if err := mig.Down(app); err != nil {
		t.Fatal(err)
	}
	row, err := app.FindFirstRecordByData(session.Sessions, "user", f.Users["lasare"])
	if err != nil {
		t.Fatal(err)
	}
	if err := mig.Up(app); err != nil {
		t.Fatal(err)
	}
	row, err = app.FindRecordById(session.Sessions, row.Id)
	if err != nil {
		t.Fatal(err)
	}
	sess := session.AsSession(row)
	if got, want := sess.SignedIn(), row.GetDateTime("created").Time(); got.IsZero() || !got.Equal(want) {
		t.Fatalf("Expected the sign-in time of an open session to be its row's creation %v, got %v", want, got)
	}
	if !sess.Expired(sess.SignedIn().Add(session.SessionMax)) {
		t.Fatalf("Expected the session to end %v after its creation", session.SessionMax)
	}
	if err := app.Save(row); err != nil {
		t.Fatalf("Expected the migrated row to save (its sign-in time is required), got %v", err)
	}
}
