package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// withEvidence gives the first drawn item of control 9's sample an
// evidence file, and makes control 9 confidential when secret is set.
func withEvidence(f *testapp.Fixture, secret bool) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
	return func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		drawnNine(f, 1)(t, app, e)
		it := firstItem(t, app)
		file, err := filesystem.NewFileFromBytes([]byte("Fakturan saknar attest.\n"), "faktura 24028.txt")
		if err != nil {
			t.Fatal(err)
		}
		it.Set("evidence", file)
		if err := app.Save(it); err != nil {
			t.Fatal(err)
		}
		if secret {
			// as the board decided it with the plan (an adopted plan's
			// controls keep their confidentiality: set beneath the hooks)
			if _, err := app.DB().Update(model.Controls, dbx.Params{"confidential": true}, dbx.HashExp{"id": f.Controls["9"]}).Execute(); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// evidenceURL is the download link of the first item's evidence file.
func evidenceURL(t testing.TB, app core.App) string {
	t.Helper()
	it := firstItem(t, app)
	return "/samples/webnine00000001/items/" + it.Id + "/evidence/" + url.PathEscape(it.GetStringSlice("evidence")[0])
}

// TestSampleMethodPages: the draw form offers the three methods and a
// column; a stratified and a MUS draw from the form keep their method and
// column and show them with the command that repeats them; a column the
// file lacks is refused beside the field, which then offers the file's
// columns to choose from; a bad amount names its row and column.
func TestSampleMethodPages(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	c9 := "/controls/" + f.Controls["9"]
	free := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		if err := testapp.Delete(app, model.Results, f.Results["9"]); err != nil {
			t.Fatal(err)
		}
	}
	owner := testapp.Cookie(f, "ansvarig")
	stratBody, stratType := populationForm(t, invoices(t), "period", "2024", "size", "12", "method", "stratified", "column", "leverantör")
	musBody, musType := populationForm(t, invoices(t), "period", "2024", "size", "10", "method", "mus", "column", "Belopp")
	unknownBody, unknownType := populationForm(t, invoices(t), "period", "2024", "size", "10", "method", "mus", "column", "Summa")
	badBody, badType := populationForm(t, []byte("Nr;Belopp\n1;100\n2;12,345.50\n"), "period", "2024", "size", "1", "method", "mus", "column", "Belopp")
	stored := func(method, column string) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			s, err := app.FindFirstRecordByFilter(model.Samples, "control = {:c}", dbx.Params{"c": f.Controls["9"]})
			if err != nil {
				t.Fatal(err)
			}
			if s.GetString("method") != method || s.GetString("column") != column {
				t.Fatalf("Expected %s by %q, got %s by %q", method, column, s.GetString("method"), s.GetString("column"))
			}
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "the draw form offers the methods and a column", Method: http.MethodGet, URL: c9 + "/sample?period=2024",
			Headers: owner, BeforeTestFunc: free, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`name="method" value="srs" checked`, `value="stratified"`, `value="mus"`, `name="column"`,
				"Stratifierat urval efter en kolumn", "Monetärt urval efter en beloppskolumn"},
		},
		{
			Name: "a stratified draw from the form", Method: http.MethodPost, URL: c9 + "/sample",
			Headers: with(owner, "Content-Type", stratType), Body: stratBody, BeforeTestFunc: free,
			ExpectedStatus: http.StatusSeeOther, AfterTestFunc: stored("stratified", "Leverantör"),
		},
		{
			Name: "a MUS draw from the form", Method: http.MethodPost, URL: c9 + "/sample",
			Headers: with(owner, "Content-Type", musType), Body: musBody, BeforeTestFunc: free,
			ExpectedStatus: http.StatusSeeOther, AfterTestFunc: stored("mus", "Belopp"),
		},
		{
			Name: "a column the file lacks is refused and the file's columns offered", Method: http.MethodPost, URL: c9 + "/sample",
			Headers: with(owner, "Content-Type", unknownType), Body: unknownBody, BeforeTestFunc: free,
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"Kolumnen Summa finns inte i populationens rubrikrad. Välj en av: Fakturanummer, Leverantör, Belopp, Fakturadatum.",
				`<select id="column" name="column"`, `<option value="Belopp">Belopp</option>`, `name="method" value="mus" checked`},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := testapp.Count(t, app, model.Samples, nil); n != 0 {
					t.Fatalf("Expected nothing stored, got %d", n)
				}
			},
		},
		{
			Name: "an amount that is none is refused naming its row and column", Method: http.MethodPost, URL: c9 + "/sample",
			Headers: with(owner, "Content-Type", badType), Body: badBody, BeforeTestFunc: free,
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{"rad 3, kolumn B (Belopp): 12,345.50 är inte ett belopp"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}

	// the drawn stratified sample names its method and column, and the
	// command that repeats it quotes what needs quoting
	t.Run("the stratified sample's page", func(t *testing.T) {
		t.Parallel()
		(&tests.ApiScenario{
			Method: http.MethodGet, URL: c9 + "/sample?period=2024", Headers: owner, TestAppFactory: testapp.WebFactory,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				free(t, app, e)
				u := testapp.Find(t, app, model.Users, f.Users["ansvarig"])
				err := model.RunAs(app, model.ActorFromAuth(u), func(tx core.App) error {
					col, _ := tx.FindCachedCollectionByNameOrId(model.Samples)
					s := core.NewRecord(col)
					s.Set("control", f.Controls["9"])
					s.Set("period", "2024")
					s.Set("size", 12)
					s.Set("method", "stratified")
					s.Set("column", "Leverantör")
					file, err := filesystem.NewFileFromBytes(invoices(t), "leverantorsfakturor.csv")
					if err != nil {
						return err
					}
					s.Set("population", file)
					return tx.Save(s)
				})
				if err != nil {
					t.Fatal(err)
				}
			},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{"stratifierat urval (fördelat proportionellt", "<dt>Kolumn</dt>", "--size 12 --method stratified --column Leverantör"},
		}).Test(t)
	})
}

