package i18n

// The texts of the reminders on the start page, the count in the menu, the
// user's own page and its calendar feed.
func init() {
	for k, v := range map[string][2]string{
		// the menu
		"nav.count": {"försenade eller ska vara klara i dag", "overdue or due today"},

		// the start page
		"start.soon":          {"Ska snart vara klart", "Due soon"},
		"start.no_soon":       {"Inget av ditt ska vara klart de närmaste dagarna.", "None of your items is due in the coming days."},
		"start.due_today":     {"I dag", "Today"},
		"start.due_in":        {"Om %d dagar", "In %d days"},
		"start.showing":       {"Visar de %d första av %d.", "Showing the first %d of %d."},
		"start.show_all":      {"Visa alla (%d)", "Show all (%d)"},
		"start.showing_over":  {"Visar de %d första av fler än %d.", "Showing the first %d of more than %d."},
		"start.show_all_over": {"Visa alla (fler än %d)", "Show all (more than %d)"},
		"start.count_over":    {"fler än %d", "more than %d"},
		"start.back":          {"Tillbaka till Start", "Back to Home"},

		// /me
		"me.title":            {"Mitt konto", "My account"},
		"me.facts":            {"Uppgifter om dig", "About you"},
		"me.name":             {"Namn", "Name"},
		"me.email":            {"E-post", "E-mail"},
		"me.role":             {"Roll", "Role"},
		"me.role.coordinator": {"IK-samordnare", "Internal control coordinator"},
		"me.role.owner":       {"Ansvarig för kontroller och åtgärder", "Owner of controls and actions"},
		"me.role.reader":      {"Läsare", "Reader"},
		"me.role.auditor":     {"Revisor", "Auditor"},
		"me.boards":           {"Nämnder", "Boards"},
		"me.no_boards":        {"Du hör inte till någon nämnd ännu.", "You do not belong to a board yet."},
		"me.language":         {"Språk", "Language"},
		"me.language.sv":      {"Svenska", "Swedish"},
		"me.language.en":      {"Engelska", "English"},
		"me.admin_help":       {"Namn, e-post, roll och nämnder ändras av systemförvaltaren. Språket byter du längst upp på sidan.", "Your name, e-mail, role and boards are changed by the administrator. Change the language at the top of the page."},
		"me.calendar":         {"Din kalender", "Your calendar"},
		"me.calendar_help":    {"Prenumerera på dina datum i ditt kalenderprogram: när dina kontroller ska rapporteras och när dina åtgärder ska vara klara. Kalendern uppdateras av sig själv.", "Subscribe to your dates in your calendar program: when your controls are to be reported and when your actions are due. The calendar updates itself."},
		"me.feed_url":         {"Adress till din kalender", "Your calendar's address"},
		"me.feed_hint":        {"Kopiera adressen och lägg till den som en prenumeration (webbkalender) i ditt kalenderprogram.", "Copy the address and add it as a subscription (web calendar) in your calendar program."},
		"me.feed_open":        {"Öppna i kalenderprogrammet", "Open in your calendar program"},
		"me.feed_secret":      {"Adressen är personlig: den som har den kan se dina datum. Har den kommit i fel händer, förnya länken – då slutar den gamla adressen att fungera.", "The address is personal: anyone who has it can see your dates. If it has got into the wrong hands, renew the link – the old address then stops working."},
		"me.feed_create":      {"Skapa länk till kalendern", "Create a calendar link"},
		"me.feed_renew":       {"Förnya länken", "Renew the link"},
	} {
		catalogue[k] = v
	}
}
