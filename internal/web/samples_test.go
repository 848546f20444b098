package web_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/hooks"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// populationForm is a draw form: the fields and, unless data is nil, the
// population file.
func populationForm(t testing.TB, data []byte, kv ...string) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for i := 0; i+1 < len(kv); i += 2 {
		if err := w.WriteField(kv[i], kv[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if data != nil {
		part, err := w.CreateFormFile("population", "leverantorsfakturor.csv")
		if err != nil {
			t.Fatal(err)
		}
		part.Write(data)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, w.FormDataContentType()
}

func invoices(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("../sample/testdata/leverantorsfakturor.csv")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// drawnNine frees control 9's 2024 period and draws ten items of it as
// its owner, with no, some or all of them assessed (the first deviating).
func drawnNine(f *testapp.Fixture, assessed int) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
	return func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		if err := testapp.Delete(app, model.Results, f.Results["9"]); err != nil {
			t.Fatal(err)
		}
		u := testapp.Find(t, app, model.Users, f.Users["ansvarig"])
		err := model.RunAs(app, model.ActorFromAuth(u), func(tx core.App) error {
			col, _ := tx.FindCachedCollectionByNameOrId(model.Samples)
			s := core.NewRecord(col)
			s.Id = "webnine00000001"
			s.Set("control", f.Controls["9"])
			s.Set("period", "2024")
			s.Set("size", 10)
			file, err := filesystem.NewFileFromBytes(invoices(t), "leverantorsfakturor.csv")
			if err != nil {
				return err
			}
			s.Set("population", file)
			if err := tx.Save(s); err != nil {
				return err
			}
			items, err := tx.FindRecordsByFilter(model.SampleItems, "sample = {:s}", "position", 0, 0, dbx.Params{"s": s.Id})
			if err != nil {
				return err
			}
			for i, it := range items[:assessed] {
				it.Set("status", "ok")
				if i == 0 {
					it.Set("status", "deviation")
					it.Set("note", "Attest saknas.")
				}
				if err := tx.Save(it); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func firstItem(t testing.TB, app core.App) *core.Record {
	t.Helper()
	it, err := app.FindFirstRecordByFilter(model.SampleItems, "sample = 'webnine00000001' && position = 1")
	if err != nil {
		t.Fatal(err)
	}
	return it
}

// TestSamplePages: each step of a sample in the web UI — the control
// page's link, the draw form, the draw (from a file, from pasted rows,
// refused for a hostile file), the items with their assessment, the
// result that follows, the deviation made from an item — for the owner,
// and what a reader and another owner get.
func TestSamplePages(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	c9 := "/controls/" + f.Controls["9"]
	free := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		if err := testapp.Delete(app, model.Results, f.Results["9"]); err != nil {
			t.Fatal(err)
		}
	}
	owner := testapp.Cookie(f, "ansvarig")
	fileBody, fileType := populationForm(t, invoices(t), "period", "2024", "size", "10")
	badBody, badType := populationForm(t, []byte("Nr;Belopp\n1;\x00\x01\n"), "period", "2024", "size", "1")
	pasteBody, pasteType := populationForm(t, nil, "period", "2024", "size", "2", "paste", "Nr\tBelopp\n1\t100\n2\t200\n3\t300\n")
	scenarios := []tests.ApiScenario{
		{
			Name: "the control page links the period's sample", Method: http.MethodGet, URL: c9,
			Headers: owner, BeforeTestFunc: free, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`href="` + c9 + `/sample?period=2024"`, "Dra stickprov för 2024"},
		},
		{
			Name: "the draw form", Method: http.MethodGet, URL: c9 + "/sample?period=2024",
			Headers: owner, BeforeTestFunc: free, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Stickprov 2024", `name="population"`, `name="paste"`, `name="size"`, "Dra stickprov</button>"},
		},
		{
			Name: "the owner draws from a file", Method: http.MethodPost, URL: c9 + "/sample",
			Headers: with(owner, "Content-Type", fileType), Body: fileBody, BeforeTestFunc: free,
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != c9+"/sample?period=2024" {
					t.Errorf("Expected the sample page, got %q", loc)
				}
				s, err := app.FindFirstRecordByFilter(model.Samples, "control = {:c}", dbx.Params{"c": f.Controls["9"]})
				if err != nil {
					t.Fatal(err)
				}
				if n := testapp.Count(t, app, model.SampleItems, dbx.HashExp{"sample": s.Id}); n != 10 || len(s.GetString("seed")) != 64 {
					t.Fatalf("Expected 10 items and a seed, got %d and %q", n, s.GetString("seed"))
				}
			},
		},
		{
			Name: "the owner draws from pasted rows", Method: http.MethodPost, URL: c9 + "/sample",
			Headers: with(owner, "Content-Type", pasteType), Body: pasteBody, BeforeTestFunc: free,
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				s, err := app.FindFirstRecordByFilter(model.Samples, "control = {:c}", dbx.Params{"c": f.Controls["9"]})
				if err != nil || s.GetInt("population_rows") != 3 || s.GetInt("size") != 2 {
					t.Fatalf("Expected a sample of 2 from 3 pasted rows, got %v %v", s, err)
				}
			},
		},
		{
			Name: "a binary population is refused with its row and column, nothing stored", Method: http.MethodPost, URL: c9 + "/sample",
			Headers: with(owner, "Content-Type", badType), Body: badBody, BeforeTestFunc: free,
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{"rad 2, kolumn B (Belopp): Cellen innehåller tecken som inte är text"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := testapp.Count(t, app, model.Samples, nil) + testapp.Count(t, app, model.SampleItems, nil); n != 0 {
					t.Fatalf("Expected nothing stored, got %d records", n)
				}
			},
		},
		{
			Name: "a reader cannot draw", Method: http.MethodPost, URL: c9 + "/sample",
			Headers: with(testapp.Cookie(f, "lasare"), "Content-Type", fileType), Body: bytes.NewReader(nil), BeforeTestFunc: free,
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
		},
		{
			Name: "the drawn sample shows its seed, checksums, items and the command that repeats it", Method: http.MethodGet, URL: c9 + "/sample?period=2024",
			Headers: owner, BeforeTestFunc: drawnNine(f, 0), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"0 av 10 avvikande, 0 %", "0 av 10 poster bedömda", "ikplan sample verify leverantorsfakturor",
				"--size 10 --method srs", "Post 1 (rad ", "Fakturanummer", "Ta bort stickprovet och dra om", `name="status"`},
		},
		{
			Name: "in English", Method: http.MethodGet, URL: c9 + "/sample?period=2024",
			Headers: with(owner, "Cookie", owner["Cookie"]+"; ikplan_lang=en"), BeforeTestFunc: drawnNine(f, 0), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Sample 2024", "0 of 10 deviating", "Drawn items", "Item 1 (row "},
		},
		{
			Name: "a reader sees the sample without its forms", Method: http.MethodGet, URL: c9 + "/sample?period=2024",
			Headers: testapp.Cookie(f, "lasare"), BeforeTestFunc: drawnNine(f, 0), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Post 1 (rad "}, NotExpectedContent: []string{`name="status"`, "dra om"},
		},
		{
			Name: "the owner assesses the last item and the result follows", Method: http.MethodPost,
			URL: "/samples/webnine00000001/items/" + "ITEM10", Headers: with(owner, "Content-Type", urlencoded),
			BeforeTestFunc: drawnNine(f, 9), Body: formBody("status", "ok", "note", "Attesterad."), ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				res9, err := app.FindFirstRecordByFilter(model.Results, "control = {:c}", dbx.Params{"c": f.Controls["9"]})
				if err != nil || res9.GetString("outcome") != "deviation" || res9.GetString("measured_value") != "10" {
					t.Fatalf("Expected the result to follow: 1 of 10 deviating, got %v %v", res9, err)
				}
			},
		},
		{
			Name: "the control page shows the findings", Method: http.MethodGet, URL: c9,
			Headers: owner, BeforeTestFunc: drawnNine(f, 10), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Stickprov 2024</a>", "1 av 10 avvikande, 10 %", "Stickprov av 10 poster ur en population om 60: 1 av 10 avvikande (10 %)."},
		},
		{
			Name: "a deviating item without a note is refused on the page", Method: http.MethodPost,
			URL: "/samples/webnine00000001/items/" + "ITEM1", Headers: with(owner, "Content-Type", urlencoded),
			BeforeTestFunc: drawnNine(f, 0), Body: formBody("status", "deviation", "note", ""), ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"Skriv vad som avvek för posten."},
		},
		{
			Name: "another board's owner cannot assess", Method: http.MethodPost,
			URL: "/samples/webnine00000001/items/" + "ITEM1", Headers: with(testapp.Cookie(f, "annan"), "Content-Type", urlencoded),
			BeforeTestFunc: drawnNine(f, 0), Body: formBody("status", "ok"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan eller posten finns inte"},
		},
		{
			Name: "a deviating item becomes a deviation of the result", Method: http.MethodPost,
			URL: "/samples/webnine00000001/items/" + "ITEM1" + "/deviation", Headers: with(owner, "Content-Type", urlencoded),
			BeforeTestFunc: drawnNine(f, 10), Body: formBody(), ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				it := firstItem(t, app)
				d, err := app.FindRecordById(model.Deviations, it.GetString("deviation"))
				if err != nil || !strings.Contains(d.GetString("description"), "Attest saknas.") || !strings.Contains(d.GetString("description"), "post 1 (rad ") {
					t.Fatalf("Expected a deviation described by the item, got %v %v", d, err)
				}
			},
		},
		{
			Name: "an assessed sample is not drawn again", Method: http.MethodPost, URL: "/samples/webnine00000001/delete",
			Headers: with(owner, "Content-Type", urlencoded), BeforeTestFunc: drawnNine(f, 1), Body: formBody(),
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{"bedömda poster"},
		},
		{
			Name: "the population file downloads as uploaded", Method: http.MethodGet, URL: "/samples/webnine00000001/population",
			Headers: owner, BeforeTestFunc: drawnNine(f, 0), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"Fakturanummer;Leverantör;Belopp;Fakturadatum\n24001;"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		if strings.Contains(s.URL, "ITEM") {
			// the items' ids are fixed by their sample and position (hooks.ItemId)
			pos := s.URL[strings.Index(s.URL, "ITEM")+4:]
			pos, rest, _ := strings.Cut(pos, "/")
			s.URL = strings.Replace(s.URL, "ITEM"+pos, itemId(pos), 1)
			_ = rest
		}
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}
}

// itemId is the id of the drawn sample's item at a position.
func itemId(position string) string {
	n, _ := strconv.Atoi(position)
	return hooks.ItemId("webnine00000001", n)
}
