package browsertest

import (
	"net/http"
	"strings"
	"testing"

	"ikplan/proof/testapp"
)

// The report pages (templates/report.templ); kept here, beside their only
// flow, so this branch touches no other file of the browser tests.
const (
	selPlanDocuments   = `section.report-links`
	selFollowUpLink    = `section.report-links a[href^="/reports/followup?"]`
	selFollowUpHTML    = `section.report-links a[href^="/reports/followup/download?"][href*="format=html"]`
	selReportPreview   = `article.report-preview`
	selReportDownloads = `.report-tools .report-downloads a[download]`
	selReportMark      = `article.report-preview .report-mark`
	selPublicVersion   = `.report-version a[href*="public=1"]`
	selRollUpYear      = `form[action="/reports/rollup"] input[name="year"]`
	selRollUpShow      = `form[action="/reports/rollup"] button[type="submit"]`
)

// A reader opens the follow-up report from the plan's page and sees the
// public version, without the confidential control; the coordinator sees
// the internal one with its mark, switches to the public version, and
// chooses a year on the roll-up.
func TestReaderAndCoordinatorPreviewTheFollowUp(t *testing.T) {
	t.Parallel()
	b := serve(t, "reports")
	b.launch()
	b.signIn("lasare")
	if status := b.open("/plans/" + b.f.Plan); status != http.StatusOK {
		b.fatalf("GET the plan: expected 200, got %d", status)
	}
	b.page("plan-documents")
	b.mustHave(selPlanDocuments)
	b.mustHave(selFollowUpHTML)
	if got := eval[string](b, `document.querySelector(`+js(selFollowUpHTML)+`).closest('[hx-boost]').getAttribute('hx-boost')`); got != "false" {
		t.Errorf("expected the downloads outside htmx's boost, got hx-boost=%q", got)
	}
	b.click(selFollowUpLink)
	b.waitPath("/reports/followup")
	b.page("followup-reader")
	b.expectText(selH1, "Uppföljning av kommunstyrelsens internkontrollplan 2024")
	text := b.text(selReportPreview)
	for _, want := range []string{"Responstiden för 2024 är 8,1 minuter.", "Punkt 1-7 i internkontrollplanen", "Tidplan: kvartal 2 2025"} {
		if !strings.Contains(text, want) {
			t.Errorf("expected %q in the preview", want)
		}
	}
	if leaks := testapp.Leaks(text); leaks != nil || b.has(selReportMark) || b.has(selPublicVersion) {
		t.Errorf("expected the reader to see only the public version, without a choice (confidential: %q)", leaks)
	}
	if href := eval[string](b, `document.querySelector(`+js(selReportDownloads)+`).getAttribute('href')`); !strings.Contains(href, "public=1") {
		t.Errorf("expected the reader's download to be the public version, got %q", href)
	}
	b.signOut()

	b.signIn("samordnare")
	b.open("/reports/followup?board=" + b.f.KS + "&year=2024")
	b.page("followup-coordinator")
	b.expectText(selReportMark, "Sekretess")
	if text := b.text(selReportPreview); !strings.Contains(text, testapp.SecretAction) {
		t.Errorf("expected the confidential control's action in the coordinator's internal version")
	}
	b.click(selPublicVersion)
	b.waitFor("the public version", `location.search.includes('public=1')`)
	b.page("followup-public")
	if leaks := testapp.Leaks(b.text(selReportPreview)); leaks != nil {
		t.Errorf("expected the public version without the confidential control, got %q", leaks)
	}

	b.open("/reports/rollup")
	b.page("rollup")
	b.typeInto(selRollUpYear, "2019")
	b.click(selRollUpShow)
	b.waitFor("the year without plans", `location.search.includes('year=2019')`)
	b.page("rollup-2019")
	b.expectText(selMain, "Det finns ingen internkontrollplan för 2019 att sammanställa.")
	b.click(`main ul a[href="/reports/rollup?year=2024"]`)
	b.waitFor("the roll-up of 2024", `location.search.includes('year=2024')`)
	b.expectText(selReportPreview, "Kommunstyrelsen")
}
