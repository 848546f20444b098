package hooks_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// anOIDCProvider is an OpenID Connect provider as the dashboard saves it.
var anOIDCProvider = core.OAuth2ProviderConfig{
	Name: "oidc", ClientId: "ikplan", ClientSecret: "hemligt",
	AuthURL: "https://login.exempelby.se/auth", TokenURL: "https://login.exempelby.se/token",
	UserInfoURL: "https://login.exempelby.se/userinfo",
}

// TestPasswordSignInNeedsAnotherWay: the users collection's password
// sign-in may be switched off only while an OAuth2 provider is enabled, and
// the provider may not go while passwords are off — whichever options
// change together, by a save from the command line or a migration (as
// `ikplan setup` makes) or by the dashboard's REST API. Superusers keep
// theirs in any case.
func TestPasswordSignInNeedsAnotherWay(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name             string
		password, oauth2 bool
		providers        []core.OAuth2ProviderConfig
		ok               bool
	}{
		{"password on, no provider", true, false, nil, true},
		{"password on, a provider", true, true, []core.OAuth2ProviderConfig{anOIDCProvider}, true},
		{"password off, a provider", false, true, []core.OAuth2ProviderConfig{anOIDCProvider}, true},
		{"password off, no provider", false, false, nil, false},
		{"password off, OAuth2 on without a provider", false, true, nil, false},
		{"password off, a provider switched off", false, false, []core.OAuth2ProviderConfig{anOIDCProvider}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			app := testapp.New(t)
			col, err := app.FindCollectionByNameOrId(model.Users)
			if err != nil {
				t.Fatal(err)
			}
			col.PasswordAuth.Enabled, col.OAuth2.Enabled, col.OAuth2.Providers = c.password, c.oauth2, c.providers
			err = app.Save(col)
			if c.ok != (err == nil) {
				t.Fatalf("expected ok=%v, got %v", c.ok, err)
			}
			if err != nil && !strings.Contains(err.Error(), "passwordAuth") {
				t.Fatalf("expected the refusal to name passwordAuth, got %v", err)
			}
			stored, _ := app.FindCollectionByNameOrId(model.Users)
			if !model.SignInLeftOpen(stored) {
				t.Fatal("expected the stored options to leave a way to sign in")
			}
		})
	}

	// from a state with both on, the dashboard may not take the provider
	// away while switching passwords off, nor take it away afterwards
	app := testapp.New(t)
	col, _ := app.FindCollectionByNameOrId(model.Users)
	col.OAuth2.Enabled, col.OAuth2.Providers, col.PasswordAuth.Enabled = true, []core.OAuth2ProviderConfig{anOIDCProvider}, false
	if err := app.Save(col); err != nil {
		t.Fatal(err)
	}
	col, _ = app.FindCollectionByNameOrId(model.Users)
	col.OAuth2.Providers = nil
	if err := app.Save(col); err == nil {
		t.Fatal("expected the last provider kept while passwords are off")
	}

	su, err := testapp.New(t).FindAuthRecordByEmail(core.CollectionNameSuperusers, "admin@ikplan.test")
	if err != nil {
		t.Fatal(err)
	}
	token, err := su.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	s := tests.ApiScenario{
		Name: "the dashboard's save of the users collection", Method: http.MethodPatch, URL: "/api/collections/" + model.Users,
		Body:    strings.NewReader(`{"passwordAuth": {"enabled": false}}`),
		Headers: map[string]string{"Authorization": token, "Content-Type": "application/json"}, TestAppFactory: testapp.Factory,
		ExpectedStatus:  http.StatusBadRequest,
		ExpectedContent: []string{`"passwordAuth":{"enabled":{"code":"validation_ikplan","message":"Inloggning med lösenord kan stängas av först när`},
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if !model.PasswordSignIn(app) {
				t.Fatal("expected password sign-in still on")
			}
		},
	}
	s.Test(t)
}
