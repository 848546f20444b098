package i18n

// A required field's message, per collection and field: what to do,
// naming the field in words its users know (GOV.UK style). The hooks use
// "ikplan.required.<collection>.<field>"; a field missing here gets
// "ikplan.required", which names the field by its label.
func init() {
	for k, v := range map[string][2]string{
		// the password has no label in the history, which never shows it
		"history.f.password": {"Lösenord", "Password"},

		"ikplan.required.users.email":    {"Skriv användarens e-postadress.", "Enter the user's email address."},
		"ikplan.required.users.password": {"Skriv ett lösenord.", "Enter a password."},
		"ikplan.required.users.role":     {"Välj användarens roll.", "Choose the user's role."},
		"ikplan.required.users.tokenKey": {"Inloggningsnyckeln (tokenKey) saknas; spara användaren igen.", "The sign-in key (tokenKey) is missing; save the user again."},

		"ikplan.required.boards.name":         {"Skriv nämndens namn.", "Enter the board's name."},
		"ikplan.required.units.name":          {"Skriv förvaltningens namn.", "Enter the unit's name."},
		"ikplan.required.units.board":         {"Välj vilken nämnd förvaltningen hör till.", "Choose the board the unit belongs to."},
		"ikplan.required.settings.risk_scale": {"Välj riskmatrisens storlek (risk_scale), 4 eller 5.", "Choose the size of the risk matrix (risk_scale), 4 or 5."},

		"ikplan.required.risks.board":                  {"Välj vilken nämnd risken hör till.", "Choose the board the risk belongs to."},
		"ikplan.required.risks.title":                  {"Skriv en rubrik för risken.", "Enter a title for the risk."},
		"ikplan.required.risks.status":                 {"Välj riskens status.", "Choose the risk's status."},
		"ikplan.required.risk_assessments.risk":        {"Välj vilken risk bedömningen gäller.", "Choose the risk the assessment is of."},
		"ikplan.required.risk_assessments.year":        {"Ange vilket år bedömningen gäller.", "Enter the year the assessment is for."},
		"ikplan.required.risk_assessments.probability": {"Välj sannolikhet.", "Choose the probability."},
		"ikplan.required.risk_assessments.consequence": {"Välj konsekvens.", "Choose the consequence."},

		"ikplan.required.plans.board":  {"Välj vilken nämnd planen gäller.", "Choose the board the plan is for."},
		"ikplan.required.plans.year":   {"Ange vilket år planen gäller.", "Enter the year the plan is for."},
		"ikplan.required.plans.status": {"Välj planens status.", "Choose the plan's status."},

		"ikplan.required.controls.plan":      {"Välj vilken plan kontrollpunkten hör till.", "Choose the plan the control belongs to."},
		"ikplan.required.controls.number":    {"Ange kontrollpunktens nummer (nr), t.ex. 3.", "Enter the control's number (no.), e.g. 3."},
		"ikplan.required.controls.title":     {"Skriv en rubrik för kontrollpunkten.", "Enter a title for the control."},
		"ikplan.required.controls.frequency": {"Välj frekvens – hur ofta kontrollen görs.", "Choose the frequency – how often the control is done."},

		"ikplan.required.results.control": {"Välj vilken kontrollpunkt resultatet gäller.", "Choose the control the result is for."},
		"ikplan.required.results.period":  {"Välj period för resultatet.", "Choose the period of the result."},
		"ikplan.required.results.outcome": {"Välj utfall för kontrollen.", "Choose the outcome of the control."},

		"ikplan.required.deviations.result":      {"Välj vilket kontrollresultat avvikelsen hör till.", "Choose the result the deviation belongs to."},
		"ikplan.required.deviations.description": {"Skriv en beskrivning av avvikelsen – vad som inte stämde.", "Enter a description of the deviation – what was wrong."},
		"ikplan.required.deviations.status":      {"Välj avvikelsens status.", "Choose the deviation's status."},

		"ikplan.required.actions.plan":        {"Välj vilken plan åtgärden hör till.", "Choose the plan the action belongs to."},
		"ikplan.required.actions.description": {"Skriv en beskrivning av åtgärden – vad som ska göras.", "Enter a description of the action – what is to be done."},
		"ikplan.required.actions.status":      {"Välj åtgärdens status.", "Choose the action's status."},
		"ikplan.required.actions.deadline":    {"Skriv när åtgärden ska vara klar (slutdatum).", "Enter when the action is to be done (deadline)."},
		"ikplan.required.actions.owner":       {"Välj vem som är ansvarig för åtgärden.", "Choose who the action's owner is."},

		"ikplan.required.audit_log.collection": {"Ändringshistoriken saknar samling (collection).", "The history row lacks its collection."},
		"ikplan.required.audit_log.record":     {"Ändringshistoriken saknar post (record).", "The history row lacks its record."},
		"ikplan.required.audit_log.op":         {"Ändringshistoriken saknar ändringens slag (op).", "The history row lacks its kind of change (op)."},
		"ikplan.required.audit_log.actor":      {"Ändringshistoriken saknar vem som ändrade (actor).", "The history row lacks who made the change (actor)."},
		"ikplan.required.audit_log.at":         {"Ändringshistoriken saknar tidpunkt (at).", "The history row lacks its time (at)."},

		"ikplan.required.reminders.target_collection": {"Påminnelsen saknar samling (target_collection).", "The reminder lacks its collection (target_collection)."},
		"ikplan.required.reminders.target":            {"Påminnelsen saknar post (target).", "The reminder lacks its record (target)."},
		"ikplan.required.reminders.kind":              {"Välj påminnelsens slag (kind).", "Choose the reminder's kind."},
		"ikplan.required.reminders.recipient":         {"Välj påminnelsens mottagare (recipient).", "Choose the reminder's recipient."},
		"ikplan.required.reminders.sent_at":           {"Ange när påminnelsen skickades (sent_at).", "Enter when the reminder was sent (sent_at)."},

		"ikplan.required.sessions.user":       {"Sessionen saknar användare (user).", "The session lacks its user."},
		"ikplan.required.sessions.token_hash": {"Sessionen saknar nyckel (token_hash).", "The session lacks its key (token_hash)."},
		"ikplan.required.sessions.expires":    {"Sessionen saknar slutdatum (expires).", "The session lacks its expiry (expires)."},
		"ikplan.required.sessions.last_seen":  {"Sessionen saknar senast använd (last_seen).", "The session lacks when it was last used (last_seen)."},
		"ikplan.required.sessions.signed_in":  {"Sessionen saknar inloggningstid (signed_in).", "The session lacks when it signed in (signed_in)."},
	} {
		catalogue[k] = v
	}
}
