package report

import (
	"strings"
	"testing"

	"ikplan/internal/i18n"
)

// TestDueExamplesImport: every date and period the refusal of Klar senast
// gives as an example, in Swedish and in English, is one the import reads,
// so the English message does not send the reader to a form that fails.
func TestDueExamplesImport(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{i18n.Sv, i18n.En} {
		_, msg := parseDue("snart", false)
		text := msg.In(lang)
		_, list, ok := strings.Cut(text, map[string]string{i18n.Sv: "till exempel ", i18n.En: "for example "}[lang])
		if !ok {
			t.Fatalf("%s: expected examples in %q", lang, text)
		}
		list = strings.TrimSuffix(list, ".")
		list = strings.NewReplacer(" eller ", ", ", " or ", ", ").Replace(list)
		examples := strings.Split(list, ", ")
		if len(examples) != 6 {
			t.Fatalf("%s: expected six examples, got %q", lang, examples)
		}
		for _, ex := range examples {
			if due, m := parseDue(ex, false); due.IsZero() || m.Key != "" {
				t.Errorf("%s: the example %q is not read: %q", lang, ex, m.In(lang))
			}
		}
	}
}
