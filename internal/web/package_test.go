package web_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/auditpkg"
	"ikplan/proof/testapp"
)

// TestPackagePages: the package page offers the years and boards the
// user reads, with the instance key's fingerprint; the download is the
// zip, which verifies, named by year and board, never cached; a year
// without a plan, a board the user does not read and a year that is no
// year are the page again with a message, before any zip; /me shows the
// key to auditors and coordinators, in Swedish and English.
func TestPackagePages(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	k, err := auditpkg.EnsureKey(app.DataDir())
	if err != nil {
		t.Fatal(err)
	}
	fp, pub := auditpkg.Fingerprint(k.Public()), auditpkg.PublicText(k.Public())
	english := with(testapp.Cookie(f, "revisor"), "Cookie", "ikplan_session="+f.Sessions["revisor"]+"; ikplan_lang=en")
	scenarios := []tests.ApiScenario{
		{
			Name: "the page", Method: http.MethodGet, URL: "/audit/package", Headers: testapp.Cookie(f, "revisor"),
			ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<title>Revisionspaket – ikplan</title>", `action="/audit/package/download"`, `<option value="2024"`,
				`value="` + f.KS + `"`, "Kommunstyrelsen", "Förbereder paketet", "Ladda ned revisionspaketet", fp, "ikplan package verify"},
		},
		{
			Name: "the page in English", Method: http.MethodGet, URL: "/audit/package", Headers: english,
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<h1>Audit package</h1>", "Download the audit package", "Preparing the package"},
		},
		{
			Name: "a user of another board has no plan to package", Method: http.MethodGet, URL: "/audit/package", Headers: testapp.Cookie(f, "annan"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Det finns ingen plan du får läsa ännu"},
			NotExpectedContent: []string{`action="/audit/package/download"`, "Kommunstyrelsen"},
		},
		{
			Name: "the zip", Method: http.MethodGet, URL: "/audit/package/download?year=2024&board=" + f.KS, Headers: testapp.Cookie(f, "revisor"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"PK\x03\x04"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				h := res.Header
				if h.Get("Content-Type") != "application/zip" || h.Get("Content-Disposition") != `attachment; filename="revisionspaket-2024-kommunstyrelsen.zip"` ||
					!strings.Contains(h.Get("Cache-Control"), "no-store") {
					t.Errorf("Expected a zip to save, never cached, got %v", h)
				}
				body, _ := io.ReadAll(res.Body)
				c, err := auditpkg.Verify(bytes.NewReader(body), int64(len(body)))
				if err != nil {
					t.Fatalf("Expected the zip to verify, got %v", err)
				}
				if c.Manifest.MadeFor != "Rolf Revisor <revisor@ikplan.test>, auditor" || c.Manifest.Board == nil || c.Manifest.Board.Id != f.KS {
					t.Errorf("Expected the manifest to name the auditor and the board, got %q %v", c.Manifest.MadeFor, c.Manifest.Board)
				}
			},
		},
		{
			Name: "a year without a plan", Method: http.MethodGet, URL: "/audit/package/download?year=2031", Headers: testapp.Cookie(f, "revisor"),
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Det finns ingen plan för 2031 som du får läsa", `action="/audit/package/download"`},
			NotExpectedContent: []string{"PK\x03\x04"},
		},
		{
			Name: "a board the user does not read", Method: http.MethodGet, URL: "/audit/package/download?year=2024&board=" + f.KS, Headers: testapp.Cookie(f, "annan"),
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Det finns ingen plan för 2024 som du får läsa"},
			NotExpectedContent: []string{"PK\x03\x04", "Kommunstyrelsen"},
		},
		{
			Name: "no year", Method: http.MethodGet, URL: "/audit/package/download?year=tjugo", Headers: testapp.Cookie(f, "revisor"),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{"Välj ett år mellan 2000 och 2100."},
		},
		{
			Name: "/me shows an auditor the key", Method: http.MethodGet, URL: "/me", Headers: testapp.Cookie(f, "revisor"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Installationens signeringsnyckel (Ed25519)", fp, pub, `href="/audit/package"`},
		},
		{
			Name: "/me shows a coordinator the key, in English", Method: http.MethodGet, URL: "/me",
			Headers:        with(testapp.Cookie(f, "samordnare"), "Cookie", "ikplan_session="+f.Sessions["samordnare"]+"; ikplan_lang=en"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"signing key (Ed25519)", fp, "Download an audit package"},
		},
		{
			Name: "/me shows an owner no key", Method: http.MethodGet, URL: "/me", Headers: testapp.Cookie(f, "ansvarig"),
			ExpectedStatus: http.StatusOK, NotExpectedContent: []string{fp, "signeringsnyckel"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = func(t testing.TB) *tests.TestApp { return testapp.WebFactory(t) }
		s.Test(t)
	}
}
