package proctest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/proof/proctest"
)

// The secrets setup is given: none may appear in what it prints, nor in
// what the server prints at start.
const (
	superPassword = "setup-superhemligt-4711"
	smtpPassword  = "smtp-hemligt-0815"
	clientSecret  = "oidc-klienthemlighet-2718"
)

// discoveryServer is an OpenID provider's discovery document on loopback,
// as setup reads it for --oidc-discovery-url.
func discoveryServer(t *testing.T) string {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/realms/kommun/.well-known/openid-configuration" {
			http.NotFound(w, r)
			return
		}
		base := srv.URL + "/realms/kommun"
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{
			"issuer":                 base,
			"authorization_endpoint": base + "/protocol/openid-connect/auth",
			"token_endpoint":         base + "/protocol/openid-connect/token",
			"userinfo_endpoint":      base + "/protocol/openid-connect/userinfo",
			"jwks_uri":               base + "/protocol/openid-connect/certs",
		})
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/realms/kommun"
}

// setupRun runs `ikplan setup` on dir with the arguments and the
// environment variables added, and returns standard output and error.
func setupRun(t *testing.T, dir string, env []string, args ...string) (string, string, error) {
	t.Helper()
	var out, errs bytes.Buffer
	cmd := exec.Command(proctest.Binary(t), append([]string{"setup", "--dir", dir}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = &out, &errs
	err := cmd.Run()
	return out.String(), errs.String(), err
}

// snapshot is what setup may change in the data folder's database, every
// column of every row, with its created and updated times: the superusers
// (with the password hash, which a new password changes even when it is
// the same), the application settings, the settings record, the users
// collection (its OAuth2 options), the boards, and how many rows the
// change history has.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	db, err := core.DefaultDBConnect(filepath.Join(dir, "data.db"))
	if err != nil {
		t.Fatalf("Expected data.db to open, got %v", err)
	}
	defer db.Close()
	var s strings.Builder
	for _, q := range []string{
		"SELECT * FROM _superusers ORDER BY email",
		"SELECT * FROM _params ORDER BY id",
		"SELECT * FROM settings",
		"SELECT * FROM _collections WHERE name = 'users'",
		"SELECT * FROM boards ORDER BY name",
		"SELECT count(*) AS n FROM audit_log",
		"SELECT count(*) AS n FROM users",
	} {
		fmt.Fprintf(&s, "== %s\n", q)
		rows, err := db.NewQuery(q).Rows()
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rows.Next() {
			row := dbx.NullStringMap{}
			if err := rows.ScanMap(row); err != nil {
				t.Fatal(err)
			}
			keys := make([]string, 0, len(row))
			for k := range row {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				fmt.Fprintf(&s, "%s=%s; ", k, row[k].String)
			}
			s.WriteString("\n")
		}
		rows.Close()
	}
	return s.String()
}

// TestSetupTwiceIsOnce runs the real binary's setup on a fresh folder with
// every setting (the secrets from the environment, the rest as flags, one
// of them from the environment too), then again: the second run prints
// that nothing changed and leaves every relevant row as the first left
// it, and neither prints a secret. Then the server starts on the folder
// without the link to create a superuser, and its start lines name the
// address, data folder, application URL, mail host and sign-in methods,
// and no secret.
func TestSetupTwiceIsOnce(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "pb_data")
	boards := filepath.Join(t.TempDir(), "namnder.txt")
	if err := os.WriteFile(boards, []byte("\uFEFFKommunstyrelsen\n\n# nämnderna 2027\nBygg- och miljönämnden\r\n  Socialnämnden  \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	issuer := discoveryServer(t)
	env := []string{
		"IKPLAN_SUPERUSER_PASSWORD=" + superPassword,
		"IKPLAN_SMTP_PASSWORD=" + smtpPassword,
		"IKPLAN_OIDC_CLIENT_SECRET=" + clientSecret,
		"IKPLAN_MUNICIPALITY=Exempelby kommun",
	}
	args := []string{
		"--superuser-email", "it-drift@exempelby.se",
		"--app-url", "https://ikplan.exempelby.se/",
		"--smtp-host", "smtp.exempelby.se", "--smtp-port", "587", "--smtp-user", "ikplan-smtp", "--smtp-sender", "ikplan@exempelby.se",
		"--oidc-provider", "oidc", "--oidc-client-id", "ikplan-klient", "--oidc-discovery-url", issuer, "--oidc-name", "Exempelby-konto",
		"--boards", boards,
	}
	secrets := []string{superPassword, smtpPassword, clientSecret}
	noSecret := func(what, text string) {
		t.Helper()
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("Expected no secret in %s, found %q in\n%s", what, s, text)
			}
		}
	}

	out1, errs, err := setupRun(t, dir, env, args...)
	if err != nil {
		t.Fatalf("Expected the first setup to succeed, got %v\n%s%s", err, out1, errs)
	}
	noSecret("the first run's output", out1+errs)
	for _, want := range []string{
		"superanvändare it-drift@exempelby.se: skapad",
		"applikationens adress: https://ikplan.exempelby.se\n",
		"e-post (SMTP) smtp.exempelby.se:587, användare ikplan-smtp, avsändare ikplan@exempelby.se: inställd",
		"kommunens namn: ”Exempelby kommun”",
		"inloggning med oidc (klient ikplan-klient, " + issuer + "/protocol/openid-connect/auth): inställd",
		"nämnd ”Kommunstyrelsen”: skapad", "nämnd ”Bygg- och miljönämnden”: skapad", "nämnd ”Socialnämnden”: skapad",
		"Klart: 8 ändringar",
	} {
		if !strings.Contains(out1, want) {
			t.Errorf("Expected %q in the first run's output, got\n%s", want, out1)
		}
	}
	once := snapshot(t, dir)

	out2, errs, err := setupRun(t, dir, env, args...)
	if err != nil {
		t.Fatalf("Expected the second setup to succeed, got %v\n%s%s", err, out2, errs)
	}
	noSecret("the second run's output", out2+errs)
	if !strings.Contains(out2, "Ingenting ändrades") || strings.Contains(out2, "skapad") || strings.Contains(out2, "inställd") {
		t.Errorf("Expected the second run to say it changed nothing, got\n%s", out2)
	}
	if n := strings.Count(out2, ": oförändrad\n"); n != 8 {
		t.Errorf("Expected 8 lines saying unchanged, got %d\n%s", n, out2)
	}
	if twice := snapshot(t, dir); twice != once {
		t.Errorf("Expected the second run to change no row, got\n%s", lineDiff(once, twice))
	}

	// what was written is what PocketBase reads: the provider as the
	// dashboard saves it, the mail and the application URL
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	users, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		t.Fatal(err)
	}
	if !users.OAuth2.Enabled || len(users.OAuth2.Providers) != 1 {
		t.Fatalf("Expected one OAuth2 provider enabled, got %+v", users.OAuth2)
	}
	p := users.OAuth2.Providers[0]
	base := issuer + "/protocol/openid-connect/"
	if p.Name != "oidc" || p.ClientId != "ikplan-klient" || p.ClientSecret != clientSecret || p.AuthURL != base+"auth" ||
		p.TokenURL != base+"token" || p.UserInfoURL != base+"userinfo" || p.DisplayName != "Exempelby-konto" || p.PKCE == nil || !*p.PKCE {
		t.Errorf("Expected the provider as the dashboard saves it, got %+v", p)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("Expected PocketBase to accept the provider, got %v", err)
	}
	s := app.Settings()
	if s.Meta.AppURL != "https://ikplan.exempelby.se" || !s.SMTP.Enabled || s.SMTP.Host != "smtp.exempelby.se" || s.SMTP.Port != 587 ||
		s.SMTP.Username != "ikplan-smtp" || s.SMTP.Password != smtpPassword || s.Meta.SenderAddress != "ikplan@exempelby.se" {
		t.Errorf("Expected the application URL and SMTP in PocketBase's settings, got %+v %+v", s.Meta, s.SMTP)
	}
	if su, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, "it-drift@exempelby.se"); err != nil || !su.ValidatePassword(superPassword) {
		t.Errorf("Expected the superuser with its password, got %v", err)
	}
	app.ClearBootstrap()

	// a changed secret is changed, and said without the secret
	out3, _, err := setupRun(t, dir, append(env, "IKPLAN_SMTP_PASSWORD=nytt-smtp-hemligt-1"), args...)
	if err != nil || !strings.Contains(out3, "avsändare ikplan@exempelby.se: nytt lösenord") || !strings.Contains(out3, "Klart: 1 ändringar") || strings.Contains(out3, "nytt-smtp-hemligt-1") {
		t.Errorf("Expected only the SMTP password changed, and said without it, got %v\n%s", err, out3)
	}

	// the server's start: no link to create a superuser (setup made one),
	// and what it runs with
	// PocketBase prints that link from a goroutine of its own, within a
	// second (TestStartLogWithoutSetup waits for it): this waits for three
	start := serveOutput(t, dir, "Dashboard", 3*time.Second, "IKPLAN_TRUSTED_PROXIES=127.0.0.1")
	secrets = append(secrets, "nytt-smtp-hemligt-1")
	noSecret("the start log", start)
	if strings.Contains(start, "pbinstal") || strings.Contains(start, "create your first superuser") {
		t.Errorf("Expected no link to create a superuser after setup, got\n%s", start)
	}
	absDir, _ := filepath.Abs(dir)
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^ikplan \S+ \(.*Go ` + regexp.QuoteMeta(runtime.Version()) + `, PocketBase v\S+\)$`),
		regexp.MustCompile(`(?m)^  adress: +http://127\.0\.0\.1:\d+$`),
		regexp.MustCompile(`(?m)^  datamapp: +` + regexp.QuoteMeta(absDir) + `$`),
		regexp.MustCompile(`(?m)^  applikationens adress: +https://ikplan\.exempelby\.se$`),
		regexp.MustCompile(`(?m)^  e-post \(SMTP\): +smtp\.exempelby\.se:587, användare ikplan-smtp, avsändare ikplan@exempelby\.se$`),
		regexp.MustCompile(`(?m)^  inloggning: +lösenord på; OAuth2/OIDC: oidc$`),
		regexp.MustCompile(`(?m)^  betrodda proxyer: +127\.0\.0\.1$`),
	} {
		if !want.MatchString(start) {
			t.Errorf("Expected a start line matching %s, got\n%s", want, start)
		}
	}
}

