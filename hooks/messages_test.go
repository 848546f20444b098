package hooks_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/i18n"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// swedishWords find Swedish in a string, in any case: a letter of its own
// or a common word of a sentence, so "kunde inte läsas" and "Ange
// efterträdaren" are found, and so is "kunde inte lasas".
var swedishWords = regexp.MustCompile(`[åäöÅÄÖ]|(?i)\b(och|att|inte|kunde|kan|ska|skall|finns|saknar|har|ange|välj|skriv|eller|planen|nämnden|kontrollpunkt\w*|åtgärd\w*|ingen|inget)\b`)

// TestHooksWriteNoSentences: the hooks refuse with catalogue keys, never
// with a sentence of their own, so every refusal can be shown in the
// reader's language: no string in the hooks' code is Swedish text, and
// every key they name is in the catalogue, in Swedish and English. The
// same holds for next year's plan (internal/carry) and the Excel import.
func TestHooksWriteNoSentences(t *testing.T) {
	t.Parallel()
	keys := 0
	globs := []string{"*.go", "../internal/carry/*.go"}
	// the Excel import's files (internal/report has other Swedish: the documents)
	for _, f := range []string{"xlsx_import.go", "xlsx_import_row.go", "xlsx_columns.go", "xlsx_read.go", "xlsx_package.go", "xlsx_stream.go"} {
		globs = append(globs, "../internal/report/"+f)
	}
	for _, glob := range globs {
		files, err := filepath.Glob(glob)
		if err != nil || len(files) == 0 {
			t.Fatalf("Expected Go files in %s: %v", glob, err)
		}
		keys += noSentences(t, files)
	}
	if keys < 100 {
		t.Fatalf("Expected the hooks to name their messages by key (~110), found %d keys", keys)
	}
}

// noSentences reports each string literal of files (tests left out) that
// is Swedish text rather than a catalogue key, and each key that is not in
// the catalogue; it returns the number of keys named.
func noSentences(t *testing.T, files []string) int {
	t.Helper()
	key := regexp.MustCompile(`^(ikplan|carry|import|ready)\.[A-Za-z_.<>=]+$`)
	fset := token.NewFileSet()
	keys := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			ast.Inspect(decl, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					return true
				}
				switch {
				case key.MatchString(s) && strings.HasSuffix(s, "."):
					// a prefix the code completes ("ikplan.required." + collection …)
					if len(i18n.Keys(s)) == 0 {
						t.Errorf("%s: no catalogue key starts with %q", fset.Position(lit.Pos()), s)
					}
					keys++
				case key.MatchString(s):
					if !i18n.Has(s) {
						t.Errorf("%s: key %q is not in the catalogue", fset.Position(lit.Pos()), s)
					}
					keys++
				case slices.Contains(report.PlanHeaders(), s):
					// the Excel sheet's column headers: its format, not a sentence
				case swedishWords.MatchString(s):
					t.Errorf("%s: a sentence written into the code, not a catalogue key: %q", fset.Position(lit.Pos()), s)
				}
				return true
			})
		}
	}
	return keys
}

// placeholders are a text's {name} and {t:name} parameters.
var placeholders = regexp.MustCompile(`\{(t:)?[a-z_]+\}`)

// TestMessagesInBothLanguages: every message of the server's refusals has
// a Swedish and an English text that differ, the English one holds no
// Swedish, and both take the same parameters.
func TestMessagesInBothLanguages(t *testing.T) {
	t.Parallel()
	swedishInEnglish := regexp.MustCompile(`[åäöÅÄÖ]|\b(och|att|måste|inte|kan|eller|Ange|Välj|Skriv|planen|nämnd)\b`)
	keys := i18n.Keys("ikplan.")
	if len(keys) < 150 {
		t.Fatalf("Expected the refusals' messages in the catalogue, got %d keys", len(keys))
	}
	// and the Excel import's refusals
	imports := i18n.Keys("import.")
	if len(imports) < 30 {
		t.Fatalf("Expected the import's messages in the catalogue, got %d keys", len(imports))
	}
	keys = append(keys, imports...)
	for _, k := range keys {
		sv, en := i18n.Texts(k)
		if sv == en && placeholders.ReplaceAllString(sv, "") == "" {
			continue // a message that is only its parameter ("{error}")
		}
		if sv == "" || en == "" || sv == en {
			t.Errorf("%s: expected a Swedish and a different English text, got %q / %q", k, sv, en)
			continue
		}
		// a decision's reference is Swedish by nature ("§ 45, dnr KS 2024/12")
		if m := swedishInEnglish.FindString(strings.ReplaceAll(en, "dnr KS", "")); m != "" {
			t.Errorf("%s: the English text holds Swedish %q: %q", k, m, en)
		}
		ps, pe := placeholders.FindAllString(sv, -1), placeholders.FindAllString(en, -1)
		slices.Sort(ps)
		slices.Sort(pe)
		if !slices.Equal(slices.Compact(ps), slices.Compact(pe)) {
			t.Errorf("%s: the texts take different parameters: %v / %v", k, ps, pe)
		}
	}
}

