//go:build linux

package proxy_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/proxy"
	"ikplan/proof/testapp"
)

// The addresses of the test: nginx connects to ikplan from 127.0.0.1, the
// only trusted proxy; the people are other loopback addresses (Linux
// answers on all of 127.0.0.0/8).
const (
	proxyAddr = "127.0.0.1"
	personA   = "127.0.0.2" // uses up the sign-in limit through nginx
	personB   = "127.0.0.3" // signs in through nginx after A is limited
	forger    = "127.0.0.4" // talks to ikplan directly, forging the headers
	hostName  = "ikplan.kommun.se"
)

// TestBehindNginx runs Debian's nginx, as an unprivileged process with a
// temporary prefix and a certificate made here, with the README's server
// block in front of ikplan on loopback, trusting 127.0.0.1 as the README
// says. Over HTTPS through nginx the sign-in sets a Secure __Host- cookie
// and HSTS, and the rate limiter counts each person's own address; a
// request straight to ikplan that forges the forwarding headers is
// trusted with nothing. It skips without nginx, except in CI.
func TestBehindNginx(t *testing.T) {
	t.Parallel()
	nginx := "/usr/sbin/nginx"
	if _, err := os.Stat(nginx); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("no nginx at %s (CI is set): .ci/run installs Debian's nginx", nginx)
		}
		t.Skipf("no nginx at %s: apt-get install nginx; the test runs in CI", nginx)
	}
	f := testapp.Fix(t)
	ikplan := serveIkplan(t)
	dir := nginxDir(t)
	certPEM := certificate(t, dir)
	httpsPort, httpPort := freePort(t), freePort(t)
	block := readmeNginx(t)
	conf := adapt(t, block, dir, httpsPort, httpPort, ikplan)
	startNginx(t, nginx, dir, conf, httpsPort)

	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(certPEM)
	via := func(from string) *http.Client { return client(from, roots) }
	https := fmt.Sprintf("https://%s:%d", proxyAddr, httpsPort)
	direct := "http://" + ikplan

	// plain HTTP to nginx is sent to HTTPS (the README's second block)
	res := do(t, via(personB), http.MethodGet, fmt.Sprintf("http://%s:%d/plans", proxyAddr, httpPort), "", nil)
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusMovedPermanently || !strings.HasPrefix(loc, "https://") {
		t.Fatalf("Expected nginx to send plain HTTP to HTTPS, got %d %q", res.StatusCode, loc)
	}

	// the sign-in over HTTPS: a Secure, host-only __Host- cookie and HSTS
	good := "email=lasare%40ikplan.test&password=" + url.QueryEscape(testapp.Password)
	res = do(t, via(personB), http.MethodPost, https+"/login", good, nil)
	cookie := res.Header.Get("Set-Cookie")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(cookie, "__Host-ikplan_session=") {
		t.Fatalf("Expected the sign-in through nginx to set the __Host- cookie, got %d %q", res.StatusCode, cookie)
	}
	for _, want := range []string{"; Secure", "; HttpOnly", "; Path=/", "; SameSite=Lax"} {
		if !strings.Contains(cookie, want) || strings.Contains(cookie, "Domain=") {
			t.Errorf("Expected %q in a host-only session cookie over HTTPS, got %q", want, cookie)
		}
	}
	if hsts := res.Header.Get("Strict-Transport-Security"); !strings.HasPrefix(hsts, "max-age=") {
		t.Errorf("Expected HSTS over HTTPS, got %q", hsts)
	}
	session := strings.SplitN(cookie, ";", 2)[0]
	if res := do(t, via(personB), http.MethodGet, https+"/plans", "", map[string]string{"Cookie": session}); res.StatusCode != http.StatusOK {
		t.Errorf("Expected the __Host- cookie to open the pages through nginx, got %d", res.StatusCode)
	}

	// PocketBase sees each person's own address, not the proxy's, even when
	// the person forges one in front of it
	super := map[string]string{"Authorization": f.Tokens["superuser"], "X-Forwarded-For": "203.0.113.9"}
	for _, person := range []string{personA, personB} {
		if got := realIP(t, via(person), https, super); got != person {
			t.Errorf("Expected PocketBase to see %s through nginx, got %q", person, got)
		}
	}

	// the sign-in limit (10 a minute) is counted per person: A uses it up,
	// B, through the same proxy, is still let in
	bad := "email=lasare%40ikplan.test&password=fel-l%C3%B6senord"
	for i := 1; i <= 11; i++ {
		res := do(t, via(personA), http.MethodPost, https+"/login", bad, nil)
		want := http.StatusUnprocessableEntity
		if i == 11 {
			want = http.StatusTooManyRequests
		}
		if res.StatusCode != want {
			t.Fatalf("%s's attempt %d through nginx: expected %d, got %d", personA, i, want, res.StatusCode)
		}
	}
	if res := do(t, via(personB), http.MethodPost, https+"/login", bad, nil); res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("Expected %s to be counted apart from %s through the same proxy, got %d", personB, personA, res.StatusCode)
	}

	// straight to ikplan, forging the headers: no HTTPS, no other address
	forged := map[string]string{"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9", "X-Forwarded-Host": hostName}
	res = do(t, via(forger), http.MethodPost, direct+"/login", good, forged)
	cookie = res.Header.Get("Set-Cookie")
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(cookie, "ikplan_session=") || strings.Contains(cookie, "Secure") {
		t.Errorf("Expected a forged X-Forwarded-Proto to get the plain cookie, got %d %q", res.StatusCode, cookie)
	}
	if hsts := res.Header.Get("Strict-Transport-Security"); hsts != "" {
		t.Errorf("Expected no HSTS for a forged X-Forwarded-Proto, got %q", hsts)
	}
	forged["Authorization"] = f.Tokens["superuser"]
	if got := realIP(t, via(forger), direct, forged); got != forger {
		t.Errorf("Expected PocketBase to see the forger's own address %s, got %q", forger, got)
	}
	delete(forged, "Authorization")
	for i := 1; i <= 11; i++ {
		forged["X-Forwarded-For"] = fmt.Sprintf("203.0.113.%d", i) // a new address each time
		res := do(t, via(forger), http.MethodPost, direct+"/login", bad, forged)
		if i == 11 && res.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("Expected the forger limited after 10 attempts whatever X-Forwarded-For says, got %d", res.StatusCode)
		}
	}
}

