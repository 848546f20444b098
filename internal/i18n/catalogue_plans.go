package i18n

// The plans list and the plan table (issue 19, points 4 and 8).
func init() {
	for k, v := range map[string][2]string{
		// the plan table: one table, a row group per unit
		"plan.table.caption": {"Planens kontrollpunkter per förvaltning", "The plan's controls by unit"},
		"plan.table.latest":  {"Senaste utfall", "Latest outcome"},
		"plan.table.change":  {"Ändra kontrollpunkten", "Edit the control"},
	} {
		catalogue[k] = v
	}
}
