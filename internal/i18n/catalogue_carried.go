package i18n

// The texts of an action continued in next year's plan.
func init() {
	for k, v := range map[string][2]string{
		"action.status.continued":    {"Fortsätter i nästa års plan", "Continues in next year's plan"},
		"action.status.continued_in": {"Fortsätter i planen för %d", "Continues in the %d plan"},
		"history.f.carried_to":       {"Fortsätter i", "Continued in"},
	} {
		catalogue[k] = v
	}
}
