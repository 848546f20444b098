package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// formNode finds the element with id in a page.
func formNode(t *testing.T, page, id string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var found *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != nil {
			return
		}
		if n.Type == html.ElementNode && attr(n, "id") == id {
			found = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if found == nil {
		t.Fatalf("Expected an element with id %q in the page", id)
	}
	return found
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, name string) bool {
	for _, a := range n.Attr {
		if a.Key == name {
			return true
		}
	}
	return false
}

// fields lists the named inputs, textareas and selects under n, each with
// the data-reveal and legend of the nearest element around it that has one.
type field struct{ name, reveal, legend string }

func formFields(n *html.Node) []field {
	var out []field
	var walk func(n *html.Node, reveal, legend string)
	walk = func(n *html.Node, reveal, legend string) {
		if n.Type == html.ElementNode {
			if r := attr(n, "data-reveal"); r != "" {
				reveal = r
			}
			if n.Data == "fieldset" {
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.ElementNode && c.Data == "legend" && c.FirstChild != nil {
						legend = strings.TrimSpace(c.FirstChild.Data)
					}
				}
			}
			switch n.Data {
			case "input", "textarea", "select":
				if name := attr(n, "name"); name != "" && attr(n, "type") != "hidden" {
					out = append(out, field{name, reveal, legend})
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, reveal, legend)
		}
	}
	walk(n, "", "")
	return out
}

// hiddenOrDisabled names any element under n the server marked hidden,
// disabled or required: without JavaScript every field must show, and
// none may be required by the browser.
func hiddenOrDisabled(n *html.Node) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (hasAttr(n, "hidden") || hasAttr(n, "disabled") || hasAttr(n, "required")) {
			out = append(out, n.Data+"#"+attr(n, "id"))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// TestFormsRevealAsYouAnswer: the report form marks the reason as shown
// only for Ej genomförd and the first deviation only for Avvikelse, and
// the new-control form groups its fields under four legends. Without
// JavaScript (as the server sends them) every field is there, none hidden,
// disabled or required; the script that hides them is on every page and
// served from the binary.
func TestFormsRevealAsYouAnswer(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	if err := testapp.Delete(app, model.Results, f.Results["3"]); err != nil {
		t.Fatal(err)
	}
	page := get(t, h, f, "raddning", "/controls/"+f.Controls["3"])
	if !strings.Contains(page, `<script src="/static/js/reveal.js" defer></script>`) {
		t.Errorf("Expected the reveal script on the page")
	}
	form := formNode(t, page, "report-form")
	if bad := hiddenOrDisabled(form); len(bad) > 0 {
		t.Errorf("Expected no field hidden, disabled or required without JS, got %v", bad)
	}
	reveal := map[string]string{}
	for _, fl := range formFields(form) {
		reveal[fl.name] = fl.reveal
	}
	for name, want := range map[string]string{
		"period": "", "outcome": "", "performed_on": "", "measured_value": "", "account": "", "evidence": "",
		"not_performed_reason":  "outcome=not_performed",
		"deviation_description": "outcome=deviation", "deviation_root_cause": "outcome=deviation", "deviation_significant": "outcome=deviation",
	} {
		got, ok := reveal[name]
		if !ok {
			t.Errorf("Expected the field %s in the report form without JS", name)
		} else if got != want {
			t.Errorf("Expected the field %s shown for %q, got %q", name, want, got)
		}
	}

	// the script is served, as JavaScript
	req := httptest.NewRequest(http.MethodGet, "/static/js/reveal.js", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Content-Type"), "javascript") || !strings.Contains(rec.Body.String(), "data-reveal") {
		t.Errorf("Expected the reveal script served, got %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}

	// the new-control form, in Swedish and English
	if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
		t.Fatal(err)
	}
	groups := map[string][2]string{
		"section": {"Vad kontrolleras", "What is checked"}, "number": {"Vad kontrolleras", "What is checked"},
		"title": {"Vad kontrolleras", "What is checked"}, "description": {"Vad kontrolleras", "What is checked"},
		"process": {"Vad kontrolleras", "What is checked"}, "legal_refs": {"Vad kontrolleras", "What is checked"},
		"method": {"Hur och när", "How and when"}, "frequency": {"Hur och när", "How and when"},
		"due": {"Hur och när", "How and when"}, "report_to": {"Hur och när", "How and when"},
		"unit": {"Ansvar", "Responsibility"}, "owner": {"Ansvar", "Responsibility"}, "confidential": {"Ansvar", "Responsibility"},
		"target_metric": {"Mätbart mål", "Measurable target"}, "target_operator": {"Mätbart mål", "Measurable target"},
		"target_value": {"Mätbart mål", "Measurable target"}, "target_unit": {"Mätbart mål", "Measurable target"},
	}
	for i, lang := range []string{"sv", "en"} {
		req := httptest.NewRequest(http.MethodGet, "/plans/"+f.Plan, nil)
		req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions["samordnare"]})
		req.AddCookie(&http.Cookie{Name: "ikplan_lang", Value: lang})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("Expected the draft's page, got %d", rec.Code)
		}
		form := formNode(t, rec.Body.String(), "new-form")
		if bad := hiddenOrDisabled(form); len(bad) > 0 {
			t.Errorf("%s: expected no field hidden, disabled or required, got %v", lang, bad)
		}
		got := map[string]string{}
		for _, fl := range formFields(form) {
			got[fl.name] = fl.legend
		}
		if len(got) != len(groups) {
			t.Errorf("%s: expected the %d fields of a control, got %d: %v", lang, len(groups), len(got), got)
		}
		for name, legend := range groups {
			if got[name] != legend[i] {
				t.Errorf("%s: expected %s under %q, got %q", lang, name, legend[i], got[name])
			}
		}
	}
}
