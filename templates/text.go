package templates

import "strings"

// Shorten cuts s to at most n characters, ending with an ellipsis when cut.
func Shorten(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
