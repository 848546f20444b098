package i18n

// The texts of a plan's Excel export and import.
func init() {
	for k, v := range map[string][2]string{
		"excel.links":          {"Planen i Excel", "The plan in Excel"},
		"excel.export":         {"Exportera till Excel", "Export to Excel"},
		"excel.import":         {"Importera från Excel", "Import from Excel"},
		"excel.import_title":   {"Importera kontrollpunkter från Excel", "Import controls from Excel"},
		"excel.import_intro":   {"Kontrollpunkterna läses in till %s. Varje rad prövas mot samma regler som när du sparar en kontrollpunkt. Har någon rad fel importeras ingenting.", "The controls are read into %s. Every row is checked against the same rules as when you save a control. If any row is wrong, nothing is imported."},
		"excel.import_columns": {"Filen ska ha samma kolumner som när planen exporteras till Excel, med svenska eller engelska rubriker. En rad med samma Del och Nr som en befintlig kontrollpunkt ändrar den, övriga rader läggs till. Ansvarig anges med e-postadress, Risk och Avdelning/enhet med sina namn i nämnden. Riskvärde läses inte in.", "The file must have the same columns as the plan's Excel export, with Swedish or English headers. A row with the same Part and No. as an existing control changes it; other rows are added. Owner is given by email address, Risk and Department/unit by their names within the board. Risk value is not read."},
		"excel.template":       {"Ladda ned planen som Excel-mall", "Download the plan as an Excel template"},
		"excel.file":           {"Excel-fil (.xlsx, högst %d MB)", "Excel file (.xlsx, at most %d MB)"},
		"excel.dry_run":        {"Provkör bara", "Dry run only"},
		"excel.submit":         {"Importera kontrollpunkterna", "Import the controls"},
		"excel.not_draft":      {"Planen är %s. Kontrollpunkter kan bara importeras till en plan som är ett utkast.", "The plan is %s. Controls can only be imported into a draft plan."},
		"excel.errors_title":   {"Filen importerades inte", "The file was not imported"},
		"excel.errors_intro":   {"Rätta raderna nedan i Excel-filen och importera den igen. Ingenting har sparats.", "Correct the rows below in the Excel file and import it again. Nothing has been saved."},
		"excel.errors_caption": {"Fel i filen, per rad och kolumn", "Errors in the file, by row and column"},
		"excel.errors_summary": {"Filen har %d fel. Ingenting importerades.", "The file has %d errors. Nothing was imported."},
		"excel.col.row":        {"Rad", "Row"},
		"excel.col.column":     {"Kolumn", "Column"},
		"excel.col.error":      {"Fel", "Error"},
		"excel.whole_row":      {"Hela raden", "The whole row"},
		"excel.checked":        {"Provkörningen gick igenom: alla %d rader kan importeras (%d nya, %d ändrade, %d oförändrade). Ingenting har sparats.", "The dry run passed: all %d rows can be imported (%d new, %d changed, %d unchanged). Nothing has been saved."},
		"excel.no_file":        {"Välj en Excel-fil (.xlsx) att importera.", "Choose an Excel file (.xlsx) to import."},
		"excel.too_large":      {"Filen är större än %d MB. Dela upp planen eller ta bort bilder och annat som inte hör till tabellen.", "The file is larger than %d MB. Split the plan or remove pictures and anything else that is not part of the table."},
		"excel.busy":           {"Just nu läses andra Excel-filer in. Vänta en liten stund och importera filen igen.", "Other Excel files are being imported just now. Wait a moment and import the file again."},
		"excel.back":           {"Tillbaka till planen", "Back to the plan"},
	} {
		catalogue[k] = v
	}
}

// The plan sheet's column headers, its words and its lists, in the
// sheet's language (internal/report's xlsx*.go). The headers are the
// sheet's format: the import reads a column by its header in either
// language, and by the header sheets had before (xlsx.col_old.*, written
// only in Swedish), so files exported before stay readable.
func init() {
	for k, v := range map[string][2]string{
		"xlsx.col.section":         {"Del", "Part"},
		"xlsx.col.number":          {"Nr", "No."},
		"xlsx.col.title":           {"Rubrik", "Title"},
		"xlsx.col.process":         {"Process", "Process"},
		"xlsx.col.risk":            {"Risk", "Risk"},
		"xlsx.col.risk_value":      {"Riskvärde", "Risk value"},
		"xlsx.col.description":     {"Kontrollmoment", "Control activity"},
		"xlsx.col.method":          {"Metod", "Method"},
		"xlsx.col.frequency":       {"Frekvens", "Frequency"},
		"xlsx.col.owner":           {"Ansvarig (e-post)", "Owner (email)"},
		"xlsx.col.report_to":       {"Rapporteras till", "Report to"},
		"xlsx.col.due":             {"Klar senast", "Due"},
		"xlsx.col.legal_refs":      {"Lagrum", "Legal references"},
		"xlsx.col.confidential":    {"Sekretess", "Confidential"},
		"xlsx.col.target_metric":   {"Mått", "Metric"},
		"xlsx.col.target_operator": {"Jämförelse", "Comparison"},
		"xlsx.col.target_value":    {"Målvärde", "Target value"},
		"xlsx.col.target_unit":     {"Måttenhet", "Unit of measure"},
		"xlsx.col.unit":            {"Avdelning/enhet", "Department/unit"},
		// the headers of sheets exported before 2026-12, which were Swedish only
		"xlsx.col_old.target_unit": {"Enhet", "Enhet"},
		"xlsx.col_old.unit":        {"Förvaltning", "Förvaltning"},

		"xlsx.yes":          {"Ja", "Yes"},
		"xlsx.no":           {"Nej", "No"},
		"xlsx.lists":        {"Listor", "Lists"},
		"xlsx.pick_title":   {"Välj ur listan", "Choose from the list"},
		"xlsx.pick":         {"Välj ett av värdena i listan. Importen läser bara dem.", "Choose one of the values in the list. The import reads only those."},
		"xlsx.pick_unit":    {"Välj en av nämndens avdelningar eller enheter i listan.", "Choose one of the board's departments or units in the list."},
		"xlsx.number_title": {"Nr", "No."},
		"xlsx.number_error": {"Skriv kontrollpunktens nummer, ett heltal 1–9999.", "Enter the control's number, a whole number 1–9999."},
		"xlsx.page":         {"Sida &P av &N", "Page &P of &N"},
	} {
		catalogue[k] = v
	}
}
