package hooks_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/hooks"
	"ikplan/internal/model"
	"ikplan/internal/session"
	"ikplan/proof/testapp"
)

func sessionsOf(t testing.TB, app core.App, user string) int {
	t.Helper()
	return testapp.Count(t, app, session.Sessions, dbx.HashExp{"user": user})
}

// TestPasswordChangeEndsSessions: a new password, by whatever route, ends
// every web session of that user and of no one else.
func TestPasswordChangeEndsSessions(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	id := f.Users["ansvarig"]
	// a reset token made on one copy of the test data holds on every copy
	reset, err := testapp.Find(t, testapp.New(t), model.Users, id).NewPasswordResetToken()
	if err != nil {
		t.Fatal(err)
	}
	newPassword := `"password":"ikplan-nytt-1","passwordConfirm":"ikplan-nytt-1"`
	scenarios := []struct {
		name, method, url, body, auth string
		status                        int
		left                          int // sessions of the user afterwards
	}{
		{name: "a superuser sets a new password (REST API, dashboard)", method: http.MethodPatch,
			url: "/api/collections/users/records/" + id, body: `{` + newPassword + `}`, auth: f.Tokens["superuser"], status: http.StatusOK},
		{name: "the user sets a new password through the reset mail", method: http.MethodPost,
			url: "/api/collections/users/confirm-password-reset", body: `{"token":"` + reset + `",` + newPassword + `}`, status: http.StatusNoContent},
		{name: "the user may not update their own record, so the sessions stay", method: http.MethodPatch,
			url: "/api/collections/users/records/" + id, body: `{"oldPassword":"` + testapp.Password + `",` + newPassword + `}`,
			auth: f.Tokens["ansvarig"], status: http.StatusForbidden, left: 2},
		{name: "another change of the user leaves the sessions", method: http.MethodPatch,
			url: "/api/collections/users/records/" + id, body: `{"name":"Anders A. Ansvarig"}`, auth: f.Tokens["superuser"],
			status: http.StatusOK, left: 2},
	}
	for _, sc := range scenarios {
		s := tests.ApiScenario{
			Name: sc.name, Method: sc.method, URL: sc.url, Body: strings.NewReader(sc.body),
			Headers:        map[string]string{"Content-Type": "application/json", "Authorization": sc.auth},
			ExpectedStatus: sc.status, ExpectedContent: []string{`"`}, TestAppFactory: testapp.Factory,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				// a second browser of the same user
				if _, _, err := session.NewSession(app, testapp.Find(t, app, model.Users, id), testapp.Today); err != nil {
					t.Fatal(err)
				}
			},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := sessionsOf(t, app, id); n != sc.left {
					t.Fatalf("Expected %d sessions of the user left, got %d", sc.left, n)
				}
				if n := sessionsOf(t, app, f.Users["lasare"]); n != 1 {
					t.Fatalf("Expected another user's session untouched, got %d", n)
				}
			},
		}
		if sc.status == http.StatusNoContent {
			s.ExpectedContent = nil
		}
		s.Test(t)
	}
}

// TestDeletingAUserEndsSessions: the sessions go with the user.
func TestDeletingAUserEndsSessions(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	if n := sessionsOf(t, app, f.Users["annan"]); n != 1 {
		t.Fatalf("Expected the fixture's session of the user, got %d", n)
	}
	if err := testapp.Delete(app, model.Users, f.Users["annan"]); err != nil {
		t.Fatalf("failed to delete the user: %v", err)
	}
	if n := sessionsOf(t, app, f.Users["annan"]); n != 0 {
		t.Fatalf("Expected the user's sessions deleted with the user, got %d", n)
	}
}

// TestRemoveEndedSessions: the nightly job deletes the sessions that have
// ended and keeps the others; it is in the cron.
func TestRemoveEndedSessions(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	user := testapp.Find(t, app, model.Users, f.Users["revisor"])
	now := testapp.Today.Add(24 * time.Hour)
	ended, _, err := session.NewSession(app, user, now.Add(-10*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	live, _, err := session.NewSession(app, user, now.Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	before := testapp.Count(t, app, session.Sessions, nil)
	hooks.RemoveEndedSessions(app, now)
	if _, err := app.FindRecordById(session.Sessions, ended.Id); err == nil {
		t.Fatalf("Expected the ended session removed")
	}
	if _, err := app.FindRecordById(session.Sessions, live.Id); err != nil {
		t.Fatalf("Expected the live session kept: %v", err)
	}
	// the fixture's sessions began the day before and have ended too
	if got := testapp.Count(t, app, session.Sessions, nil); got != 1 || before < 3 {
		t.Fatalf("Expected only the live session left of %d, got %d", before, got)
	}
	hooks.Schedule(app)
	for _, j := range app.Cron().Jobs() {
		if j.Id() == hooks.SessionsJob {
			return
		}
	}
	t.Fatalf("Expected the sessions job in the cron, got %v", app.Cron().Jobs())
}

// TestSessionsHaveNoHistory: a session is no domain record: starting,
// renewing and ending one writes no history row, and no history row holds
// a token or its hash.
func TestSessionsHaveNoHistory(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	rows := func() int { return testapp.Count(t, app, model.AuditLog, nil) }
	before := rows()
	user := testapp.Find(t, app, model.Users, f.Users["revisor"])
	s, token, err := session.NewSession(app, user, testapp.Today)
	if err != nil {
		t.Fatal(err)
	}
	s.Renew(testapp.Today.Add(time.Hour))
	if err := app.Save(s.Record); err != nil {
		t.Fatal(err)
	}
	if err := session.EndSession(app, token); err != nil {
		t.Fatal(err)
	}
	if got := rows(); got != before {
		t.Fatalf("Expected no history row of a session, got %d new", got-before)
	}
	// a password change is in the history, without any secret
	user.SetPassword("ikplan-nytt-1")
	if err := app.Save(user); err != nil {
		t.Fatal(err)
	}
	var texts []string
	if err := app.DB().NewQuery("SELECT changes FROM audit_log").Column(&texts); err != nil {
		t.Fatal(err)
	}
	hash := s.GetString("token_hash")
	for _, txt := range texts {
		if strings.Contains(txt, token) || strings.Contains(txt, hash) || strings.Contains(txt, "token_hash") {
			t.Fatalf("Expected no session secret in the history, got %s", txt)
		}
	}
	if n := testapp.Count(t, app, model.AuditLog, dbx.HashExp{"collection": session.Sessions}); n != 0 {
		t.Fatalf("Expected no history of the sessions collection, got %d", n)
	}
}
