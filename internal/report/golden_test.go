package report_test

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"ikplan/internal/demo"
	"ikplan/internal/report"
)

var tags = regexp.MustCompile(`(?s)<style.*?</style>|<[^>]+>`)

// TestFollowUpInEveryFormat reads the demo's follow-up report back as text
// from each format and finds every control of the seed report with its
// account, outcome and measured value, and every action with its deadline
// as people write it.
func TestFollowUpInEveryFormat(t *testing.T) {
	t.Parallel()
	doc := followUp(t, false)
	texts := map[string]string{}
	for _, format := range []string{"html", "pdf", "docx"} {
		var buf bytes.Buffer
		if err := report.Write(format, &buf, doc); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		switch format {
		case "html":
			texts[format] = html.UnescapeString(tags.ReplaceAllString(buf.String(), " "))
		case "pdf":
			texts[format] = report.PDFText(t, buf.Bytes(), doc.Header)
		case "docx":
			texts[format] = report.DOCXText(t, buf.Bytes())
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
				"Sekretess",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("Expected %q", want)
				}
			}
		})
	}
}
