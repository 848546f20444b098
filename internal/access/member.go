package access

import (
	"encoding/json"
	"regexp"

	"github.com/pocketbase/dbx"
)

// The rules say "the user belongs to the record's board" as
// `@request.auth.boards ~ plan.board`: the board's id within the JSON text
// of the user's boards, which PocketBase writes as
// `{:p} LIKE ('%' || [[plan.board]] || '%') ESCAPE '\'`. SQLite then scans
// the user's list of boards, character by character, for every row it
// checks: a tenth of the server's CPU under load, more for someone who
// belongs to thirty boards. When the text is a JSON list of ids, the id is
// in the text exactly when it is one of the list's items (ids are letters
// and digits; a quote ends each), so memberIn writes the same test as
// `[[plan.board]] IN (SELECT value FROM json_each({:p}))`: the list is read
// once per query and each row is a lookup. Any other LIKE is left as it is.
var memberLike = regexp.MustCompile(`\{:(\w+)\} LIKE \('%' \|\| (\[\[[\w.]+\]\]) \|\| '%'\) ESCAPE '\\'`)

// idItem is what an item of a list of relation ids may hold.
var idItem = regexp.MustCompile(`^[a-z0-9]+$`)

// memberIn writes each membership test of text whose list (a parameter in
// params) is a JSON list of ids as a lookup in that list.
func memberIn(text string, params dbx.Params) string {
	return memberLike.ReplaceAllStringFunc(text, func(m string) string {
		sub := memberLike.FindStringSubmatch(m)
		if !idList(params[sub[1]]) {
			return m
		}
		return sub[2] + " IN (SELECT value FROM json_each({:" + sub[1] + "}))"
	})
}

// idList reports whether v is the JSON text of a list of ids.
func idList(v any) bool {
	text, ok := v.(string)
	if !ok {
		return false
	}
	var items []string
	if err := json.Unmarshal([]byte(text), &items); err != nil || items == nil {
		return false
	}
	for _, it := range items {
		if !idItem.MatchString(it) {
			return false
		}
	}
	return true
}
