package templates_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// hookClasses are classes the templates use that no stylesheet rule needs:
// each is a hook for a script or a test, and says which.
var hookClasses = map[string]string{
	"action-status":       "proof/browsertest/every_page_test.go finds a status block by it",
	"actions-table":       "internal/web/actions_test.go reads the actions table by it",
	"deadline-read":       "proof/browsertest/words_test.go waits for the deadline's reading",
	"deadline-read__text": "internal/web/deadline_words_test.go reads the reading's text",
	"history-link":        "internal/web/history_test.go finds the history links",
	"history-reason":      "internal/web/confirm_test.go reads the reason in the history",
	"nav-count":           "internal/web/start_lists_test.go reads the menu's count",
	"report-version":      "proof/browsertest/reports_test.go reads the document's version",
	"count":               "internal/web/start_lists_test.go reads a list's count",
	"more":                "internal/web/start_lists_test.go reads a list's \"show all\" line",
}

// TestEveryClassHasARule reads every class the templates use — static
// class="…" values, and in class={ … } expressions the string literals and
// templ.KV's class names; a literal that is a prefix ("risk-cell__box--" +
// band) needs some rule that starts with it — and fails on one that no
// rule of pb_public/css styles, so a template cannot lean on a class that
// was never written ("inline-label" drew three checkboxes as a bare box
// with its label on the next line).
func TestEveryClassHasARule(t *testing.T) {
	t.Parallel()
	rules := cssClasses(t, "../pb_public/css")
	templs, err := filepath.Glob("*.templ")
	if err != nil || len(templs) == 0 {
		t.Fatalf("Expected templates, got %v (%v)", templs, err)
	}
	used := 0
	for _, file := range templs {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		classes, prefixes := templClasses(string(b))
		used += len(classes) + len(prefixes)
		for _, c := range classes {
			if _, hook := hookClasses[c]; !hook && !rules[c] {
				t.Errorf("%s: class %q has no rule in pb_public/css", file, c)
			}
		}
		for _, pre := range prefixes {
			if !slices.ContainsFunc(keys(rules), func(r string) bool { return strings.HasPrefix(r, pre) }) {
				t.Errorf("%s: no rule in pb_public/css styles a class that starts with %q", file, pre)
			}
		}
	}
	if used < 50 {
		t.Fatalf("Expected the templates to use many classes, read %d", used)
	}
	for c := range hookClasses {
		if rules[c] {
			t.Errorf("hook class %q has a rule: take it off the allow-list", c)
		}
	}
}

var (
	cssComment  = regexp.MustCompile(`(?s)/\*.*?\*/`)
	cssDecls    = regexp.MustCompile(`(?s)\{[^{}]*\}`) // declarations, not selectors
	cssClass    = regexp.MustCompile(`\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)`)
	staticClass = regexp.MustCompile(`\sclass="([^"]*)"`)
	exprClass   = regexp.MustCompile(`\sclass=\{`)
	templKV     = regexp.MustCompile(`^templ\.KV\(\s*("(?:[^"\\]|\\.)*")`)
	classWord   = regexp.MustCompile(`^-?[_a-zA-Z][_a-zA-Z0-9-]*$`)
)

// cssClasses is every class a selector in the stylesheets of dir names.
func cssClasses(t *testing.T, dir string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.css"))
	if err != nil || len(files) == 0 {
		t.Fatalf("Expected stylesheets in %s, got %v (%v)", dir, files, err)
	}
	out := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		css := cssComment.ReplaceAllString(string(b), "")
		// the innermost blocks are declarations: without them, what is
		// left is selectors and at-rule heads (@media … { selectors })
		css = cssDecls.ReplaceAllString(css, ";")
		for _, m := range cssClass.FindAllStringSubmatch(css, -1) {
			out[m[1]] = true
		}
	}
	return out
}

// templClasses is the classes a templ file uses, and the prefixes of the
// classes it builds from a literal and a value.
func templClasses(src string) (classes, prefixes []string) {
	for _, m := range staticClass.FindAllStringSubmatch(src, -1) {
		classes = append(classes, strings.Fields(m[1])...)
	}
	for _, loc := range exprClass.FindAllStringIndex(src, -1) {
		expr := braced(src[loc[1]:])
		for _, item := range splitTop(expr) {
			item = strings.TrimSpace(item)
			if m := templKV.FindStringSubmatch(item); m != nil {
				item = m[1]
			}
			lit, rest, ok := leadingString(item)
			if !ok {
				continue // a value from Go code (t.Class): not readable here
			}
			words := strings.Fields(lit)
			if rest != "" && !strings.HasSuffix(lit, " ") && len(words) > 0 {
				// "risk-cell__box--" + band: the last word is a prefix
				prefixes = append(prefixes, words[len(words)-1])
				words = words[:len(words)-1]
			}
			for _, w := range words {
				if classWord.MatchString(w) {
					classes = append(classes, w)
				}
			}
		}
	}
	return classes, prefixes
}

// braced is s up to the brace that closes the one before it, strings
// skipped.
func braced(s string) string {
	depth := 1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '`':
			if q, err := strconv.QuotedPrefix(s[i:]); err == nil {
				i += len(q) - 1
			}
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return s[:i]
			}
		}
	}
	return s
}

// splitTop splits a Go argument list at its top-level commas.
func splitTop(s string) []string {
	var out []string
	depth, start := 0, 0
	inStr := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case inStr && c == '\\':
			i++
		case c == '"':
			inStr = !inStr
		case inStr:
		case c == '(' || c == '{' || c == '[':
			depth++
		case c == ')' || c == '}' || c == ']':
			depth--
		case c == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// leadingString is the Go string literal s starts with, unquoted, and what
// follows it.
func leadingString(s string) (lit, rest string, ok bool) {
	if s == "" || (s[0] != '"' && s[0] != '`') {
		return "", "", false
	}
	q, err := strconv.QuotedPrefix(s)
	if err != nil {
		return "", "", false
	}
	lit, err = strconv.Unquote(q)
	if err != nil {
		return "", "", false
	}
	return lit, strings.TrimSpace(s[len(q):]), true
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
