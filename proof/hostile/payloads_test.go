package hostile_test

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// payload is one entry of testdata/xss.txt.
type payload struct {
	Line int
	Text string
}

// Name is a short name for the payload in test names and messages.
func (p payload) Name() string {
	s := strconv.QuoteToASCII(p.Text)
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strconv.Itoa(p.Line) + ":" + s
}

var repeated = regexp.MustCompile(`^quoted: (".*") \* (\d+)$`)

// loadPayloads reads the corpus: one payload a line; `quoted: "…"` is a Go
// string literal, `quoted: "…" * N` that string N times.
func loadPayloads(t testing.TB) []payload {
	t.Helper()
	file, err := os.Open("testdata/xss.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	var out []payload
	sc := bufio.NewScanner(file)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		text := line
		if m := repeated.FindStringSubmatch(line); m != nil {
			s, err := strconv.Unquote(m[1])
			count, _ := strconv.Atoi(m[2])
			if err != nil {
				t.Fatalf("testdata/xss.txt:%d: %v", n, err)
			}
			text = strings.Repeat(s, count)
		} else if lit, ok := strings.CutPrefix(line, "quoted: "); ok {
			if text, err = strconv.Unquote(lit); err != nil {
				t.Fatalf("testdata/xss.txt:%d: %v", n, err)
			}
		}
		out = append(out, payload{Line: n, Text: text})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 50 {
		t.Fatalf("Expected the corpus in testdata/xss.txt, got %d payloads", len(out))
	}
	return out
}

// visible is s as a reader sees it, for comparing text: valid UTF-8,
// without control and format characters (NUL, zero-width, direction
// marks), runs of white space as one space, trimmed.
func visible(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == unicode.ReplacementChar, unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// probe is the start of the payload as a reader sees it: what an output
// that shows the field must contain. Empty when nothing of it is visible.
func (p payload) probe() string {
	v := []rune(visible(p.Text))
	if len(v) > 12 {
		v = v[:12]
	}
	return strings.TrimSpace(string(v))
}
