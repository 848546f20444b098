// Package session is the web UI's sign-in sessions: a random token in the
// cookie, its hash in the sessions collection, the sliding and the hard
// expiry, and the one-time message (flash) a redirect carries.
package session

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Sessions is the collection of the web UI's sign-in sessions.
const Sessions = "sessions"

// A session lasts a working day without use and slides while in use, but
// never longer than SessionMax after the sign-in, however much it is used
// (a stolen cookie kept busy dies too); a session in use is written back
// at most once per SessionRenew.
const (
	SessionIdle  = 9 * time.Hour
	SessionMax   = 12 * time.Hour
	SessionRenew = 5 * time.Minute
)

// tokenLen is the length of a session token: 32 random bytes, base64url.
var tokenLen = base64.RawURLEncoding.EncodedLen(32)

// ErrNoSession is a session token that names no session.
var ErrNoSession = errors.New("no such session")

// Session is a signed-in browser of the web UI. Its cookie holds a random
// token; the row holds only the token's SHA-256, so a copy of the database
// or a history row signs nobody in.
type Session struct{ *core.Record }

// UserId is the id of the session's user.
func (s *Session) UserId() string { return s.GetString("user") }

// SignedIn is when the user signed in: the session ends SessionMax later.
func (s *Session) SignedIn() time.Time { return s.GetDateTime("signed_in").Time() }

// Expires is when the session ends unless it is used before: a working
// day after its last use, at the latest SessionMax after the sign-in.
func (s *Session) Expires() time.Time { return s.GetDateTime("expires").Time() }

// Expired reports whether the session has ended at now: unused for
// SessionIdle, or signed in SessionMax ago (a session without a sign-in
// time has ended).
func (s *Session) Expired(now time.Time) bool {
	return !now.Before(s.Expires()) || !now.Before(s.SignedIn().Add(SessionMax))
}

// DueRenewal reports whether a session used at now should be written back:
// at most once per SessionRenew, so that reading pages rarely writes.
func (s *Session) DueRenewal(now time.Time) bool {
	return now.Sub(s.GetDateTime("last_seen").Time()) >= SessionRenew
}

// Renew records a use at now: the session ends SessionIdle later, or
// SessionMax after the sign-in if that comes first.
func (s *Session) Renew(now time.Time) {
	end := now.UTC().Add(SessionIdle)
	if max := s.SignedIn().UTC().Add(SessionMax); max.Before(end) {
		end = max
	}
	s.Set("last_seen", now.UTC())
	s.Set("expires", end)
}

// NewSession starts a session of user at now and returns it with the token
// for the cookie, which is not stored anywhere.
func NewSession(app core.App, user *core.Record, now time.Time) (*Session, string, error) {
	col, err := app.FindCachedCollectionByNameOrId(Sessions)
	if err != nil {
		return nil, "", err
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, "", err
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	s := &Session{core.NewRecord(col)}
	s.Set("user", user.Id)
	s.Set("token_hash", hashToken(token))
	s.Set("signed_in", now.UTC())
	s.Renew(now)
	if err := app.Save(s.Record); err != nil {
		return nil, "", err
	}
	return s, token, nil
}

// FindSession looks up the session of a cookie's token, expired or not, or
// returns ErrNoSession.
func FindSession(app core.App, token string) (*Session, error) {
	if len(token) != tokenLen {
		return nil, ErrNoSession
	}
	r, err := app.FindFirstRecordByData(Sessions, "token_hash", hashToken(token))
	if err != nil {
		return nil, ErrNoSession
	}
	return &Session{r}, nil
}

// EndSession deletes the session of a token, if there is one.
func EndSession(app core.App, token string) error {
	if len(token) != tokenLen {
		return nil
	}
	_, err := app.DB().Delete(Sessions, dbx.HashExp{"token_hash": hashToken(token)}).Execute()
	return err
}

// EndSessionsOf deletes every session of a user: signed out everywhere.
func EndSessionsOf(app core.App, userId string) error {
	_, err := app.DB().Delete(Sessions, dbx.HashExp{"user": userId}).Execute()
	return err
}

// DeleteExpiredSessions deletes the sessions that had ended at now and
// returns how many.
func DeleteExpiredSessions(app core.App, now time.Time) (int64, error) {
	at, err := types.ParseDateTime(now.UTC())
	if err != nil {
		return 0, err
	}
	first, err := types.ParseDateTime(now.UTC().Add(-SessionMax))
	if err != nil {
		return 0, err
	}
	res, err := app.DB().Delete(Sessions, dbx.NewExp("expires <= {:now} OR signed_in <= {:first}",
		dbx.Params{"now": at.String(), "first": first.String()})).Execute()
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
