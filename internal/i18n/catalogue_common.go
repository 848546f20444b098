package i18n

// Kommungemensamma kontroller (common controls), scope "common": the
// hooks' rules, the coordinator's page, the marks on controls, the
// roll-up's comparison and the start page's block.
func init() {
	for k, v := range map[string][2]string{
		// the hooks' rules
		"ikplan.board.executive_admin": {
			"Bara systemförvaltaren kan ange vilken nämnd som är kommunstyrelsen (i administrationsgränssnittet).",
			"Only the administrator can set which board is the municipal executive board (in the dashboard).",
		},
		"ikplan.board.executive_one": {
			"{name} är redan markerad som kommunstyrelsen. Ta bort markeringen där först; bara en nämnd kan vara kommunstyrelsen.",
			"{name} is already marked as the municipal executive board. Remove that mark first; only one board can be the executive board.",
		},
		"ikplan.common.used_change": {
			"Den kommungemensamma kontrollen kan inte ändras: {count} nämnder har redan rapporterat resultat eller dragit stickprov för den. Skapa en ny kontroll i stället.",
			"The common control cannot be changed: {count} boards have already reported results or drawn samples for it. Create a new control instead.",
		},
		"ikplan.common.used_delete": {
			"Den kommungemensamma kontrollen kan inte tas bort: {count} nämnder har redan rapporterat resultat eller dragit stickprov för den.",
			"The common control cannot be deleted: {count} boards have already reported results or drawn samples for it.",
		},
		"ikplan.common.link": {
			"Kopplingen till den kommungemensamma kontrollen kan inte ändras; den följer kommunstyrelsens beslut.",
			"The link to the common control cannot be changed; it follows the municipal executive board's decision.",
		},
		"ikplan.common.locked": {
			"Fältet ”{t:field}” har kommunstyrelsen beslutat för den kommungemensamma kontrollen och det kan inte ändras här. Nämnden anger ansvarig och slutdatum.",
			"The municipal executive board decided “{t:field}” for the common control and it cannot be changed here. The board sets the owner and the due date.",
		},
		"ikplan.common.delete_copy": {
			"En kommungemensam kontroll kan inte tas bort ur planen; den tas bort när kommunstyrelsen tar bort den.",
			"A common control cannot be removed from the plan; it goes when the municipal executive board removes it.",
		},
		"ikplan.common.unknown": {"Den kommungemensamma kontrollen finns inte; välj en som finns.", "The common control does not exist; choose one that does."},
		"ikplan.common.year": {
			"Den kommungemensamma kontrollen gäller år {year}; den kan bara finnas i planer för {year}.",
			"The common control is for {year}; it can only be in plans for {year}.",
		},
		"ikplan.common.twice": {"Planen har redan den kommungemensamma kontrollen.", "The plan already has this common control."},

		// the common controls' page
		"nav.common":   {"Kommungemensamma", "Common controls"},
		"common.title": {"Kommungemensamma kontroller %d", "Common controls %d"},
		"common.intro": {
			"Kommungemensamma kontroller beslutar kommunstyrelsen. De läggs till i varje nämnds plan för året med samma rubrik, metod och mål; nämnden anger ansvarig och slutdatum.",
			"The municipal executive board decides the common controls. They are added to every board's plan for the year with the same title, method and target; the board sets the owner and due date.",
		},
		"common.years":          {"År", "Years"},
		"common.none":           {"Inga kommungemensamma kontroller för %d.", "No common controls for %d."},
		"common.badge":          {"Kommungemensam", "Common"},
		"common.target":         {"Mål", "Target"},
		"common.boards_caption": {"Nämndernas resultat för %s", "The boards' results for %s"},
		"common.board":          {"Nämnd", "Board"},
		"common.status":         {"Resultat", "Result"},
		"common.edit":           {"Ändra eller ta bort", "Change or delete"},
		"common.new":            {"Ny kommungemensam kontroll för %d", "New common control for %d"},
		"common.add":            {"Lägg till i alla nämnders planer", "Add to every board's plan"},
		"common.edit_title":     {"Ändra kommungemensam kontroll %d", "Change common control %d"},
		"common.edit_hint": {
			"Ändringen förs över till kontrollen i varje nämnds plan som inte är återrapporterad. När en nämnd har rapporterat resultat kan kontrollen inte längre ändras.",
			"The change is carried to the control in every board's plan that is not reported. Once a board has reported a result, the control can no longer be changed.",
		},
		"common.delete_hint": {
			"Tar bort kontrollen ur alla nämnders planer. Det går bara så länge ingen nämnd har rapporterat resultat för den.",
			"Removes the control from every board's plan. This is only possible while no board has reported a result for it.",
		},
		"controlpage.common_text": {
			"Kommunstyrelsen har beslutat kontrollen för alla nämnder: rubrik, metod och mål ändras bara där. Nämnden anger ansvarig och slutdatum.",
			"The municipal executive board decided this control for every board: its title, method and target change only there. The board sets the owner and due date.",
		},
		"controlpage.common_link":       {"Alla nämnders resultat", "Every board's results"},
		"start.common_missing":          {"Kommungemensamma kontroller %d som inte är rapporterade", "Common controls %d not reported"},
		"start.common_all":              {"Alla nämnders resultat för %d", "Every board's results for %d"},
		"common.delete":                 {"Ta bort kontrollen", "Delete the control"},
		"common.standing.no_plan":       {"Ingen plan för %d", "No plan for %d"},
		"common.standing.not_reported":  {"Ej rapporterad", "Not reported"},
		"common.standing.partly":        {"Delvis rapporterad", "Partly reported"},
		"common.standing.no_deviation":  {"Ingen avvikelse", "No deviation"},
		"common.standing.deviation":     {"Avvikelse", "Deviation"},
		"common.standing.not_performed": {"Ej genomförd", "Not performed"},
		"flash.common_saved":            {"Den kommungemensamma kontrollen ”{title}” är sparad.", "The common control “{title}” is saved."},
		"flash.common_deleted":          {"Den kommungemensamma kontrollen ”{title}” är borttagen.", "The common control “{title}” is deleted."},

		// a common control saved without what it needs
		"ikplan.required.common_controls.year":      {"Ange vilket år den kommungemensamma kontrollen gäller, t.ex. 2025.", "Enter the year the common control is for, e.g. 2025."},
		"ikplan.required.common_controls.title":     {"Skriv en rubrik för den kommungemensamma kontrollen.", "Enter a title for the common control."},
		"ikplan.required.common_controls.frequency": {"Välj frekvens – hur ofta kontrollen görs.", "Choose the frequency – how often the control is done."},

		// names in the history and in messages
		"history.c.common_controls": {"Kommungemensam kontroll", "Common control"},
		"history.f.common_control":  {"Kommungemensam kontroll", "Common control"},
		"history.f.executive":       {"Kommunstyrelsen", "Municipal executive board"},
	} {
		catalogue[k] = v
	}
}
