package report_test

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"ikplan/internal/demo"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

var tags = regexp.MustCompile(`(?s)<style.*?</style>|<[^>]+>`)

// formats are the follow-up's formats.
var formats = []string{"html", "pdf", "docx"}

// asText writes the document in a format and reads it back as text.
func asText(t *testing.T, format string, doc *report.Doc) string {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Write(format, &buf, doc); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	switch format {
	case "html":
		return html.UnescapeString(tags.ReplaceAllString(buf.String(), " "))
	case "pdf":
		return report.PDFText(t, buf.Bytes(), doc.Header)
	}
	return report.DOCXText(t, buf.Bytes())
}

// TestFollowUpInEveryFormat reads the demo's follow-up report back as text
// from each format and finds every control of the seed report with its
// account, outcome and measured value, and every action with its deadline
// as people write it, the confidential control 12's action of the test
// data included; the public version shows nothing of control 12 in any.
func TestFollowUpInEveryFormat(t *testing.T) {
	t.Parallel()
	doc, public := followUp(t, false), followUp(t, true)
	texts := map[string]string{}
	for _, format := range formats {
		texts[format] = asText(t, format, doc)
		if leaks := testapp.Leaks(asText(t, format, public)); leaks != nil {
			t.Errorf("Expected nothing confidential in the public follow-up as %s, got %q", format, leaks)
		}
	}
	for format, raw := range texts {
		text := norm(raw)
		t.Run(format, func(t *testing.T) {
			for _, c := range demo.Controls {
				if c.Section == demo.HRSection && c.Number < 8 {
					continue
				}
				if !strings.Contains(text, norm(c.Title)) {
					t.Errorf("Expected control %d's title %q", c.Number, c.Title)
				}
				if !strings.Contains(text, norm(c.Account)) {
					t.Errorf("Expected control %d's account %q", c.Number, c.Account)
				}
				for _, d := range c.Deviations {
					for _, a := range d.Actions {
						if !strings.Contains(text, norm(a.Description)) {
							t.Errorf("Expected control %d's action %q", c.Number, a.Description)
						}
					}
				}
			}
			for _, want := range []string{
				"Uppföljning av kommunstyrelsens internkontrollplan 2024",
				"1.1 Följande avvikelser av väsentlig betydelse har identifierats vid årets internkontroll",
				"Målet är uppnått, ingen avvikelse har konstaterats. Responstiden för 2024 är 8,1 minuter.",
				"har inte följts upp då det varit fokus på arbete med omorganisation",
				"individ- och arbetsmarknadsnämnden",
				"1.2 Åtgärder",
				"Tidplan: kvartal 2 2025", "Tidplan: under 2025",
				"Sekretess", testapp.SecretAction,
			} {
				if !strings.Contains(text, want) {
					t.Errorf("Expected %q", want)
				}
			}
		})
	}
}
