package access

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tools/types"
)

// FuzzIdsJSON: the JSON text of a list of ids is what json.Marshal writes
// for the relation field's stored value, whatever the ids hold.
// The seeds that begin with a character JSON escapes ("a, <b …) reach it
// before any letter could send the list to json.Marshal.
func FuzzIdsJSON(f *testing.F) {
	for _, s := range []string{"", "8vl889kpftt5jts", "8vl889kpftt5jts vd9fibl7jidx87t", "a_b-c", `a"b`, "a<b&c", "\xff", "å", "a\u2028b", `"a`, "<b", `\`, `B"`, "9<", "_\n", "-\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, joined string) {
		ids := strings.Fields(joined)
		want, err := json.Marshal(append(types.JSONArray[string]{}, ids...))
		if err != nil {
			t.Skip()
		}
		if got, err := idsJSON(ids); err != nil || got != string(want) {
			t.Fatalf("Expected %v as %s, got %s (%v)", ids, want, got, err)
		}
	})
}
