package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/net/html"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestOptionalFieldsSaySoAndOnlyThey: on every form that saves a record,
// a field's label ends in "(frivilligt)" ("(optional)" in English) exactly
// when the collection's schema lets the field be left empty — read here
// from the schema itself, so a label cannot promise more or less than a
// save checks. A field a save lets be empty but the plan's adoption needs
// (a control's owner, due date and method) says that instead.
func TestOptionalFieldsSaySoAndOnlyThey(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
		t.Fatal(err)
	}
	forms := []struct {
		name, path, action, collection string
	}{
		{"a new control", "/plans/" + f.Plan, "/plans/" + f.Plan + "/controls", model.Controls},
		{"a control's changes", "/plans/" + f.Plan + "/controls/" + f.Controls["5"] + "/edit", "/plans/" + f.Plan + "/controls/" + f.Controls["5"], model.Controls},
		{"a new plan", "/plans", "/plans", model.Plans},
		{"a new risk", "/risks", "/risks", model.Risks},
		{"a risk's assessment", "/risks/" + f.Risk, "/risks/" + f.Risk + "/assessments", model.RiskAssessments},
	}
	checked := 0
	for _, form := range forms {
		c, err := app.FindCollectionByNameOrId(form.collection)
		if err != nil {
			t.Fatal(err)
		}
		for lang, marks := range map[string][2]string{"sv": {"(frivilligt)", "(behövs för att anta planen)"}, "en": {"(optional)", "(needed to adopt the plan)"}} {
			mark, needed := marks[0], marks[1]
			req := httptest.NewRequest(http.MethodGet, form.path, nil)
			req.Header.Set("Cookie", "ikplan_session="+f.Sessions["samordnare"]+"; ikplan_lang="+lang)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: Expected %s shown, got %d", form.name, form.path, rec.Code)
			}
			fields := labelledFields(t, rec.Body.String(), form.action)
			if len(fields) == 0 {
				t.Fatalf("%s: Expected the form posting to %s on %s, found no fields", form.name, form.action, form.path)
			}
			for name, label := range fields {
				field := c.Fields.GetByName(name)
				if field == nil {
					continue // not a field of the record (a confirmation, a filter)
				}
				checked++
				required := schemaRequired(field)
				adopt := !required && model.NeededToAdopt(form.collection, name)
				optional := strings.HasSuffix(label, " "+mark)
				if optional != (!required && !adopt) || strings.HasSuffix(label, " "+needed) != adopt {
					t.Errorf("%s (%s): field %s is required=%v in the schema and needed to adopt=%v, but its label reads %q", form.name, lang, name, required, adopt, label)
				}
			}
		}
	}
	if checked < 40 {
		t.Fatalf("Expected the fields of five forms in two languages, checked %d", checked)
	}
}

// schemaRequired is the Required flag of a field as the schema holds it.
func schemaRequired(f core.Field) bool {
	switch f := f.(type) {
	case *core.TextField:
		return f.Required
	case *core.NumberField:
		return f.Required
	case *core.SelectField:
		return f.Required
	case *core.RelationField:
		return f.Required
	case *core.DateField:
		return f.Required
	case *core.EditorField:
		return f.Required
	case *core.FileField:
		return f.Required
	}
	return false
}

// labelledFields is the fields a person fills in on the form of page that posts
// to action: each field's name and the text of its label (checkboxes and
// hidden fields left out).
func labelledFields(t *testing.T, page, action string) map[string]string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var form *html.Node
	labels := map[string]string{} // for → text
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "form":
				if htmlAttr(n, "action") == action && form == nil {
					form = n
				}
			case "label":
				labels[htmlAttr(n, "for")] = strings.Join(strings.Fields(nodeText(n)), " ")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	out := map[string]string{}
	if form == nil {
		return out
	}
	var fields func(n *html.Node)
	fields = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "input" || n.Data == "select" || n.Data == "textarea") {
			switch htmlAttr(n, "type") {
			case "hidden", "checkbox", "radio", "submit":
			default:
				if label, ok := labels[htmlAttr(n, "id")]; ok && htmlAttr(n, "name") != "" {
					out[htmlAttr(n, "name")] = label
				} else {
					t.Errorf("field %q of the form posting to %s has no label", htmlAttr(n, "name"), action)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			fields(c)
		}
	}
	fields(form)
	return out
}

func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func nodeText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(nodeText(c))
	}
	return b.String()
}
