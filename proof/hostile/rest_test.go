package hostile_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestRESTLimits: the REST API meets the same limits as the web UI, as
// they live in the hooks: a text over its limit is a 400 whose message
// for the field is Swedish and names it, and nothing is saved.
func TestRESTLimits(t *testing.T) {
	t.Parallel()
	s := newServer(t)
	for _, c := range []struct {
		collection, id, field string
		max                   int
	}{
		{model.Risks, s.f.Risk, "title", 300},
		{model.Deviations, s.f.Deviations["2"], "description", 10000},
		{model.Actions, s.f.Actions["2"], "done_note", 5000},
	} {
		before := testapp.Find(t, s.app, c.collection, c.id).GetString(c.field)
		body, _ := json.Marshal(map[string]string{c.field: strings.Repeat("ö", c.max+1)})
		rec := s.do(request{method: http.MethodPatch, target: "/api/collections/" + c.collection + "/records/" + c.id,
			contentType: "application/json", body: strings.NewReader(string(body)),
			header: map[string]string{"Authorization": s.f.Tokens["samordnare"]}})
		var answer struct {
			Data map[string]struct{ Message string } `json:"data"`
		}
		_ = json.Unmarshal(rec.Body.Bytes(), &answer)
		msg := answer.Data[c.field].Message
		if rec.Code != http.StatusBadRequest || !strings.Contains(msg, "”"+label(c.field)+"”") || !strings.Contains(msg, "för lång") {
			t.Errorf("%s.%s: expected 400 with a Swedish message naming the field, got %d %q\n%s", c.collection, c.field, rec.Code, msg, rec.Body.String())
		}
		if after := testapp.Find(t, s.app, c.collection, c.id).GetString(c.field); after != before {
			t.Errorf("%s.%s: expected nothing saved, got %d characters", c.collection, c.field, len([]rune(after)))
		}
	}
}
