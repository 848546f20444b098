package hooks_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/auditpkg"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestPackageKeyIsTheServers: the key that signs the auditor's packages
// is made once, kept in the data folder readable by the server's user
// only, and its public half stands on the settings record, where the
// dashboard shows it: whoever changes those fields — a coordinator or a
// superuser through the REST API, the server itself — they keep the
// key's values, and the private key is in no answer.
func TestPackageKeyIsTheServers(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	k, err := auditpkg.EnsureKey(app.DataDir())
	if err != nil {
		t.Fatal(err)
	}
	again, err := auditpkg.EnsureKey(app.DataDir())
	if err != nil || !again.Public().Equal(k.Public()) {
		t.Fatalf("Expected the same key on the second use, got %v", err)
	}
	// the test's copy of the data folder, like a restored backup, may have
	// loosened the file's mode: the key is read back 0600 all the same
	if st, err := os.Stat(filepath.Join(app.DataDir(), auditpkg.KeyFile)); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("Expected the key file readable by its owner only (0600), got %v (%v)", st.Mode().Perm(), err)
	}
	pub, fp := auditpkg.PublicText(k.Public()), auditpkg.Fingerprint(k.Public())
	shown := func() (string, string) {
		s := testapp.Find(t, app, model.Settings, f.Settings)
		return s.GetString(auditpkg.FieldPublicKey), s.GetString(auditpkg.FieldFingerprint)
	}
	if p, g := shown(); p != pub || g != fp {
		t.Fatalf("Expected the settings to show the key %s (%s), got %s (%s)", pub, fp, p, g)
	}
	if err := testapp.Update(app, model.Settings, f.Settings, map[string]any{auditpkg.FieldPublicKey: "AAAA", auditpkg.FieldFingerprint: "0000"}); err != nil {
		t.Fatal(err)
	}
	if p, g := shown(); p != pub || g != fp {
		t.Errorf("Expected the server's save to keep the key's values, got %s (%s)", p, g)
	}
	private, err := os.ReadFile(filepath.Join(app.DataDir(), auditpkg.KeyFile))
	if err != nil {
		t.Fatal(err)
	}
	secret := strings.Split(string(private), "\n")[1] // the PEM's base64
	body := `{"package_public_key":"AAAA","package_key_fingerprint":"0000"}`
	for _, who := range []string{"samordnare", "superuser"} {
		(&tests.ApiScenario{
			Name: who, Method: http.MethodPatch, URL: "/api/collections/settings/records/" + f.Settings, Body: strings.NewReader(body),
			Headers:        map[string]string{"Authorization": f.Tokens[who], "Content-Type": "application/json"},
			TestAppFactory: testapp.Factory, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`"package_public_key":"` + pub + `"`, `"package_key_fingerprint":"` + fp + `"`},
			NotExpectedContent: []string{"AAAA", secret},
		}).Test(t)
	}
	for url, status := range map[string]int{"/" + auditpkg.KeyFile: 404, "/static/../" + auditpkg.KeyFile: 307, "/static/%2e%2e/" + auditpkg.KeyFile: 404,
		"/api/files/" + auditpkg.KeyFile: 404, "/_/" + auditpkg.KeyFile: 404} {
		(&tests.ApiScenario{
			Name: url, Method: http.MethodGet, URL: url, Headers: map[string]string{"Authorization": f.Tokens["superuser"]},
			TestAppFactory: testapp.WebFactory, ExpectedStatus: status, NotExpectedContent: []string{secret},
			AfterTestFunc: func(t testing.TB, _ *tests.TestApp, res *http.Response) {
				if res.StatusCode == http.StatusOK && !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
					t.Errorf("%s: Expected no file served, got %d %s", url, res.StatusCode, res.Header.Get("Content-Type"))
				}
			},
		}).Test(t)
	}
}

// TestPackageKeyIsMadeOnce: a fresh data folder gets its key on first
// use, 0600, and keeps it; a second process making it at once gets the
// same key.
func TestPackageKeyIsMadeOnce(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	keys := make(chan string, 8)
	for range 8 {
		go func() {
			k, err := auditpkg.EnsureKey(dir)
			if err != nil {
				keys <- err.Error()
				return
			}
			keys <- auditpkg.Fingerprint(k.Public())
		}()
	}
	first := <-keys
	for range 7 {
		if got := <-keys; got != first {
			t.Errorf("Expected one key made at once, got %s and %s", first, got)
		}
	}
	st, err := os.Stat(filepath.Join(dir, auditpkg.KeyFile))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("Expected the new key file 0600, got %v", err)
	}
	_ = core.CollectionNameSuperusers
}
