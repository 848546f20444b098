package web_test

import (
	"archive/zip"
	"bytes"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/report"
	"ikplan/proof/pdftext"
	"ikplan/proof/testapp"
)

var (
	docxParagraphEnd = regexp.MustCompile(`</w:p>`)
	xmlTag           = regexp.MustCompile(`<[^>]*>`)
)

// docxText is the text of a Word file's body: its paragraphs, each
// followed by a space.
func docxText(t testing.TB, data []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("Expected a Word file, got %v", err)
	}
	for _, f := range z.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		b, _ := io.ReadAll(r)
		return html.UnescapeString(xmlTag.ReplaceAllString(docxParagraphEnd.ReplaceAllString(string(b), " "), ""))
	}
	t.Fatalf("Expected word/document.xml in the Word file")
	return ""
}

// memoFile checks a downloaded memo: its name, its content type, and that
// its text (read back for PDF and Word) has want and none of notWant.
func memoFile(name, format string, want, notWant []string) func(testing.TB, *tests.TestApp, *http.Response) {
	return func(t testing.TB, _ *tests.TestApp, res *http.Response) {
		if cd := res.Header.Get("Content-Disposition"); cd != `attachment; filename="`+name+"."+format+`"` {
			t.Errorf("Expected the file %s.%s, got %q", name, format, cd)
		}
		if ct := res.Header.Get("Content-Type"); ct != report.ContentType(format) {
			t.Errorf("Expected %s, got %q", report.ContentType(format), ct)
		}
		body, _ := io.ReadAll(res.Body)
		text := string(body)
		switch format {
		case "pdf":
			r, err := pdftext.Open(body)
			if err != nil {
				t.Fatalf("Expected a PDF, got %v", err)
			}
			text = strings.Join(pdftext.Lines(r), " ")
		case "docx":
			text = docxText(t, body)
		}
		text = strings.Join(strings.Fields(text), " ")
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("Expected %q in the %s file", w, format)
			}
		}
		for _, w := range notWant {
			if strings.Contains(text, w) {
				t.Errorf("Expected no %q in the %s file", w, format)
			}
		}
	}
}

// The tjänsteskrivelse: previewed and downloaded in each format by whoever
// may read the follow-up (a reader gets the public version), refused to
// others as the follow-up is, in English for the English UI, and linked
// from the plan's page beside the follow-up.
func TestMemoPages(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	q := "?board=" + f.KS + "&year=2024"
	english := func(who string) map[string]string {
		return map[string]string{"Cookie": testapp.Cookie(f, who)["Cookie"] + "; ikplan_lang=en"}
	}
	proposal := "Kommunstyrelsen godkänner uppföljningen av internkontrollplan 2024."
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: "/reports/memo" + q,
			ExpectedStatus: http.StatusSeeOther,
		},
		{
			Name: "guest is sent to sign in for the file", Method: http.MethodGet, URL: "/reports/memo/download" + q + "&format=pdf",
			ExpectedStatus: http.StatusSeeOther,
		},
		{
			Name: "the coordinator's internal memo with its downloads", Method: http.MethodGet, URL: "/reports/memo" + q,
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				"<title>Tjänsteskrivelse – ikplan</title>", "<h1>Tjänsteskrivelse</h1>", `<article class="report-preview" lang="sv"`,
				`<h2 id="arende">Uppföljning av intern kontroll 2024</h2>`, `<h3 id="forslag-till-beslut">Förslag till beslut</h3>`,
				proposal, "Kommunstyrelsens internkontrollplan 2024 omfattar 20 kontrollpunkter.", testapp.SecretAction,
				`href="/reports/memo/download?board=` + f.KS + `&amp;format=pdf&amp;year=2024"`,
				`href="/reports/memo?board=` + f.KS + `&amp;public=1&amp;year=2024">Offentlig version</a>`,
			},
		},
		{
			Name: "a reader gets the public memo whatever they ask", Method: http.MethodGet, URL: "/reports/memo" + q + "&public=0",
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{proposal, "omfattar 19 kontrollpunkter", "format=pdf&amp;public=1&amp;year=2024"},
			NotExpectedContent: append([]string{"Intern version", "informationsläckage"}, testapp.Secrets...),
		},
		{
			Name: "in English, the English memo", Method: http.MethodGet, URL: "/reports/memo" + q,
			Headers: english("samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`<html lang="en">`, "<h1>Memorandum</h1>", `<article class="report-preview" lang="en"`,
				"Kommunstyrelsen approves the follow-up of the internal control plan 2024.", "<th scope=\"col\">Deviation</th>"},
			NotExpectedContent: []string{"Förslag till beslut"},
		},
		{
			Name: "another board's memo is not found", Method: http.MethodGet, URL: "/reports/memo" + q,
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: []string{"Utbildningar", "godkänner"},
		},
		{
			Name: "another board's memo file is not found", Method: http.MethodGet, URL: "/reports/memo/download" + q + "&format=docx",
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: []string{"godkänner"},
		},
		{
			Name: "no memo of a plan without results", Method: http.MethodGet, URL: "/reports/memo?board=" + f.IAN + "&year=2025",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: addEmptyPlan(f), ExpectedStatus: http.StatusConflict,
			ExpectedContent: []string{"Dokumentet kan inte skrivas", "Individ- och arbetsmarknadsnämndens internkontrollplan 2025 har inga resultat ännu"},
		},
		{
			Name: "the plan page links the memo beside the follow-up", Method: http.MethodGet, URL: "/plans/" + f.Plan,
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`href="/reports/followup?board=` + f.KS + `&amp;year=2024">Uppföljningsrapport</a>`,
				`href="/reports/memo?board=` + f.KS + `&amp;year=2024">Tjänsteskrivelse</a>`,
				`<span class="visually-hidden">Tjänsteskrivelse </span>PDF`},
		},
	}
	for _, format := range report.Formats() {
		scenarios = append(scenarios,
			tests.ApiScenario{
				Name: "the internal memo as " + format, Method: http.MethodGet, URL: "/reports/memo/download" + q + "&format=" + format,
				Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK, ExpectedContent: []string{""},
				AfterTestFunc: memoFile("tjansteskrivelse-kommunstyrelsen-2024", format, []string{"Tjänsteskrivelse", "Förslag till beslut", testapp.SecretAction}, nil),
			},
			tests.ApiScenario{
				Name: "a reader's memo as " + format, Method: http.MethodGet, URL: "/reports/memo/download" + q + "&format=" + format,
				Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK, ExpectedContent: []string{""},
				AfterTestFunc: memoFile("tjansteskrivelse-kommunstyrelsen-2024-offentlig", format, []string{"Tjänsteskrivelse", "IT-säkerhet"}, testapp.Secrets),
			},
			tests.ApiScenario{
				Name: "the English memo as " + format, Method: http.MethodGet, URL: "/reports/memo/download" + q + "&format=" + format,
				Headers: english("revisor"), ExpectedStatus: http.StatusOK, ExpectedContent: []string{""},
				AfterTestFunc: memoFile("tjansteskrivelse-kommunstyrelsen-2024-en", format, []string{"Memorandum", "Proposed decision"}, []string{"Förslag till beslut"}),
			},
		)
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		if s.ExpectedStatus != http.StatusSeeOther && s.ExpectedContent == nil {
			s.ExpectedContent = []string{"<"}
		}
		s.Test(t)
	}
}
