package ops

import (
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"ikplan/internal/model"
	"ikplan/internal/proxy"
)

// Register prints, once the server listens, what it runs with (Startup) to
// out, and writes the same to PocketBase's log.
func Register(app *pocketbase.PocketBase, out io.Writer) {
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Id: "ikplanStartupLog",
		Func: func(se *core.ServeEvent) error {
			if err := se.Next(); err != nil {
				return err
			}
			scheme := "http"
			if serveFlag(app, "https") != "" {
				scheme = "https" // PocketBase's own certificates (serve --https)
			}
			s := Startup(se.App, scheme+"://"+hostPort(se.Server.Addr))
			for _, line := range s.Lines() {
				fmt.Fprintln(out, line)
			}
			se.App.Logger().Info("ikplan startade", s.attrs()...)
			return nil
		},
		// last, so that the listener is open when the lines say so
		Priority: 1 << 20,
	})
}

// serveFlag is the value of the serve command's flag name ("" without one).
func serveFlag(app *pocketbase.PocketBase, name string) string {
	serve, _, err := app.RootCmd.Find([]string{"serve"})
	if err != nil || serve == nil || serve.Flags().Lookup(name) == nil {
		return ""
	}
	return serve.Flags().Lookup(name).Value.String()
}

// hostPort is the listening address as a person types it (":8090" is
// every interface's port 8090).
func hostPort(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	if host == "" {
		host = "0.0.0.0"
	}
	return net.JoinHostPort(host, port)
}

// Settings is what a server runs with, without a secret: no password, no
// client secret, no token.
type Settings struct {
	Build    Build
	Address  string   // where it listens
	DataDir  string   // the data folder, absolute
	AppURL   string   // the application URL; "" while none is set
	Mail     string   // the SMTP host:port, user and sender; "" without SMTP
	Password bool     // whether users may sign in with a password
	OAuth2   []string // the users' OAuth2 providers in force, by name
	Proxies  string   // $IKPLAN_TRUSTED_PROXIES
}

// Startup reads what app runs with, listening on address.
func Startup(app core.App, address string) Settings {
	s := Settings{Build: ReadBuild(), Address: address, DataDir: app.DataDir(), AppURL: model.AppURL(app),
		Proxies: strings.TrimSpace(os.Getenv(proxy.EnvTrusted))}
	if abs, err := filepath.Abs(s.DataDir); err == nil {
		s.DataDir = abs
	}
	settings := app.Settings()
	if smtp := settings.SMTP; smtp.Enabled && smtp.Host != "" {
		s.Mail = fmt.Sprintf("%s:%d", smtp.Host, smtp.Port)
		if smtp.Username != "" {
			s.Mail += ", användare " + smtp.Username
		}
		if settings.Meta.SenderAddress != "" {
			s.Mail += ", avsändare " + settings.Meta.SenderAddress
		}
	}
	if users, err := app.FindCollectionByNameOrId(model.Users); err == nil {
		s.Password = users.PasswordAuth.Enabled
		if users.OAuth2.Enabled {
			for _, p := range users.OAuth2.Providers {
				s.OAuth2 = append(s.OAuth2, p.Name)
			}
		}
	}
	return s
}

// Lines are the settings as the start log prints them, one a line.
func (s Settings) Lines() []string {
	lines := []string{
		"ikplan " + s.Build.Short(),
		"  adress:                " + s.Address,
		"  datamapp:              " + s.DataDir,
	}
	if s.AppURL != "" {
		lines = append(lines, "  applikationens adress: "+s.AppURL)
	} else {
		lines = append(lines, "  applikationens adress: inte angiven – länkarna i e-post och kalendrar tar adressen från förfrågan; ange den med ikplan setup --app-url")
	}
	if s.Mail != "" {
		lines = append(lines, "  e-post (SMTP):         "+s.Mail)
	} else {
		lines = append(lines, "  e-post (SMTP):         inte inställd – påminnelserna går via sendmail om servern har det; ange SMTP med ikplan setup --smtp-host")
	}
	password := "lösenord på"
	if !s.Password {
		password = "lösenord av (utom för superanvändare)"
	}
	oauth := "OAuth2/OIDC av"
	if len(s.OAuth2) > 0 {
		oauth = "OAuth2/OIDC: " + strings.Join(s.OAuth2, ", ")
	}
	lines = append(lines, "  inloggning:            "+password+"; "+oauth)
	proxies := "inga (" + proxy.EnvTrusted + " är tom)"
	if s.Proxies != "" {
		proxies = s.Proxies
	}
	lines = append(lines, "  betrodda proxyer:      "+proxies)
	return lines
}

// attrs are the settings for PocketBase's log.
func (s Settings) attrs() []any {
	return []any{"version", s.Build.Version, "commit", s.Build.Commit, "address", s.Address, "dataDir", s.DataDir,
		"appURL", s.AppURL, "mail", s.Mail, "passwordAuth", s.Password, "oauth2", s.OAuth2, "trustedProxies", s.Proxies}
}
