package hooks_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/internal/sample"
	"ikplan/proof/testapp"
)

// TestSampleMethodsAreDrawnByTheServer: for each method, the owner's draw
// keeps the method and the column as the header writes it, and its items
// are the rows the package's draw gives with the stored seed.
func TestSampleMethodsAreDrawnByTheServer(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		method, column, stored string
		size                   int
	}{
		{sample.MethodSRS, "", "", 10},
		{sample.MethodStratified, " leverantör ", "Leverantör", 12},
		{sample.MethodMUS, "BELOPP", "Belopp", 10},
	} {
		t.Run(c.method, func(t *testing.T) {
			t.Parallel()
			app, f := testapp.New(t), testapp.Fix(t)
			ctl, err := sampledControl(app, f)
			if err != nil {
				t.Fatal(err)
			}
			s, err := drawAs(app, f, "ansvarig", model.RoleOwner, map[string]any{"control": ctl, "period": "2024", "size": c.size, "method": c.method, "column": c.column}, population(t))
			if err != nil {
				t.Fatalf("Expected the draw, got %v", err)
			}
			if s.GetString("method") != c.method || s.GetString("column") != c.stored {
				t.Errorf("Expected method %s by column %q, got %s by %q", c.method, c.stored, s.GetString("method"), s.GetString("column"))
			}
			p, _ := sample.Read(population(t))
			seed, _ := sample.ParseSeed(s.GetString("seed"))
			want, err := sample.Draw(p, seed, c.size, c.method, c.stored)
			if err != nil {
				t.Fatal(err)
			}
			var wantRows, gotRows []int
			for _, i := range want {
				wantRows = append(wantRows, p.Rows[i].Number)
			}
			for _, it := range items(t, app, s.Id) {
				gotRows = append(gotRows, it.GetInt("row"))
			}
			if !slices.Equal(wantRows, gotRows) {
				t.Errorf("Expected the rows %v, got %v", wantRows, gotRows)
			}
		})
	}
}

// TestSampleMethodRules: what the new methods refuse, naming the field,
// for everyone (the hooks, not a form); and the column is frozen with the
// rest of the draw.
func TestSampleMethodRules(t *testing.T) {
	t.Parallel()
	draw := func(fields map[string]any, data []byte) func(app *tests.TestApp, f *testapp.Fixture) error {
		return func(app *tests.TestApp, f *testapp.Fixture) error {
			c, err := sampledControl(app, f)
			if err != nil {
				return err
			}
			all := map[string]any{"control": c, "period": "2024", "size": 3}
			for k, v := range fields {
				all[k] = v
			}
			if data == nil {
				data = population(t)
			}
			_, err = drawAs(app, f, "ansvarig", model.RoleOwner, all, data)
			return err
		}
	}
	var many strings.Builder
	many.WriteString("Nr;Faktura\n")
	for i := range sample.MaxStrata + 5 {
		many.WriteString("1;F" + strings.Repeat("x", i) + "\n")
	}
	noCheck := func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
		if n := testapp.Count(t, app, model.Samples, nil) + testapp.Count(t, app, model.SampleItems, nil); n != 0 {
			t.Errorf("Expected nothing stored, got %d records", n)
		}
	}
	runRules(t, []ruleCase{
		{name: "an unknown method", write: draw(map[string]any{"method": "pps"}, nil), refused: "method"},
		{name: "stratified without a column", write: draw(map[string]any{"method": "stratified"}, nil), refused: "column",
			contains: "Populationens kolumner: Fakturanummer, Leverantör, Belopp, Fakturadatum", check: noCheck},
		{name: "a column not in the header", write: draw(map[string]any{"method": "mus", "column": "Summa"}, nil), refused: "column",
			contains: "Kolumnen Summa finns inte", check: noCheck},
		{name: "a column to simple random sampling", write: draw(map[string]any{"method": "srs", "column": "Belopp"}, nil), refused: "column", check: noCheck},
		{name: "a stratum column of too many values", write: draw(map[string]any{"method": "stratified", "column": "Faktura"}, []byte(many.String())),
			refused: "column", contains: "högst 100 strata", check: noCheck},
		{name: "an amount that is a formula", write: draw(map[string]any{"method": "mus", "column": "Belopp"}, []byte("Nr;Belopp\n1;100\n2;=HYPERLINK(A1)\n")),
			refused: "population", contains: "rad 3, kolumn B (Belopp)", check: noCheck},
		{name: "a MUS larger than the positive amounts", write: draw(map[string]any{"method": "mus", "column": "Belopp", "size": 2}, []byte("Nr;Belopp\n1;100\n2;0\n")),
			refused: "size", contains: "bara 1 poster", check: noCheck},
		{
			name: "the column of a drawn sample does not change, not for a superuser either",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				c, err := sampledControl(app, f)
				if err != nil {
					return err
				}
				s, err := drawAs(app, f, "ansvarig", model.RoleOwner, map[string]any{"control": c, "period": "2024", "size": 5, "method": "stratified", "column": "Leverantör"}, population(t))
				if err != nil {
					return err
				}
				return testapp.Update(app, model.Samples, s.Id, map[string]any{"column": "Belopp", "method": "mus"})
			},
			refused: "column", contains: "ändras inte",
		},
	})
}
