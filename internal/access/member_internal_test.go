package access

import (
	"testing"

	"github.com/pocketbase/dbx"
)

func TestMemberIn(t *testing.T) {
	const like = `({:a} IS NOT '' AND {:p} LIKE ('%' || [[controls_plan.board]] || '%') ESCAPE '\')`
	for _, c := range []struct {
		name  string
		value any
		want  string
	}{
		{"a list of ids", `["bk3b0ycucga2te2","nelk0g2v6rwz7xo"]`, `({:a} IS NOT '' AND [[controls_plan.board]] IN (SELECT value FROM json_each({:p})))`},
		{"an empty list", `[]`, `({:a} IS NOT '' AND [[controls_plan.board]] IN (SELECT value FROM json_each({:p})))`},
		{"not a list", `bk3b0ycucga2te2`, like},
		{"empty text", ``, like},
		{"JSON null", `null`, like},
		{"an item that is not an id (LIKE ignores case)", `["BK3B0YCUCGA2TE2"]`, like},
		{"an item with a LIKE wildcard", `["bk3_0"]`, like},
		{"a list of numbers", `[1,2]`, like},
		{"not text", 12, like},
	} {
		if got := memberIn(like, dbx.Params{"p": c.value}); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
	// a LIKE of the user's own filter is not a membership test
	search := `[[controls.title]] LIKE {:q} ESCAPE '\'`
	if got := memberIn(search, dbx.Params{"q": `["abc"]`}); got != search {
		t.Errorf("Expected a search to stay as it is, got %s", got)
	}
}
