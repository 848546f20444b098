package model_test

import (
	"testing"

	"ikplan/internal/model"
)

// TestRiskWords: every step of the scale has a word in both languages —
// the settings' words where they fit the scale, the defaults where they
// do not — and a step reads "3 – Möjlig".
func TestRiskWords(t *testing.T) {
	t.Parallel()
	scenarios := []struct {
		name  string
		raw   string
		scale int
		lang  string
		axis  string
		step  int
		want  string
		ok    bool
	}{
		{"defaults", "", 5, "sv", model.AxisProbability, 3, "3 – Möjlig", true},
		{"defaults, consequence", "", 5, "sv", model.AxisConsequence, 5, "5 – Mycket allvarlig", true},
		{"defaults in English", "", 5, "en", model.AxisProbability, 1, "1 – Improbable", true},
		{"a matrix of 4 ends at Allvarlig", "", 4, "sv", model.AxisConsequence, 4, "4 – Allvarlig", true},
		{"a matrix of 4 has no step 5", "", 4, "sv", model.AxisConsequence, 5, "5", true},
		{"the settings' words", `{"sv":{"probability":["A","B","C","D","E"]}}`, 5, "sv", model.AxisProbability, 2, "2 – B", true},
		{"the settings' words leave the other axis", `{"sv":{"probability":["A","B","C","D","E"]}}`, 5, "sv", model.AxisConsequence, 2, "2 – Lindrig", true},
		{"five words serve a matrix of 4", `{"sv":{"probability":["A","B","C","D","E"]}}`, 4, "sv", model.AxisProbability, 4, "4 – D", true},
		{"four words do not serve a matrix of 5", `{"sv":{"probability":["A","B","C","D"]}}`, 5, "sv", model.AxisProbability, 4, "4 – Sannolik", false},
		{"a blank word", `{"sv":{"probability":["A"," ","C","D","E"]}}`, 5, "sv", model.AxisProbability, 1, "1 – Osannolik", false},
		{"an unknown language", `{"de":{"probability":["A","B","C","D","E"]}}`, 5, "sv", model.AxisProbability, 1, "1 – Osannolik", false},
		{"not JSON words", `{"sv":"x"}`, 5, "sv", model.AxisProbability, 1, "1 – Osannolik", false},
		{"another language reads Swedish", "", 5, "fi", model.AxisProbability, 3, "3 – Möjlig", true},
	}
	for _, s := range scenarios {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			w := model.ParseRiskWords([]byte(s.raw), s.scale)
			if got := w.Step(s.lang, s.axis, s.step); got != s.want {
				t.Errorf("Expected %q, got %q", s.want, got)
			}
			if got := model.CheckRiskWords([]byte(s.raw), s.scale); got != s.ok {
				t.Errorf("Expected CheckRiskWords %v, got %v", s.ok, got)
			}
			for _, lang := range []string{"sv", "en"} {
				for step := 1; step <= s.scale; step++ {
					if w.Word(lang, model.AxisProbability, step) == "" || w.Word(lang, model.AxisConsequence, step) == "" {
						t.Errorf("Expected a word for step %d in %s", step, lang)
					}
				}
			}
		})
	}
}