// serveIkplan starts ikplan's web UI and REST API on a loopback port, with
// the README's setting: 127.0.0.1 is the trusted proxy, and PocketBase's
// proxy header is X-Forwarded-For (rightmost).
func serveIkplan(t *testing.T) string {
	t.Helper()
	app := testapp.NewWeb(t)
	trusted, err := proxy.Parse(proxyAddr)
	if err != nil {
		t.Fatal(err)
	}
	proxy.Register(app, trusted)
	s := app.Settings()
	s.TrustedProxy = core.TrustedProxyConfig{Headers: []string{"X-Forwarded-For"}}
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	var mux http.Handler
	se := &core.ServeEvent{App: app, Router: r}
	if err := app.OnServe().Trigger(se, func(e *core.ServeEvent) error {
		mux, err = e.Router.BuildMux()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", proxyAddr+":0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(mux)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return l.Addr().String()
}

// nginxDir is nginx's prefix: a folder of its own, which nginx may write
// to as the unprivileged user it runs as.
func nginxDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "ikplan-nginx-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	for _, sub := range []string{"tmp", "logs"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// certificate writes a self-signed certificate for hostName and 127.0.0.1
// with its key into dir, and returns the certificate.
func certificate(t *testing.T, dir string) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: hostName},
		DNSNames: []string{hostName}, IPAddresses: []net.IP{net.ParseIP(proxyAddr)},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	write(t, filepath.Join(dir, "fullchain.pem"), certPEM)
	write(t, filepath.Join(dir, "privkey.pem"), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}))
	return certPEM
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", proxyAddr+":0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// readmeNginx is the nginx configuration in the README: its first
// ```nginx block.
func readmeNginx(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```nginx\n(.*?)```").FindSubmatch(b)
	if m == nil {
		t.Fatal("Expected an nginx block (```nginx) in the README")
	}
	return string(m[1])
}

