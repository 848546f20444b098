package templates_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The UI writes deadlines only through the language-aware DeadlineText
// (and Deadline, which uses it): model.FormatDeadline is Swedish only, and
// remind.Item's When, which calls it, writes the Swedish mails. Neither
// appears in the templates or the web package, but in DeadlineText itself.
func TestNoSwedishOnlyDeadlineInTheUI(t *testing.T) {
	t.Parallel()
	swedishOnly := []string{"model.FormatDeadline(", ".When()"}
	allowed := map[string]bool{filepath.Join("..", "templates", "deadline.go"): true}
	for _, dir := range []string{filepath.Join("..", "templates"), filepath.Join("..", "internal", "web")} {
		files, err := filepath.Glob(filepath.Join(dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			if allowed[name] || strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, "_templ.go") ||
				!(strings.HasSuffix(name, ".go") || strings.HasSuffix(name, ".templ")) {
				continue
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			for i, line := range strings.Split(string(src), "\n") {
				for _, call := range swedishOnly {
					if strings.Contains(line, call) && !strings.HasPrefix(strings.TrimSpace(line), "//") {
						t.Errorf("%s:%d: expected deadlines written through templates.DeadlineText (the UI's language), got %s", name, i+1, strings.TrimSpace(line))
					}
				}
			}
		}
	}
}
