package i18n

// The plans list and the plan table (issue 19, points 4 and 8).
func init() {
	for k, v := range map[string][2]string{
		// the plan table: one table, a row group per unit
		"plan.table.caption": {"Planens kontrollpunkter per förvaltning", "The plan's controls by unit"},
		"plan.table.latest":  {"Senaste utfall", "Latest outcome"},
		"plan.table.change":  {"Ändra kontrollpunkten", "Edit the control"},

		// the plans list: every board of the year, each plan's readiness
		"plans.caption_year":      {"Nämndernas planer för %s", "The boards' plans for %s"},
		"plans.ready":             {"Läge", "Progress"},
		"plans.no_plan":           {"Ingen plan för %d", "No plan for %d"},
		"plans.create_for":        {"Skapa plan", "Create a plan"},
		"plans.create_for_board":  {"för %s %d", "for %s %d"},
		"plans.choose_board":      {"Välj nämnd", "Choose a board"},
		"plans.ready.no_controls": {"Inga kontrollpunkter", "No controls"},
		"plans.ready.no_owner":    {"%d saknar ansvarig", "%d without an owner"},
		"plans.ready.no_due":      {"%d saknar datum", "%d without a due date"},
		"plans.ready.no_method":   {"%d saknar metod", "%d without a method"},
		"plans.ready.no_result":   {"%d av %d saknar resultat", "%d of %d without a result"},
	} {
		catalogue[k] = v
	}
}
