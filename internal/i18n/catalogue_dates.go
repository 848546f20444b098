package i18n

// The texts about dates: the periods of a control that are overdue.
func init() {
	for k, v := range map[string][2]string{
		"controlpage.late_periods": {"Resultat saknas för %s, som redan skulle ha rapporterats.", "Results are missing for %s, which were due already."},
	} {
		catalogue[k] = v
	}
}
