package web_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/proof/refset"
)

// refPage is a row of BenchmarkRefPages: a GET route of the web UI (as the
// router writes it), the address asked, who asks, and what the answer must
// contain, so that an error page cannot pass for the page.
type refPage struct {
	name, route, user, url string
	want                   []string
}

// refIds are what the rows' addresses and expectations are made of.
type refIds struct {
	refset.Picks
	Year            int
	Evidence, Token string // an evidence file of Result, and a calendar feed token
}

// Who asks: the coordinator of every board sees the most; the owner of the
// most controls of the plan, and the reader of every board, for the pages
// that differ by role.
const (
	coordinator = "samordnare"
	owner       = "owner"
	reader      = "lasare"
	auditor     = "revisor"
	guest       = ""
)

// Content a document's answer starts with.
var (
	pdfMagic = "%PDF-"
	zipMagic = "PK\x03\x04" // docx and xlsx
)

// refPages are the rows of BenchmarkRefPages: every GET route of the web UI
// at least once (TestRefPagesCoverEveryRoute checks it).
func refPages(p refIds) []refPage {
	y := fmt.Sprint(p.Year)
	plan, control := "/plans/"+p.Plan, "/controls/"+p.Control
	of := "?board=" + p.Board + "&year=" + y
	rows := []refPage{
		{"login", "GET /login", guest, "/login", []string{"<title>Logga in – ikplan</title>", `name="password"`}},
		{"forgot", "GET /forgot", guest, "/forgot", []string{"<title>Glömt lösenord – ikplan</title>"}},
		// no provider is configured in the reference set: the start is a
		// 404 page, the callback the refusal of a missing state
		{"login-oidc", "GET /login/oidc", guest, "/login/oidc", []string{"Sidan finns inte"}},
		{"login-oidc-callback", "GET /login/oidc/callback", guest, "/login/oidc/callback", []string{"Inloggningen kunde inte slutföras"}},
		{"static", "GET /static/{path...}", guest, "/static/css/ikplan.css", []string{"{"}},
		{"favicon", "GET /favicon.ico", guest, "/favicon.ico", []string{"\x00\x00\x01\x00"}},
		{"manifest", "GET /manifest.webmanifest", guest, "/manifest.webmanifest", []string{`"short_name"`}},
		{"readyz", "GET /readyz", guest, "/readyz", []string{"ok\n"}},
		{"start", "GET /{$}", coordinator, "/", []string{"<title>Start – ikplan</title>"}},
		{"start-owner", "GET /{$}", owner, "/", []string{"<title>Start – ikplan</title>"}},
		{"start-reader", "GET /{$}", reader, "/", []string{"<title>Start – ikplan</title>"}},
		{"start-overdue", "GET /start/{list}", coordinator, "/start/overdue", []string{"<title>Försenat – ikplan</title>", `rel="next"`}},
		{"start-owner-actions", "GET /start/{list}", owner, "/start/my-actions", []string{"<title>Mina öppna åtgärder – ikplan</title>"}},
		{"plans", "GET /plans", coordinator, "/plans", []string{"<title>Internkontrollplaner – ikplan</title>", p.PlanTitle}},
		{"plan", "GET /plans/{id}", coordinator, plan, []string{p.PlanTitle, p.ControlTitle}},
		{"plan-owner", "GET /plans/{id}", owner, plan, []string{p.PlanTitle, p.ControlTitle}},
		{"plan-reader", "GET /plans/{id}", reader, plan, []string{p.PlanTitle, p.ControlTitle}},
		{"plan-control-edit", "GET /plans/{id}/controls/{control}/edit", coordinator, plan + "/controls/" + p.Control + "/edit", []string{p.ControlTitle, `name="title"`}},
		{"plan-next", "GET /plans/{id}/next", coordinator, plan + "/next", []string{fmt.Sprintf("Ny plan för %d", p.Year+1)}},
		{"plan-import", "GET /plans/{id}/import", coordinator, plan + "/import", []string{"Importera kontrollpunkter från Excel"}},
		{"plan-export-xlsx", "GET /plans/{id}/export.xlsx", coordinator, plan + "/export.xlsx", []string{zipMagic}},
		{"board-transfer", "GET /boards/{id}/transfer", coordinator, "/boards/" + p.Other + "/transfer", []string{"Överföring till efterträdare"}},
		{"control", "GET /controls/{id}", coordinator, control, []string{p.ControlTitle}},
		{"control-evidence", "GET /controls/{id}/evidence/{result}/{name}", coordinator, control + "/evidence/" + p.Result + "/" + p.Evidence, []string{"Loggar från brandväggen."}},
		// sampling (scope "sample"): the reference set draws no sample, so the
		// page is the draw form and the population file's route answers 404
		{"control-sample", "GET /controls/{id}/sample", coordinator, control + "/sample?period=2024", []string{p.ControlTitle}},
		{"sample-population", "GET /samples/{id}/population", coordinator, "/samples/none/population", []string{"finns inte"}},
		{"sample-evidence", "GET /samples/{id}/items/{item}/evidence/{file}", coordinator, "/samples/none/items/none/evidence/none.txt", []string{"finns inte"}},
		{"actions", "GET /actions", coordinator, "/actions", []string{"<title>Åtgärder – ikplan</title>"}},
		{"actions-filtered", "GET /actions", coordinator, "/actions" + of + "&status=" + model.ActionInProgress, []string{"<title>Åtgärder – ikplan</title>"}},
		{"actions-overdue", "GET /actions", coordinator, "/actions?overdue=1", []string{"<title>Åtgärder – ikplan</title>"}},
		{"history-control", "GET /history/{collection}/{id}", auditor, "/history/controls/" + p.Control, []string{"Ändringshistorik"}},
		{"history-action", "GET /history/{collection}/{id}", auditor, "/history/actions/" + p.Action, []string{"Ändringshistorik"}},
		{"history-log", "GET /history", auditor, "/history", []string{"<h1>Ändringshistorik</h1>"}},
		{"history-log-filtered", "GET /history", auditor, "/history?kind=controls&page=2", []string{"<h1>Ändringshistorik</h1>"}},
		{"action-status", "GET /actions/{id}/status", owner, "/actions/" + p.Action + "/status", []string{"<h1>Ändra status för åtgärden</h1>"}},
		{"plan-back", "GET /plans/{id}/back", coordinator, plan + "/back", []string{`class="back-link"`}},
		{"plan-control-delete", "GET /plans/{id}/controls/{control}/delete", coordinator, plan + "/controls/" + p.Control + "/delete", []string{`class="back-link"`}},
		{"search", "GET /search", coordinator, "/search?q=stickprov", []string{"<title>Sök – ikplan</title>", "stickprov"}},
		{"risks", "GET /risks", coordinator, "/risks", []string{"<title>Risker – ikplan</title>", p.RiskTitle}},
		{"risk", "GET /risks/{id}", coordinator, "/risks/" + p.Risk, []string{p.RiskTitle}},
		{"me", "GET /me", coordinator, "/me", []string{"<title>Mitt konto – ikplan</title>"}},
		// the auditor's package (scope "package"): the page, and the zip of
		// the reference year's board
		{"package", "GET /audit/package", auditor, "/audit/package", []string{"<title>Revisionspaket – ikplan</title>"}},
		{"package-download", "GET /audit/package/download", auditor, "/audit/package/download" + of, []string{zipMagic}},
		{"settings", "GET /settings", coordinator, "/settings", []string{"<title>Inställningar – ikplan</title>"}},
		// kommungemensamma kontroller (scope "common"): the reference set
		// defines none, so the edit page answers 404
		{"common", "GET /common", coordinator, "/common?year=" + y, []string{"<title>Kommungemensamma kontroller " + y + " – ikplan</title>"}},
		{"common-edit", "GET /common/{id}", coordinator, "/common/none", []string{"finns inte"}},
		{"calendar", "GET /calendar/{file}", guest, "/calendar/" + p.Token + ".ics", []string{"BEGIN:VCALENDAR", "BEGIN:VEVENT"}},
		{"report-followup", "GET /reports/followup", coordinator, "/reports/followup" + of, []string{"Uppföljning av", p.ControlTitle}},
		{"report-followup-public", "GET /reports/followup", coordinator, "/reports/followup" + of + "&public=1", []string{"Uppföljning av"}},
		{"report-plan", "GET /reports/plan", coordinator, "/reports/plan" + of, []string{p.PlanTitle, p.ControlTitle}},
		{"report-rollup", "GET /reports/rollup", coordinator, "/reports/rollup?year=" + y, []string{"Sammanställning av nämndernas internkontroll " + y}},
		{"report-memo", "GET /reports/memo", coordinator, "/reports/memo" + of, []string{"<h1>Tjänsteskrivelse</h1>", "godkänner uppföljningen av internkontrollplan " + y}},
	}
	for _, kind := range []string{"followup", "plan", "rollup", "memo"} {
		q := of
		if kind == "rollup" {
			q = "?year=" + y
		}
		for _, format := range []string{"html", "pdf", "docx"} {
			want := map[string]string{"html": "<!doctype html>", "pdf": pdfMagic, "docx": zipMagic}[format]
			url := "/reports/" + kind + "/download" + q + "&format=" + format
			rows = append(rows, refPage{"download-" + kind + "-" + format, "GET /reports/{kind}/download", coordinator, url, []string{want}})
			if kind == "followup" {
				rows = append(rows, refPage{"download-followup-public-" + format, "GET /reports/{kind}/download", coordinator, url + "&public=1", []string{want}})
			}
		}
	}
	return rows
}