// TestStartLogWithoutSetup starts the real binary on a folder setup never
// touched: its start lines say what is not set and how to set it, and
// PocketBase prints its link to create a superuser (what setup spares).
func TestStartLogWithoutSetup(t *testing.T) {
	t.Parallel()
	began := time.Now()
	out := serveOutput(t, filepath.Join(t.TempDir(), "pb_data"), "superuser upsert", 0)
	t.Logf("the link to create a superuser came %s after the start", time.Since(began))
	for _, want := range []string{"applikationens adress: inte angiven", "e-post (SMTP):         inte inställd", "lösenord på; OAuth2/OIDC av", "betrodda proxyer:      inga", "pbinstal"} {
		if !strings.Contains(out, want) {
			t.Errorf("Expected %q in a fresh folder's start log, got\n%s", want, out)
		}
	}
}

// lineDiff is the lines of a and b that differ, each cut to 300 characters.
func lineDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	cut := func(s string) string {
		if len(s) > 300 {
			return s[:300] + "…"
		}
		return s
	}
	var d strings.Builder
	for i := 0; i < max(len(la), len(lb)); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			fmt.Fprintf(&d, "- %s\n+ %s\n", cut(x), cut(y))
		}
	}
	return d.String()
}

// lockedBuffer is a buffer a process writes to while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serveOutput starts `ikplan serve` on dir with the environment variables
// added, waits until /readyz answers 200, the start lines are printed and
// so is wait, lets it run for linger more, stops it and returns all it
// printed.
func serveOutput(t *testing.T, dir, wait string, linger time.Duration, env ...string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	var out lockedBuffer
	cmd := exec.Command(proctest.Binary(t), "serve", "--http", addr, "--dir", dir)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
	}()
	c := &http.Client{Timeout: 2 * time.Second}
	for deadline := time.Now().Add(3 * time.Minute); ; time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("Expected the server to be ready within 3 minutes (a limit against a hang), got\n%s", out.String())
		}
		res, err := c.Get("http://" + addr + "/readyz")
		if err != nil {
			continue
		}
		res.Body.Close()
		if res.StatusCode == http.StatusOK && strings.Contains(out.String(), "betrodda proxyer") && strings.Contains(out.String(), wait) {
			break
		}
	}
	time.Sleep(linger)
	return out.String()
}

