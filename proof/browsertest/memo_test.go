package browsertest

import (
	"net/http"
	"strings"
	"testing"

	"ikplan/proof/testapp"
)

// The tjänsteskrivelse's link on a plan's page (templates/report.templ),
// beside the follow-up's.
const (
	selMemoLink = `section.report-links a[href^="/reports/memo?"]`
	selMemoPDF  = `section.report-links a[href^="/reports/memo/download?"][href*="format=pdf"]`
)

// A reader opens the tjänsteskrivelse from the plan's page and reads the
// public version; the coordinator opens it too, sees the confidential
// control among the significant deviations, and reads it in English.
func TestMemoFromThePlanPage(t *testing.T) {
	t.Parallel()
	b := serve(t, "memo")
	b.launch()
	b.signIn("lasare")
	if status := b.open("/plans/" + b.f.Plan); status != http.StatusOK {
		b.fatalf("GET the plan: expected 200, got %d", status)
	}
	b.mustHave(selMemoPDF)
	if href := eval[string](b, `document.querySelector(`+js(selMemoPDF)+`).getAttribute('href')`); !strings.Contains(href, "board="+b.f.KS) {
		t.Errorf("expected the memo's PDF of the plan's board, got %q", href)
	}
	b.click(selMemoLink)
	b.waitPath("/reports/memo")
	b.page("memo-reader")
	b.expectText(selH1, "Tjänsteskrivelse")
	text := b.text(selReportPreview)
	for _, want := range []string{"Förslag till beslut", "Kommunstyrelsen godkänner uppföljningen av internkontrollplan 2024.",
		"Beslutsunderlag", "Uppföljning av kommunstyrelsens internkontrollplan 2024", "IT-säkerhet – risk för driftstopp"} {
		if !strings.Contains(text, want) {
			t.Errorf("expected %q in the memo", want)
		}
	}
	if leaks := testapp.Leaks(text); leaks != nil || b.has(selPublicVersion) {
		t.Errorf("expected the reader to see only the public memo, without a choice (confidential: %q)", leaks)
	}
	b.signOut()

	b.signIn("samordnare")
	b.open("/plans/" + b.f.Plan)
	b.click(selMemoLink)
	b.waitPath("/reports/memo")
	b.page("memo-coordinator")
	if text := b.text(selReportPreview); !strings.Contains(text, testapp.SecretAction) {
		t.Errorf("expected the confidential control's action in the coordinator's internal memo")
	}
	if status := b.submit(selLangButton); status != http.StatusOK {
		t.Fatalf("switching to English: expected 200, got %d", status)
	}
	b.waitPath("/reports/memo")
	b.page("memo-english")
	b.expectText(selH1, "Memorandum")
	if lang := eval[string](b, `document.querySelector(`+js(selReportPreview)+`).lang`); lang != "en" {
		t.Errorf("expected the English memo marked lang=en, got %q", lang)
	}
	b.expectText(selReportPreview, "Kommunstyrelsen approves the follow-up of the internal control plan 2024.")
}
