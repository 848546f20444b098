package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/xuri/excelize/v2"

	"ikplan/hooks"
	"ikplan/internal/model"
	"ikplan/proof/hostile/badxlsx"
)

// withData opens the data folder as the binary would and runs fn on it.
func withData(t *testing.T, dir string, fn func(app core.App) error) {
	t.Helper()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	defer app.ClearBootstrap()
	hooks.Register(app, time.Now)
	if err := fn(app); err != nil {
		t.Fatal(err)
	}
}

// controlCount counts the controls of the board's plan for the year.
func controlCount(t *testing.T, dir string, year int) (n int) {
	t.Helper()
	withData(t, dir, func(app core.App) error {
		c, err := app.CountRecords(model.Controls, dbx.NewExp("plan IN (SELECT id FROM plans WHERE year = {:y})", dbx.Params{"y": year}))
		n = int(c)
		return err
	})
	return n
}

func TestPlanExcelCommands(t *testing.T) {
	dir := t.TempDir()
	if out, err := run(t, dir, "demo"); err != nil {
		t.Fatalf("failed to load the demo: %v\n%s", err, out)
	}
	file := filepath.Join(t.TempDir(), "plan.xlsx")

	out, err := run(t, dir, "export", "plan", "--board", "ks", "--year", "2024", "-o", file)
	if err != nil || !strings.Contains(out, "Skrev kommunstyrelsens plan 2024 med 20 kontrollpunkter") {
		t.Fatalf("Expected the plan exported, got %v\n%s", err, out)
	}
	x, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatalf("Expected an Excel file, got %v", err)
	}
	rows, _ := x.GetRows("Plan")
	x.Close()
	if len(rows) != 21 || rows[0][2] != "Rubrik" {
		t.Fatalf("Expected the header and 20 rows, got %d rows", len(rows))
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(file), ".*.tmp")); len(left) != 0 {
		t.Errorf("Expected no temporary file left, got %v", left)
	}

	// the adopted plan takes no import
	out, err = run(t, dir, "import", "plan", file, "--board", "Kommunstyrelsen", "--year", "2024")
	if err == nil || !strings.Contains(out, "Planen är antagen.") {
		t.Errorf("Expected the adopted plan refused, got %v\n%s", err, out)
	}

	// next year's draft takes the sheet with its due dates moved into 2025:
	// a control is due within its plan's year
	x, _ = excelize.OpenFile(file)
	for row := 2; row <= 21; row++ {
		_ = x.SetCellStr("Plan", fmt.Sprintf("L%d", row), "2025-12-31")
	}
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()

	withData(t, dir, func(app core.App) error {
		ks, err := app.FindFirstRecordByFilter(model.Boards, "short_name = 'KS'")
		if err != nil {
			return err
		}
		return model.RunAs(app, model.System, func(tx core.App) error {
			col, _ := tx.FindCollectionByNameOrId(model.Plans)
			p := core.NewRecord(col)
			p.Set("board", ks.Id)
			p.Set("year", 2025)
			p.Set("status", model.PlanDraft)
			return tx.Save(p)
		})
	})

	// one bad row refuses the file, each error on its own line
	x, _ = excelize.OpenFile(file)
	_ = x.SetCellStr("Plan", "H3", "Slumpvis")
	_ = x.SetCellStr("Plan", "C7", "")
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	if err := x.SaveAs(bad); err != nil {
		t.Fatal(err)
	}
	x.Close()
	out, err = run(t, dir, "import", "plan", bad, "--board", "KS", "--year", "2025")
	if err == nil || !strings.Contains(err.Error(), "importen avbröts med 2 fel; ingenting har importerats") ||
		!strings.Contains(out, "rad 3, kolumn H (Metod): Okänd metod \"Slumpvis\".") ||
		!strings.Contains(out, "rad 7, kolumn C (Rubrik): Skriv en rubrik för kontrollpunkten.") {
		t.Errorf("Expected two row errors and a non-zero exit, got %v\n%s", err, out)
	}
	if n := controlCount(t, dir, 2025); n != 0 {
		t.Errorf("Expected nothing imported, got %d controls", n)
	}

	out, err = run(t, dir, "import", "plan", file, "--board", "KS", "--year", "2025", "--dry-run")
	if err != nil || !strings.Contains(out, "Provkörning: alla 20 rader går att importera") {
		t.Errorf("Expected a dry run to pass, got %v\n%s", err, out)
	}
	if n := controlCount(t, dir, 2025); n != 0 {
		t.Errorf("Expected a dry run to import nothing, got %d controls", n)
	}

	out, err = run(t, dir, "import", "plan", file, "--board", "KS", "--year", "2025")
	if err != nil || !strings.Contains(out, "Importerade 20 rader till kommunstyrelsens plan 2025: 20 nya, 0 ändrade, 0 oförändrade.") {
		t.Errorf("Expected the plan imported, got %v\n%s", err, out)
	}
	if n := controlCount(t, dir, 2025); n != 20 {
		t.Errorf("Expected 20 controls imported, got %d", n)
	}

	for _, s := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "plan", "--board", "Okänd", "--year", "2024", "-o", file}, "Nämnden \"Okänd\" finns inte"},
		{[]string{"export", "plan", "--board", "KS", "--year", "2031", "-o", file}, "Kommunstyrelsen har ingen internkontrollplan för 2031"},
		{[]string{"export", "plan", "--board", "KS", "--year", "2024"}, "ange filen att skriva med -o"},
		{[]string{"export", "plan", "--year", "2024", "-o", file}, "ange nämnden med --board"},
		{[]string{"import", "plan", filepath.Join(dir, "saknas.xlsx"), "--board", "KS", "--year", "2025"}, "kunde inte öppnas"},
		{[]string{"import", "plan", filepath.Join(dir, "data.db"), "--board", "KS", "--year", "2025"}, "importen avbröts med 1 fel"},
	} {
		out, err := run(t, dir, s.args...)
		if err == nil || !strings.Contains(err.Error(), s.want) {
			t.Errorf("%v: expected an error %q, got %v\n%s", s.args, s.want, err, out)
		}
	}
	if _, err := os.Stat(file); err != nil {
		t.Errorf("Expected a refused export to leave the old file, got %v", err)
	}

	// the command line meets the import's limits too (internal/report)
	for _, s := range []struct {
		name string
		data []byte
		year string
		want string
	}{
		{"bomb.xlsx", badxlsx.ZipBomb(190 << 20), "2025", "Filen blir mer än 64 MB när den packas upp"},
		{"far.xlsx", badxlsx.FarCells(20000), "2025", "Cellen XFD2 ligger utanför planens kolumner"},
		{"adopted.xlsx", badxlsx.ZipBomb(190 << 20), "2024", "Planen är antagen."},
	} {
		name := filepath.Join(t.TempDir(), s.name)
		if err := os.WriteFile(name, s.data, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := run(t, dir, "import", "plan", name, "--board", "KS", "--year", s.year)
		if err == nil || !strings.Contains(err.Error(), "importen avbröts med 1 fel; ingenting har importerats") || !strings.Contains(out, s.want) {
			t.Errorf("%s: expected the file refused with %q, got %v\n%s", s.name, s.want, err, out)
		}
	}
	if n := controlCount(t, dir, 2025); n != 20 {
		t.Errorf("Expected the refused files to import nothing, got %d controls", n)
	}
}
