package report

import (
	"testing"

	"ikplan/internal/i18n"
)

// TestHeaderWordsNameOneColumn: every header the import reads — Swedish,
// English and the old ones — names its own column and no other, and every
// column has a header in both languages, so a sheet in either language
// (or an old one) can never be read into the wrong column.
func TestHeaderWordsNameOneColumn(t *testing.T) {
	t.Parallel()
	owner := map[string]int{}
	for j, c := range planColumns {
		for _, lang := range []string{i18n.Sv, i18n.En} {
			if h := c.Header(lang); h == "" || h == "xlsx.col."+c.Name {
				t.Errorf("Expected column %s to have a header in %s, got %q", c.Name, lang, h)
			}
		}
		for _, w := range c.headerWords() {
			if k, ok := owner[fold(w)]; ok && k != j {
				t.Errorf("Expected %q to name one column, it names %s and %s", w, planColumns[k].Name, c.Name)
			}
			owner[fold(w)] = j
			if got := headerColumn("  " + w + " "); got != j {
				t.Errorf("Expected %q to be read as column %s, got %d", w, c.Name, got)
			}
		}
	}
	for _, old := range []string{"Enhet", "Förvaltning"} {
		if headerColumn(old) < 0 {
			t.Errorf("Expected the old header %q still read", old)
		}
	}
}