// TestSetupRefusesBadInput runs the real binary's setup with each kind of
// bad input, from a flag or its environment variable: each ends with a
// non-zero exit and a Swedish sentence naming the flag (or the variable),
// and leaves the folder as it was, even when the other settings given are
// good (everything is checked before anything is written).
func TestSetupRefusesBadInput(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "pb_data")
	if out, errs, err := setupRun(t, dir, []string{"IKPLAN_SUPERUSER_PASSWORD=" + superPassword}, "--superuser-email", "it-drift@exempelby.se"); err != nil {
		t.Fatalf("Expected the first setup to succeed, got %v\n%s%s", err, out, errs)
	}
	before := snapshot(t, dir)
	files := t.TempDir()
	twice := filepath.Join(files, "twice.txt")
	os.WriteFile(twice, []byte("Kommunstyrelsen\nkommunstyrelsen\n"), 0o644)
	empty := filepath.Join(files, "empty.txt")
	os.WriteFile(empty, []byte("\n# ingenting\n"), 0o644)
	closed := func() string { // an address nobody answers on
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		return "http://" + l.Addr().String()
	}()
	newSuper := []string{"--superuser-email", "it-drift@exempelby.se", "--superuser-password", "ett-helt-annat-lösenord"}
	smtp := []string{"--smtp-host", "smtp.exempelby.se", "--smtp-sender", "ikplan@exempelby.se"}
	oidc := []string{"--oidc-client-id", "klient", "--oidc-client-secret", "hemligt"}
	for _, c := range []struct {
		name string
		env  []string
		args []string
		want string
	}{
		{"nothing to do", nil, nil, "ange minst en inställning"},
		{"no e-mail address", nil, []string{"--superuser-email", "it-drift", "--superuser-password", superPassword}, "--superuser-email: ”it-drift” är ingen e-postadress"},
		{"a password without its e-mail", []string{"IKPLAN_SUPERUSER_PASSWORD=" + superPassword}, nil, "--superuser-email: ange superanvändarens e-postadress"},
		{"an e-mail without its password", nil, []string{"--superuser-email", "it-drift@exempelby.se"}, "--superuser-password: ange superanvändarens lösenord"},
		{"a short password, from the environment", []string{"IKPLAN_SUPERUSER_PASSWORD=kort"}, []string{"--superuser-email", "it-drift@exempelby.se"},
			"IKPLAN_SUPERUSER_PASSWORD (--superuser-password): lösenordet har 4 tecken; ett lösenord har minst 12 tecken."},
		{"no URL", nil, append([]string{"--app-url", "ikplan.exempelby.se"}, newSuper...), "--app-url: ”ikplan.exempelby.se” är ingen webbadress"},
		{"a long name", []string{"IKPLAN_MUNICIPALITY=" + strings.Repeat("Å", 201)}, nil, "IKPLAN_MUNICIPALITY (--municipality): namnet har 201 tecken"},
		{"no port, from the environment", []string{"IKPLAN_SMTP_PORT=abc"}, append(smtp, newSuper...), "IKPLAN_SMTP_PORT (--smtp-port): ”abc” är inget portnummer"},
		{"a port too large", nil, append(smtp, "--smtp-port", "99999"), "--smtp-port: ”99999” är inget portnummer"},
		{"no SMTP host", nil, []string{"--smtp-sender", "ikplan@exempelby.se"}, "--smtp-host: ange SMTP-serverns värdnamn"},
		{"a host with its port", nil, []string{"--smtp-host", "smtp.exempelby.se:587", "--smtp-sender", "ikplan@exempelby.se"}, "--smtp-host: ”smtp.exempelby.se:587” är inget värdnamn"},
		{"no sender", nil, []string{"--smtp-host", "smtp.exempelby.se"}, "--smtp-sender: ange avsändaradressen"},
		{"a password without its user", []string{"IKPLAN_SMTP_PASSWORD=" + smtpPassword}, smtp, "--smtp-user: ange användarnamnet"},
		{"an unknown provider", nil, append(oidc, "--oidc-provider", "google"), "--oidc-provider: ”google” är ingen leverantör ikplan känner"},
		{"no client secret", nil, []string{"--oidc-provider", "microsoft", "--oidc-client-id", "klient", "--oidc-tenant", "exempelby.se"}, "--oidc-client-secret: ange klienthemligheten"},
		{"no tenant", nil, append(oidc, "--oidc-provider", "microsoft"), "--oidc-tenant: ange katalogens (tenantens) id"},
		{"a tenant that is a path", nil, append(oidc, "--oidc-provider", "microsoft", "--oidc-tenant", "common/../evil"), "--oidc-tenant: ”common/../evil” är inget tenant-id"},
		{"no discovery URL", nil, append(oidc, "--oidc-provider", "oidc"), "--oidc-discovery-url: ange leverantörens adress"},
		{"a provider that does not answer", nil, append(oidc, "--oidc-provider", "oidc", "--oidc-discovery-url", closed), "--oidc-discovery-url: leverantörens inställningar kunde inte läsas"},
		{"no boards file", nil, []string{"--boards", filepath.Join(files, "saknas.txt")}, "--boards: filen " + filepath.Join(files, "saknas.txt") + " kunde inte läsas"},
		{"a board twice", nil, append([]string{"--boards", twice}, newSuper...), "--boards: rad 2 i " + twice + ": nämnden ”kommunstyrelsen” står redan på en tidigare rad"},
		{"no boards", nil, []string{"--boards", empty}, "--boards: filen " + empty + " har inga nämnder"},
	} {
		out, errs, err := setupRun(t, dir, c.env, c.args...)
		if err == nil {
			t.Errorf("%s: expected a non-zero exit, got none\n%s", c.name, out)
			continue
		}
		if !strings.Contains(errs, "Fel: "+c.want) {
			t.Errorf("%s: expected %q on standard error, got %q", c.name, "Fel: "+c.want, errs)
		}
		if out != "" {
			t.Errorf("%s: expected nothing said done, got %q", c.name, out)
		}
	}
	if after := snapshot(t, dir); after != before {
		t.Errorf("Expected refused setups to change nothing, got\n%s", lineDiff(before, after))
	}
}
