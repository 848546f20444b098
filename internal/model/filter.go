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
func inline(filter string, params dbx.Params) string {
	if len(params) == 0 || !strings.Contains(filter, "{:") {
		return filter
	}
	pairs := make([]string, 0, 2*len(params))
	for k, v := range params {
		pairs = append(pairs, "{:"+k+"}", literal(v))
	}
	return strings.NewReplacer(pairs...).Replace(filter)
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
