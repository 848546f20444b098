package i18n

// The texts of a plan's readiness (what stands between it and its next
// step), the plan page's task list and the start page's overview.
func init() {
	for k, v := range map[string][2]string{
		// blockers: parts of a sentence, the control's number first
		"ready.no_controls":  {"planen har inga kontrollpunkter", "the plan has no controls"},
		"ready.no_owner":     {"kontrollpunkt %s saknar ansvarig", "control %s has no owner"},
		"ready.no_due":       {"kontrollpunkt %s saknar datum för rapportering", "control %s has no due date"},
		"ready.no_method":    {"kontrollpunkt %s saknar metod", "control %s has no method"},
		"ready.no_result":    {"kontrollpunkt %s saknar resultat för %s", "control %s has no result for %s"},
		"ready.no_deviation": {"kontrollpunkt %s har utfallet avvikelse för %s men ingen beskriven avvikelse", "control %s has the outcome deviation for %s but no deviation described"},
		"ready.no_action": {
			"den väsentliga avvikelsen i kontrollpunkt %s saknar åtgärd med ansvarig och slutdatum (eller ett godtagande med motivering)",
			"the significant deviation in control %s has no action with an owner and a deadline (or an acceptance with a reason)",
		},
		// the hook's refusals
		"ready.refuse_empty":  {"Planen har inga kontrollpunkter att anta.", "The plan has no controls to adopt."},
		"ready.refuse_adopt":  {"Planen kan inte antas: {problems}", "The plan cannot be adopted: {problems}"},
		"ready.refuse_report": {"Planen kan inte återrapporteras ännu: {problems}", "The plan cannot be marked reported yet: {problems}"},
		"ready.unreadable":    {"Planens kontrollpunkter kunde inte läsas; försök igen.", "The plan's controls could not be read; try again."},
		"ready.and_more":      {" och %d till.", " and %d more."},

		// tags that name the state
		"ready.tag.no_controls":      {"Utkast – inga kontrollpunkter", "Draft – no controls"},
		"ready.tag.no_owner":         {"Utkast – %d saknar ansvarig", "Draft – %d without an owner"},
		"ready.tag.no_due":           {"Utkast – %d saknar datum", "Draft – %d without a due date"},
		"ready.tag.no_method":        {"Utkast – %d saknar metod", "Draft – %d without a method"},
		"ready.tag.adoptable":        {"Klar att anta", "Ready to adopt"},
		"ready.tag.no_result":        {"%d saknar resultat", "%d without a result"},
		"ready.tag.no_deviation":     {"%d avvikelser ej beskrivna", "%d deviations not described"},
		"ready.tag.no_action":        {"%d avvikelser saknar åtgärd", "%d deviations without an action"},
		"ready.tag.late":             {"%d försenade", "%d overdue"},
		"ready.tag.late_one":         {"%d försenad", "%d overdue"},
		"ready.tag.no_action_one":    {"%d avvikelse saknar åtgärd", "%d deviation without an action"},
		"ready.tag.no_deviation_one": {"%d avvikelse ej beskriven", "%d deviation not described"},
		"ready.tag.reportable":       {"Klar att återrapportera", "Ready to report"},

		// the plan page's task list
		"task.heading":       {"Planens steg", "The plan's steps"},
		"task.controls":      {"Kontrollpunkter", "Controls"},
		"task.adopt":         {"Anta planen", "Adopt the plan"},
		"task.follow":        {"Följ upp", "Follow up"},
		"task.report":        {"Återrapportera", "Report to the board"},
		"task.done":          {"Klart", "Completed"},
		"task.in_progress":   {"Pågår", "In progress"},
		"task.cannot_start":  {"Kan inte börja än", "Cannot start yet"},
		"task.todo":          {"Att göra", "To do"},
		"task.missing":       {"%d saknas", "%d missing"},
		"task.reported":      {"%d av %d rapporterade", "%d of %d reported"},
		"task.remains":       {"Det här återstår", "What remains"},
		"task.next":          {"Nästa steg: %s", "Next step: %s"},
		"task.add_controls":  {"Lägg till planens kontrollpunkter nedan; varje kontrollpunkt behöver ansvarig, datum och metod.", "Add the plan's controls below; each control needs an owner, a due date and a method."},
		"task.adopt_later":   {"Planen kan antas när kontrollpunkterna är kompletta.", "The plan can be adopted once its controls are complete."},
		"task.report_later":  {"Planen kan återrapporteras när allt under Följ upp är klart.", "The plan can be marked reported once everything under Follow up is done."},
		"task.show_control":  {"Gå till kontrollpunkt %s", "Go to control %s"},
		"task.more_blockers": {"och %d till", "and %d more"},

		// the start page
		"start.todo":            {"Att göra", "To do"},
		"start.group":           {"%s – Internkontrollplan %d", "%s – Internal control plan %d"},
		"start.ready":           {"Läge", "Status"},
		"start.ready_help":      {"Läget säger vad som står mellan planen och nästa steg.", "The status says what stands between the plan and its next step."},
		"start.boards":          {"Nämndernas uppföljning", "The boards' progress"},
		"start.boards_caption":  {"Uppföljning per nämnd", "Progress per board"},
		"start.board":           {"Nämnd", "Board"},
		"start.boards_reported": {"Rapporterade kontrollpunkter", "Controls reported"},
		"start.boards_sig":      {"Öppna väsentliga avvikelser", "Open significant deviations"},
		"start.boards_late":     {"Försenade åtgärder", "Overdue actions"},
		"start.boards_of":       {"%d av %d", "%d of %d"},
		"start.recent":          {"Senaste ändringarna", "Latest changes"},
		"start.no_recent":       {"Inga ändringar ännu.", "No changes yet."},
		"start.recent_by":       {"%s av %s", "%s by %s"},
	} {
		catalogue[k] = v
	}
}
