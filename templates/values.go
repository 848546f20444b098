package templates

import "ikplan/internal/i18n"

// valueKeys maps each select field of the audited collections
// ("collection.field") to the catalogue prefix of its values' labels. The
// forms' options, the record pages and the change history all name a
// stored value through it, so "lopande" reads "Löpande kontroll" wherever
// it is shown, in either language.
var valueKeys = map[string]string{
	"plans.status":                    "plan.status.",
	"controls.method":                 "method.",
	"controls.frequency":              "frequency.",
	"controls.target_operator":        "op.",
	"results.outcome":                 "outcome.",
	"deviations.status":               "deviation.status.",
	"actions.status":                  "action.status.",
	"actions.deadline_precision":      "precision.",
	"risks.category":                  "risks.category.",
	"risks.status":                    "risks.status.",
	"risk_assessments.treatment":      "risks.treatment.",
	"users.role":                      "me.role.",
	"samples.method":                  "sample.method.",
	"sample_items.status":             "sample.status.",
	"common_controls.method":          "method.",
	"common_controls.frequency":       "frequency.",
	"common_controls.target_operator": "op.",
}

// ValueKey is the catalogue key of a select field's value ("method.lopande"
// for controls.method = lopande), or "" when the field has no labels.
func ValueKey(collection, field, value string) string {
	prefix, ok := valueKeys[collection+"."+field]
	if !ok || value == "" {
		return ""
	}
	return prefix + value
}

// ValueLabel is a select field's value as the forms label it, in lang; the
// value itself when it has no label.
func ValueLabel(lang, collection, field, value string) string {
	if key := ValueKey(collection, field, value); key != "" && i18n.Has(key) {
		return i18n.T(lang, key)
	}
	return value
}

// ValueOptions are a select field's values as a form's options, labelled
// as everywhere else.
func ValueOptions(lang, collection, field string, values []string) []Option {
	out := make([]Option, 0, len(values))
	for _, v := range values {
		out = append(out, Option{v, ValueLabel(lang, collection, field, v)})
	}
	return out
}

// internalFields are fields the server keeps for itself — an order, a
// flag or a link it derives from what people entered — which the change
// history leaves out: the change someone made is shown by the fields they
// set.
var internalFields = map[string]bool{
	"controls.position":     true, // the plan's order, moved by dragging
	"controls.reported":     true, // derived from the results
	"controls.next_due":     true,
	"controls.next_period":  true,
	"actions.in_draft":      true,
	"deviations.plan":       true, // the result's control's plan, kept for an index
	"users.emailVisibility": true,
	"users.verified":        true,
	"users.tokenKey":        true,
	"users.calendar_token":  true,
	"users.password":        true,
}

// InternalField reports whether a field is one the server keeps for
// itself, left out of the change history.
func InternalField(collection, field string) bool {
	return field == "id" || internalFields[collection+"."+field]
}
