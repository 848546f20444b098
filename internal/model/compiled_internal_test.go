package model

import "testing"

// TestFixed: only rules and filters that mean the same at every run (the
// signed-in user's values are in the key) have their SQL kept.
func TestFixed(t *testing.T) {
	for text, want := range map[string]bool{
		"":                                      true,
		"board = 'x'":                           true,
		"@request.auth.role = 'coordinator'":    true,
		"plan.board ?= @collection.plans.board": true,
		"due <= @now":                           false,
		"@request.auth.id != '' && due > @todayStart": false,
		"@request.body.status = 'done'":               false,
		"@request.method = 'GET'":                     false,
	} {
		if got := fixed(text); got != want {
			t.Errorf("fixed(%q) = %v, want %v", text, got, want)
		}
	}
}
