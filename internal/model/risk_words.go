package model

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// The two axes of the risk matrix.
const (
	AxisProbability = "probability"
	AxisConsequence = "consequence"
)

// RiskWordMax is the longest word a step of the risk scale may have, in
// characters: it is drawn beside the matrix.
const RiskWordMax = 40

// RiskWords are the words of the steps of the risk scale in one language,
// from step 1 up: "Osannolik" … "Mycket sannolik".
type RiskWords struct {
	Probability []string `json:"probability"`
	Consequence []string `json:"consequence"`
}

// DefaultRiskWords are the scale's words when the settings name none: a
// matrix of 4 uses the first four of each.
var DefaultRiskWords = map[string]RiskWords{
	"sv": {
		Probability: []string{"Osannolik", "Mindre sannolik", "Möjlig", "Sannolik", "Mycket sannolik"},
		Consequence: []string{"Försumbar", "Lindrig", "Kännbar", "Allvarlig", "Mycket allvarlig"},
	},
	"en": {
		Probability: []string{"Improbable", "Unlikely", "Possible", "Likely", "Very likely"},
		Consequence: []string{"Negligible", "Minor", "Noticeable", "Serious", "Very serious"},
	},
}

// RiskScaleWords is the risk matrix's scale as the settings give it: its
// size and the words of its steps in each language.
type RiskScaleWords struct {
	Scale int
	words map[string]RiskWords
}

// ParseRiskWords reads the settings' risk_words JSON, e.g.
// {"sv":{"probability":["Osannolik",…],"consequence":[…]},"en":{…}}, for a
// matrix of scale steps. A language or axis that is missing or does not
// pass CheckRiskWords takes its default words, so every step always has
// one.
func ParseRiskWords(raw []byte, scale int) RiskScaleWords {
	scale = RiskScale(scale)
	var stored map[string]RiskWords
	_ = json.Unmarshal(raw, &stored)
	out := RiskScaleWords{Scale: scale, words: map[string]RiskWords{}}
	for lang, def := range DefaultRiskWords {
		w := stored[lang]
		if !wordsFit(w.Probability, scale) {
			w.Probability = def.Probability
		}
		if !wordsFit(w.Consequence, scale) {
			w.Consequence = def.Consequence
		}
		out.words[lang] = RiskWords{Probability: w.Probability[:scale], Consequence: w.Consequence[:scale]}
	}
	return out
}

// CheckRiskWords reports whether a risk_words value fits a matrix of scale
// steps: empty, or a JSON object of languages
// (sv, en), each with a list of words per axis, at least one a step, none
// empty or longer than RiskWordMax. A language or axis left out takes its
// default words.
func CheckRiskWords(raw []byte, scale int) bool {
	if len(raw) == 0 || string(raw) == "null" {
		return true
	}
	var stored map[string]RiskWords
	if err := json.Unmarshal(raw, &stored); err != nil {
		return false
	}
	for lang, w := range stored {
		if _, ok := DefaultRiskWords[lang]; !ok {
			return false
		}
		if (w.Probability != nil && !wordsFit(w.Probability, scale)) || (w.Consequence != nil && !wordsFit(w.Consequence, scale)) {
			return false
		}
	}
	return true
}

func wordsFit(words []string, scale int) bool {
	if len(words) < RiskScale(scale) {
		return false
	}
	for _, w := range words {
		if Blank(w) || utf8.RuneCountInString(w) > RiskWordMax {
			return false
		}
	}
	return true
}

// Words are the scale's words in lang (Swedish for any other language).
func (r RiskScaleWords) Words(lang string) RiskWords {
	if w, ok := r.words[lang]; ok {
		return w
	}
	return r.words["sv"]
}

// Word is the word of a step on an axis in lang, or "" outside the scale.
func (r RiskScaleWords) Word(lang, axis string, step int) string {
	w := r.Words(lang).Probability
	if axis == AxisConsequence {
		w = r.Words(lang).Consequence
	}
	if step < 1 || step > len(w) {
		return ""
	}
	return w[step-1]
}

// Step is a step with its word, as the forms and the history write it:
// "3 – Möjlig"; a step outside the scale is its number alone.
func (r RiskScaleWords) Step(lang, axis string, step int) string {
	if word := r.Word(lang, axis, step); word != "" {
		return strconv.Itoa(step) + " – " + word
	}
	return strconv.Itoa(step)
}
