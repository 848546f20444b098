package i18n

// Sampling (stickprov), scope "sample": the population file's refusals
// (internal/sample), the hooks' rules for samples and their items, and
// the control page's texts.
func init() {
	const save = "Spara listan som CSV UTF-8 (semikolon- eller kommaseparerad) eller som Excel-arbetsbok (.xlsx) och försök igen."
	const saveEn = "Save the list as CSV UTF-8 (separated by semicolons or commas) or as an Excel workbook (.xlsx) and try again."
	for k, v := range map[string][2]string{
		// the population file
		"sample.file.too_large": {"Populationsfilen är större än {mb} MB. Ta bort kolumner som inte behövs och försök igen.",
			"The population file is larger than {mb} MB. Remove the columns that are not needed and try again."},
		"sample.file.empty": {"Populationen är tom. Ladda upp en lista med en rubrikrad och en rad per post.", "The population is empty. Upload a list with a header row and one row per item."},
		"sample.file.no_rows": {"Populationen har en rubrikrad men inga poster. Lägg till en rad per post under rubrikraden.",
			"The population has a header row but no items. Add one row per item below the header row."},
		"sample.file.not_utf8":  {"Filen är inte text i UTF-8. " + save, "The file is not UTF-8 text. " + saveEn},
		"sample.file.csv":       {"Raden kunde inte läsas som CSV (ett citattecken saknas eller står fel). " + save, "The row could not be read as CSV (a quotation mark is missing or misplaced). " + saveEn},
		"sample.file.not_table": {"Filen kunde inte läsas som en tabell. " + save, "The file could not be read as a table. " + saveEn},
		"sample.file.unpacked": {"Arbetsboken blir mer än {mb} MB när den packas upp. " + save,
			"The workbook grows to more than {mb} MB when it is unpacked. " + saveEn},
		"sample.file.too_many_rows": {"Populationen har fler än {max} rader. Dela upp den, till exempel per månad, och dra ett stickprov per del.",
			"The population has more than {max} rows. Split it, for example by month, and draw one sample per part."},
		"sample.file.too_many_columns": {"Raden har fler än {max} kolumner. Ta bort kolumner som inte behövs i stickprovet.",
			"The row has more than {max} columns. Remove the columns the sample does not need."},
		"sample.file.beyond_header": {"Cellen har ett värde men kolumnen saknar rubrik. Skriv en rubrik i rubrikraden eller ta bort värdet.",
			"The cell has a value but its column has no header. Write a header in the header row or remove the value."},
		"sample.file.header_blank": {"Rubrikraden saknar rubrik i kolumnen. Skriv en rubrik för varje kolumn.", "The header row has no header in the column. Write a header for every column."},
		"sample.file.header_twice": {"Rubriken {name} finns två gånger i rubrikraden. Ge kolumnerna olika rubriker.", "The header {name} appears twice in the header row. Give the columns different headers."},
		"sample.file.cell_long": {"Cellen har {length} tecken; högst {max} tecken får plats. Korta texten.",
			"The cell has {length} characters; at most {max} fit. Shorten the text."},
		"sample.file.control": {"Cellen innehåller tecken som inte är text (filen kan vara en binärfil). " + save,
			"The cell contains characters that are not text (the file may be a binary file). " + saveEn},
		"sample.seed.format":    {"Fröet ska vara {digits} hexadecimala tecken (0–9, a–f).", "The seed must be {digits} hexadecimal digits (0–9, a–f)."},
		"sample.method.unknown": {"Urvalsmetoden {method} finns inte. Välj slumpmässigt urval utan återläggning (srs).", "The sampling method {method} does not exist. Choose simple random sampling without replacement (srs)."},
		"sample.size.range":     {"Ange en stickprovsstorlek mellan 1 och {max}.", "Enter a sample size between 1 and {max}."},

		// the hooks' rules
		"ikplan.sample.method":     {"Kontrollpunktens metod är inte stickprov. Ändra metoden i planen innan den antas.", "The control's method is not a sample. Change the method in the plan before it is adopted."},
		"ikplan.sample.draft":      {"Planen är ett utkast. Stickprov dras när planen är antagen.", "The plan is a draft. Samples are drawn once the plan is adopted."},
		"ikplan.sample.taken":      {"Perioden {period} har redan ett stickprov.", "The period {period} already has a sample."},
		"ikplan.sample.population": {"Ladda upp populationen som en fil eller klistra in den.", "Upload the population as a file or paste it."},
		"ikplan.sample.seed":       {"Fröet dras av servern när stickprovet dras och kan inte anges.", "The seed is drawn by the server when the sample is drawn and cannot be given."},
		"ikplan.sample.fixed": {"Ett draget stickprov ändras inte. Ta bort det och dra ett nytt så länge ingen post är bedömd.",
			"A drawn sample does not change. Delete it and draw a new one as long as no item has been assessed."},
		"ikplan.sample.recorded": {"Stickprovet har bedömda poster och kan inte tas bort eller dras om.",
			"The sample has assessed items and cannot be deleted or drawn again."},
		"ikplan.sample.result_exists": {"Perioden {period} har redan ett resultat. Ta bort resultatet först om perioden ska redovisas med stickprov.",
			"The period {period} already has a result. Delete the result first if the period is to be reported with a sample."},
		"ikplan.sample_item.drawn":  {"Stickprovets poster skapas bara när stickprovet dras.", "A sample's items are created only when the sample is drawn."},
		"ikplan.sample_item.fixed":  {"Postens rad och värden kommer från populationen och ändras inte.", "The item's row and values come from the population and do not change."},
		"ikplan.sample_item.delete": {"En post tas bara bort med sitt stickprov.", "An item is deleted only with its sample."},
		"ikplan.sample_item.note":   {"Skriv vad som avvek för posten.", "Write what deviated for the item."},
		"ikplan.sample_item.unrecorded": {"En bedömd post kan inte bli obedömd igen. Välj OK eller Avvikelse.",
			"An assessed item cannot become unassessed again. Choose OK or Deviation."},
		"ikplan.sample_item.deviation": {"Avvikelsen hör inte till stickprovets resultat.", "The deviation does not belong to the sample's result."},
		"ikplan.sample_item.has_deviation": {"Posten har en registrerad avvikelse och kan inte bli OK. Ta bort avvikelsen först.",
			"The item has a recorded deviation and cannot become OK. Delete the deviation first."},
		"ikplan.result.sample_open": {"Perioden redovisas med stickprov: bedöm alla {size} poster i stickprovet, så följer resultatet av dem.",
			"The period is reported with a sample: assess all {size} items of the sample and the result follows from them."},
		"ikplan.result.sample_outcome": {"Utfallet följer av stickprovet ({deviating} av {size} avvikande). Ändra bedömningen av posterna i stickprovet.",
			"The outcome follows from the sample ({deviating} of {size} deviating). Change the assessment of the sample's items."},
		"ikplan.result.sample_value": {"Uppmätt värde följer av stickprovet: {value} % avvikande poster.",
			"The measured value follows from the sample: {value} % deviating items."},
		"ikplan.result.sample_account": {"Stickprov av {size} poster ur en population om {rows}: {deviating} av {size} avvikande ({percent} %).",
			"Sample of {size} items from a population of {rows}: {deviating} of {size} deviating ({percent} %)."},

		"ikplan.plan.revert_samples": {"Planen har redan {count} dragna stickprov och kan inte återföras till utkast. Nämndens beslut står fast.",
			"The plan already has {count} drawn samples and cannot go back to draft. The board's decision stands."},

		// the fields, as the history and the forms name them
		"history.f.size":              {"Stickprovets storlek", "Sample size"},
		"history.f.seed":              {"Frö", "Seed"},
		"history.f.population":        {"Population", "Population"},
		"history.f.population_sha256": {"Populationsfilens SHA-256", "The population file's SHA-256"},
		"history.f.canonical_sha256":  {"Populationens SHA-256 (kanonisk form)", "The population's SHA-256 (canonical form)"},
		"history.f.population_rows":   {"Rader i populationen", "Rows in the population"},
		"history.f.header":            {"Rubrikrad", "Header row"},
		"history.f.sample":            {"Stickprov", "Sample"},
		"history.f.row":               {"Rad", "Row"},
		"history.f.data":              {"Värden", "Values"},
		"history.f.note":              {"Anteckning", "Note"},

		"ikplan.required.samples.control":       {"Välj vilken kontrollpunkt stickprovet gäller.", "Choose the control the sample is for."},
		"ikplan.required.samples.period":        {"Ange vilken period stickprovet gäller.", "Enter the period the sample is for."},
		"ikplan.required.samples.method":        {"Välj urvalsmetod.", "Choose the sampling method."},
		"ikplan.required.samples.size":          {"Ange stickprovets storlek.", "Enter the sample size."},
		"ikplan.required.samples.population":    {"Ladda upp populationen som en fil eller klistra in den.", "Upload the population as a file or paste it."},
		"ikplan.required.sample_items.sample":   {"Posten måste höra till ett stickprov.", "The item must belong to a sample."},
		"ikplan.required.sample_items.position": {"Ange postens ordning i dragningen.", "Enter the item's position in the draw."},
		"ikplan.required.sample_items.row":      {"Ange postens rad i populationen.", "Enter the item's row in the population."},

		// the findings, as the pages and the follow-up report write them
		"sample.findings": {"{deviating} av {size} avvikande, {percent} %", "{deviating} of {size} deviating, {percent} %"},
		"sample.method.srs": {"slumpmässigt urval utan återläggning (HMAC-SHA256 av fröet och radnumret, lägst först)",
			"simple random sampling without replacement (HMAC-SHA256 of the seed and the row number, lowest first)"},
		"sample.status.ok":        {"OK", "OK"},
		"sample.status.deviation": {"Avvikelse", "Deviation"},
		"sample.status.":          {"Ej bedömd", "Not assessed"},
	} {
		catalogue[k] = v
	}
}
