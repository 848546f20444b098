// Package i18n is the catalogue of every text the web UI shows, in Swedish
// (the default) and English.
package i18n

import (
	"fmt"
	"sort"
	"strings"
)

// Languages.
const (
	Sv = "sv"
	En = "en"
)

// Normalize returns a supported language, Swedish for anything unknown.
func Normalize(lang string) string {
	if lang == En {
		return En
	}
	return Sv
}

// T returns the text for key in lang, formatted with args. A missing key
// shows as itself so it is noticed, never as an empty string.
func T(lang, key string, args ...any) string {
	e, ok := catalogue[key]
	if !ok {
		return key
	}
	s := e[0]
	if lang == En && e[1] != "" {
		s = e[1]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// N returns the text for key in lang when it counts n things: the key's
// "_one" form for one, where the catalogue has it ("1 försenad åtgärd"),
// the key itself for any other number ("0 försenade åtgärder", "2
// försenade åtgärder"). The args are formatted as T does.
func N(lang, key string, n int, args ...any) string {
	if n == 1 && Has(key+"_one") {
		key += "_one"
	}
	return T(lang, key, args...)
}

// Has reports whether the catalogue has key.
func Has(key string) bool {
	_, ok := catalogue[key]
	return ok
}

// Keys lists the catalogue's keys that start with prefix, sorted.
func Keys(prefix string) []string {
	var out []string
	for k := range catalogue {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Texts are key's Swedish and English texts as the catalogue holds them,
// before any parameter is filled in.
func Texts(key string) (sv, en string) {
	e := catalogue[key]
	return e[0], e[1]
}
