package templates_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"ikplan/internal/i18n"
)

// soloButtons are the buttons allowed a single word, and why.
var soloButtons = map[string]string{
	"search.submit": "the search box's button: beside the box, \"Sök\" says all",
}

var (
	buttonKey  = regexp.MustCompile(`<button[^>]*>\s*\{\s*p\.T\("([^"]+)"`)
	buttonExpr = regexp.MustCompile(`<button[^>]*>\s*\{\s*([^}]+?)\s*\}`)
)

// TestButtonsSayWhatTheyDo: every button of every template is named for
// what it does, in both languages ("Lägg till kontrollpunkten", "Spara
// ändringarna", "Anta planen") — never a bare "Spara", "Skicka", "Visa"
// or "Save": a name of at least two words, unless soloButtons says why
// not. A button whose text comes from view data (the confirmation page's)
// takes it from catalogue keys ending ".button", which are read too.
func TestButtonsSayWhatTheyDo(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.templ")
	if err != nil || len(files) == 0 {
		t.Fatalf("Expected templates, got %v (%v)", files, err)
	}
	keys := map[string]string{} // key → the template it is in
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range buttonExpr.FindAllStringSubmatch(string(b), -1) {
			if k := buttonKey.FindStringSubmatch(m[0]); k != nil {
				keys[k[1]] = file
			} else if m[1] != "v.Button" {
				t.Errorf("%s: a button's text %q is neither a catalogue key nor the confirmation's: read it here", file, m[1])
			}
		}
	}
	for _, k := range i18n.Keys("confirm.") {
		if strings.HasSuffix(k, ".button") {
			keys[k] = "confirm.templ"
		}
	}
	if len(keys) < 20 {
		t.Fatalf("Expected the buttons of every form, read %d", len(keys))
	}
	for key, file := range keys {
		for _, lang := range []string{i18n.Sv, i18n.En} {
			text := i18n.T(lang, key)
			if strings.Contains(text, "%") { // "Skapa utkastet för %d", "Överför till %s"
				text = i18n.T(lang, key, 2025)
			}
			if _, solo := soloButtons[key]; !solo && len(strings.Fields(text)) < 2 {
				t.Errorf("%s: button %s says only %q (%s): name what it does (\"Spara ändringarna\", \"Lägg till kontrollpunkten\")", file, key, text, lang)
			}
		}
	}
}