// adapt is the README's block as this test runs it: on loopback ports,
// with the test's certificate and ikplan's address, inside the few lines
// nginx needs to run without root in dir. Each change must find its line.
func adapt(t *testing.T, block, dir string, httpsPort, httpPort int, ikplan string) string {
	t.Helper()
	for _, c := range []struct{ pattern, replace string }{
		{`listen 443 ssl;`, fmt.Sprintf("listen %s:%d ssl;", proxyAddr, httpsPort)},
		{`listen 80;`, fmt.Sprintf("listen %s:%d;", proxyAddr, httpPort)},
		{`ssl_certificate +/\S+;`, "ssl_certificate " + filepath.Join(dir, "fullchain.pem") + ";"},
		{`ssl_certificate_key +/\S+;`, "ssl_certificate_key " + filepath.Join(dir, "privkey.pem") + ";"},
		{`proxy_pass http://127\.0\.0\.1:8090;`, "proxy_pass http://" + ikplan + ";"},
	} {
		re := regexp.MustCompile(c.pattern)
		if !re.MatchString(block) {
			t.Fatalf("Expected %q in the README's nginx block", c.pattern)
		}
		block = re.ReplaceAllLiteralString(block, c.replace)
	}
	tmp := filepath.Join(dir, "tmp")
	return fmt.Sprintf(`worker_processes 1;
pid %[1]s/nginx.pid;
error_log stderr notice;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path %[2]s/body;
    proxy_temp_path %[2]s/proxy;
    fastcgi_temp_path %[2]s/fastcgi;
    uwsgi_temp_path %[2]s/uwsgi;
    scgi_temp_path %[2]s/scgi;
%[3]s
}
`, dir, tmp, block)
}

// startNginx runs nginx in the foreground until the test ends, as the
// unprivileged user nobody when the test runs as root, and waits for its
// HTTPS port.
func startNginx(t *testing.T, nginx, dir, conf string, port int) {
	t.Helper()
	path := filepath.Join(dir, "nginx.conf")
	write(t, path, []byte(conf))
	cmd := exec.Command(nginx, "-p", dir+"/", "-c", path, "-e", "stderr", "-g", "daemon off;")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if os.Geteuid() == 0 {
		const nobody = 65534
		filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
			if err == nil {
				err = os.Chown(p, nobody, nobody)
			}
			return err
		})
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("failed to start nginx: %v", err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("nginx said:\n%s", stderr.String())
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("%s:%d", proxyAddr, port), time.Second)
		if err == nil {
			c.Close()
			return
		}
		select {
		case <-done:
			t.Fatalf("nginx ended before it listened:\n%s", stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx did not listen on %d within 10 s:\n%s", port, stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// client is a person's browser: it connects from the address from,
// trusts the test's certificate, and follows no redirect.
func client(from string, roots *x509.CertPool) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	return &http.Client{
		Timeout: 20 * time.Second,
		Transport: &http.Transport{
			DialContext:       d.DialContext,
			TLSClientConfig:   &tls.Config{RootCAs: roots, ServerName: hostName},
			DisableKeepAlives: true,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// do sends a request (a form when body is not empty) and reads the answer.
func do(t *testing.T, c *http.Client, method, target, body string, headers map[string]string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res
}

// realIP is the client address PocketBase sees, as its health check tells
// a superuser.
func realIP(t *testing.T, c *http.Client, base string, headers map[string]string) string {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, base+"/api/health", nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var health struct {
		Data struct {
			RealIP string `json:"realIP"`
		} `json:"data"`
	}
	if err := json.NewDecoder(res.Body).Decode(&health); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("Expected the health check, got %d %v", res.StatusCode, err)
	}
	return health.Data.RealIP
}
