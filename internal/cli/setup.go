package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/mail"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"ikplan/internal/model"
	"ikplan/internal/report"
)

// envPrefix starts the environment variable of each of setup's flags:
// --smtp-host is also IKPLAN_SMTP_HOST.
const envPrefix = "IKPLAN_"

// envName is the environment variable that stands for the flag name.
func envName(flag string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// setupFlags are setup's flags, in the order they are applied and
// described; each is also an environment variable (envName).
var setupFlags = []struct{ name, usage string }{
	{"superuser-email", "e-postadress för den första superanvändaren (administratören)"},
	{"superuser-password", "superanvändarens lösenord (minst 12 tecken); läs det helst ur IKPLAN_SUPERUSER_PASSWORD"},
	{"app-url", "applikationens adress som användarna når den på, till exempel https://ikplan.kommun.se (länkarna i e-post och kalendrar)"},
	{"municipality", "kommunens namn, som det står i sidhuvudet och på dokumenten"},
	{"smtp-host", "SMTP-serverns värdnamn"},
	{"smtp-port", "SMTP-serverns port (587 med STARTTLS, 465 med TLS; 587 om den inte anges)"},
	{"smtp-user", "användarnamn hos SMTP-servern"},
	{"smtp-password", "lösenord hos SMTP-servern; läs det helst ur IKPLAN_SMTP_PASSWORD"},
	{"smtp-sender", "avsändaradressen i e-posten, till exempel ikplan@kommun.se"},
	{"smtp-sender-name", "avsändarens namn i e-posten (ikplan om det inte anges)"},
	{"oidc-provider", "inloggning med kommunens konton: microsoft (Entra ID) eller oidc (annan OpenID Connect-leverantör)"},
	{"oidc-client-id", "klient-id (application/client id) hos leverantören"},
	{"oidc-client-secret", "klienthemlighet hos leverantören; läs den helst ur IKPLAN_OIDC_CLIENT_SECRET"},
	{"oidc-tenant", "Entra ID: katalogens (tenantens) id eller domän, för --oidc-provider microsoft"},
	{"oidc-discovery-url", "OIDC: leverantörens adress (issuer) eller dess /.well-known/openid-configuration, för --oidc-provider oidc"},
	{"oidc-name", "OIDC: leverantörens namn som det visas (OIDC om det inte anges)"},
	{"boards", "en textfil med nämnderna att skapa, en per rad (tomma rader och rader som börjar med # hoppas över)"},
}

// setupCommand sets up a data folder from a script: the first superuser,
// the application URL, the municipality's name, SMTP, the OIDC provider and
// the boards. It changes only what differs, so a second run changes
// nothing (and says so), and it writes everything or nothing.
func setupCommand(app *pocketbase.PocketBase) *cobra.Command {
	values := map[string]*string{}
	cmd := &cobra.Command{
		Use:   "setup",
		Short: "Ställer in ikplan från ett skript: superanvändare, adress, kommunens namn, SMTP, OIDC och nämnder",
		Long: "Ställer in en datamapp utan att någon klickar: den första superanvändaren, applikationens adress, " +
			"kommunens namn, SMTP, inloggning med kommunens konton (OIDC) och nämnderna ur en textfil. Varje flagga " +
			"kan också ges som miljövariabel (--smtp-host som IKPLAN_SMTP_HOST); en flagga går före variabeln. " +
			"Bara det som skiljer sig ändras, så en andra körning ändrar ingenting. Allt skrivs, eller ingenting. " +
			"Utskriften säger vad som gjordes, en rad per sak, aldrig ett lösenord eller en hemlighet.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			in := setupInput{values: map[string]string{}, fromEnv: map[string]bool{}}
			cmd.Flags().VisitAll(func(f *pflag.Flag) {
				if _, ours := values[f.Name]; !ours {
					return
				}
				v := *values[f.Name]
				if !f.Changed {
					if env, ok := os.LookupEnv(envName(f.Name)); ok {
						v, in.fromEnv[f.Name] = env, true
					}
				}
				in.values[f.Name] = strings.TrimSpace(v)
			})
			plan, err := in.plan(fetchDiscovery)
			if err != nil {
				return err
			}
			if err := app.RunAllMigrations(); err != nil {
				return fmt.Errorf("failed to prepare the database: %w", err)
			}
			lines, changed, err := plan.apply(app)
			out := cmd.OutOrStdout()
			if err != nil {
				return fmt.Errorf("inställningen avbröts och ingenting sparades: %w", err)
			}
			for _, l := range lines {
				fmt.Fprintln(out, l)
			}
			if changed == 0 {
				fmt.Fprintln(out, "Ingenting ändrades: allt var redan inställt så.")
			} else {
				fmt.Fprintf(out, "Klart: %d ändringar i %s.\n", changed, app.DataDir())
			}
			return nil
		},
	}
	for _, f := range setupFlags {
		values[f.name] = cmd.Flags().String(f.name, "", f.usage+" ["+envName(f.name)+"]")
	}
	return cmd
}

