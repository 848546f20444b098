package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/proxy"
	"ikplan/internal/session"
)

// The session cookie holds a random token; the sessions collection holds
// its hash, so that signing out, a password change or deleting the user ends
// the session on the server, whoever holds a copy of the cookie.
const (
	cookieName = "ikplan_session"
	hostCookie = "__Host-ikplan_session" // over TLS: Secure, host-only, path /
	langCookie = "ikplan_lang"
)

// secure reports whether the visitor uses HTTPS: directly, or through a
// trusted reverse proxy that said so (internal/proxy).
func secure(e *core.RequestEvent) bool { return proxy.HTTPS(e) }

func sessionCookieName(e *core.RequestEvent) string {
	if secure(e) {
		return hostCookie
	}
	return cookieName
}

// setSessionCookie hands the browser its token: HttpOnly, SameSite=Lax,
// for as long as the session lasts unless used (the server's row decides;
// the cookie only carries it).
func setSessionCookie(e *core.RequestEvent, token string, lasts time.Duration) {
	http.SetCookie(e.Response, &http.Cookie{
		Name: sessionCookieName(e), Value: token, Path: "/", HttpOnly: true, Secure: secure(e),
		SameSite: http.SameSiteLaxMode, MaxAge: max(int(lasts.Seconds()), 1),
	})
}

// startSession signs the user in at now: a new session row and its cookie.
func startSession(e *core.RequestEvent, user *core.Record, now time.Time) error {
	sess, token, err := session.NewSession(e.App, user, now)
	if err != nil {
		return err
	}
	setSessionCookie(e, token, sess.Expires().Sub(now))
	return nil
}

// endSession deletes the request's session, if any, and clears its cookie.
func endSession(e *core.RequestEvent) {
	if c, err := e.Request.Cookie(sessionCookieName(e)); err == nil && c.Value != "" {
		if err := session.EndSession(e.App, c.Value); err != nil {
			e.App.Logger().Error("failed to end a session", "error", err)
		}
	}
	clearSessionCookie(e)
}

func clearSessionCookie(e *core.RequestEvent) {
	http.SetCookie(e.Response, &http.Cookie{
		Name: sessionCookieName(e), Value: "", Path: "/", HttpOnly: true, Secure: secure(e),
		SameSite: http.SameSiteLaxMode, MaxAge: -1,
	})
}

// loadSession signs the request in from its session cookie and from
// nothing else: the session must exist and not have ended. A REST API
// token in the Authorization header, which PocketBase's middleware has
// already read, signs nobody in to the web UI (the REST API keeps its
// tokens): a token would otherwise outlive signing out, and cannot be
// ended by the web UI. A session in use slides; it is written back at most
// once every few minutes, with a fresh cookie.
func (s *server) loadSession(e *core.RequestEvent) error {
	e.Auth = nil
	c, err := e.Request.Cookie(sessionCookieName(e))
	if err != nil || c.Value == "" {
		return e.Next()
	}
	now := s.now()
	if user, sess, ok := s.cachedSession(e, c.Value, now); ok {
		e.Auth = user
		e.Set(flashPendingKey, sess.HasFlash())
		return e.Next()
	}
	sess, err := session.FindSession(e.App, c.Value)
	if err != nil {
		clearSessionCookie(e)
		return e.Next()
	}
	if sess.Expired(now) {
		endSession(e)
		return e.Next()
	}
	user, err := e.App.FindRecordById(model.Users, sess.UserId())
	if err != nil {
		endSession(e)
		return e.Next()
	}
	e.Auth = user
	e.Set(flashPendingKey, sess.HasFlash())
	s.keepSession(e, c.Value, sess, user)
	if sess.DueRenewal(now) {
		sess.Renew(now)
		if err := e.App.Save(sess.Record); err != nil {
			e.App.Logger().Error("failed to renew a session", "error", err)
		} else {
			setSessionCookie(e, c.Value, sess.Expires().Sub(now))
			e.Set(versionKey, nil) // the renewal changed the data version
		}
	}
	return e.Next()
}

// signedIn reports whether a staff user is signed in by a web session
// (loadSession sets nobody else; superusers have no web session).
func signedIn(e *core.RequestEvent) bool {
	return e.Auth != nil && e.Auth.Collection().Name == model.Users
}

// requireUser sends visitors who are not signed in to the sign-in page.
func (s *server) requireUser(e *core.RequestEvent) error {
	if signedIn(e) {
		return e.Next()
	}
	next := e.Request.URL.RequestURI()
	target := "/login"
	if next != "/" {
		target += "?next=" + url.QueryEscape(next)
	}
	if e.Request.Header.Get("HX-Request") == "true" {
		e.Response.Header().Set("HX-Redirect", target)
		return e.NoContent(http.StatusUnauthorized)
	}
	return e.Redirect(http.StatusSeeOther, target)
}

// localPath keeps a redirect target on this site: a path, never a URL.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") ||
		strings.ContainsFunc(p, unicode.IsControl) { // a browser drops some; a Location header must carry none
		return "/"
	}
	if u, err := url.Parse(p); err != nil || u.Host != "" || u.Scheme != "" {
		return "/"
	}
	return p
}

// lang is the visitor's language: the cookie, else Swedish.
func lang(e *core.RequestEvent) string {
	if c, err := e.Request.Cookie(langCookie); err == nil && c.Value == "en" {
		return "en"
	}
	return "sv"
}
