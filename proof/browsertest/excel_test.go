package browsertest

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// The coordinator opens the draft plan, goes to its Excel import, uploads a
// sheet with a wrong method and sees the row's error in the table, then
// uploads the corrected sheet and is back on the plan with the count.
func TestCoordinatorImportsAPlanFromExcel(t *testing.T) {
	t.Parallel()
	b := serve(t, "excel-import")
	plan := b.f.Plan
	// a plan with results no longer goes back to draft: the fixture puts it there
	if err := testapp.ForceStatus(b.app, plan, model.PlanDraft); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "plan.xlsx"), filepath.Join(dir, "fel.xlsx")
	file, err := os.Create(good)
	if err != nil {
		t.Fatal(err)
	}
	if err := report.ExportPlan(b.app, plan, file); err != nil {
		t.Fatal(err)
	}
	file.Close()
	x, err := excelize.OpenFile(good)
	if err != nil {
		t.Fatal(err)
	}
	_ = x.SetCellStr("Plan", "H3", "Slumpvis")
	if err := x.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	x.Close()

	b.launch()
	b.signIn("samordnare")
	if status := b.open("/plans/" + plan); status != http.StatusOK {
		b.fatalf("GET the plan: expected 200, got %d", status)
	}
	b.page("plan-with-excel-links")
	b.mustHave(`a[href="/plans/` + plan + `/export.xlsx"][download]`)
	if status := b.open("/plans/" + plan + "/import"); status != http.StatusOK {
		b.fatalf("GET the import page: expected 200, got %d", status)
	}
	b.page("plan-import")

	b.do("choose the wrong sheet", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{bad}))
	if status := b.submit(`form[enctype="multipart/form-data"] button[type="submit"]`); status != http.StatusUnprocessableEntity {
		b.fatalf("importing a wrong sheet: expected 422, got %d", status)
	}
	b.page("plan-import-errors")
	b.expectText("table tbody tr", "H (Metod)")
	b.expectText(".error-summary", "Filen har 1 fel.")

	b.do("choose the right sheet", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{good}))
	if status := b.submit(`form[enctype="multipart/form-data"] button[type="submit"]`); status != http.StatusOK {
		b.fatalf("importing the sheet: expected the plan (200), got %d", status)
	}
	b.waitPath("/plans/" + plan)
	b.page("plan-imported")
	b.expectText(selBanner, i18n.M("flash.imported", "count", 20).In(i18n.Sv))
}
