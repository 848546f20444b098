package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"
	"github.com/spf13/cast"

	"ikplan/internal/model"
)

// A session lasts a working day without use and is renewed while in use.
const (
	sessionIdle  = 9 * time.Hour
	sessionRenew = 5 * time.Minute
	cookieName   = "ikplan_session"
	hostCookie   = "__Host-ikplan_session" // over TLS: Secure, host-only, path /
	langCookie   = "ikplan_lang"
)

func secure(e *core.RequestEvent) bool { return e.Request.TLS != nil }

func sessionCookieName(e *core.RequestEvent) string {
	if secure(e) {
		return hostCookie
	}
	return cookieName
}

// startSession signs the user in: a token valid for a working day, in an
// HttpOnly, SameSite=Lax cookie.
func startSession(e *core.RequestEvent, user *core.Record) error {
	token, err := user.NewStaticAuthToken(sessionIdle)
	if err != nil {
		return err
	}
	http.SetCookie(e.Response, &http.Cookie{
		Name: sessionCookieName(e), Value: token, Path: "/", HttpOnly: true, Secure: secure(e),
		SameSite: http.SameSiteLaxMode, MaxAge: int(sessionIdle.Seconds()),
	})
	return nil
}

func endSession(e *core.RequestEvent) {
	http.SetCookie(e.Response, &http.Cookie{
		Name: sessionCookieName(e), Value: "", Path: "/", HttpOnly: true, Secure: secure(e),
		SameSite: http.SameSiteLaxMode, MaxAge: -1,
	})
}

// loadSession signs the request in from its session cookie (the REST API
// keeps its Authorization header) and renews a session in use.
func (s *server) loadSession(e *core.RequestEvent) error {
	c, err := e.Request.Cookie(sessionCookieName(e))
	if err != nil || c.Value == "" || e.Auth != nil {
		return e.Next()
	}
	user, err := e.App.FindAuthRecordByToken(c.Value, core.TokenTypeAuth)
	if err != nil || user.Collection().Name != model.Users {
		endSession(e)
		return e.Next()
	}
	// only a session token will do: not refreshable and at most a working
	// day long (a REST API token of seven days is not a session)
	claims, err := security.ParseUnverifiedJWT(c.Value)
	left := time.Until(time.Unix(cast.ToInt64(claims["exp"]), 0))
	if err != nil || cast.ToBool(claims[core.TokenClaimRefreshable]) || left > sessionIdle+time.Minute {
		endSession(e)
		return e.Next()
	}
	e.Auth = user
	if left < sessionIdle-sessionRenew {
		_ = startSession(e, user)
	}
	return e.Next()
}

// requireUser sends visitors who are not signed in to the sign-in page.
func (s *server) requireUser(e *core.RequestEvent) error {
	if e.Auth != nil && e.Auth.Collection().Name == model.Users {
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
