package access_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestCheckMigratedRules: the rules as migrated pass the startup check —
// no list or view rule reads the request — and the check has something to
// tell apart: the settings' update rule does read it (@request.body).
func TestCheckMigratedRules(t *testing.T) {
	app := testapp.New(t)
	if err := access.Check(app); err != nil {
		t.Fatal(err)
	}
	col, err := app.FindCollectionByNameOrId(model.Settings)
	if err != nil {
		t.Fatal(err)
	}
	if got := access.ReadsRequest(col.UpdateRule); len(got) != 1 || got[0] != "body" {
		t.Fatalf("Expected the settings' update rule to read @request.body, got %v", got)
	}
}

// TestCheckRefusesRequestRules: a list or view rule that reads any part of
// the request is refused by the startup check, naming the collection, and
// the engine refuses to answer it (ErrNeedsRequest) instead of answering
// for a GET with an empty body.
func TestCheckRefusesRequestRules(t *testing.T) {
	f := testapp.Fix(t)
	for _, part := range []string{`@request.body.title = ""`, `@request.method = "GET"`, `@request.query.page = ""`,
		`@request.headers.x_token = ""`, `@request.context = "default"`} {
		for _, which := range []string{"listRule", "viewRule"} {
			t.Run(which+" "+part, func(t *testing.T) {
				app := testapp.New(t)
				col, err := app.FindCollectionByNameOrId(model.Controls)
				if err != nil {
					t.Fatal(err)
				}
				rule := `@request.auth.id != "" && ` + part
				if which == "listRule" {
					col.ListRule = &rule
				} else {
					col.ViewRule = &rule
				}
				if err := app.Save(col); err != nil {
					t.Fatal(err)
				}
				err = access.Check(app)
				if err == nil || !strings.Contains(err.Error(), "controls."+which) {
					t.Fatalf("Expected the check to refuse controls.%s, got %v", which, err)
				}
				user := testapp.Find(t, app, model.Users, f.Users["samordnare"])
				var got error
				if which == "listRule" {
					_, got = access.ListAs(app, user, model.Controls, "", "", 0, nil)
				} else {
					_, got = access.ViewAs(app, user, model.Controls, f.Controls["1"])
				}
				if !errors.Is(got, access.ErrNeedsRequest) {
					t.Fatalf("Expected ErrNeedsRequest, got %v", got)
				}
			})
		}
	}
}

// TestRequestRulesNeedTheRequest: the settings' update rule refuses a
// write that sets the risk scale. Asked without the request (a GET with an
// empty body), the engine would let the page through where the REST API
// refuses; it refuses instead. Asked with the real request (CanWith), it
// answers as PocketBase's own check does for the same request, both ways.
func TestRequestRulesNeedTheRequest(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	settings := testapp.Find(t, app, model.Settings, f.Settings)
	rule := settings.Collection().UpdateRule
	for _, key := range []string{"samordnare", "ansvarig", "lasare", "revisor", "annan"} {
		user := testapp.Find(t, app, model.Users, f.Users[key])
		if access.Can(app, user, settings, rule) {
			t.Errorf("%s: the engine let a request-reading rule through without the request", key)
		}
		for _, body := range []map[string]any{{"municipality": "Ny kommun"}, {"risk_scale": 5}, {}} {
			info := access.Request(user, http.MethodPatch, body)
			want, err := app.CanAccessRecord(settings, info, rule)
			if err != nil {
				t.Fatal(err)
			}
			if got := access.CanWith(app, info, settings, rule); got != want {
				t.Errorf("%s with %v: CanWith %v, PocketBase %v", key, body, got, want)
			}
		}
	}
	coordinator := testapp.Find(t, app, model.Users, f.Users["samordnare"])
	if !access.CanWith(app, access.Request(coordinator, http.MethodPatch, map[string]any{"municipality": "Ny"}), settings, rule) {
		t.Errorf("Expected a coordinator to change the municipality's name")
	}
	if access.CanWith(app, access.Request(coordinator, http.MethodPatch, map[string]any{"risk_scale": 5}), settings, rule) {
		t.Errorf("Expected the risk scale refused through the update rule, as the REST API refuses it")
	}
	if access.CanWith(app, nil, settings, rule) {
		t.Errorf("Expected no answer without a request")
	}
}

// TestChanges: the body of a write is what it sets.
func TestChanges(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.New(t)
	settings := testapp.Find(t, app, model.Settings, f.Settings)
	if got := access.Changes(settings); len(got) != 0 {
		t.Errorf("Expected no changes, got %v", got)
	}
	settings.Set("municipality", "Ny kommun")
	if got := access.Changes(settings); len(got) != 1 || got["municipality"] != "Ny kommun" {
		t.Errorf("Expected the name changed, got %v", got)
	}
	c := core.NewRecord(settings.Collection())
	c.Set("municipality", "X")
	if got := access.Changes(c); got["municipality"] != "X" {
		t.Errorf("Expected a new record's fields, got %v", got)
	}
}
