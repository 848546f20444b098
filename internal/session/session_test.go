package session_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"ikplan/internal/session"
	"ikplan/proof/testapp"

	"github.com/pocketbase/pocketbase/core"
)

func TestSessionExpiryAndRenewal(t *testing.T) {
	t.Parallel()
	start := time.Date(2025, 3, 15, 8, 0, 0, 0, time.UTC)
	s := session.AsSession(core.NewRecord(core.NewBaseCollection(session.Sessions)))
	s.SetSignedIn(start)
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
		s := session.AsSession(core.NewRecord(core.NewBaseCollection(session.Sessions)))
		s.SetSignedIn(start)
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
	s := session.AsSession(core.NewRecord(core.NewBaseCollection(session.Sessions)))
	s.Renew(start)
	if !s.Expired(start) {
		t.Fatalf("Expected a session without a sign-in time to have ended")
	}
}

// TestSessionRecordMatchesTheSchema: the typed record names every field
// the migrations give the sessions and no other, and each setter writes
// the field its getter reads (a field added without its getter, or a
// setter on another field's constant, fails here).
func TestSessionRecordMatchesTheSchema(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	col, err := app.FindCollectionByNameOrId(session.Sessions)
	if err != nil {
		t.Fatal(err)
	}
	var schema []string
	for _, f := range col.Fields {
		if n := f.GetName(); n != "id" && n != "created" {
			schema = append(schema, n)
		}
	}
	slices.Sort(schema)
	if got := slices.Sorted(slices.Values(session.SessionFields)); !slices.Equal(got, schema) {
		t.Errorf("Expected the typed record of %s to name %v, got %v", session.Sessions, schema, got)
	}
	at := time.Date(2025, 3, 15, 8, 0, 0, 0, time.UTC)
	s := session.AsSession(core.NewRecord(col))
	s.SetUserId("user00000000001")
	s.SetTokenHash(strings.Repeat("ab", 32))
	s.SetSignedIn(at)
	s.SetExpires(at.Add(time.Hour))
	s.SetLastSeen(at.Add(2 * time.Hour))
	s.SetFlash(`{"key":"k"}`)
	got := []any{s.UserId(), s.TokenHash(), s.SignedIn(), s.Expires(), s.LastSeen(), s.Flash()}
	want := []any{"user00000000001", strings.Repeat("ab", 32), at, at.Add(time.Hour), at.Add(2 * time.Hour), `{"key":"k"}`}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%s: expected the getter to read back %v, got %v", session.SessionFields[i], want[i], got[i])
		}
	}
	if session.AsSession(nil) != nil {
		t.Errorf("Expected AsSession(nil) to stay nil")
	}
}
