package i18n

// The texts about dates: the periods of a control that are overdue, and
// the warnings about dates that have already passed.
func init() {
	for k, v := range map[string][2]string{
		"controlpage.late_periods": {"Resultat saknas för %s, som redan skulle ha rapporterats.", "Results are missing for %s, which were due already."},

		// warnings, not refusals: people do record last year's plan late
		"plan.year_over":         {"Planen gäller %d, ett år som redan är slut. Stämmer året? Förs planen in i efterhand kan du fortsätta som vanligt; annars kan året ändras så länge planen är ett utkast.", "The plan is for %d, a year that is already over. Is the year right? If the plan is being recorded afterwards, carry on as usual; otherwise the year can be changed while the plan is a draft."},
		"action.deadline_passed": {"Observera att slutdatumet %s redan har passerat, så åtgärden visas som försenad. Stämmer datumet?", "Note that the deadline %s has already passed, so the action shows as overdue. Is the date right?"},
	} {
		catalogue[k] = v
	}
}
