package browsertest

import (
	"net/http"
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestCoordinatorDefinesACommonControl: kommunstyrelsen's coordinator
// defines a common control on /common in the browser; it shows, marked
// Kommungemensam, on another board's plan (IAN's 2024 draft), and the
// roll-up to kommunstyrelsen compares the boards on it in a table of its
// own (scope "common").
func TestCoordinatorDefinesACommonControl(t *testing.T) {
	t.Parallel()
	b := serve(t, "common")
	ian, err := testapp.Create(b.app, model.Plans, map[string]any{"board": b.f.IAN, "year": 2024, "title": "IAN:s plan 2024"})
	if err != nil {
		t.Fatal(err)
	}
	b.launch()
	b.signIn("samordnare")
	if status := b.open("/common?year=2024"); status != http.StatusOK {
		t.Fatalf("common: expected 200, got %d", status)
	}
	b.page("common-empty")
	b.typeInto("#new-title", "Efterlevnad av attestreglementet")
	b.choose("#new-method", "stickprov")
	b.typeInto("#new-target_metric", "Andel fel")
	b.choose("#new-target_operator", "<=")
	b.typeInto("#new-target_value", "5")
	b.typeInto("#new-target_unit", "%")
	b.click(`form[action="/common"] button[type="submit"]`)
	b.waitFor("the common control", exists(".common-item h2"))
	b.page("common-defined")
	b.expectText(".common-item h2", "Efterlevnad av attestreglementet")
	b.expectText(".common-item table", "Individ- och arbetsmarknadsnämnden")
	n := testapp.Count(t, b.app, model.Controls, dbx.And(dbx.HashExp{"plan": ian.Id}, dbx.Not(dbx.HashExp{model.CommonControlField: ""})))
	if n != 1 {
		t.Fatalf("expected the common control in IAN's plan once, got %d", n)
	}

	if status := b.open("/plans/" + ian.Id); status != http.StatusOK {
		t.Fatalf("IAN's plan: expected 200, got %d", status)
	}
	b.page("common-on-ian-plan")
	b.expectText("main", "Efterlevnad av attestreglementet")
	b.expectText("main", "Kommungemensam")

	if status := b.open("/reports/rollup?year=2024"); status != http.StatusOK {
		t.Fatalf("roll-up: expected 200, got %d", status)
	}
	b.page("common-rollup")
	b.expectText("main", "Kommungemensamma kontroller")
	b.expectText("main", "Ej rapporterad")
}
