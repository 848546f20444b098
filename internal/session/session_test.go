package session_test

import (
	"testing"
	"time"

	"ikplan/internal/session"

	"github.com/pocketbase/pocketbase/core"
)

func TestSessionExpiryAndRenewal(t *testing.T) {
	t.Parallel()
	start := time.Date(2025, 3, 15, 8, 0, 0, 0, time.UTC)
	s := &session.Session{Record: core.NewRecord(core.NewBaseCollection(session.Sessions))}
	s.Set("signed_in", start)
	s.Renew(start)
	if got := s.Expires(); !got.Equal(start.Add(9 * time.Hour)) {
		t.Fatalf("Expected the session to end a working day after its last use, got %v", got)
	}
	scenarios := []struct {
		at              time.Duration // after the last use
		expired, renews bool
	}{
		{0, false, false},
		{4*time.Minute + 59*time.Second, false, false},
		{5 * time.Minute, false, true},
		{8*time.Hour + 59*time.Minute, false, true},
		{9 * time.Hour, true, true},
		{10 * time.Hour, true, true},
	}
	for _, sc := range scenarios {
		now := start.Add(sc.at)
		if got := s.Expired(now); got != sc.expired {
			t.Errorf("%v after the last use: expected expired %v, got %v", sc.at, sc.expired, got)
		}
		if got := s.DueRenewal(now); got != sc.renews {
			t.Errorf("%v after the last use: expected a write-back %v, got %v", sc.at, sc.renews, got)
		}
	}
	// a use slides the end
	s.Renew(start.Add(8 * time.Hour))
	if s.Expired(start.Add(10*time.Hour)) || !s.Expired(start.Add(17*time.Hour)) {
		t.Fatalf("Expected a used session to last a working day from its last use, ends %v", s.Expires())
	}
}

func TestFindSessionRefusesMalformedTokens(t *testing.T) {
	t.Parallel()
	// no database is asked: a token of the wrong length names no session
	for _, token := range []string{"", "garbage", "eyJhbGciOiJIUzI1NiJ9.e30.x", string(make([]byte, 44))} {
		if _, err := session.FindSession(nil, token); err != session.ErrNoSession {
			t.Errorf("%q: expected ErrNoSession, got %v", token, err)
		}
	}
}

// TestSessionEndsAfterSignInHoweverUsed: a session used every few minutes
// still ends SessionMax after the sign-in; its end never lies later, and
// a session left alone ends after SessionIdle as before.
func TestSessionEndsAfterSignInHoweverUsed(t *testing.T) {
	t.Parallel()
	start := time.Date(2025, 3, 15, 7, 0, 0, 0, time.UTC)
	for _, every := range []time.Duration{session.SessionRenew, time.Hour, 8 * time.Hour} {
		s := &session.Session{Record: core.NewRecord(core.NewBaseCollection(session.Sessions))}
		s.Set("signed_in", start)
		s.Renew(start)
		for at := time.Duration(0); at <= 13*time.Hour; at += time.Minute {
			now := start.Add(at)
			if want := at >= session.SessionMax; s.Expired(now) != want {
				t.Fatalf("used every %v, %v after the sign-in: expected ended %v, got %v (expires %v)", every, at, want, !want, s.Expires())
			}
			if s.Expires().After(start.Add(session.SessionMax)) {
				t.Fatalf("used every %v, %v after the sign-in: expected the end at most %v after it, got %v", every, at, session.SessionMax, s.Expires())
			}
			if at%every == 0 && !s.Expired(now) {
				s.Renew(now)
			}
		}
	}
	if session.SessionMax != 12*time.Hour {
		t.Fatalf("Expected sessions to last at most 12 hours (README, docs/RELIABILITY.md), got %v", session.SessionMax)
	}
	// no sign-in time (a row from before it was recorded, not migrated): ended
	s := &session.Session{Record: core.NewRecord(core.NewBaseCollection(session.Sessions))}
	s.Renew(start)
	if !s.Expired(start) {
		t.Fatalf("Expected a session without a sign-in time to have ended")
	}
}
