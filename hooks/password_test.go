package hooks_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestPasswordMin: a password of a user or a superuser has at least 12
// characters (counted as characters, not bytes), by every way in: the REST
// API's create and update (the dashboard's), and a save from the command
// line or an import. A shorter one is a 400 that names the field in
// Swedish and saves nothing.
func TestPasswordMin(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	su, err := testapp.New(t).FindAuthRecordByEmail(core.CollectionNameSuperusers, "admin@ikplan.test")
	if err != nil {
		t.Fatal(err)
	}
	targets := map[string]string{model.Users: f.Users["lasare"], core.CollectionNameSuperusers: su.Id}
	passwords := []struct {
		password string
		ok       bool
	}{
		{"kort-lösen1", false}, // 11 characters
		{"åäöåäöåäöåä", false}, // 11 characters, 22 bytes
		{"tolv-tecken1", true}, // 12
		{"åäöåäöåäöåäö", true}, // 12 characters
		{"ikplan-demo-2026", true},
	}
	for _, col := range []string{model.Users, core.CollectionNameSuperusers} {
		for i, pw := range passwords {
			fields := map[string]any{"email": fmt.Sprintf("ny%d@ikplan.test", i), "password": pw.password, "passwordConfirm": pw.password}
			if col == model.Users {
				fields["role"], fields["name"], fields["boards"] = model.RoleReader, "Ny Person", []string{f.KS}
			}
			body, _ := json.Marshal(fields)
			change, _ := json.Marshal(map[string]any{"password": pw.password, "passwordConfirm": pw.password})
			status := map[bool]int{true: http.StatusOK, false: http.StatusBadRequest}[pw.ok]
			content := []string{`"password":{"code":"validation_ikplan","message":"Lösenordet måste ha minst 12 tecken`}
			if pw.ok {
				content = []string{`"id":`}
			}
			for _, way := range []struct{ name, method, url, body string }{
				{"REST create", http.MethodPost, "/api/collections/" + col + "/records", string(body)},
				{"REST update", http.MethodPatch, "/api/collections/" + col + "/records/" + targets[col], string(change)},
			} {
				(&tests.ApiScenario{
					Name: fmt.Sprintf("%s %s %q", col, way.name, pw.password), Method: way.method, URL: way.url,
					Body:           strings.NewReader(way.body),
					Headers:        map[string]string{"Content-Type": "application/json", "Authorization": f.Tokens["superuser"]},
					ExpectedStatus: status, ExpectedContent: content, TestAppFactory: testapp.Factory,
				}).Test(t)
			}
			t.Run(fmt.Sprintf("%s save %q", col, pw.password), func(t *testing.T) {
				app := testapp.New(t)
				_, err := testapp.Create(app, col, fields)
				errs := testapp.FieldErrors(err)
				if pw.ok != (err == nil) {
					t.Fatalf("Expected the save to succeed: %v, got %v", pw.ok, err)
				}
				if !pw.ok && !strings.HasPrefix(errs["password"], "Lösenordet måste ha minst 12 tecken") {
					t.Fatalf("Expected a Swedish message on password, got %v", errs)
				}
			})
		}
	}
}
