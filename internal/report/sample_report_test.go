package report_test

import (
	"os"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// TestFollowUpDescribesTheSample: a period reported with a sample gets,
// under its account, the sample's description — population, sample size,
// method, seed, the file's checksum — and its findings.
func TestFollowUpDescribesTheSample(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	data, err := os.ReadFile("../sample/testdata/leverantorsfakturor.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := testapp.Delete(app, model.Results, f.Results["9"]); err != nil {
		t.Fatal(err)
	}
	var seed string
	err = model.RunAs(app, model.ActorFromAuth(testapp.Find(t, app, model.Users, f.Users["ansvarig"])), func(tx core.App) error {
		col, _ := tx.FindCachedCollectionByNameOrId(model.Samples)
		s := core.NewRecord(col)
		s.Set("control", f.Controls["9"])
		s.Set("period", "2024")
		s.Set("size", 20)
		file, err := filesystem.NewFileFromBytes(data, "fakturor.csv")
		if err != nil {
			return err
		}
		s.Set("population", file)
		if err := tx.Save(s); err != nil {
			return err
		}
		seed = s.GetString("seed")
		items, err := tx.FindRecordsByFilter(model.SampleItems, "sample = {:s}", "position", 0, 0, dbx.Params{"s": s.Id})
		if err != nil {
			return err
		}
		for i, it := range items {
			it.Set("status", "ok")
			if i == 4 {
				it.Set("status", "deviation")
				it.Set("note", "Handlingen saknade diarienummer.")
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
	d, err := report.FollowUp(app, f.KS, 2024, false)
	if err != nil {
		t.Fatal(err)
	}
	text := norm(d.Text())
	want := "Stickprov av 20 poster ur en population om 60: 1 av 20 avvikande (5 %). Stickprov: 20 poster ur en population om 60 rader " +
		"(populationsfilens SHA-256 2559ad41d60316932a4c27d150e409e3a9d0a5a8a4a4a3f36c625ddb78222671), dragna med slumpmässigt urval utan återläggning " +
		"(HMAC-SHA256 av fröet och radnumret, lägst först) med fröet " + seed + ". Resultat: 1 av 20 avvikande, 5 %; 20 av 20 poster bedömda."
	if !strings.Contains(text, want) {
		t.Errorf("Expected the sample described:\n%s\nin\n%s", want, text)
	}
}

// TestFollowUpNamesTheMethodAndColumn: a period sampled stratified or by
// monetary units is described with its method and the column it was drawn
// by, so that the draw can be repeated from the report alone.
func TestFollowUpNamesTheMethodAndColumn(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../sample/testdata/leverantorsfakturor.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ method, column, want string }{
		{"stratified", "leverantör", "dragna med stratifierat urval (fördelat proportionellt, minst en post per stratum; inom varje stratum HMAC-SHA256 av fröet och radnumret, lägst först) efter kolumnen Leverantör med fröet "},
		{"mus", "Belopp", "dragna med monetärt urval (systematiskt över beloppen med en slumpmässig start ur fröet; poster större än intervallet dras alltid) efter kolumnen Belopp med fröet "},
	} {
		t.Run(c.method, func(t *testing.T) {
			t.Parallel()
			f := testapp.Fix(t)
			app := testapp.New(t)
			if err := testapp.Delete(app, model.Results, f.Results["9"]); err != nil {
				t.Fatal(err)
			}
			var seed string
			err = model.RunAs(app, model.ActorFromAuth(testapp.Find(t, app, model.Users, f.Users["ansvarig"])), func(tx core.App) error {
				col, _ := tx.FindCachedCollectionByNameOrId(model.Samples)
				s := core.NewRecord(col)
				s.Set("control", f.Controls["9"])
				s.Set("period", "2024")
				s.Set("size", 3)
				s.Set("method", c.method)
				s.Set("column", c.column)
				file, err := filesystem.NewFileFromBytes(data, "fakturor.csv")
				if err != nil {
					return err
				}
				s.Set("population", file)
				if err := tx.Save(s); err != nil {
					return err
				}
				seed = s.GetString("seed")
				items, err := tx.FindRecordsByFilter(model.SampleItems, "sample = {:s}", "position", 0, 0, dbx.Params{"s": s.Id})
				if err != nil {
					return err
				}
				for _, it := range items {
					it.Set("status", "ok")
					if err := tx.Save(it); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			d, err := report.FollowUp(app, f.KS, 2024, false)
			if err != nil {
				t.Fatal(err)
			}
			if text := norm(d.Text()); !strings.Contains(text, c.want+seed+". Resultat: 0 av 3 avvikande, 0 %; 3 av 3 poster bedömda.") {
				t.Errorf("Expected the sample described with %q, got\n%s", c.want, text)
			}
		})
	}
}
