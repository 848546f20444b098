package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/demo"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// withoutDemoRisks is the web test app without the demo's risk register,
// so that the fixture's one risk (3 × 2 in 2024) is all there is: the
// tests of the register's own workings (cells, counts, paging, the
// assessment form, the transfer) count around that risk. The rows go
// straight from the database: this is the starting point, not a change.
func withoutDemoRisks(t testing.TB) *tests.TestApp {
	app := testapp.WebFactory(t)
	f := testapp.Fix(t)
	keep := dbx.Not(dbx.HashExp{"id": f.Risk})
	for _, q := range []*dbx.Query{
		app.DB().Update(model.Controls, dbx.Params{"risk": ""}, dbx.And(dbx.Not(dbx.HashExp{"risk": ""}), dbx.Not(dbx.HashExp{"risk": f.Risk}))),
		app.DB().Delete(model.RiskAssessments, dbx.Not(dbx.HashExp{"risk": f.Risk})),
		app.DB().Delete(model.Risks, keep),
		app.DB().Delete(model.AuditLog, dbx.And(dbx.In("collection", model.Risks, model.RiskAssessments),
			dbx.NotIn("record", f.Risk, f.Assessment))),
	} {
		if _, err := q.Execute(); err != nil {
			t.Fatalf("failed to leave out the demo's risks: %v", err)
		}
	}
	return app
}

// TestDemoRiskRegister: the demo's risk register fills /risks: the matrix
// of 2024 counts every assessed risk of Kommunstyrelsen in its cell (the
// demo's and the fixture's), the list shows each with its value, and a
// risk's page shows the reasoning and the control that treats it.
func TestDemoRiskRegister(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	cells := map[[2]int]int{{3, 2}: 1} // the fixture's risk
	want := []string{"Riskmatris 2024", "<caption>Kommunstyrelsen</caption>"}
	for _, k := range demo.Risks {
		cells[[2]int{k.Probability, k.Consequence}]++
		want = append(want, k.Title)
	}
	for pc, n := range cells {
		want = append(want, cellLabel(pc[0], pc[1], n))
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "the register and its heat map", Method: http.MethodGet, URL: "/risks", Headers: testapp.Cookie(f, "lasare"),
			ExpectedStatus: http.StatusOK, ExpectedContent: want,
			NotExpectedContent: []string{"Det finns inga risker att visa."},
		},
		{
			Name: "a risk's page with its reasoning and its control", Method: http.MethodGet, URL: "/risks/" + riskOf(t, f, "11"),
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{demo.Risks["11"].Title, "4 × 4 = 16", "Attackerna mot kommuner har blivit fler", "IT-säkerhet – risk för driftstopp"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}

// riskOf is the id of the risk a control of the fixture treats.
func riskOf(t *testing.T, f *testapp.Fixture, control string) string {
	t.Helper()
	app := testapp.New(t)
	return testapp.Find(t, app, model.Controls, f.Controls[control]).GetString("risk")
}

// cellLabel is the part of a matrix cell's accessible name that counts it.
func cellLabel(p, c, n int) string {
	count := fmt.Sprintf("%d risker", n)
	if n == 1 {
		count = "1 risk"
	}
	return fmt.Sprintf("Sannolikhet %d, konsekvens %d: %s,", p, c, count)
}
