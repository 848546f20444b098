package i18n_test

import (
	"strings"
	"testing"

	"ikplan/internal/i18n"
)

// TestConfirmationsCountInTheirNumber: every confirmation that counts
// ({count}) has a form for one, and MN picks it for one and only then, so a
// banner never says "1 rader" or "1 kontrollpunkter".
func TestConfirmationsCountInTheirNumber(t *testing.T) {
	counting := 0
	for _, key := range i18n.Keys("flash.") {
		if strings.HasSuffix(key, "_one") || !strings.Contains(i18n.M(key).In(i18n.Sv), "{count}") {
			continue
		}
		counting++
		if !i18n.Has(key + "_one") {
			t.Errorf("%s counts but has no %s_one", key, key)
			continue
		}
		for _, lang := range []string{i18n.Sv, i18n.En} {
			one := i18n.MN(key, 1, "count", 1, "year", 2025).In(lang)
			many := i18n.MN(key, 2, "count", 2, "year", 2025).In(lang)
			if one == many || !strings.Contains(one, "1 ") || !strings.Contains(many, "2 ") {
				t.Errorf("%s (%s): expected one and two to read differently, got %q and %q", key, lang, one, many)
			}
		}
	}
	if counting < 2 {
		t.Fatalf("Expected at least the carry's and the import's confirmations to count, found %d", counting)
	}
	if got := i18n.MN("flash.imported", 1, "count", 1).In(i18n.Sv); got != "1 rad från Excel-filen är importerad." {
		t.Errorf("Expected one imported row in the singular, got %q", got)
	}
	if got := i18n.MN("flash.imported", 0, "count", 0).In(i18n.En); got != "0 rows from the Excel file are imported." {
		t.Errorf("Expected no imported rows in the plural, got %q", got)
	}
}