// BenchmarkRefPages measures each page on the reference set of the
// performance issue (30 boards × 10 years × 40 controls; see
// proof/refset), through the whole HTTP stack, as the user named in its
// row, signed in through the sign-in form. It reports the wall time, the
// process's CPU time, the bytes and the allocations of one request.
//
//	IKPLAN_REFSET=/path/to/set go test ./internal/web -run '^$' -bench BenchmarkRefPages
func BenchmarkRefPages(b *testing.B) {
	set := refset.Open(b)
	app := set.NewWeb(b)
	ids := prepareRefset(b, app, set)
	h, _ := refset.Handler(b, app)
	cookies := map[string][]*http.Cookie{}
	for user, email := range map[string]string{coordinator: "samordnare@ikplan.test", owner: set.Owner,
		reader: "lasare@ikplan.test", auditor: "revisor@ikplan.test"} {
		cookies[user] = refset.SignIn(b, h, email, refset.Password)
	}
	get := func(p refPage) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, p.url, nil)
		for _, c := range cookies[p.user] {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, p := range refPages(ids) {
		b.Run(p.name, func(b *testing.B) {
			// the answer is checked once, outside the measured loop: a
			// page, or the 4xx page a row expects (the sign-in with no
			// provider, a sample that does not exist), never a 5xx
			rec := get(p)
			status := rec.Code
			if status >= http.StatusInternalServerError || (status != http.StatusOK && !expectsRefusal(p)) {
				b.Fatalf("Expected 200 for %s as %q, got %d: %.500s", p.url, p.user, rec.Code, rec.Body.String())
			}
			for _, want := range p.want {
				if !bytes.Contains(rec.Body.Bytes(), []byte(want)) {
					b.Fatalf("Expected %s as %q to contain %q, got %.500s", p.url, p.user, want, rec.Body.String())
				}
			}
			b.ReportAllocs()
			before := cpuTime()
			for b.Loop() {
				// (the sign-in routes' refusals turn into 429 once the
				// sign-in rate limit is reached)
				if rec := get(p); rec.Code != status && (status == http.StatusOK || rec.Code != http.StatusTooManyRequests) {
					b.Fatalf("Expected %d for %s, got %d", status, p.url, rec.Code)
				}
			}
			b.ReportMetric(float64((cpuTime()-before).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// refusals are the texts of the 4xx pages some rows expect instead of a page.
var refusals = []string{"Sidan finns inte", "finns inte", "Inloggningen kunde inte slutföras"}

// expectsRefusal tells whether the row expects a 4xx page (its want is the
// refusal's text) rather than a 200.
func expectsRefusal(p refPage) bool {
	for _, w := range p.want {
		if slices.Contains(refusals, w) {
			return true
		}
	}
	return false
}

// prepareRefset adds to the benchmark's copy what the set lacks for some
// pages, each through the hooks: an evidence file on the picked result, the
// coordinator's calendar feed token, and a successor for the other board,
// whose items the transfer page then lists.
func prepareRefset(b *testing.B, app core.App, set *refset.Set) refIds {
	b.Helper()
	ids := refIds{Picks: set.Picks, Year: set.Year}
	err := model.RunAs(app, model.System, func(tx core.App) error {
		r, err := tx.FindRecordById(model.Results, set.Result)
		if err != nil {
			return err
		}
		file, err := filesystem.NewFileFromBytes([]byte("Loggar från brandväggen.\n"), "loggar.txt")
		if err != nil {
			return err
		}
		r.Set("evidence+", file)
		if err := tx.Save(r); err != nil {
			return fmt.Errorf("failed to attach evidence: %w", err)
		}
		ids.Evidence = r.GetStringSlice("evidence")[0]
		other, err := tx.FindRecordById(model.Boards, set.Other)
		if err != nil {
			return err
		}
		other.Set("successor", set.Board)
		return tx.Save(other)
	})
	if err != nil {
		b.Fatalf("failed to prepare the reference set: %v", err)
	}
	user, err := app.FindAuthRecordByEmail(model.Users, "samordnare@ikplan.test")
	if err != nil {
		b.Fatal(err)
	}
	if ids.Token, err = remind.RenewToken(app, user); err != nil {
		b.Fatal(err)
	}
	if strings.TrimSpace(ids.Token) == "" {
		b.Fatal("Expected a calendar token")
	}
	return ids
}