// setupInput is what setup was given: each flag's value, from the command
// line or its environment variable.
type setupInput struct {
	values  map[string]string
	fromEnv map[string]bool
}

// ref names where a value came from, for a message: "--smtp-port", or
// "IKPLAN_SMTP_PORT (--smtp-port)".
func (in setupInput) ref(flag string) string {
	if in.fromEnv[flag] {
		return envName(flag) + " (--" + flag + ")"
	}
	return "--" + flag
}

func (in setupInput) bad(flag, format string, args ...any) error {
	return fmt.Errorf("%s: %s", in.ref(flag), fmt.Sprintf(format, args...))
}

// setupPlan is what setup is to make true, checked in full before anything
// is written.
type setupPlan struct {
	superEmail, superPassword string
	appURL                    *string
	municipality              *string
	smtp                      *smtpPlan
	oauth2                    *core.OAuth2ProviderConfig
	boards                    []string
}

type smtpPlan struct {
	host, user, password, sender, senderName string
	port                                     int
}

// discoverer reads an OpenID provider's discovery document.
type discoverer func(ctx context.Context, url string) (discovery, error)

// discovery is the part of an OpenID provider's discovery document that
// PocketBase's provider settings hold.
type discovery struct {
	Issuer   string `json:"issuer"`
	Auth     string `json:"authorization_endpoint"`
	Token    string `json:"token_endpoint"`
	UserInfo string `json:"userinfo_endpoint"`
}

