package templates_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneCheckbox: every checkbox is drawn by the Checkbox component
// (checkbox.templ: the large box, its label beside it, the hint below), so
// none can again be a bare native box with its label on the next line.
func TestOneCheckbox(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("*.templ")
	if err != nil || len(files) == 0 {
		t.Fatalf("Expected templates, got %v (%v)", files, err)
	}
	uses := 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		uses += strings.Count(src, "@Checkbox(")
		if file != "checkbox.templ" && strings.Contains(src, `type="checkbox"`) {
			t.Errorf("%s draws a checkbox of its own: use @Checkbox(p, CheckboxField{…})", file)
		}
	}
	if uses < 4 {
		t.Fatalf("Expected the forms' checkboxes drawn by @Checkbox, found %d", uses)
	}
}
