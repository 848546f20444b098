package perf_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// root is the module's root, from this package's folder.
const root = "../.."

// TestPerformanceDocIsTodaysState: docs/PERFORMANCE.md is today's state,
// not a notebook — under 250 lines, the rounds in performance-history.md —
// and every link to a section of either (from any Markdown or Go file of
// the repository, code comments included) names a heading that exists.
func TestPerformanceDocIsTodaysState(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile(filepath.Join(root, "docs", "PERFORMANCE.md"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(doc), "\n"); n >= 250 {
		t.Errorf("Expected docs/PERFORMANCE.md under 250 lines (the rounds go to performance-history.md), got %d", n)
	}
	anchors := map[string]map[string]bool{}
	for _, name := range []string{"PERFORMANCE.md", "performance-history.md"} {
		b, err := os.ReadFile(filepath.Join(root, "docs", name))
		if err != nil {
			t.Fatal(err)
		}
		anchors[name] = headingAnchors(string(b))
	}
	link := regexp.MustCompile(`(PERFORMANCE\.md|performance-history\.md)#([\p{L}0-9_-]+)`)
	self := regexp.MustCompile(`\]\(#([\p{L}0-9_-]+)\)`)
	links := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); n == ".git" || n == "tmp" || n == "node_modules" || n == "pb_data" {
				return filepath.SkipDir
			}
			return nil
		}
		if ext := filepath.Ext(path); ext != ".md" && ext != ".go" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range link.FindAllStringSubmatch(string(b), -1) {
			links++
			if !anchors[m[1]][m[2]] {
				t.Errorf("%s: Expected the section %s#%s to exist, got no such heading", path, m[1], m[2])
			}
		}
		if base := filepath.Base(path); anchors[base] != nil && filepath.Base(filepath.Dir(path)) == "docs" {
			for _, m := range self.FindAllStringSubmatch(string(b), -1) {
				links++
				if !anchors[base][m[1]] {
					t.Errorf("%s: Expected the section #%s to exist, got no such heading", path, m[1])
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if links < 5 {
		t.Fatalf("Expected the links to the performance documents found, got %d", links)
	}
}

// headingAnchors are the anchors GitHub gives a Markdown file's headings:
// lower case, punctuation dropped, spaces as hyphens, "-1", "-2" … after a
// repeated one. Fenced code is not headings.
func headingAnchors(md string) map[string]bool {
	out := map[string]bool{}
	seen := map[string]int{}
	fenced := false
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "```") {
			fenced = !fenced
		}
		if fenced || !strings.HasPrefix(line, "#") {
			continue
		}
		text := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var b strings.Builder
		for _, r := range strings.ToLower(text) {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
				b.WriteRune(r)
			case r == ' ':
				b.WriteRune('-')
			}
		}
		a := b.String()
		if n := seen[a]; n > 0 {
			out[fmt.Sprintf("%s-%d", a, n)] = true
		} else {
			out[a] = true
		}
		seen[a]++
	}
	return out
}
