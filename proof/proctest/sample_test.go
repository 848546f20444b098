package proctest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/hooks"
	"ikplan/internal/demo"
	"ikplan/internal/model"
	_ "ikplan/pb_migrations"
	"ikplan/proof/proctest"
)

// drawn is what `ikplan sample verify --json` prints.
type drawn struct {
	SHA256    string   `json:"sha256"`
	Canonical string   `json:"canonical"`
	Rows      int      `json:"rows"`
	Method    string   `json:"method"`
	Column    string   `json:"column"`
	Seed      string   `json:"seed"`
	Size      int      `json:"size"`
	Header    []string `json:"header"`
	Items     []struct {
		Position int      `json:"position"`
		Row      int      `json:"row"`
		Data     []string `json:"data"`
	} `json:"items"`
}

// verifyCmd runs `ikplan sample verify` with args: what it printed (read
// as JSON with --json), and its refusal ("" when it succeeded).
func verifyCmd(t *testing.T, args ...string) (d drawn, printed, refusal string) {
	t.Helper()
	var out, errs bytes.Buffer
	cmd := exec.Command(proctest.Binary(t), append([]string{"sample", "verify"}, args...)...)
	cmd.Stdout, cmd.Stderr = &out, &errs
	if err := cmd.Run(); err != nil {
		return drawn{}, out.String(), errs.String() + err.Error()
	}
	if slices.Contains(args, "--json") {
		if err := json.Unmarshal(out.Bytes(), &d); err != nil {
			t.Fatalf("Expected JSON, got %v: %s", err, out.String())
		}
	}
	return d, out.String(), ""
}

// TestSampleVerifyRepeatsTheVectors: the real binary, given the committed
// population files, seed and size, prints the committed rows and
// checksums — the draw repeated as the documentation says, on any machine.
func TestSampleVerifyRepeatsTheVectors(t *testing.T) {
	t.Parallel()
	dir := filepath.Join("..", "..", "internal", "sample", "testdata")
	b, err := os.ReadFile(filepath.Join(dir, "vectors.json"))
	if err != nil {
		t.Fatal(err)
	}
	var vs []struct {
		File, Seed, Method, Column, SHA256, Canonical string
		Size, Rows                                    int
		Drawn                                         []int
	}
	if err := json.Unmarshal(b, &vs); err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		args := []string{filepath.Join(dir, v.File), "--seed", v.Seed, "--size", strconv.Itoa(v.Size), "--method", v.Method, "--json"}
		if v.Column != "" {
			args = append(args, "--column", v.Column)
		}
		d, _, errs := verifyCmd(t, args...)
		if errs != "" {
			t.Fatalf("%s: %s", v.File, errs)
		}
		var rows []int
		for _, it := range d.Items {
			rows = append(rows, it.Row)
		}
		if !slices.Equal(rows, v.Drawn) || d.Canonical != v.Canonical || d.Rows != v.Rows || (v.SHA256 != "" && d.SHA256 != v.SHA256) {
			t.Errorf("%s: expected rows %v (%s), got %v (%s)", v.File, v.Drawn, v.Canonical, rows, d.Canonical)
		}
	}
	// the text output names the checksums and each row; a wrong seed is refused in Swedish
	_, text, _ := verifyCmd(t, filepath.Join(dir, vs[0].File), "--seed", vs[0].Seed, "--size", "3")
	if !strings.Contains(text, "SHA-256 (filen):          "+vs[0].SHA256) || !strings.Contains(text, "1\t29\t24028\t") {
		t.Errorf("Expected the checksum and the first drawn row, got %s", text)
	}
	if _, _, errs := verifyCmd(t, filepath.Join(dir, vs[0].File), "--seed", "abc", "--size", "3"); !strings.Contains(errs, "64 hexadecimala tecken") {
		t.Errorf("Expected a short seed refused, got %q", errs)
	}
}

