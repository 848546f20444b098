package pb_migrations

import (
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(limitOIDCSignIn, unlimitOIDCSignIn)
}

// oidcLimits are the rate limits of signing in with the municipality's
// accounts, per address: each start keeps a state for ten minutes (the
// table of sign-ins under way is bounded), and each callback may ask the
// provider to exchange a code, so neither may be sent in bulk.
var oidcLimits = []core.RateLimitRule{
	{Label: "GET /login/oidc", MaxRequests: 20, Duration: 60},
	{Label: "GET /login/oidc/callback", MaxRequests: 20, Duration: 60},
}

func limitOIDCSignIn(app core.App) error {
	s := app.Settings()
	for _, l := range oidcLimits {
		if !slices.ContainsFunc(s.RateLimits.Rules, func(r core.RateLimitRule) bool { return r.Label == l.Label }) {
			s.RateLimits.Rules = append(s.RateLimits.Rules, l)
		}
	}
	return app.Save(s)
}

func unlimitOIDCSignIn(app core.App) error {
	s := app.Settings()
	s.RateLimits.Rules = slices.DeleteFunc(s.RateLimits.Rules, func(r core.RateLimitRule) bool {
		return slices.ContainsFunc(oidcLimits, func(l core.RateLimitRule) bool { return l.Label == r.Label })
	})
	return app.Save(s)
}
