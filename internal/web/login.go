package web

import (
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/mails"
	"github.com/pocketbase/pocketbase/tools/routine"

	"ikplan/internal/model"
	"ikplan/internal/session"
	"ikplan/templates"
)

// loginForm handles "GET /login".
func (s *server) loginForm(e *core.RequestEvent) error {
	if signedIn(e) {
		return e.Redirect(http.StatusSeeOther, "/")
	}
	p := s.page(e, "", "")
	p.Title = p.T("login.title")
	f := s.loginView(e, localPath(e.Request.URL.Query().Get("next")))
	if e.Request.URL.Query().Get("out") == "1" {
		f.SignedOut = true
		f.ProviderSignOut = s.providerSignOut(e)
	}
	return s.render(e, http.StatusOK, p, templates.Login(p, f), nil)
}

// loginView is the sign-in page's form with the ways to sign in that are
// open: the municipality's accounts when a provider is configured, a
// password unless the administrator switched it off.
func (s *server) loginView(e *core.RequestEvent, next string) templates.LoginForm {
	_, sso := model.SignInProvider(e.App)
	return templates.LoginForm{Next: next, SSO: sso, Password: model.PasswordSignIn(e.App)}
}

// passwordOff refuses a password sign-in or reset while the administrator
// has switched password sign-in off (the users collection's option, which
// the REST API follows too).
func (s *server) passwordOff(e *core.RequestEvent) error {
	return s.signInRefused(e, http.StatusForbidden, "oidc.password_off")
}

// login handles "POST /login": signs in against the users collection.
func (s *server) login(e *core.RequestEvent) error {
	if !model.PasswordSignIn(e.App) {
		return s.passwordOff(e)
	}
	p := s.page(e, "", "")
	p.Title = p.T("login.title")
	email := strings.TrimSpace(e.Request.FormValue("email"))
	password := e.Request.FormValue("password")
	f := s.loginView(e, localPath(e.Request.FormValue("next")))
	f.Email = email
	if email == "" {
		f.Errors = append(f.Errors, templates.FieldError{Field: "email", Message: p.T("login.email_required")})
	}
	if password == "" {
		f.Errors = append(f.Errors, templates.FieldError{Field: "password", Message: p.T("login.password_required")})
	}
	var user *core.Record
	if len(f.Errors) == 0 {
		u, err := e.App.FindAuthRecordByEmail(model.Users, email)
		if err != nil {
			// an unknown address costs a password check too, so that the
			// time taken does not tell which addresses exist
			u, _ = e.App.FindFirstRecordByFilter(model.Users, "")
			if u != nil {
				_ = u.ValidatePassword(password)
			}
		} else if u.ValidatePassword(password) {
			user = u
		}
		if user == nil {
			f.Errors = append(f.Errors, templates.FieldError{Field: "email", Message: p.T("login.failed")})
		}
	}
	if user == nil {
		p.Error = true
		return s.render(e, http.StatusUnprocessableEntity, p, templates.Login(p, f), nil)
	}
	if err := s.signIn(e, user); err != nil {
		return err
	}
	return e.Redirect(http.StatusSeeOther, f.Next)
}

// signIn starts the web session of a user who proved who they are, by
// password or at the municipality's provider: the session this browser had
// before ends (one sign-in, one session), and a new one starts.
func (s *server) signIn(e *core.RequestEvent, user *core.Record) error {
	if c, err := e.Request.Cookie(sessionCookieName(e)); err == nil && c.Value != "" {
		if err := session.EndSession(e.App, c.Value); err != nil {
			return err
		}
	}
	return startSession(e, user, s.now())
}

// logout handles "POST /logout": ends the session and shows the sign-in
// page, which offers the provider's own sign-out where it has one.
func (s *server) logout(e *core.RequestEvent) error {
	endSession(e)
	return e.Redirect(http.StatusSeeOther, "/login?out=1")
}

// forgotForm handles "GET /forgot".
func (s *server) forgotForm(e *core.RequestEvent) error {
	if !model.PasswordSignIn(e.App) {
		return s.passwordOff(e)
	}
	p := s.page(e, "", "")
	p.Title = p.T("forgot.title")
	return s.render(e, http.StatusOK, p, templates.Forgot(p, "", false, model.AppURL(e.App) == "", nil), nil)
}

// forgot handles "POST /forgot": sends PocketBase's password reset mail. It
// says the same whether or not the address is known, in the same time: the
// mail is sent after the answer, in the background (as PocketBase's own
// request-password-reset does), so a slow mail server does not tell which
// addresses exist.
func (s *server) forgot(e *core.RequestEvent) error {
	if !model.PasswordSignIn(e.App) {
		return s.passwordOff(e)
	}
	p := s.page(e, "", "")
	p.Title = p.T("forgot.title")
	if model.AppURL(e.App) == "" {
		// the link would lead nowhere (the mail hooks hold it back too)
		return s.render(e, http.StatusOK, p, templates.Forgot(p, "", false, true, nil), nil)
	}
	email := strings.TrimSpace(e.Request.FormValue("email"))
	if email == "" {
		p.Error = true
		errs := templates.Errors{{Field: "email", Message: p.T("login.email_required")}}
		return s.render(e, http.StatusUnprocessableEntity, p, templates.Forgot(p, "", false, false, errs), nil)
	}
	if user, err := e.App.FindAuthRecordByEmail(model.Users, email); err == nil {
		app := e.App
		routine.FireAndForget(func() {
			if err := mails.SendRecordPasswordReset(app, user); err != nil {
				app.Logger().Error("failed to send the password reset mail", "error", err)
			}
		})
	}
	return s.render(e, http.StatusOK, p, templates.Forgot(p, email, true, false, nil), nil)
}

// setLang handles "POST /lang": remembers the language and goes back.
func (s *server) setLang(e *core.RequestEvent) error {
	l := "sv"
	if e.Request.FormValue("lang") == "en" {
		l = "en"
	}
	http.SetCookie(e.Response, &http.Cookie{Name: langCookie, Value: l, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, Secure: secure(e), HttpOnly: true})
	return e.Redirect(http.StatusSeeOther, localPath(e.Request.FormValue("back")))
}
