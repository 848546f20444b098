package model_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// TestGenitive: the genitive adds an s unless the name ends in s, x or z
// (in any case), and keeps the name's letters as they are — a place name
// keeps its capital.
func TestGenitive(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"kommunstyrelsen": "kommunstyrelsens",
		"Västra Mälardalens överförmyndarnämnd":   "Västra Mälardalens överförmyndarnämnds",
		"kultur och fritids":                      "kultur och fritids",
		"överförmyndarnämnden Sala-Heby-Västerås": "överförmyndarnämnden Sala-Heby-Västerås",
		"räddningstjänsten Storstockholm Box":     "räddningstjänsten Storstockholm Box",
		"nämnden i Fjällbacka-Sax":                "nämnden i Fjällbacka-Sax",
		"byggnadsnämnden Stockholm-Kranz":         "byggnadsnämnden Stockholm-Kranz",
		"NÄMNDEN I LUX":                           "NÄMNDEN I LUX",
		"IT-nämnden":                              "IT-nämndens",
		" kommunstyrelsen ":                       "kommunstyrelsens",
		"":                                        "",
	} {
		if got := model.Genitive(in); got != want {
			t.Errorf("Expected the genitive of %q to be %q, got %q", in, want, got)
		}
	}
}

// TestBoardInText: a board's name for running text is its own when given,
// else the default rule's (the first letter lower-cased unless the name
// starts with an abbreviation); one of only spaces or invisible characters
// is no name. In English the registered name stands.
func TestBoardInText(t *testing.T) {
	t.Parallel()
	col := core.NewBaseCollection(model.Boards)
	col.Fields.Add(&core.TextField{Name: "name"}, &core.TextField{Name: model.NameInTextField})
	for _, c := range []struct{ name, inText, want, genitive, en string }{
		{"Kommunstyrelsen", "", "kommunstyrelsen", "kommunstyrelsens", "Kommunstyrelsen"},
		{"Västra Mälardalens överförmyndarnämnd", "Västra Mälardalens överförmyndarnämnd", "Västra Mälardalens överförmyndarnämnd", "Västra Mälardalens överförmyndarnämnds", "Västra Mälardalens överförmyndarnämnd"},
		{"Västra Mälardalens överförmyndarnämnd", "", "västra Mälardalens överförmyndarnämnd", "västra Mälardalens överförmyndarnämnds", "Västra Mälardalens överförmyndarnämnd"},
		{"Kommunstyrelsen", " \u200b\u00a0", "kommunstyrelsen", "kommunstyrelsens", "Kommunstyrelsen"},
		{"KS", "", "KS", "KS", "KS"},
		{"IT-nämnden", "", "IT-nämnden", "IT-nämndens", "IT-nämnden"},
		{"Ärendenämnden", "", "ärendenämnden", "ärendenämndens", "Ärendenämnden"},
	} {
		b := core.NewRecord(col)
		b.Set("name", c.name)
		b.Set(model.NameInTextField, c.inText)
		if got := model.BoardInText(b); got != c.want {
			t.Errorf("Expected %q (%q) inside a sentence as %q, got %q", c.name, c.inText, c.want, got)
		}
		if got := model.BoardGenitive(b); got != c.genitive {
			t.Errorf("Expected the genitive of %q (%q) %q, got %q", c.name, c.inText, c.genitive, got)
		}
		if got := model.BoardInTextIn(i18n.En, b); got != c.en {
			t.Errorf("Expected %q in English as %q, got %q", c.name, c.en, got)
		}
		if got, want := model.BoardGenitiveIn(i18n.En, b), c.en+"'s"; got != want {
			t.Errorf("Expected the English genitive %q, got %q", want, got)
		}
	}
}
