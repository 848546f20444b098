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

// Fields of Sessions. The typed record below is the only code that names
// them, as internal/model's typed records name the domain's fields: the
// sessions are this package's own collection, so their record lives here
// beside the rules of their expiry rather than back in internal/model.
const (
	FieldSessionUser      = "user"
	FieldSessionTokenHash = "token_hash"
	FieldSessionSignedIn  = "signed_in"
	FieldSessionExpires   = "expires"
	FieldSessionLastSeen  = "last_seen"
	FieldSessionFlash     = "flash"
)

// SessionFields lists the fields the typed record names: every field but
// id and created.
var SessionFields = []string{FieldSessionUser, FieldSessionTokenHash, FieldSessionSignedIn,
	FieldSessionExpires, FieldSessionLastSeen, FieldSessionFlash}

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
// or a history row signs nobody in. It is a typed proxy of a record of
// Sessions, in PocketBase's record-proxy style like internal/model's.
type Session struct{ core.BaseRecordProxy }

// AsSession wraps a record of Sessions; nil stays nil.
func AsSession(r *core.Record) *Session {
	if r == nil {
		return nil
	}
	return &Session{core.BaseRecordProxy{Record: r}}
}

// UserId is the id of the session's user.
func (s *Session) UserId() string { return s.GetString(FieldSessionUser) }

// SetUserId sets the id of the session's user.
func (s *Session) SetUserId(v string) { s.Set(FieldSessionUser, v) }

// TokenHash is the SHA-256 of the cookie's token, in hex.
func (s *Session) TokenHash() string { return s.GetString(FieldSessionTokenHash) }

// SetTokenHash sets the SHA-256 of the cookie's token, in hex.
func (s *Session) SetTokenHash(v string) { s.Set(FieldSessionTokenHash, v) }

// SignedIn is when the user signed in: the session ends SessionMax later.
func (s *Session) SignedIn() time.Time { return s.GetDateTime(FieldSessionSignedIn).Time() }

// SetSignedIn sets when the user signed in.
func (s *Session) SetSignedIn(v time.Time) { s.Set(FieldSessionSignedIn, v) }

// Expires is when the session ends unless it is used before: a working
// day after its last use, at the latest SessionMax after the sign-in.
func (s *Session) Expires() time.Time { return s.GetDateTime(FieldSessionExpires).Time() }

// SetExpires sets when the session ends unless it is used before.
func (s *Session) SetExpires(v time.Time) { s.Set(FieldSessionExpires, v) }

// LastSeen is when the session was last written back in use.
func (s *Session) LastSeen() time.Time { return s.GetDateTime(FieldSessionLastSeen).Time() }

// SetLastSeen sets when the session was last written back in use.
func (s *Session) SetLastSeen(v time.Time) { s.Set(FieldSessionLastSeen, v) }

// Flash is the stored confirmation for the next page, as JSON, or "".
// SetFlash and TakeFlash write it by the token, not through the record.
func (s *Session) Flash() string { return s.GetString(FieldSessionFlash) }

// SetFlash sets the stored confirmation for the next page, as JSON.
func (s *Session) SetFlash(v string) { s.Set(FieldSessionFlash, v) }

// Expired reports whether the session has ended at now: unused for
// SessionIdle, or signed in SessionMax ago (a session without a sign-in
// time has ended).
func (s *Session) Expired(now time.Time) bool {
	return !now.Before(s.Expires()) || !now.Before(s.SignedIn().Add(SessionMax))
}

// DueRenewal reports whether a session used at now should be written back:
// at most once per SessionRenew, so that reading pages rarely writes.
func (s *Session) DueRenewal(now time.Time) bool {
	return now.Sub(s.LastSeen()) >= SessionRenew
}

// Renew records a use at now: the session ends SessionIdle later, or
// SessionMax after the sign-in if that comes first.
func (s *Session) Renew(now time.Time) {
	end := now.UTC().Add(SessionIdle)
	if max := s.SignedIn().UTC().Add(SessionMax); max.Before(end) {
		end = max
	}
	s.SetLastSeen(now.UTC())
	s.SetExpires(end)
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
	s := AsSession(core.NewRecord(col))
	s.SetUserId(user.Id)
	s.SetTokenHash(hashToken(token))
	s.SetSignedIn(now.UTC())
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
	r, err := app.FindFirstRecordByData(Sessions, FieldSessionTokenHash, hashToken(token))
	if err != nil {
		return nil, ErrNoSession
	}
	return AsSession(r), nil
}

// EndSession deletes the session of a token, if there is one.
func EndSession(app core.App, token string) error {
	if len(token) != tokenLen {
		return nil
	}
	_, err := app.DB().Delete(Sessions, dbx.HashExp{FieldSessionTokenHash: hashToken(token)}).Execute()
	return err
}

// EndSessionsOf deletes every session of a user: signed out everywhere.
func EndSessionsOf(app core.App, userId string) error {
	_, err := app.DB().Delete(Sessions, dbx.HashExp{FieldSessionUser: userId}).Execute()
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
