package hooks_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/proof/testapp"
)

// TestBatchRefusalInEnglish: a refusal inside the batch API (/api/batch)
// comes back in English when the request asks for it (Accept-Language:
// en), the answer's message and the field's, and in Swedish otherwise.
// (The fixture's plan is adopted: a control cannot be added to it.)
func TestBatchRefusalInEnglish(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	body := `{"requests":[{"method":"POST","url":"/api/collections/controls/records","body":{"plan":"` + f.Plan + `","number":99,"title":" "}}]}`
	for _, sc := range []struct {
		lang        string
		expected    []string
		notExpected []string
	}{
		{"en", []string{`"message":"The details were not saved. plan: The plan is adopted;`, `"plan":{"code":"validation_ikplan","message":"The plan is adopted; controls can only be added while the plan is a draft."`, `"code":"batch_request_failed"`}, []string{"å", "ä", "ö", "Å", "Ä", "Ö"}},
		{"sv", []string{`"message":"Uppgifterna sparades inte. plan: Planen är antagen;`, `"plan":{"code":"validation_ikplan","message":"Planen är antagen; kontrollpunkter kan bara läggas till medan planen är ett utkast."`}, []string{"The plan"}},
	} {
		s := tests.ApiScenario{
			Name: sc.lang, Method: http.MethodPost, URL: "/api/batch", Body: strings.NewReader(body),
			Headers:        map[string]string{"Content-Type": "application/json", "Authorization": f.Tokens["samordnare"], "Accept-Language": sc.lang},
			TestAppFactory: testapp.Factory, ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: sc.expected, NotExpectedContent: sc.notExpected,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				s := app.Settings()
				s.Batch.Enabled, s.Batch.MaxRequests, s.Batch.Timeout = true, 50, 10
				if err := app.Save(s); err != nil {
					t.Fatal(err)
				}
			},
		}
		t.Run(s.Name, func(t *testing.T) { t.Parallel(); s.Test(t) })
	}
}
