package i18n

// The texts of a deadline written in words ("kvartal 3 2025"): the field,
// how it was understood, and what is said when it cannot be read. The
// action forms and the Excel import use them.
func init() {
	for k, v := range map[string][2]string{
		"deadline.label": {"När ska åtgärden vara klar?", "When should the action be done?"},
		"deadline.hint": {"Skriv ett datum eller en period, till exempel ”2025-09-30”, ”mars 2026”, ”kvartal 3 2025”, ”tertial 2 2026”, ”första halvåret 2025” eller ”under 2025”. En period gäller till och med sin sista dag.",
			"Write a date or a period, for example “2025-09-30”, “March 2026”, “quarter 3 2025”, “tertial 2 2026”, “first half 2025” or “during 2025”. A period lasts until its last day."},
		"deadline.understood":     {"Tolkas som: %s (senast %s)", "Understood as: %s (by %s)"},
		"deadline.understood_day": {"Tolkas som: %s", "Understood as: %s"},
		"deadline.passed":         {"Observera att datumet redan har passerat, så åtgärden kommer att visas som försenad.", "Note that the date has already passed, so the action will show as overdue."},
		"deadline.unread_typing":  {"Kan inte tolkas än. Skriv till exempel ”kvartal 3 2025”, ”mars 2026” eller ”2025-09-30”.", "Cannot be understood yet. Write for example “quarter 3 2025”, “March 2026” or “2025-09-30”."},
		"deadline.unread": {"Slutdatumet ”%s” kan inte tolkas. Skriv ett datum eller en period, till exempel ”2025-09-30”, ”mars 2026”, ”kvartal 3 2025”, ”tertial 2 2026”, ”första halvåret 2025” eller ”under 2025”.",
			"The deadline “%s” cannot be understood. Write a date or a period, for example “2025-09-30”, “March 2026”, “quarter 3 2025”, “tertial 2 2026”, “first half 2025” or “during 2025”."},
		"deadline.long":  {"%s (senast %s)", "%s (by %s)"},
		"deadline.saved": {"Slutdatumet tolkades som %s.", "The deadline was understood as %s."},
	} {
		catalogue[k] = v
	}
}
