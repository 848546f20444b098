package i18n

// The labels of stored values the change history shows, beside the
// forms' own (templates.ValueKey names them), and the risk scale's words.
func init() {
	for k, v := range map[string][2]string{
		// an action's deadline precision, as the deadline is written in words
		"precision.day":     {"Dag", "Day"},
		"precision.month":   {"Månad", "Month"},
		"precision.quarter": {"Kvartal", "Quarter"},
		"precision.tertial": {"Tertial", "Four months"},
		"precision.half":    {"Halvår", "Half year"},
		"precision.year":    {"År", "Year"},

		// fields of the history without a form of their own
		"history.f.avatar":        {"Profilbild", "Profile picture"},
		"history.f.risk_scale":    {"Riskmatrisens storlek", "Size of the risk matrix"},
		"history.f.risk_bands":    {"Riskmatrisens färggränser", "Risk matrix colour bands"},
		"history.f.reminder_days": {"Påminnelsedagar", "Reminder days"},
		"history.f.risk_words":    {"Riskskalans ord", "Risk scale words"},
	} {
		catalogue[k] = v
	}
}
