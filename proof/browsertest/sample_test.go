package browsertest

import (
	"fmt"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/pocketbase/dbx"

	"ikplan/hooks"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// The owner of control 9 (a stickprov) opens its page, follows the link to
// the 2024 sample, uploads the population of invoices and draws five;
// assesses each item (the first deviating, with a note) and sees the
// findings "1 av 5 avvikande, 20 %" on the sample page and on the
// control's page, where the period's result now stands.
func TestOwnerDrawsAndAssessesASample(t *testing.T) {
	t.Parallel()
	b := serve(t, "sample")
	c9 := b.f.Controls["9"]
	if err := testapp.Delete(b.app, model.Results, b.f.Results["9"]); err != nil {
		t.Fatal(err)
	}
	population, err := filepath.Abs(filepath.Join("..", "..", "internal", "sample", "testdata", "leverantorsfakturor.csv"))
	if err != nil {
		t.Fatal(err)
	}

	b.launch()
	b.signIn("ansvarig")
	if status := b.open("/controls/" + c9); status != http.StatusOK {
		b.fatalf("GET the control: expected 200, got %d", status)
	}
	b.click(`a[href="/controls/` + c9 + `/sample?period=2024"]`)
	b.waitPath("/controls/" + c9 + "/sample")
	b.page("sample-draw-form")

	b.do("choose the population", chromedp.SetUploadFiles(chromedp.CSS("#population"), []string{population}))
	b.typeInto("#size", "5")
	if status := b.submit(`form[enctype="multipart/form-data"] button[type="submit"]`); status != http.StatusOK {
		b.fatalf("drawing: expected the sample page (200), got %d", status)
	}
	b.page("sample-drawn")
	b.expectText(".summary-list", "0 av 5 avvikande, 0 %")

	s, err := b.app.FindFirstRecordByFilter(model.Samples, "control = {:c}", dbx.Params{"c": c9})
	if err != nil {
		b.fatalf("Expected the sample stored: %v", err)
	}
	for pos := 1; pos <= 5; pos++ {
		id := hooks.ItemId(s.Id, pos)
		status := model.ItemOK
		if pos == 1 {
			status = model.ItemDeviation
			b.typeInto("#note-"+id, "Attest saknas på fakturan.")
		}
		b.do("assess item "+id, chromedp.Click(chromedp.CSS("#status-"+id+"-"+status), chromedp.NodeVisible))
		if code := b.submit("#item-" + id + ` form[enctype="multipart/form-data"] button[type="submit"]`); code != http.StatusOK {
			b.fatalf("assessing item %d: expected the sample page (200), got %d", pos, code)
		}
	}
	b.page("sample-assessed")
	b.expectText(".summary-list", "1 av 5 avvikande, 20 %")
	b.expectText(".summary-list", "5 av 5 poster bedömda")

	if status := b.open("/controls/" + c9); status != http.StatusOK {
		b.fatalf("GET the control: expected 200, got %d", status)
	}
	b.page("control-with-sample")
	b.expectText(".sample-links", "1 av 5 avvikande, 20 %")
	b.expectText("#results", "Stickprov av 5 poster ur en population om 60: 1 av 5 avvikande (20 %).")
	if got := fmt.Sprint(testapp.Count(t, b.app, model.Results, dbx.HashExp{"control": c9, "outcome": "deviation", "measured_value": "20"})); got != "1" {
		b.fatalf("Expected the period's result: deviation, 20 %%; got %s", got)
	}
}
