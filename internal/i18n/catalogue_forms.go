package i18n

// The groups of the control form: its fields under four legends, so the
// form reads as a few short questions rather than one long column.
func init() {
	for k, v := range map[string][2]string{
		"control.group.what":        {"Vad kontrolleras", "What is checked"},
		"control.group.how":         {"Hur och när", "How and when"},
		"control.group.who":         {"Ansvar", "Responsibility"},
		"control.group.target":      {"Mätbart mål", "Measurable target"},
		"control.group.target_hint": {"Fyll i om kontrollen mäter något mot ett målvärde, till exempel andel korrekta utbetalningar ≥ 95 procent.", "Fill in if the control measures something against a target value, for example share of correct payments ≥ 95 percent."},
	} {
		catalogue[k] = v
	}
}