// TestSampleEvidenceLinks: an item's evidence files are links on the
// sample page that download the file, for whoever may read the item; a
// reader of a confidential control gets 404, like another board's owner,
// and a name the item does not hold is 404.
func TestSampleEvidenceLinks(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, c := range []struct {
		who    string
		secret bool
		other  bool // a file name the item does not hold
		status int
	}{
		{"ansvarig", false, false, http.StatusOK},
		{"lasare", false, false, http.StatusOK},
		{"annan", false, false, http.StatusNotFound},
		{"ansvarig", true, false, http.StatusOK},
		{"revisor", true, false, http.StatusOK},
		{"lasare", true, false, http.StatusNotFound},
		{"ansvarig", false, true, http.StatusNotFound},
	} {
		name := c.who
		if c.secret {
			name += " under a confidential control"
		}
		if c.other {
			name += " another name"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			// the URL names the stored file, known once the app is built
			app := testapp.WebFactory(t)
			withEvidence(f, c.secret)(t, app, nil)
			link := evidenceURL(t, app)
			page := &tests.ApiScenario{
				Method: http.MethodGet, URL: "/controls/" + f.Controls["9"] + "/sample?period=2024", Headers: testapp.Cookie(f, c.who),
				TestAppFactory: func(testing.TB) *tests.TestApp { return app }, ExpectedStatus: c.status,
			}
			page.ExpectedContent = []string{"finns inte"}
			if c.status == http.StatusOK {
				page.ExpectedContent = []string{"Underlag: 1 filer", `href="` + link + `"`}
			}
			if !c.other {
				page.Test(t)
			}
			app = testapp.WebFactory(t)
			withEvidence(f, c.secret)(t, app, nil)
			link = evidenceURL(t, app)
			if c.other {
				link = link[:strings.LastIndex(link, "/")+1] + "annan.txt"
			}
			sc := &tests.ApiScenario{
				Method: http.MethodGet, URL: link, Headers: testapp.Cookie(f, c.who),
				TestAppFactory: func(testing.TB) *tests.TestApp { return app }, ExpectedStatus: c.status,
			}
			if c.status == http.StatusOK {
				sc.ExpectedContent = []string{"Fakturan saknar attest."}
			} else {
				sc.ExpectedContent = []string{"finns inte"}
				sc.NotExpectedContent = []string{"Fakturan saknar attest."}
			}
			sc.Test(t)
		})
	}
}

// TestSampleDeviationWaitsForTheResult: a deviating item of a sample not
// yet fully assessed says when it can become a deviation (its result does
// not exist yet: the result follows from every item, and a deviation
// belongs to a result), and offers the button once the result exists.
func TestSampleDeviationWaitsForTheResult(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	page := "/controls/" + f.Controls["9"] + "/sample?period=2024"
	later := "kan registreras som avvikelse när alla poster är bedömda"
	for _, c := range []struct {
		assessed  int
		want, not string
	}{
		{1, later, "Registrera som avvikelse"},
		{10, "Registrera som avvikelse", later},
	} {
		t.Run(strconv.Itoa(c.assessed), func(t *testing.T) {
			t.Parallel()
			(&tests.ApiScenario{
				Method: http.MethodGet, URL: page, Headers: testapp.Cookie(f, "ansvarig"), TestAppFactory: testapp.WebFactory,
				BeforeTestFunc: drawnNine(f, c.assessed), ExpectedStatus: http.StatusOK,
				ExpectedContent: []string{c.want}, NotExpectedContent: []string{c.not},
			}).Test(t)
		})
	}
}
