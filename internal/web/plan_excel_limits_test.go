package web_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/perf"
	"ikplan/internal/web"
	"ikplan/proof/hostile/badxlsx"
	"ikplan/proof/testapp"
)

// countingBody is a request body that counts the bytes the server read.
type countingBody struct {
	r io.Reader
	n int
}

func (c *countingBody) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// TestPlanImportBounds: the import refuses what it will refuse before it
// reads the upload (another board's plan, a reader, a plan that is not a
// draft, too many imports at once), and it runs beside the pages, not in
// their gate: a full page gate does not hold it up, and imports do not
// take the pages' places.
func TestPlanImportBounds(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	url := "/plans/" + f.Plan + "/import"
	coordinator := testapp.Cookie(f, "samordnare")
	good := demoSheet(t, map[string]string{"C3": "Ny rubrik från Excel"})
	hostile := badxlsx.FarCells(20000)
	draft := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { reopen(t, app) }
	full := func() *perf.Gate {
		g := perf.NewGate(1)
		g.Try() // its only place taken
		return g
	}
	// gated binds the web UI with the page gate and the import gate given
	gated := func(pages, imports *perf.Gate) func(t testing.TB) *tests.TestApp {
		return func(t testing.TB) *tests.TestApp {
			app := testapp.New(t)
			web.RegisterGated(app, testapp.Clock, pages, imports)
			return app
		}
	}
	// unread posts the file and checks afterwards that the server read none of it
	unread := func(t *testing.T, s tests.ApiScenario, cookie map[string]string) tests.ApiScenario {
		r, ct := upload(t, hostile, false)
		body := &countingBody{r: r}
		s.Method, s.URL, s.Body, s.Headers = http.MethodPost, url, body, with(cookie, "Content-Type", ct)
		after := s.AfterTestFunc
		s.AfterTestFunc = func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if body.n != 0 {
				t.Errorf("Expected the upload not read, got %d bytes read", body.n)
			}
			if after != nil {
				after(t, app, res)
			}
		}
		return s
	}
	var began time.Time
	scenarios := []tests.ApiScenario{
		unread(t, tests.ApiScenario{
			Name: "an adopted plan's import is refused before the upload is read", ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"Planen är antagen. Kontrollpunkter kan bara importeras till en plan som är ett utkast."},
		}, coordinator),
		unread(t, tests.ApiScenario{
			Name: "a reader's import is refused before the upload is read", BeforeTestFunc: draft,
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
		}, testapp.Cookie(f, "lasare")),
		unread(t, tests.ApiScenario{
			Name: "another board's plan is not found before the upload is read", BeforeTestFunc: draft,
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"},
		}, testapp.Cookie(f, "annan")),
		unread(t, tests.ApiScenario{
			Name: "with the imports' places taken, an import is asked to come back, its upload unread", BeforeTestFunc: draft,
			TestAppFactory: gated(perf.NewGate(8), full()),
			ExpectedStatus: http.StatusServiceUnavailable,
			ExpectedContent: []string{"<title>Fel: Importera kontrollpunkter", `<p class="field-error" id="file-error">`,
				"Just nu läses andra Excel-filer in. Vänta en liten stund och importera filen igen."},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if ra := res.Header.Get("Retry-After"); ra == "" {
					t.Errorf("Expected a Retry-After header, got none")
				}
			},
		}, coordinator),
		func() tests.ApiScenario {
			body, ct := upload(t, good, false)
			return tests.ApiScenario{
				Name: "with every page's place taken, an import still goes through at once", Method: http.MethodPost, URL: url,
				Body: body, Headers: with(coordinator, "Content-Type", ct),
				TestAppFactory: gated(full(), perf.NewGate(1)),
				BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
					reopen(t, app)
					began = time.Now()
				},
				ExpectedStatus: http.StatusSeeOther,
				AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
					if took := time.Since(began); took > 5*time.Second {
						t.Errorf("Expected the import not to wait for the page gate, got %s", took)
					}
				},
			}
		}(),
		{
			Name: "an upload that says it is over the limit is refused unread", Method: http.MethodPost, URL: url, BeforeTestFunc: draft,
			Headers: with(coordinator, "Content-Type", "multipart/form-data; boundary=x"),
			Body:    strings.NewReader(strings.Repeat("x", 6000000)), ExpectedStatus: http.StatusRequestEntityTooLarge,
			ExpectedContent: []string{"Filen är större än 5 MB."},
		},
		func() tests.ApiScenario {
			body, ct := upload(t, bytes.Repeat([]byte{'x'}, 5<<20+1), false)
			return tests.ApiScenario{
				Name: "a file over 5 MB in an upload of unknown length is refused", Method: http.MethodPost, URL: url,
				Body: io.MultiReader(body), Headers: with(coordinator, "Content-Type", ct), BeforeTestFunc: draft,
				ExpectedStatus: http.StatusRequestEntityTooLarge, ExpectedContent: []string{"<title>Fel: ", "Filen är större än 5 MB."},
			}
		}(),
	}
	for _, s := range scenarios {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WebFactory
		}
		s.Test(t)
	}
}