// TestSampleVerifyRepeatsWhatTheServerStored: an owner's draw, stored by
// the server with a seed it drew, is repeated exactly by the binary from
// the stored population file and the stored seed: the same checksums and
// the same rows with the same values in the same order.
func TestSampleVerifyRepeatsWhatTheServerStored(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ method, column string }{
		{"srs", ""}, {"stratified", "Leverantör"}, {"mus", "Belopp"},
	} {
		// one after the other: each run of the binary opens the package's
		// data folder, and parallel first runs race for its lock
		t.Run(c.method, func(t *testing.T) {
			repeatStored(t, c.method, c.column)
		})
	}
}

// repeatStored draws control 9's 2024 period by the method as its owner
// and runs the binary's verify on the stored file with the stored seed,
// method and column.
func repeatStored(t *testing.T, method, column string) {
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: t.TempDir()})
	if err := app.Bootstrap(); err != nil {
		t.Fatal(err)
	}
	defer app.ClearBootstrap()
	if err := app.RunAllMigrations(); err != nil {
		t.Fatal(err)
	}
	hooks.Register(app, func() time.Time { return time.Date(2025, 3, 15, 10, 0, 0, 0, time.UTC) })
	loaded, err := demo.Load(app, "ikplan-demo-2026")
	if err != nil {
		t.Fatal(err)
	}
	control, err := app.FindFirstRecordByFilter(model.Controls, "plan = {:p} && number = 9 && section = ''", dbx.Params{"p": loaded.Plan.Id})
	if err != nil {
		t.Fatal(err)
	}
	if res, err := app.FindFirstRecordByFilter(model.Results, "control = {:c}", dbx.Params{"c": control.Id}); err == nil {
		if err := app.Delete(res); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "internal", "sample", "testdata", "leverantorsfakturor.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	var s *core.Record
	err = model.RunAs(app, model.ActorFromAuth(loaded.Users["ansvarig"]), func(tx core.App) error {
		col, err := tx.FindCachedCollectionByNameOrId(model.Samples)
		if err != nil {
			return err
		}
		s = core.NewRecord(col)
		s.Set("control", control.Id)
		s.Set("period", "2024")
		s.Set("size", 20)
		s.Set("method", method)
		s.Set("column", column)
		file, err := filesystem.NewFileFromBytes(data, "leverantorsfakturor.xlsx")
		if err != nil {
			return err
		}
		s.Set("population", file)
		return tx.Save(s)
	})
	if err != nil {
		t.Fatalf("Expected the owner's draw, got %v", err)
	}
	// the population file as stored, as an auditor downloads it
	fsys, err := app.NewFilesystem()
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	rd, err := fsys.GetReader(s.BaseFilesPath() + "/" + s.GetStringSlice("population")[0])
	if err != nil {
		t.Fatal(err)
	}
	stored, err := io.ReadAll(rd)
	rd.Close()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "population.xlsx")
	if err := os.WriteFile(file, stored, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{file, "--seed", s.GetString("seed"), "--size", "20", "--method", s.GetString("method"), "--json"}
	if s.GetString("column") != "" {
		args = append(args, "--column", s.GetString("column"))
	}
	d, _, errs := verifyCmd(t, args...)
	if errs != "" {
		t.Fatal(errs)
	}
	if d.Method != method || d.Column != column {
		t.Errorf("Expected %s by %q printed, got %s by %q", method, column, d.Method, d.Column)
	}
	if d.SHA256 != s.GetString("population_sha256") || d.Canonical != s.GetString("canonical_sha256") || d.Rows != s.GetInt("population_rows") {
		t.Errorf("Expected the stored checksums %s %s, got %s %s", s.GetString("population_sha256"), s.GetString("canonical_sha256"), d.SHA256, d.Canonical)
	}
	items, err := app.FindRecordsByFilter(model.SampleItems, "sample = {:s}", "position", 0, 0, dbx.Params{"s": s.Id})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 20 || len(d.Items) != 20 {
		t.Fatalf("Expected 20 items stored and printed, got %d and %d", len(items), len(d.Items))
	}
	for i, it := range items {
		p := d.Items[i]
		if p.Position != it.GetInt("position") || p.Row != it.GetInt("row") || !slices.Equal(p.Data, model.JSONStrings(it.Get("data"))) {
			t.Errorf("item %d: stored row %d %v, verify printed row %d %v", i+1, it.GetInt("row"), model.JSONStrings(it.Get("data")), p.Row, p.Data)
		}
	}
}