// requiredFields are the required fields of every collection but
// PocketBase's own, without the ids PocketBase makes.
func requiredFields(t *testing.T, app core.App) map[string][]string {
	t.Helper()
	cols, err := app.FindAllCollections()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, c := range cols {
		if c.System {
			continue
		}
		for _, f := range c.Fields {
			var required bool
			switch f := f.(type) {
			case *core.TextField:
				required = f.Required && !f.PrimaryKey
			case *core.EditorField:
				required = f.Required
			case *core.NumberField:
				required = f.Required
			case *core.SelectField:
				required = f.Required
			case *core.RelationField:
				required = f.Required
			case *core.DateField:
				required = f.Required
			case *core.EmailField:
				required = f.Required
			case *core.URLField:
				required = f.Required
			case *core.FileField:
				required = f.Required
			case *core.BoolField:
				required = f.Required
			case *core.JSONField:
				required = f.Required
			case *core.PasswordField:
				required = f.Required
			}
			if required {
				out[c.Name] = append(out[c.Name], f.GetName())
			}
		}
	}
	return out
}

// TestRequiredFieldsNamed: every required field of every collection has a
// message of its own that names the field — by the name the history and
// the forms give it, or by its own name where it has none — in Swedish and
// in English; and a record saved without them is refused with exactly
// those messages, never with "Fältet måste fyllas i.".
func TestRequiredFieldsNamed(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	fields := requiredFields(t, app)
	refused := 0
	for col, names := range fields {
		for _, field := range names {
			key := "ikplan.required." + col + "." + field
			if !i18n.Has(key) {
				t.Errorf("%s.%s: no message of its own (%s)", col, field, key)
				continue
			}
			sv, en := i18n.Texts(key)
			nameSv, nameEn := field, field
			if i18n.Has("history.f." + field) {
				nameSv, nameEn = i18n.Texts("history.f." + field)
			}
			if !strings.Contains(strings.ToLower(sv), strings.ToLower(nameSv)) {
				t.Errorf("%s.%s: the Swedish message does not name the field (%q): %q", col, field, nameSv, sv)
			}
			if !strings.Contains(strings.ToLower(en), strings.ToLower(nameEn)) {
				t.Errorf("%s.%s: the English message does not name the field (%q): %q", col, field, nameEn, en)
			}
		}
		c, err := app.FindCollectionByNameOrId(col)
		if err != nil {
			t.Fatal(err)
		}
		errs := testapp.FieldErrors(app.Save(core.NewRecord(c)))
		for field, msg := range errs {
			if !slices.Contains(names, field) {
				continue
			}
			if msg == "Fältet måste fyllas i." || msg != i18n.M("ikplan.required."+col+"."+field).In(i18n.Sv) {
				t.Errorf("%s.%s left empty: expected its own message, got %q", col, field, msg)
			}
			refused++
		}
	}
	if refused < 15 {
		t.Fatalf("Expected empty records refused on their required fields, got %d refusals", refused)
	}
}

