package i18n

// The texts of the tjänsteskrivelse (internal/report/memo.go), the memo
// that carries a board's follow-up to the board, in the board's words and
// in English for the English UI, and of its link on a plan's page.
func init() {
	for k, v := range map[string][2]string{
		"reports.memo": {"Tjänsteskrivelse", "Memorandum (tjänsteskrivelse)"},

		"memo.title":           {"Tjänsteskrivelse", "Memorandum"},
		"memo.header":          {"%s – tjänsteskrivelse, uppföljning av intern kontroll %d", "%s – memorandum, follow-up of internal control %d"},
		"memo.header_internal": {" – intern version med sekretessuppgifter", " – internal version with confidential items"},
		"memo.date":            {"Datum: %s", "Date: %s"},
		"memo.dnr":             {"Diarienummer: %s", "Reference number (diarienummer): %s"},
		"memo.to":              {"Till: %s", "To: %s"},
		"memo.case":            {"Uppföljning av intern kontroll %d", "Follow-up of internal control %d"},

		"memo.summary":                  {"Sammanfattning", "Summary"},
		"memo.summary_plan":             {"%s internkontrollplan %d omfattar %s.", "The internal control plan %[2]d of %[1]s has %[3]s."},
		"memo.summary_of_these":         {"Av dem har %s.", "Of these, %s."},
		"memo.summary_no_deviations":    {"Inga avvikelser har konstaterats.", "No deviations have been found."},
		"memo.summary_deviations":       {"Avvikelser har konstaterats vid %s.", "Deviations have been found in %s."},
		"memo.summary_none_significant": {"Ingen av avvikelserna är av väsentlig betydelse.", "None of the deviations is of significant importance."},
		"memo.summary_significant":      {"Avvikelser av väsentlig betydelse gäller %s: %s.", "Deviations of significant importance concern %s: %s."},
		"memo.controls":                 {"%d kontrollpunkter", "%d controls"},
		"memo.controls_one":             {"%d kontrollpunkt", "%d control"},
		"memo.performed":                {"%d genomförts", "%d have been performed"},
		"memo.performed_one":            {"%d genomförts", "%d has been performed"},
		"memo.not_followed_up":          {"%d inte följts upp", "%d have not been followed up"},
		"memo.not_followed_up_one":      {"%d inte följts upp", "%d has not been followed up"},
		"memo.unreported":               {"%d ännu inte rapporterats", "%d have not been reported yet"},
		"memo.unreported_one":           {"%d ännu inte rapporterats", "%d has not been reported yet"},
		"memo.point":                    {"punkt %d", "item %d"},

		"memo.proposal":      {"Förslag till beslut", "Proposed decision"},
		"memo.proposal_text": {"%s godkänner uppföljningen av internkontrollplan %d.", "%s approves the follow-up of the internal control plan %d."},

		"memo.background": {"Ärendet", "Background"},
		"memo.law": {"Enligt 6 kap. 6 § kommunallagen (2017:725) ska nämnderna se till att den interna kontrollen är tillräcklig och att verksamheten bedrivs på ett i övrigt tillfredsställande sätt.",
			"Under chapter 6, section 6 of the Local Government Act (kommunallagen, 2017:725), each board shall ensure that its internal control is sufficient and that its activities are otherwise carried out satisfactorily."},
		"memo.adopted": {"%s antog internkontrollplan %d den %s", "%s adopted the internal control plan %d on %s"},
		"memo.followup_says": {"Uppföljningen av internkontrollplan %d redovisar för varje kontrollpunkt vad som har kontrollerats, vilka avvikelser som har konstaterats och vilka åtgärder som vidtas.",
			"The follow-up of the internal control plan %d gives, for each control, what was checked, which deviations were found and which actions are being taken."},
		"memo.significant":       {"Avvikelser av väsentlig betydelse och åtgärder", "Deviations of significant importance and actions"},
		"memo.significant_intro": {"Följande avvikelser av väsentlig betydelse har identifierats, med de åtgärder som vidtas.", "The following deviations of significant importance have been found, with the actions being taken."},
		"memo.no_significant":    {"Inga avvikelser av väsentlig betydelse har identifierats.", "No deviations of significant importance have been found."},
		"memo.table_caption":     {"Avvikelser av väsentlig betydelse %d med ansvarig, tidplan och status för varje åtgärd", "Deviations of significant importance %d with the owner, due date and status of each action"},
		"memo.col_control":       {"Kontrollpunkt", "Control"},
		"memo.col_deviation":     {"Avvikelse", "Deviation"},
		"memo.col_action":        {"Åtgärd", "Action"},
		"memo.col_owner":         {"Ansvarig", "Owner"},
		"memo.col_due":           {"Tidplan", "Due"},
		"memo.col_status":        {"Status", "Status"},
		"memo.confidential":      {"Sekretess", "Confidential"},
		"memo.no_action":         {"Ingen åtgärd har beslutats ännu.", "No action has been decided yet."},
		"memo.accepted":          {"Avvikelsen har godtagits: %s", "The deviation has been accepted: %s"},

		"memo.basis":      {"Beslutsunderlag", "Decision basis"},
		"memo.basis_memo": {"Tjänsteskrivelse, %s", "Memorandum (tjänsteskrivelse), %s"},
	} {
		catalogue[k] = v
	}
}
