package testapp

import (
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/web"
)

// NewWeb is New with the web UI's routes bound too.
func NewWeb(t testing.TB) *tests.TestApp {
	t.Helper()
	app := New(t)
	web.Register(app, Clock)
	return app
}

// WebFactory is NewWeb in the form tests.ApiScenario takes.
func WebFactory(t testing.TB) *tests.TestApp { return NewWeb(t) }

// Cookie is the session cookie header of a fixture account ("" for a guest).
func Cookie(f *Fixture, key string) map[string]string {
	if key == "" || key == "guest" {
		return map[string]string{}
	}
	return map[string]string{"Cookie": "ikplan_session=" + f.Sessions[key]}
}
