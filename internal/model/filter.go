package model

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/spf13/cast"
)

// inline writes the {:name} placeholders of a PocketBase filter as quoted
// literals, all in one pass, so that no value is read again as filter
// text. PocketBase quotes a value with strconv.Quote, whose escapes for
// characters that are not printable (\u00a0, \u200b, \x12 …) its filter
// parser does not read back: a search for such text found nothing. Here a
// string keeps every character as it is and escapes only \ and ", the
// two the parser reads; a string that holds NUL (which ends the parser's
// input) or bytes that are not UTF-8 is quoted as PocketBase does.
//
// It reads the text once, left to right, as strings.Replacer would with a
// pair for each parameter, without building one for every query (a
// fortieth of a page's CPU).
func inline(filter string, params dbx.Params) string {
	if len(params) == 0 || !strings.Contains(filter, "{:") {
		return filter
	}
	var b strings.Builder
	b.Grow(len(filter) + 32)
	rest := filter
	for {
		i := strings.Index(rest, "{:")
		if i < 0 {
			b.WriteString(rest)
			return b.String()
		}
		b.WriteString(rest[:i])
		rest = rest[i:]
		if end := strings.IndexByte(rest, '}'); end > 0 {
			if v, ok := params[rest[2:end]]; ok {
				b.WriteString(literal(v))
				rest = rest[end+1:]
				continue
			}
		}
		// not a parameter's placeholder: the brace stays, and the text
		// after it is read again
		b.WriteByte(rest[0])
		rest = rest[1:]
	}
}

var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// literal is a value as a PocketBase filter literal.
func literal(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return cast.ToString(x)
	}
	s := cast.ToString(v)
	if strings.ContainsRune(s, 0) || !utf8.ValidString(s) {
		return strconv.Quote(s)
	}
	return `"` + quoteEscaper.Replace(s) + `"`
}
