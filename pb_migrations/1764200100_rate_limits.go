package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(enableRateLimits, nil)
}

// enableRateLimits turns on PocketBase's rate limiter, with a rule for the
// web UI's sign-in beside PocketBase's own for its auth endpoints.
func enableRateLimits(app core.App) error {
	s := app.Settings()
	s.RateLimits.Enabled = true
	for _, r := range s.RateLimits.Rules {
		if r.Label == "POST /login" {
			return app.Save(s)
		}
	}
	s.RateLimits.Rules = append(s.RateLimits.Rules,
		core.RateLimitRule{Label: "POST /login", MaxRequests: 10, Duration: 60},
		core.RateLimitRule{Label: "POST /forgot", MaxRequests: 5, Duration: 60},
	)
	return app.Save(s)
}
