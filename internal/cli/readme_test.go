package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase"

	"ikplan/internal/cli"
)

// TestReadmeListsEveryCommand: the README's Commands section has a row for
// each of ikplan's commands.
func TestReadmeListsEveryCommand(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(b), "\n## Commands\n")
	if !ok {
		t.Fatal("Expected a Commands section in the README")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	app := pocketbase.NewWithConfig(pocketbase.Config{DefaultDataDir: t.TempDir(), HideStartBanner: true})
	cli.Register(app)
	for _, c := range app.RootCmd.Commands() {
		if !strings.Contains(section, "| `ikplan "+c.Name()) {
			t.Errorf("Expected a row for ikplan %s in the README's Commands section", c.Name())
		}
	}
}
