package i18n

// The texts of the lists: /actions, the start page's counts in their
// number (i18n.N picks a key's "_one" form for one) and its significant
// deviations.
func init() {
	for k, v := range map[string][2]string{
		// a board's bar on the start page: "{board}: {reported}, {significant}, {late}."
		"start.bar":                 {"%s: %s, %s, %s.", "%s: %s, %s, %s."},
		"start.bar_reported":        {"%d av %d kontrollpunkter rapporterade", "%d of %d controls reported"},
		"start.bar_reported_one":    {"%d av %d kontrollpunkt rapporterad", "%d of %d control reported"},
		"start.bar_significant":     {"%d öppna väsentliga avvikelser", "%d open significant deviations"},
		"start.bar_significant_one": {"%d öppen väsentlig avvikelse", "%d open significant deviation"},
		"start.bar_late":            {"%d försenade åtgärder", "%d overdue actions"},
		"start.bar_late_one":        {"%d försenad åtgärd", "%d overdue action"},
		"plan.progress_text_one":    {"%d av %d kontrollpunkt rapporterad", "%d of %d control reported"},
		"start.due_in_one":          {"Om %d dag", "In %d day"},

		// a status tag of an overdue item: its status and that it is late, in one tag
		"status.overdue": {"%s, försenad", "%s, overdue"},
	} {
		catalogue[k] = v
	}
}
