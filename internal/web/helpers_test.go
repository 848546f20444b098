package web_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// body reads a scenario's response body.
func body(t testing.TB, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("failed to read the body: %v", err)
	}
	return string(b)
}

// row is the HTML of the table row with the given id, or "".
func row(html, id string) string {
	start := strings.Index(html, `<tr id="`+id+`"`)
	if start < 0 {
		return ""
	}
	end := strings.Index(html[start:], "</tr>")
	if end < 0 {
		return html[start:]
	}
	return html[start : start+end]
}

// asSystem runs fn as the command line would, with the hooks and the history.
func asSystem(t testing.TB, app core.App, fn func(tx core.App) error) {
	t.Helper()
	if err := model.RunAs(app, model.System, fn); err != nil {
		t.Fatalf("failed to prepare the data: %v", err)
	}
}
