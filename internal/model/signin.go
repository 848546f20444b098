package model

import (
	"github.com/pocketbase/pocketbase/core"
)

// The ways staff sign in are the users collection's own options, as the
// administrator sets them in the dashboard (Collections → users → Options):
// PocketBase's OAuth2 providers (Microsoft with its tenant, or an OpenID
// Connect provider) and its password sign-in. The web UI and the REST API
// read the same options, so turning password sign-in off turns it off for
// both. Superusers are another collection and keep their password.

// SignInProvider is the OAuth2 provider staff sign in with: the first one
// configured on the users collection, when its OAuth2 sign-in is enabled.
func SignInProvider(app core.App) (core.OAuth2ProviderConfig, bool) {
	col, err := app.FindCachedCollectionByNameOrId(Users)
	if err != nil {
		return core.OAuth2ProviderConfig{}, false
	}
	return ProviderOf(col)
}

// ProviderOf is the OAuth2 provider of an auth collection's options, if its
// OAuth2 sign-in is enabled and names one.
func ProviderOf(col *core.Collection) (core.OAuth2ProviderConfig, bool) {
	if !col.OAuth2.Enabled || len(col.OAuth2.Providers) == 0 {
		return core.OAuth2ProviderConfig{}, false
	}
	return col.OAuth2.Providers[0], true
}

// PasswordSignIn reports whether staff may sign in with a password (and
// ask for a new one): the users collection's password sign-in option.
func PasswordSignIn(app core.App) bool {
	col, err := app.FindCachedCollectionByNameOrId(Users)
	if err != nil {
		return true
	}
	return col.PasswordAuth.Enabled
}

// SignInLeftOpen reports whether an auth collection's options leave its
// users a way to sign in: a password, or an enabled OAuth2 provider. Password
// sign-in may be switched off only once single sign-on works.
func SignInLeftOpen(col *core.Collection) bool {
	if col.PasswordAuth.Enabled {
		return true
	}
	_, ok := ProviderOf(col)
	return ok
}
