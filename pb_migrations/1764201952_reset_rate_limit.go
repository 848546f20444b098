package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(limitResetRequests, unlimitResetRequests)
}

// resetLabel is PocketBase's rate-limit label of every auth collection's
// request-password-reset.
const resetLabel = "*:requestPasswordReset"

// limitResetRequests gives PocketBase's request-password-reset the limit of
// the web UI's "Glömt lösenord" (5 a minute per address): it had only the
// general 300 requests in 10 seconds, and its own guard against a second
// mail is set only once the first has gone, so a burst sent a mail per
// request.
func limitResetRequests(app core.App) error {
	s := app.Settings()
	for _, r := range s.RateLimits.Rules {
		if r.Label == resetLabel {
			return nil
		}
	}
	s.RateLimits.Rules = append(s.RateLimits.Rules, core.RateLimitRule{Label: resetLabel, MaxRequests: 5, Duration: 60})
	return app.Save(s)
}

func unlimitResetRequests(app core.App) error {
	s := app.Settings()
	rules := s.RateLimits.Rules[:0]
	for _, r := range s.RateLimits.Rules {
		if r.Label != resetLabel {
			rules = append(rules, r)
		}
	}
	s.RateLimits.Rules = rules
	return app.Save(s)
}
