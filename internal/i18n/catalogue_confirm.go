package i18n

// The texts of the confirmation pages: a plan moved back, a delete.
func init() {
	for k, v := range map[string][2]string{
		"confirm.cancel":         {"Avbryt och gå tillbaka", "Cancel and go back"},
		"confirm.effects":        {"Det här händer", "What will happen"},
		"confirm.reason_hint":    {"Skälet sparas i ändringshistoriken och visas för samordnare och revisorer.", "The reason is kept in the change history and shown to coordinators and auditors."},
		"confirm.reason_long":    {"Skälet får vara högst %d tecken långt. Korta ner det.", "The reason may be at most %d characters long. Shorten it."},
		"confirm.effect_history": {"Ändringen, vem som gjorde den och skälet sparas i ändringshistoriken.", "The change, who made it and the reason are kept in the change history."},
		"confirm.back_none":      {"Planen kan inte gå tillbaka", "The plan cannot go back"},
		"confirm.back_none_text": {"En plan med status %s har inget tidigare steg att gå tillbaka till.", "A plan with status %s has no earlier step to go back to."},

		"confirm.revert.link":            {"Återför till utkast …", "Revert to draft …"},
		"confirm.revert.heading":         {"Återför planen till utkast?", "Revert the plan to draft?"},
		"confirm.revert.reason":          {"Varför återförs planen till utkast?", "Why is the plan reverted to draft?"},
		"confirm.revert.button":          {"Återför till utkast", "Revert to draft"},
		"confirm.revert.effect_status":   {"Planen blir ett utkast igen och försvinner från allas listor över kontroller att rapportera.", "The plan becomes a draft again and leaves everyone's lists of controls to report."},
		"confirm.revert.effect_decision": {"Antagandet (datum och beslut) tas bort från planen.", "The adoption (date and decision) is removed from the plan."},
		"confirm.revert.effect_controls": {"Planens %d kontrollpunkter kan ändras igen.", "The plan's %d controls can be changed again."},
		"confirm.revert.blocked":         {"Planen har redan %d kontrollresultat och kan inte återföras till utkast. Nämndens beslut står fast; en ändring av planen beslutas som en ny plan eller ett tillägg.", "The plan already has %d results and cannot be reverted to draft. The board's decision stands; a change to the plan is decided as a new plan or an addition."},

		"confirm.reopen.link":            {"Öppna planen igen …", "Reopen the plan …"},
		"confirm.reopen.heading":         {"Öppna den återrapporterade planen igen?", "Reopen the reported plan?"},
		"confirm.reopen.reason":          {"Varför öppnas planen igen?", "Why is the plan reopened?"},
		"confirm.reopen.button":          {"Öppna planen igen", "Reopen the plan"},
		"confirm.reopen.effect_status":   {"Planen blir antagen igen.", "The plan becomes adopted again."},
		"confirm.reopen.effect_decision": {"Återrapporteringen (datum och beslut) tas bort från planen.", "The report (date and decision) is removed from the plan."},
		"confirm.reopen.effect_results":  {"Planens %d kontrollresultat, avvikelser och åtgärder kan ändras igen tills planen återrapporteras på nytt.", "The plan's %d results, deviations and actions can be changed again until the plan is reported anew."},

		"confirm.delete_control.link":      {"Ta bort kontrollpunkten …", "Delete the control …"},
		"confirm.delete_control.heading":   {"Ta bort kontrollpunkten?", "Delete the control?"},
		"confirm.delete_control.reason":    {"Varför tas kontrollpunkten bort?", "Why is the control deleted?"},
		"confirm.delete_control.button":    {"Ta bort kontrollpunkten", "Delete the control"},
		"confirm.delete_control.effect":    {"Kontrollpunkten tas bort ur utkastet till plan. Den går inte att ta tillbaka, men ändringshistoriken visar vad den innehöll.", "The control is removed from the draft plan. It cannot be restored, but the change history shows what it held."},
		"confirm.delete_control.blocked":   {"Kontrollpunkter kan bara tas bort medan planen är ett utkast.", "Controls can be deleted only while the plan is a draft."},
		"confirm.delete_control.no_reason": {"Skriv varför kontrollpunkten tas bort; skälet sparas i ändringshistoriken.", "Write why the control is deleted; the reason is kept in the change history."},

		"history.reason": {"Skäl", "Reason"},

		"history.log":           {"Ändringshistorik", "Change history"},
		"history.log_intro":     {"Alla ändringar i de nämnders poster som du får läsa historiken för, senaste först.", "Every change to the records of the boards whose history you may read, newest first."},
		"history.log_link":      {"Hela ändringshistoriken", "The whole change history"},
		"history.log_none":      {"Inga ändringar matchar filtret.", "No changes match the filter."},
		"history.log_caption":   {"Ändringar, senaste först (sida %d)", "Changes, newest first (page %d)"},
		"history.page":          {"Sida %d", "Page %d"},
		"history.record":        {"Post", "Record"},
		"history.filter":        {"Filtrera ändringar", "Filter changes"},
		"history.filter.board":  {"Nämnd", "Board"},
		"history.filter.person": {"Person", "Person"},
		"history.filter.kind":   {"Slags post", "Kind of record"},
		"history.filter.from":   {"Från och med", "From"},
		"history.filter.to":     {"Till och med", "To"},
	} {
		catalogue[k] = v
	}
}
