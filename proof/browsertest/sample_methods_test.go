package browsertest

import (
	"net/http"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/pocketbase/dbx"

	"ikplan/hooks"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// On a phone (390 px), the owner of control 9 draws a monetary-unit
// sample of four invoices by the column Belopp, sees the method and the
// column with the command that repeats the draw, assesses each item (the
// first deviating) and sees "1 av 4 avvikande, 25 %" — and the page never
// scrolls sideways.
func TestOwnerDrawsAMUSSampleOnAPhone(t *testing.T) {
	t.Parallel()
	b := serve(t, "sample-mus")
	c9 := b.f.Controls["9"]
	if err := testapp.Delete(b.app, model.Results, b.f.Results["9"]); err != nil {
		t.Fatal(err)
	}
	population, err := filepath.Abs(filepath.Join("..", "..", "internal", "sample", "testdata", "leverantorsfakturor.csv"))
	if err != nil {
		t.Fatal(err)
	}

	b.launch()
	b.do("set the phone's width", chromedp.EmulateViewport(phoneWidth, phoneHeight))
	b.signIn("ansvarig")
	if status := b.open("/controls/" + c9 + "/sample?period=2024"); status != http.StatusOK {
		b.fatalf("GET the sample page: expected 200, got %d", status)
	}
	b.page("sample-mus-form")
	b.do("choose the population", chromedp.SetUploadFiles(chromedp.CSS("#population"), []string{population}))
	b.do("choose MUS", chromedp.Click(chromedp.CSS("#method-mus"), chromedp.NodeVisible))
	b.typeInto("#column", "Belopp")
	b.typeInto("#size", "4")
	if status := b.submit(`form[enctype="multipart/form-data"] button[type="submit"]`); status != http.StatusOK {
		b.fatalf("drawing: expected the sample page (200), got %d", status)
	}
	b.page("sample-mus-drawn")
	b.expectText(".summary-list", "monetärt urval")
	b.expectText(".summary-list", "Belopp")
	b.expectText(".sample-verify", "--method mus --column Belopp")
	if w := eval[pageWidth](b, measureWidth); w.Scroll > w.Viewport {
		b.fatalf("at %d px the sample page scrolls sideways: %s reaches %d px", phoneWidth, w.Widest, w.Right)
	}

	s, err := b.app.FindFirstRecordByFilter(model.Samples, "control = {:c}", dbx.Params{"c": c9})
	if err != nil || s.GetString("method") != "mus" || s.GetString("column") != "Belopp" {
		b.fatalf("Expected a MUS sample by Belopp stored, got %v %v", s, err)
	}
	for pos := 1; pos <= 4; pos++ {
		id := hooks.ItemId(s.Id, pos)
		status := model.ItemOK
		if pos == 1 {
			status = model.ItemDeviation
			b.typeInto("#note-"+id, "Beloppet stämmer inte med avtalet.")
		}
		b.do("assess item "+id, chromedp.Click(chromedp.CSS("#status-"+id+"-"+status), chromedp.NodeVisible))
		if code := b.submit("#item-" + id + ` form[enctype="multipart/form-data"] button[type="submit"]`); code != http.StatusOK {
			b.fatalf("assessing item %d: expected the sample page (200), got %d", pos, code)
		}
	}
	b.page("sample-mus-assessed")
	b.expectText(".summary-list", "1 av 4 avvikande, 25 %")
	b.expectText(".summary-list", "4 av 4 poster bedömda")
	if w := eval[pageWidth](b, measureWidth); w.Scroll > w.Viewport {
		b.fatalf("at %d px the assessed sample scrolls sideways: %s reaches %d px", phoneWidth, w.Widest, w.Right)
	}
}
