package i18n

// The texts of next year's plan (made from this year's) and of the transfer
// of a board's open items to its successor in a reorganisation.
func init() {
	for k, v := range map[string][2]string{
		// the plan page's links
		"carry.link":          {"Ny plan för %d", "New plan for %d"},
		"carry.exists":        {"Nämnden har redan en internkontrollplan för %d.", "The board already has an internal control plan for %d."},
		"carry.open_existing": {"Öppna planen för %d", "Open the plan for %d"},
		"transfer.link":       {"Överför till %s", "Transfer to %s"},

		// next year's plan
		"carry.title":               {"Ny plan för %d", "New plan for %d"},
		"carry.back":                {"Tillbaka till %s", "Back to %s"},
		"carry.refused":             {"Nästa års plan kan inte göras", "Next year's plan cannot be made"},
		"carry.intro":               {"Ett utkast skapas med planens %d kontrollpunkter. Ansvariga och mål behålls, och datumen flyttas från %d till %d. Varje ofärdig åtgärd behöver ett beslut.", "A draft is made with the plan's %d controls. Owners and targets are kept, and the dates move from %d to %d. Every unfinished action needs a decision."},
		"carry.changes":             {"Förändringar sedan %d", "Changes since %d"},
		"carry.no_previous":         {"Det finns ingen plan för %d att jämföra med.", "There is no plan for %d to compare with."},
		"carry.same_controls":       {"Planen har samma kontrollpunkter som %d.", "The plan has the same controls as %d."},
		"carry.added":               {"Nya kontrollpunkter (%d) i %d", "New controls (%d) in %d"},
		"carry.removed":             {"Borttagna kontrollpunkter (%d) från %d", "Controls removed (%d) since %d"},
		"carry.risks":               {"Risker att bedöma om för %d", "Risks to re-assess for %d"},
		"carry.no_risks":            {"Inga risker som kontrollpunkterna hänvisar till har bedömts för %d.", "No risk the controls refer to was assessed for %d."},
		"carry.risks_intro":         {"Riskerna följer med kontrollpunkterna men bedöms inte automatiskt. Gör en ny bedömning för %d på varje risks sida.", "The risks come along with the controls but are not assessed automatically. Make a new assessment for %d on each risk's page."},
		"carry.risks_caption":       {"Risker att bedöma om för %d, med tidigare riskvärden", "Risks to re-assess for %d, with earlier risk values"},
		"carry.risk":                {"Risk", "Risk"},
		"carry.value":               {"Riskvärde %d", "Risk value %d"},
		"carry.change":              {"Förändring", "Change"},
		"carry.risk_next":           {"Bedömning %d", "Assessment %d"},
		"carry.not_assessed":        {"ej bedömd", "not assessed"},
		"carry.change_new":          {"Ny bedömning", "New assessment"},
		"carry.change_up":           {"Höjt från %d till %d", "Raised from %d to %d"},
		"carry.change_down":         {"Sänkt från %d till %d", "Lowered from %d to %d"},
		"carry.change_same":         {"Oförändrat", "Unchanged"},
		"carry.assessed":            {"Bedömd", "Assessed"},
		"carry.to_assess":           {"Att bedöma", "To assess"},
		"carry.controls":            {"Kontrollpunkter som kopieras (%d)", "Controls to copy (%d)"},
		"carry.controls_caption":    {"Kontrollpunkterna i utkastet för %d", "The controls of the draft for %d"},
		"carry.no_owner":            {"Saknar ansvarig", "No owner"},
		"carry.already_transferred": {"Redan överförda åtgärder", "Actions already transferred"},
		"carry.transferred_to":      {"överförd till %s", "transferred to %s"},
		"carry.other_board":         {"en annan nämnd", "another board"},
		"carry.decisions":           {"Ofärdiga åtgärder", "Unfinished actions"},
		"carry.decisions_intro":     {"Välj för varje åtgärd om den ska fortsätta i den nya planen, avslutas (med en motivering) eller överföras till en annan nämnd. Inget skapas förrän alla har ett beslut.", "For each action, choose whether it continues in the new plan, is closed (with a reason) or is transferred to another board. Nothing is made until all have a decision."},
		"carry.no_actions":          {"Planen har inga ofärdiga åtgärder.", "The plan has no unfinished actions."},
		"carry.actions_caption":     {"%d ofärdiga åtgärder i planen för %d", "%d unfinished actions in the plan for %d"},
		"carry.action":              {"Åtgärd", "Action"},
		"carry.decision":            {"Beslut", "Decision"},
		"carry.action_control":      {"Kontrollpunkt %s", "Control %s"},
		"carry.action_owner":        {"Ansvarig: %s", "Owner: %s"},
		"carry.action_deadline":     {"Klar senast: %s", "Deadline: %s"},
		"carry.decision_for":        {"Beslut för %s", "Decision for %s"},
		"carry.decide.continue":     {"Fortsätt i planen för %d", "Continue in the plan for %d"},
		"carry.decide.close":        {"Avsluta", "Close"},
		"carry.decide.transfer":     {"Överför till en annan nämnd", "Transfer to another board"},
		"carry.reason":              {"Motivering om åtgärden avslutas", "Reason, if the action is closed"},
		"carry.board":               {"Nämnd om åtgärden överförs", "Board, if the action is transferred"},
		"carry.board_none":          {"Välj nämnd", "Choose a board"},
		"carry.submit":              {"Skapa utkastet för %d", "Make the draft for %d"},

		// the transfer to a successor
		"transfer.title":          {"Överföring till efterträdare", "Transfer to the successor"},
		"transfer.intro":          {"Det här flyttas från %s till %s och skrivs i ändringshistoriken.", "This moves from %s to %s and is written to the change history."},
		"transfer.nothing":        {"Det finns inget kvar att överföra till %s.", "There is nothing left to transfer to %s."},
		"transfer.risks":          {"Risker (%d)", "Risks (%d)"},
		"transfer.risks_intro":    {"Riskerna flyttas till %ss riskportfölj med sina bedömningar; förvaltningen tas bort eftersom den hör till den gamla nämnden.", "The risks move to %s's register with their assessments; the unit is cleared, as it belongs to the old board."},
		"transfer.controls":       {"Kontrollpunkter utan resultat (%d)", "Controls without a result (%d)"},
		"transfer.controls_intro": {"De får resultatet ej genomförd med motiveringen ”%s”", "They get the outcome not performed with the reason “%s”"},
		"transfer.actions":        {"Öppna åtgärder (%d)", "Open actions (%d)"},
		"transfer.actions_intro":  {"De markeras som överförda till %s och fortsätter där som nya åtgärder.", "They are marked as transferred to %s and continue there as new actions."},
		"transfer.into":           {"%d kontrollpunkter och %d åtgärder kopieras till", "%d controls and %d actions are copied into"},
		"transfer.submit":         {"Överför till %s", "Transfer to %s"},
	} {
		catalogue[k] = v
	}
}
