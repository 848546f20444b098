package i18n

// The server's refusals (hooks): what to do, naming the field, in Swedish
// and English. A {name} is a parameter of the message; {t:name} is a
// parameter that is itself a key (a field's name, a plan's status).
func init() {
	for k, v := range map[string][2]string{
		"ikplan.refusal": {"Uppgifterna sparades inte.", "The details were not saved."},

		// PocketBase's own field checks, in ikplan's words
		"ikplan.required":       {"Fyll i fältet ”{t:field}”.", "Fill in “{t:field}”."},
		"ikplan.invalid":        {"Ogiltigt värde – kontrollera vad du skrev.", "The value is not valid – check what you entered."},
		"ikplan.not_unique":     {"Värdet i fältet ”{t:field}” finns redan; välj ett annat.", "The value of “{t:field}” is already taken; choose another."},
		"ikplan.invalid_choice": {"Ogiltigt val i fältet ”{t:field}” – välj ett av de tillåtna värdena.", "Not a valid choice for “{t:field}” – choose one of the values offered."},
		"ikplan.too_long.max":   {"Texten i fältet ”{t:field}” är för lång – högst {max} tecken.", "The text in “{t:field}” is too long – at most {max} characters."},
		"ikplan.too_long":       {"Texten i fältet ”{t:field}” är för lång.", "The text in “{t:field}” is too long."},
		"ikplan.too_short":      {"Texten i fältet ”{t:field}” är för kort.", "The text in “{t:field}” is too short."},
		"ikplan.too_small.min":  {"Värdet i fältet ”{t:field}” måste vara minst {min}.", "“{t:field}” must be at least {min}."},
		"ikplan.too_small":      {"Värdet i fältet ”{t:field}” är för litet.", "“{t:field}” is too small."},
		"ikplan.too_large.max":  {"Värdet i fältet ”{t:field}” får vara högst {max}.", "“{t:field}” may be at most {max}."},
		"ikplan.too_large":      {"Värdet i fältet ”{t:field}” är för stort.", "“{t:field}” is too large."},
		"ikplan.not_integer":    {"Skriv ett heltal i fältet ”{t:field}”, t.ex. 3.", "Enter a whole number in “{t:field}”, e.g. 3."},
		"ikplan.not_number":     {"Skriv ett tal i fältet ”{t:field}”, t.ex. 8,1.", "Enter a number in “{t:field}”, e.g. 8.1."},
		"ikplan.no_such_record": {"Det som valts i fältet ”{t:field}” finns inte; välj igen.", "What was chosen in “{t:field}” does not exist; choose again."},
		"ikplan.values_count":   {"Fel antal värden i fältet ”{t:field}”.", "Wrong number of values in “{t:field}”."},
		"ikplan.file.too_large.max": {
			"Filen i fältet ”{t:field}” är för stor – högst {size} per fil.",
			"The file in “{t:field}” is too large – at most {size} per file.",
		},
		"ikplan.file.too_large": {"Filen i fältet ”{t:field}” är för stor.", "The file in “{t:field}” is too large."},
		"ikplan.file.type": {
			"Filen i fältet ”{t:field}” har en filtyp som inte godtas – tillåtna är PDF, bilder (PNG, JPEG), text (TXT, CSV) och Office-dokument (Word, Excel, OpenDocument).",
			"The file in “{t:field}” is of a type that is not accepted – allowed are PDF, images (PNG, JPEG), text (TXT, CSV) and Office documents (Word, Excel, OpenDocument).",
		},
		"ikplan.file.too_many": {
			"Fältet ”{t:field}” kan ha högst {max} filer; ta bort någon innan du lägger till fler.",
			"“{t:field}” can hold at most {max} files; remove one before adding more.",
		},
		"ikplan.file.unreadable": {"Filen i fältet ”{t:field}” kunde inte läsas; välj den igen.", "The file in “{t:field}” could not be read; choose it again."},
		"ikplan.date.invalid":    {"Skriv ett giltigt datum i fältet ”{t:field}” (ÅÅÅÅ-MM-DD), t.ex. 2025-09-30.", "Enter a valid date in “{t:field}” (YYYY-MM-DD), e.g. 2025-09-30."},
		"ikplan.email.invalid":   {"Skriv en giltig e-postadress, t.ex. namn@kommun.se.", "Enter a valid email address, e.g. name@example.org."},
		"ikplan.json.invalid":    {"Fältet ”{t:field}” innehåller ogiltig JSON.", "“{t:field}” holds JSON that is not valid."},
		"ikplan.immutable":       {"Fältet ”{t:field}” kan inte ändras när posten väl är skapad.", "“{t:field}” cannot be changed once the record is created."},
		"ikplan.text.unreadable": {
			"Texten i fältet ”{t:field}” innehåller tecken som inte går att läsa; skriv eller klistra in texten igen.",
			"The text in “{t:field}” holds characters that cannot be read; type or paste the text again.",
		},
		"ikplan.text.blank": {
			"Fältet ”{t:field}” måste fyllas i; det innehåller bara blanksteg eller osynliga tecken.",
			"Fill in “{t:field}”; it holds only spaces or invisible characters.",
		},
		"ikplan.password.short": {
			"Lösenordet måste ha minst {min} tecken – välj ett längre, gärna några ord i rad.",
			"The password must have at least {min} characters – choose a longer one, a few words in a row, say.",
		},

		// words in messages
		"ikplan.plan_status.draft":      {"ett utkast", "a draft"},
		"ikplan.plan_status.adopted":    {"antagen", "adopted"},
		"ikplan.plan_status.reported":   {"återrapporterad", "reported"},
		"ikplan.plan_status.archived":   {"arkiverad", "archived"},
		"ikplan.freq_adverb.once":       {"en gång", "once"},
		"ikplan.freq_adverb.yearly":     {"årsvis", "yearly"},
		"ikplan.freq_adverb.semiannual": {"halvårsvis", "half-yearly"},
		"ikplan.freq_adverb.tertial":    {"tertialvis", "every four months"},
		"ikplan.freq_adverb.quarterly":  {"kvartalsvis", "quarterly"},
		"ikplan.freq_adverb.monthly":    {"månadsvis", "monthly"},
		"ikplan.freq_adverb.continuous": {"löpande", "continuously"},
		"ikplan.period_example.year":    {"helt år, t.ex. \"{year}\"", "a whole year, e.g. \"{year}\""},
		"ikplan.period_example.half":    {"halvår, t.ex. \"H1 {year}\"", "a half year, e.g. \"H1 {year}\""},
		"ikplan.period_example.tertial": {"tertial, t.ex. \"T2 {year}\"", "a tertial, e.g. \"T2 {year}\""},
		"ikplan.period_example.quarter": {"kvartal, t.ex. \"Q2 {year}\"", "a quarter, e.g. \"Q2 {year}\""},
		"ikplan.period_example.month":   {"månad, t.ex. \"{year}-03\"", "a month, e.g. \"{year}-03\""},
		"ikplan.operator.<":             {"under", "below"},
		"ikplan.operator.<=":            {"högst", "at most"},
		"ikplan.operator.=":             {"exakt", "exactly"},
		"ikplan.operator.>=":            {"minst", "at least"},
		"ikplan.operator.>":             {"över", "above"},
		"ikplan.when.performed":         {"då kontrollen utfördes", "the control was performed"},
		"ikplan.when.action_done":       {"då åtgärden blev klar", "the action was done"},

		// dates
		"ikplan.date.future": {"Datumet {t:when} (”{t:field}”) kan inte ligga efter i dag ({today}); ange rätt dag.", "The date {t:when} (“{t:field}”) cannot be after today ({today}); enter the right day."},
		"ikplan.date.early": {
			"Datumet {t:when} (”{t:field}”) kan inte ligga före planens år; ange en dag från {year}-01-01 till i dag.",
			"The date {t:when} (“{t:field}”) cannot be before the plan's year; enter a day from {year}-01-01 to today.",
		},

		// the history, collections, settings
		"ikplan.history.fixed":       {"Ändringshistoriken kan inte ändras eller tas bort, inte heller av en administratör.", "The history cannot be changed or deleted, not even by an administrator."},
		"ikplan.lookup.failed":       {"Servern kunde inte läsa det som reglerna behöver för att pröva ändringen, så ingenting sparades. Försök igen om en stund; kvarstår felet, be administratören läsa serverns logg.", "The server could not read what the rules need to check the change, so nothing was saved. Try again in a while; if it persists, ask the administrator to read the server's log."},
		"ikplan.collection.rename":   {"Samlingen {name} används av ikplan och kan inte byta namn.", "The collection {name} is used by ikplan and cannot be renamed."},
		"ikplan.collection.delete":   {"Samlingen {name} används av ikplan och kan inte tas bort.", "The collection {name} is used by ikplan and cannot be deleted."},
		"ikplan.settings.exists":     {"Inställningarna finns redan – ändra dem i stället för att skapa nya.", "The settings exist already – change them instead of creating new ones."},
		"ikplan.settings.risk_words": {"Ge riskskalans ord (risk_words) per språk (sv, en) och axel (probability, consequence), minst {scale} ord per axel, inget tomt och inget längre än {max} tecken.", "Give the risk scale's words (risk_words) per language (sv, en) and axis (probability, consequence), at least {scale} words per axis, none empty and none longer than {max} characters."},
		"ikplan.settings.delete":     {"Inställningarna kan inte tas bort, bara ändras.", "The settings cannot be deleted, only changed."},

		// boards, units, risks
		"ikplan.board.own_successor": {"En nämnd kan inte vara sin egen efterträdare.", "A board cannot be its own successor."},
		"ikplan.board.active_to":     {"Slutdatumet kan inte ligga före startdatumet.", "The end date cannot be before the start date."},
		"ikplan.risk.move_successor": {"En risk kan bara flyttas till sin nämnds efterträdare, i en omorganisation.", "A risk can only move to its board's successor, in a reorganisation."},
		"ikplan.risk.move_member":    {"Du kan bara flytta risken till en nämnd som du själv hör till.", "You can only move the risk to a board you belong to yourself."},
		"ikplan.risk.unit_board":     {"Förvaltningen hör till en annan nämnd än risken.", "The unit belongs to another board than the risk."},
		"ikplan.risk.scale":          {"Värdet får vara högst {max} med den riskmatris som är inställd.", "The value may be at most {max} with the risk matrix that is set."},
		"ikplan.unit.decided": {
			"Förvaltningen hör till kontrollpunkt {number} i planen för {year}, som är {t:status}, och kan inte tas bort.",
			"The unit belongs to control {number} of the plan for {year}, which is {t:status}, and cannot be deleted.",
		},
		"ikplan.risk.decided_control": {
			"Risken hör till kontrollpunkt {number} i planen för {year}, som är {t:status}, och kan inte tas bort. Sätt risken som avslutad i stället.",
			"The risk belongs to control {number} of the plan for {year}, which is {t:status}, and cannot be deleted. Mark the risk as closed instead.",
		},
		"ikplan.risk.decided_action": {
			"Risken hör till en åtgärd i planen för {year}, som är {t:status}, och kan inte tas bort. Sätt risken som avslutad i stället.",
			"The risk belongs to an action of the plan for {year}, which is {t:status}, and cannot be deleted. Mark the risk as closed instead.",
		},

		// plans
		"ikplan.plan.delete_draft": {"Planen är {t:status} och kan inte tas bort; bara ett utkast kan tas bort.", "The plan is {t:status} and cannot be deleted; only a draft can be deleted."},
		"ikplan.plan.year_taken":   {"Nämnden har redan en internkontrollplan för {year}.", "The board already has an internal control plan for {year}."},
		"ikplan.plan.year_dues": {
			"Planens år kan inte bli {year} medan kontrollpunkter har datum i ett annat år: {controls} Ta bort datumen, ändra året och ange sedan datumen i {year}.",
			"The plan's year cannot become {year} while controls have dates in another year: {controls} Remove the dates, change the year, then give the dates in {year}.",
		},
		"ikplan.plan.due_outside": {"kontrollpunkt %s (%s)", "control %s (%s)"},
		"ikplan.email_change.no_app_url": {
			"E-postadressen kan inte bytas ännu: ikplans webbadress är inte inställd, så länken för att bekräfta den nya adressen skulle inte fungera. Be systemförvaltaren att ange webbadressen i inställningarna.",
			"The e-mail address cannot be changed yet: ikplan's web address is not set, so the link to confirm the new address would not work. Ask the system administrator to set the web address in the settings.",
		},
		"ikplan.plan.year_draft": {"Året kan bara ändras medan planen är ett utkast.", "The year can only be changed while the plan is a draft."},
		"ikplan.plan.new_draft":  {"En ny plan börjar som utkast; anta den när kontrollpunkterna är klara.", "A new plan starts as a draft; adopt it when its controls are ready."},
		"ikplan.plan.move": {
			"En plan kan inte gå från {t:from} till {t:to}. Ordningen är utkast → antagen → återrapporterad → arkiverad.",
			"A plan cannot go from {t:from} to {t:to}. The order is draft → adopted → reported → archived.",
		},
		"ikplan.plan.adopted_on":    {"Ange datum för nämndens beslut att anta planen.", "Enter the date of the board's decision to adopt the plan."},
		"ikplan.plan.adopted_ref":   {"Ange beslutets paragraf och diarienummer, t.ex. \"§ 45, dnr KS 2024/12\".", "Enter the decision's paragraph and reference number, e.g. \"§ 45, dnr KS 2024/12\"."},
		"ikplan.plan.reported_on":   {"Ange datum för nämndens beslut om uppföljningen.", "Enter the date of the board's decision on the follow-up."},
		"ikplan.plan.revert_role":   {"Bara en IK-samordnare kan återföra en antagen plan till utkast.", "Only an internal control coordinator can return an adopted plan to draft."},
		"ikplan.plan.reopen_role":   {"Bara en IK-samordnare kan öppna en återrapporterad plan igen.", "Only an internal control coordinator can reopen a reported plan."},
		"ikplan.plan.revert_reason": {"Ange varför planen återförs till utkast; skälet sparas i ändringshistoriken.", "Enter why the plan goes back to draft; the reason is kept in the history."},
		"ikplan.plan.reopen_reason": {"Ange varför planen öppnas igen; skälet sparas i ändringshistoriken.", "Enter why the plan is reopened; the reason is kept in the history."},
		"ikplan.plan.same_reason":   {"Skälet är detsamma som vid förra ändringen; skriv varför planen går tillbaka den här gången.", "The reason is the same as at the last change; write why the plan goes back this time."},
		"ikplan.plan.revert_results": {
			"Planen har redan {count} kontrollresultat och kan inte återföras till utkast. Nämndens beslut står fast; en ändring av planen beslutas som en ny plan eller ett tillägg.",
			"The plan already has {count} control results and cannot go back to draft. The board's decision stands; a change to the plan is decided as a new plan or an addendum.",
		},
		"ikplan.plan.decided":         {"Planen är {t:status} och fältet ”{t:field}” kan inte längre ändras.", "The plan is {t:status} and “{t:field}” can no longer be changed."},
		"ikplan.plan.decision_future": {"Beslutet kan inte vara fattat senare än i dag ({today}); ange dagen då nämnden fattade beslutet.", "The decision cannot be made later than today ({today}); enter the day the board made it."},
		"ikplan.plan.reported_before": {"Uppföljningen kan inte vara beslutad före planen antogs ({adopted}).", "The follow-up cannot be decided before the plan was adopted ({adopted})."},

		// controls
		"ikplan.control.add_draft":    {"Planen är {t:status}; kontrollpunkter kan bara läggas till medan planen är ett utkast.", "The plan is {t:status}; controls can only be added while the plan is a draft."},
		"ikplan.control.delete_draft": {"Planen är {t:status}; kontrollpunkter kan bara tas bort medan planen är ett utkast.", "The plan is {t:status}; controls can only be deleted while the plan is a draft."},
		"ikplan.control.number_taken": {"Planen har redan en kontrollpunkt nummer {number} i den här delen.", "The plan already has a control number {number} in this part."},
		"ikplan.control.unit_board":   {"Förvaltningen hör till en annan nämnd än planen.", "The unit belongs to another board than the plan."},
		"ikplan.control.risk_board":   {"Risken hör till en annan nämnds riskportfölj.", "The risk belongs to another board's risks."},
		"ikplan.control.target_operator": {
			"Ange hur målet jämförs (<, ≤, =, ≥ eller >).", "Choose how the target is compared (<, ≤, =, ≥ or >).",
		},
		"ikplan.control.target_value":        {"Ange målvärdet, t.ex. 10.", "Enter the target value, e.g. 10."},
		"ikplan.control.target_value_number": {"Målvärdet måste vara ett tal, t.ex. 10 eller 8,1.", "The target value must be a number, e.g. 10 or 8.1."},
		"ikplan.control.target_metric":       {"Ange vad som mäts, t.ex. \"Medel responstid\".", "Enter what is measured, e.g. \"Mean response time\"."},
		"ikplan.control.due_year":            {"Datumet måste ligga i planens år {year}, t.ex. {year}-12-31.", "The date must be in the plan's year {year}, e.g. {year}-12-31."},
		"ikplan.control.decided": {
			"Planen är {t:status}: fältet ”{t:field}” har nämnden beslutat och det kan inte ändras. Bara den ansvariga kan bytas.",
			"The plan is {t:status}: the board decided “{t:field}” and it cannot be changed. Only the owner can be changed.",
		},
		"ikplan.owner.member": {"Den ansvariga måste vara användare i planens nämnd.", "The owner must be a user of the plan's board."},
		"ikplan.owner.role": {
			"En läsare eller revisor kan inte vara ansvarig; välj en kontrollansvarig eller IK-samordnare.",
			"A reader or auditor cannot be the owner; choose a control owner or an internal control coordinator.",
		},

		// results and deviations
		"ikplan.result.draft":           {"Planen är ett utkast; resultat rapporteras när planen är antagen.", "The plan is a draft; results are reported once the plan is adopted."},
		"ikplan.result.period_format":   {"Ange perioden som {t:example}.", "Enter the period as {t:example}."},
		"ikplan.result.period_year":     {"Perioden måste ligga i planens år {year}.", "The period must be in the plan's year {year}."},
		"ikplan.result.period_kind":     {"Kontrollen görs {t:frequency}: ange perioden som {t:example}.", "The control is done {t:frequency}: enter the period as {t:example}."},
		"ikplan.result.period_taken":    {"Kontrollpunkten har redan ett resultat för {period}; ändra det i stället.", "The control already has a result for {period}; change that one instead."},
		"ikplan.result.measured_number": {"Det uppmätta värdet måste vara ett tal, t.ex. 8,1.", "The measured value must be a number, e.g. 8.1."},
		"ikplan.result.target_missed": {
			"Målet ({t:operator} {target} {unit}) är inte uppnått med {measured}; välj utfallet avvikelse och beskriv avvikelsen.",
			"The target ({t:operator} {target} {unit}) is not met with {measured}; choose the outcome deviation and describe the deviation.",
		},
		"ikplan.result.not_performed_reason": {
			"Ange varför kontrollen inte genomfördes, eller vilken nämnd den har överförts till.",
			"Enter why the control was not performed, or which board it was transferred to.",
		},
		"ikplan.result.own_board":              {"Kontrollen kan inte överföras till sin egen nämnd.", "The control cannot be transferred to its own board."},
		"ikplan.result.transfer_not_performed": {"Bara en kontroll som inte genomförts kan anges som överförd till en annan nämnd.", "Only a control that was not performed can be marked as transferred to another board."},
		"ikplan.result.has_deviations":         {"Resultatet har avvikelser; ta bort dem innan utfallet ändras.", "The result has deviations; delete them before changing the outcome."},
		"ikplan.result.performed_by_member":    {"Den som utförde kontrollen måste vara användare i planens nämnd.", "Whoever performed the control must be a user of the plan's board."},
		"ikplan.result.performed_by_role": {
			"Den som utförde kontrollen måste vara kontrollansvarig eller IK-samordnare i planens nämnd.",
			"Whoever performed the control must be a control owner or an internal control coordinator of the plan's board.",
		},
		"ikplan.transfer.direct": {
			"Fältet ”Överförd till” kan inte ändras direkt. En IK-samordnare för båda nämnderna överför det som är öppet med ”Överför till efterträdaren” eller i beslutet om nästa års plan.",
			"“Transferred to” cannot be changed directly. A coordinator of both boards transfers what is open with “Transfer to the successor” or in the decision on next year's plan.",
		},
		"ikplan.transfer.role":               {"Bara en IK-samordnare som hör till båda nämnderna kan överföra till en annan nämnd.", "Only an internal control coordinator who belongs to both boards can transfer to another board."},
		"ikplan.deviation.outcome":           {"Resultatet har inte utfallet avvikelse; ändra utfallet först.", "The result does not have the outcome deviation; change the outcome first."},
		"ikplan.deviation.acceptance_reason": {"Ange varför avvikelsen godtas utan åtgärd.", "Enter why the deviation is accepted without an action."},
		"ikplan.frozen.reported": {
			"Planen är återrapporterad och inget under den kan ändras. Om något måste rättas kan en IK-samordnare öppna planen igen och ange varför.",
			"The plan is reported and nothing under it can be changed. If something must be corrected, a coordinator can reopen the plan and say why.",
		},
		"ikplan.frozen.archived": {"Planen är arkiverad och inget under den kan ändras.", "The plan is archived and nothing under it can be changed."},

		// actions
		"ikplan.action.belongs":          {"Ange vilken avvikelse, kontrollpunkt eller risk åtgärden hör till.", "Choose the deviation, control or risk the action belongs to."},
		"ikplan.action.control_mismatch": {"Kontrollpunkten stämmer inte med avvikelsens kontrollpunkt.", "The control does not match the deviation's control."},
		"ikplan.action.plan_mismatch":    {"Planen stämmer inte med kontrollpunktens plan.", "The plan does not match the control's plan."},
		"ikplan.action.risk_board":       {"Risken hör till en annan nämnd än planen.", "The risk belongs to another board than the plan."},
		"ikplan.action.own_board":        {"Åtgärden kan inte överföras till sin egen nämnd.", "The action cannot be transferred to its own board."},
		"ikplan.action.carried_self":     {"En åtgärd kan inte vara en fortsättning på sig själv.", "An action cannot be a continuation of itself."},
		"ikplan.action.done_note":        {"Beskriv vad som gjordes innan åtgärden markeras som klar.", "Describe what was done before marking the action as done."},
		"ikplan.action.cancel_reason":    {"Ange varför åtgärden avbryts.", "Enter why the action is cancelled."},
		"ikplan.carried.status_set": {
			"Status ”fortsätter i planen för {year}” sätts bara när åtgärden förs vidare till nästa års plan (Ny plan för {year} på planens sida); välj en annan status.",
			"The status “continues in the plan for {year}” is set only when the action is carried on to next year's plan (New plan for {year} on the plan's page); choose another status.",
		},
		"ikplan.carried.closed_here":       {"Åtgärden fortsätter i planen för {year} och är stängd här; ändra den i planen för {year}.", "The action continues in the plan for {year} and is closed here; change it in the plan for {year}."},
		"ikplan.carried.set_by_carry":      {"Fältet sätts bara när åtgärden förs vidare till nästa års plan.", "The field is set only when the action is carried on to next year's plan."},
		"ikplan.carried.only_continued":    {"Bara en åtgärd som fortsätter i nästa års plan har en fortsättning.", "Only an action that continues in next year's plan has a continuation."},
		"ikplan.carried.name_continuation": {"En åtgärd som fortsätter i planen för {year} måste ange sin fortsättning i nämndens plan för {year}.", "An action that continues in the plan for {year} must name its continuation in the board's plan for {year}."},
	} {
		catalogue[k] = v
	}
}