// tenantPattern is an Entra ID tenant: its id (a GUID), a domain, or one
// of the words Microsoft's endpoints take.
var tenantPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$`)

// plan checks every value and says what setup is to do; the first wrong
// value is named in a Swedish sentence. disc reads an OIDC discovery URL.
func (in setupInput) plan(disc discoverer) (*setupPlan, error) {
	v := in.values
	p := &setupPlan{}
	given := false
	for _, f := range setupFlags {
		if v[f.name] != "" {
			given = true
		}
	}
	if !given {
		return nil, errors.New("ange minst en inställning, till exempel --superuser-email och --superuser-password; ikplan setup --help listar dem")
	}

	// the first superuser
	switch email, pw := v["superuser-email"], v["superuser-password"]; {
	case email == "" && pw == "":
	case email == "":
		return nil, in.bad("superuser-email", "ange superanvändarens e-postadress till lösenordet.")
	case !isEmail(email):
		return nil, in.bad("superuser-email", "”%s” är ingen e-postadress; ange till exempel it-drift@kommun.se.", email)
	case pw == "":
		return nil, in.bad("superuser-password", "ange superanvändarens lösenord (helst i miljövariabeln %s).", envName("superuser-password"))
	case len([]rune(pw)) < model.PasswordMin:
		return nil, in.bad("superuser-password", "lösenordet har %d tecken; ett lösenord har minst %d tecken.", len([]rune(pw)), model.PasswordMin)
	default:
		p.superEmail, p.superPassword = strings.ToLower(email), pw
	}

	if u := v["app-url"]; u != "" {
		parsed, err := url.Parse(u)
		if err != nil || (parsed.Scheme != "https" && parsed.Scheme != "http") || parsed.Host == "" || parsed.RawQuery != "" || parsed.Fragment != "" || parsed.User != nil {
			return nil, in.bad("app-url", "”%s” är ingen webbadress; ange adressen användarna når ikplan på, till exempel https://ikplan.kommun.se.", u)
		}
		u = strings.TrimRight(u, "/")
		p.appURL = &u
	}
	if m := v["municipality"]; m != "" {
		if n := len([]rune(m)); n > 200 {
			return nil, in.bad("municipality", "namnet har %d tecken; det får ha högst 200.", n)
		}
		p.municipality = &m
	}

	// SMTP
	smtpGiven := false
	for _, f := range []string{"smtp-host", "smtp-port", "smtp-user", "smtp-password", "smtp-sender", "smtp-sender-name"} {
		smtpGiven = smtpGiven || v[f] != ""
	}
	if smtpGiven {
		s := &smtpPlan{host: v["smtp-host"], user: v["smtp-user"], password: v["smtp-password"], sender: v["smtp-sender"], senderName: v["smtp-sender-name"], port: 587}
		if s.host == "" {
			return nil, in.bad("smtp-host", "ange SMTP-serverns värdnamn, till exempel smtp.kommun.se.")
		}
		if strings.ContainsAny(s.host, " /:@") {
			return nil, in.bad("smtp-host", "”%s” är inget värdnamn; ange bara namnet, till exempel smtp.kommun.se (porten med --smtp-port).", s.host)
		}
		if port := v["smtp-port"]; port != "" {
			n, err := strconv.Atoi(port)
			if err != nil || n < 1 || n > 65535 {
				return nil, in.bad("smtp-port", "”%s” är inget portnummer; ange ett tal mellan 1 och 65535, till exempel 587.", port)
			}
			s.port = n
		}
		if s.sender == "" {
			return nil, in.bad("smtp-sender", "ange avsändaradressen för e-posten, till exempel ikplan@kommun.se.")
		}
		if !isEmail(s.sender) {
			return nil, in.bad("smtp-sender", "”%s” är ingen e-postadress; ange till exempel ikplan@kommun.se.", s.sender)
		}
		if s.password != "" && s.user == "" {
			return nil, in.bad("smtp-user", "ange användarnamnet som lösenordet hör till.")
		}
		if s.senderName == "" {
			s.senderName = "ikplan"
		}
		p.smtp = s
	}

	// the OIDC provider, in the users collection's OAuth2 settings
	oidcGiven := false
	for _, f := range []string{"oidc-provider", "oidc-client-id", "oidc-client-secret", "oidc-tenant", "oidc-discovery-url", "oidc-name"} {
		oidcGiven = oidcGiven || v[f] != ""
	}
	if oidcGiven {
		c, err := in.provider(disc)
		if err != nil {
			return nil, err
		}
		p.oauth2 = c
	}

	if file := v["boards"]; file != "" {
		names, err := readBoards(file)
		if err != nil {
			return nil, in.bad("boards", "%s", err.Error())
		}
		p.boards = names
	}
	return p, nil
}

// provider is the OAuth2 provider's settings exactly as PocketBase's
// dashboard saves them for the users collection: for Microsoft the tenant's
// authorize and token endpoints (and PocketBase's default Graph user info);
// for OIDC the endpoints from the discovery document, user info fetched
// from its URL, PKCE on, and the display name.
func (in setupInput) provider(disc discoverer) (*core.OAuth2ProviderConfig, error) {
	v := in.values
	c := &core.OAuth2ProviderConfig{Name: v["oidc-provider"], ClientId: v["oidc-client-id"], ClientSecret: v["oidc-client-secret"]}
	switch c.Name {
	case "microsoft", "oidc":
	case "":
		return nil, in.bad("oidc-provider", "ange leverantören: microsoft (Entra ID) eller oidc.")
	default:
		return nil, in.bad("oidc-provider", "”%s” är ingen leverantör ikplan känner; ange microsoft (Entra ID) eller oidc.", c.Name)
	}
	if c.ClientId == "" {
		return nil, in.bad("oidc-client-id", "ange klient-id:t som leverantören gav ikplan.")
	}
	if c.ClientSecret == "" {
		return nil, in.bad("oidc-client-secret", "ange klienthemligheten som leverantören gav ikplan (helst i miljövariabeln %s).", envName("oidc-client-secret"))
	}
	if c.Name == "microsoft" {
		if v["oidc-discovery-url"] != "" {
			return nil, in.bad("oidc-discovery-url", "gäller --oidc-provider oidc; för microsoft anger du --oidc-tenant.")
		}
		tenant := v["oidc-tenant"]
		if tenant == "" {
			return nil, in.bad("oidc-tenant", "ange katalogens (tenantens) id eller domän i Entra ID, till exempel kommun.onmicrosoft.com.")
		}
		if !tenantPattern.MatchString(tenant) {
			return nil, in.bad("oidc-tenant", "”%s” är inget tenant-id; ange katalogens id (en GUID) eller domän, till exempel kommun.onmicrosoft.com.", tenant)
		}
		base := "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/"
		c.AuthURL, c.TokenURL = base+"authorize", base+"token"
		c.DisplayName = v["oidc-name"]
		return c, nil
	}
	if v["oidc-tenant"] != "" {
		return nil, in.bad("oidc-tenant", "gäller --oidc-provider microsoft; för oidc anger du --oidc-discovery-url.")
	}
	raw := v["oidc-discovery-url"]
	if raw == "" {
		return nil, in.bad("oidc-discovery-url", "ange leverantörens adress (issuer), till exempel https://login.kommun.se/realms/kommun.")
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, in.bad("oidc-discovery-url", "”%s” är ingen webbadress; ange leverantörens adress, till exempel https://login.kommun.se/realms/kommun.", raw)
	}
	if !strings.HasSuffix(u.Path, "/.well-known/openid-configuration") {
		u.Path = strings.TrimRight(u.Path, "/") + "/.well-known/openid-configuration"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	d, err := disc(ctx, u.String())
	if err != nil {
		return nil, in.bad("oidc-discovery-url", "leverantörens inställningar kunde inte läsas från %s: %v. Kontrollera adressen och att servern når leverantören.", u, err)
	}
	for _, e := range []struct{ name, url string }{{"authorization_endpoint", d.Auth}, {"token_endpoint", d.Token}, {"userinfo_endpoint", d.UserInfo}} {
		if p, err := url.Parse(e.url); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			return nil, in.bad("oidc-discovery-url", "leverantörens inställningar på %s saknar en giltig %s; kontrollera adressen.", u, e.name)
		}
	}
	c.AuthURL, c.TokenURL, c.UserInfoURL = d.Auth, d.Token, d.UserInfo
	c.DisplayName = v["oidc-name"]
	if c.DisplayName == "" {
		c.DisplayName = "OIDC"
	}
	pkce := true
	c.PKCE = &pkce
	return c, nil
}

// fetchDiscovery reads an OpenID provider's discovery document.
func fetchDiscovery(ctx context.Context, target string) (discovery, error) {
	var d discovery
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return d, err
	}
	req.Header.Set("Accept", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return d, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return d, fmt.Errorf("svaret var %s", res.Status)
	}
	if err := json.NewDecoder(io.LimitReader(res.Body, 1<<20)).Decode(&d); err != nil {
		return d, fmt.Errorf("svaret är ingen OpenID-konfiguration (%v)", err)
	}
	return d, nil
}

// readBoards reads the boards' names, one a line.
func readBoards(file string) ([]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("filen %s kunde inte läsas (%v); ange en textfil med en nämnd per rad", file, errors.Unwrap(err))
	}
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		name := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		if l := len([]rune(name)); l > 200 {
			return nil, fmt.Errorf("rad %d i %s har ett namn på %d tecken; en nämnds namn har högst 200", n, file, l)
		}
		if slices.ContainsFunc(names, func(s string) bool { return strings.EqualFold(s, name) }) {
			return nil, fmt.Errorf("rad %d i %s: nämnden ”%s” står redan på en tidigare rad", n, file, name)
		}
		names = append(names, name)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("filen %s kunde inte läsas (%v)", file, err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("filen %s har inga nämnder; skriv en nämnd per rad", file)
	}
	return names, nil
}

func isEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == ""
}

// apply makes the plan true in one transaction: it changes only what
// differs, and returns one line per thing it looked at (never a secret)
// and how many it changed.
func (p *setupPlan) apply(app core.App) (lines []string, changed int, err error) {
	did := func(format string, args ...any) {
		lines = append(lines, fmt.Sprintf(format, args...))
		changed++
	}
	same := func(format string, args ...any) {
		lines = append(lines, fmt.Sprintf(format, args...)+": oförändrad")
	}
	err = app.RunInTransaction(func(tx core.App) error {
		if p.superEmail != "" {
			su, err := tx.FindAuthRecordByEmail(core.CollectionNameSuperusers, p.superEmail)
			switch {
			case err == nil && su.ValidatePassword(p.superPassword):
				same("superanvändare %s", p.superEmail)
			case err == nil:
				su.SetPassword(p.superPassword)
				if err := tx.Save(su); err != nil {
					return fmt.Errorf("--superuser-password: %w", err)
				}
				did("superanvändare %s: nytt lösenord", p.superEmail)
			default:
				col, err := tx.FindCollectionByNameOrId(core.CollectionNameSuperusers)
				if err != nil {
					return err
				}
				su = core.NewRecord(col)
				su.SetEmail(p.superEmail)
				su.SetPassword(p.superPassword)
				if err := tx.Save(su); err != nil {
					return fmt.Errorf("--superuser-email: %w", err)
				}
				did("superanvändare %s: skapad", p.superEmail)
			}
		}

		settings, err := tx.Settings().Clone()
		if err != nil {
			return err
		}
		settingsChanged := changed
		if p.appURL != nil {
			if strings.TrimRight(settings.Meta.AppURL, "/") == *p.appURL {
				same("applikationens adress %s", *p.appURL)
			} else {
				settings.Meta.AppURL = *p.appURL
				did("applikationens adress: %s", *p.appURL)
			}
		}
		if s := p.smtp; s != nil {
			m := &settings.SMTP
			tls := s.port == 465 // implicit TLS; otherwise STARTTLS when the server offers it
			desc := fmt.Sprintf("e-post (SMTP) %s:%d", s.host, s.port)
			if s.user != "" {
				desc += ", användare " + s.user
			}
			desc += ", avsändare " + s.sender
			if m.Enabled && m.Host == s.host && m.Port == s.port && m.Username == s.user && m.Password == s.password && m.TLS == tls &&
				settings.Meta.SenderAddress == s.sender && settings.Meta.SenderName == s.senderName {
				same("%s", desc)
			} else {
				passwordOnly := m.Enabled && m.Host == s.host && m.Port == s.port && m.Username == s.user && m.TLS == tls &&
					settings.Meta.SenderAddress == s.sender && settings.Meta.SenderName == s.senderName
				m.Enabled, m.Host, m.Port, m.Username, m.Password, m.TLS = true, s.host, s.port, s.user, s.password, tls
				settings.Meta.SenderAddress, settings.Meta.SenderName = s.sender, s.senderName
				if passwordOnly {
					did("%s: nytt lösenord", desc)
				} else {
					did("%s: inställd", desc)
				}
			}
		}
		if changed != settingsChanged {
			if err := tx.Save(settings); err != nil {
				return settingsError(err)
			}
		}

		if p.municipality != nil {
			rec, err := tx.FindFirstRecordByFilter(model.Settings, "")
			if err != nil {
				return fmt.Errorf("failed to find the settings record: %w", err)
			}
			if s := model.AsSetup(rec); s.Municipality() == *p.municipality {
				same("kommunens namn ”%s”", *p.municipality)
			} else {
				s.SetMunicipality(*p.municipality)
				if err := tx.Save(rec); err != nil {
					return fmt.Errorf("--municipality: %w", err)
				}
				did("kommunens namn: ”%s”", *p.municipality)
			}
		}

		if c := p.oauth2; c != nil {
			users, err := tx.FindCollectionByNameOrId(model.Users)
			if err != nil {
				return err
			}
			desc := fmt.Sprintf("inloggning med %s (klient %s, %s)", c.Name, c.ClientId, c.AuthURL)
			i := slices.IndexFunc(users.OAuth2.Providers, func(o core.OAuth2ProviderConfig) bool { return o.Name == c.Name })
			if i >= 0 && users.OAuth2.Enabled && sameProvider(users.OAuth2.Providers[i], *c) {
				same("%s", desc)
			} else {
				if i >= 0 {
					users.OAuth2.Providers[i] = *c
				} else {
					users.OAuth2.Providers = append(users.OAuth2.Providers, *c)
				}
				users.OAuth2.Enabled = true
				if err := tx.Save(users); err != nil {
					return fmt.Errorf("--oidc-provider: leverantören kunde inte sparas: %w", err)
				}
				did("%s: inställd", desc)
			}
		}

		if len(p.boards) > 0 {
			col, err := tx.FindCollectionByNameOrId(model.Boards)
			if err != nil {
				return err
			}
			for _, name := range p.boards {
				if _, err := report.BoardByName(tx, name); err == nil {
					same("nämnd ”%s”", name)
					continue
				}
				b := core.NewRecord(col)
				model.AsBoard(b).SetName(name)
				if err := tx.Save(b); err != nil {
					return fmt.Errorf("--boards: nämnden ”%s” kunde inte skapas: %w", name, err)
				}
				did("nämnd ”%s”: skapad", name)
			}
		}
		return nil
	})
	return lines, changed, err
}

// sameProvider reports whether two provider settings are the same in every
// field setup writes.
func sameProvider(a, b core.OAuth2ProviderConfig) bool {
	if len(a.Extra) == 0 && len(b.Extra) == 0 {
		a.Extra, b.Extra = nil, nil // PocketBase reads a saved null back as {}
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) == string(jb) && a.ClientSecret == b.ClientSecret
}

// settingsError names the flag of a refused application setting.
func settingsError(err error) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "smtp"):
		return fmt.Errorf("--smtp-host: e-postinställningarna godtogs inte: %w", err)
	case strings.Contains(msg, "appURL"):
		return fmt.Errorf("--app-url: adressen godtogs inte: %w", err)
	case strings.Contains(msg, "sender"):
		return fmt.Errorf("--smtp-sender: avsändaren godtogs inte: %w", err)
	}
	return fmt.Errorf("inställningarna kunde inte sparas: %w", err)
}
