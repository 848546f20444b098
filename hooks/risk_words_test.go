package hooks_test

import (
	"encoding/json"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestRiskWordsFitTheScale: the settings' words of the risk scale are
// saved when every language and axis has a word for each step of the
// matrix, none blank or too long; anything else is refused naming
// risk_words, whether the words change or the matrix grows past them. The
// migration wrote the default words.
func TestRiskWordsFitTheScale(t *testing.T) {
	t.Parallel()
	five := []string{"A", "B", "C", "D", "E"}
	tooLong := ""
	for range model.RiskWordMax + 1 {
		tooLong += "x"
	}
	scenarios := []struct {
		name  string
		set   map[string]any
		valid bool
	}{
		{"the defaults", map[string]any{"risk_words": model.DefaultRiskWords}, true},
		{"own words for one axis", map[string]any{"risk_words": map[string]any{"sv": map[string]any{"probability": five}}}, true},
		{"none (the defaults)", map[string]any{"risk_words": nil}, true},
		{"four words on a matrix of 5", map[string]any{"risk_words": map[string]any{"sv": map[string]any{"consequence": five[:4]}}}, false},
		{"four words on a matrix of 4", map[string]any{"risk_scale": 4, "risk_words": map[string]any{"sv": map[string]any{"consequence": five[:4]}}}, true},
		{"a blank word", map[string]any{"risk_words": map[string]any{"en": map[string]any{"probability": []string{"A", " ", "C", "D", "E"}}}}, false},
		{"a word too long", map[string]any{"risk_words": map[string]any{"en": map[string]any{"probability": []string{"A", "B", "C", "D", tooLong}}}}, false},
		{"an unknown language", map[string]any{"risk_words": map[string]any{"de": map[string]any{"probability": five}}}, false},
		{"not words", map[string]any{"risk_words": map[string]any{"sv": "Möjlig"}}, false},
		{"a list, not languages", map[string]any{"risk_words": five}, false},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			app := testapp.New(t)
			f := testapp.Fix(t)
			err := testapp.Update(app, model.Settings, f.Settings, s.set)
			if s.valid && err != nil {
				t.Errorf("Expected the words saved, got %v", err)
			}
			if !s.valid {
				if _, ok := testapp.FieldErrors(err)["risk_words"]; !ok {
					t.Errorf("Expected the words refused naming risk_words, got %v", err)
				}
			}
		})
	}

	t.Run("a matrix of 4 grows past its four words", func(t *testing.T) {
		t.Parallel()
		app := testapp.New(t)
		f := testapp.Fix(t)
		four := map[string]any{"sv": map[string]any{"probability": five[:4]}}
		if err := testapp.Update(app, model.Settings, f.Settings, map[string]any{"risk_scale": 4, "risk_words": four}); err != nil {
			t.Fatal(err)
		}
		err := testapp.Update(app, model.Settings, f.Settings, map[string]any{"risk_scale": 5})
		if _, ok := testapp.FieldErrors(err)["risk_words"]; !ok {
			t.Errorf("Expected the larger matrix refused naming risk_words, got %v", err)
		}
	})

	t.Run("the migration wrote the defaults", func(t *testing.T) {
		t.Parallel()
		app := testapp.New(t)
		f := testapp.Fix(t)
		r, err := app.FindRecordById(model.Settings, f.Settings)
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]model.RiskWords
		if err := json.Unmarshal([]byte(r.GetString("risk_words")), &got); err != nil || got["sv"].Probability[2] != "Möjlig" || got["en"].Consequence[4] != "Very serious" {
			t.Errorf("Expected the default words stored, got %s (%v)", r.GetString("risk_words"), err)
		}
	})
}