// TestRefusalsInTheRequestsLanguage: the REST API answers a refusal in
// Swedish, and in English when the request asks for it (Accept-Language),
// both the answer's message and each field's, with the same code and the
// message's key; a refusal of a whole write (a delete) too.
func TestRefusalsInTheRequestsLanguage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	headers := func(role string, kv ...string) map[string]string {
		h := map[string]string{"Authorization": f.Tokens[role], "Content-Type": "application/json"}
		for i := 0; i+1 < len(kv); i += 2 {
			h[kv[i]] = kv[i+1]
		}
		return h
	}
	body := func() *strings.Reader { return strings.NewReader(`{"result":"` + f.Results["1"] + `"}`) }
	deviation := "/api/collections/deviations/records"
	plan := "/api/collections/plans/records/" + f.Plan
	scenarios := []tests.ApiScenario{
		{
			Name: "Swedish by default", Method: http.MethodPost, URL: deviation, Body: body(), Headers: headers("samordnare"),
			ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"message":"Uppgifterna sparades inte. description: Skriv en beskrivning av avvikelsen – vad som inte stämde."`,
				`"description":{"code":"validation_ikplan","message":"Skriv en beskrivning av avvikelsen – vad som inte stämde.","messageKey":"ikplan.required.deviations.description"`},
			NotExpectedContent: []string{"Enter a description"},
		},
		{
			Name: "English when asked", Method: http.MethodPost, URL: deviation, Body: body(),
			Headers:        headers("samordnare", "Accept-Language", "en-GB,en;q=0.9,sv;q=0.5"),
			ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"message":"The details were not saved. description: Enter a description of the deviation – what was wrong."`,
				`"description":{"code":"validation_ikplan","message":"Enter a description of the deviation – what was wrong.","messageKey":"ikplan.required.deviations.description"`},
			NotExpectedContent: []string{"Skriv", "sparades"},
		},
		{
			Name: "Swedish when Swedish comes first", Method: http.MethodPost, URL: deviation, Body: body(),
			Headers:        headers("samordnare", "Accept-Language", "sv-SE,sv;q=0.9,en;q=0.5"),
			ExpectedStatus: http.StatusBadRequest, ExpectedContent: []string{"Skriv en beskrivning av avvikelsen"},
			NotExpectedContent: []string{"Enter a description"},
		},
		{
			Name: "a refused delete in English, with its parameters", Method: http.MethodDelete, URL: plan,
			Headers:            headers("samordnare", "Accept-Language", "en"),
			ExpectedStatus:     http.StatusBadRequest,
			ExpectedContent:    []string{`"message":"The plan is adopted and cannot be deleted; only a draft can be deleted."`},
			NotExpectedContent: []string{"Planen", "antagen"},
		},
		{
			Name: "a rule's refusal in English, with its parameters", Method: http.MethodPatch, URL: plan,
			Body:               strings.NewReader(`{"status":"archived"}`),
			Headers:            headers("samordnare", "Accept-Language", "en"),
			ExpectedStatus:     http.StatusBadRequest,
			ExpectedContent:    []string{`"status":{"code":"validation_ikplan","message":"A plan cannot go from adopted to archived.`},
			NotExpectedContent: []string{"Planen", "antagen", "måste"},
		},
		{
			// the readiness list is a parameter of its own, each part in the
			// request's language
			Name: "the report gate's list in English", Method: http.MethodPatch, URL: plan,
			Body:           strings.NewReader(`{"status":"reported","reported_on":"2025-03-01"}`),
			Headers:        headers("samordnare", "Accept-Language", "en"),
			ExpectedStatus: http.StatusBadRequest,
			ExpectedContent: []string{`"message":"The plan cannot be marked reported yet: the significant deviation in control 8 has no action`,
				`"params":{"problems":[{"key":"ready.no_action","args":["8"]}`},
			NotExpectedContent: []string{"väsentliga", "återrapporteras"},
		},
		{
			Name: "the report gate's list in Swedish", Method: http.MethodPatch, URL: plan,
			Body:               strings.NewReader(`{"status":"reported","reported_on":"2025-03-01"}`),
			Headers:            headers("samordnare"),
			ExpectedStatus:     http.StatusBadRequest,
			ExpectedContent:    []string{`"message":"Planen kan inte återrapporteras ännu: den väsentliga avvikelsen i kontrollpunkt 8 saknar åtgärd`},
			NotExpectedContent: []string{"significant"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}
}
