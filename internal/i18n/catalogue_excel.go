package i18n

// The texts of a plan's Excel export and import.
func init() {
	for k, v := range map[string][2]string{
		"excel.links":          {"Planen i Excel", "The plan in Excel"},
		"excel.export":         {"Exportera till Excel", "Export to Excel"},
		"excel.import":         {"Importera från Excel", "Import from Excel"},
		"excel.import_title":   {"Importera kontrollpunkter från Excel", "Import controls from Excel"},
		"excel.import_intro":   {"Kontrollpunkterna läses in till %s. Varje rad prövas mot samma regler som när du sparar en kontrollpunkt. Har någon rad fel importeras ingenting.", "The controls are read into %s. Every row is checked against the same rules as when you save a control. If any row is wrong, nothing is imported."},
		"excel.import_columns": {"Filen ska ha samma kolumner som när planen exporteras till Excel. En rad med samma Del och Nr som en befintlig kontrollpunkt ändrar den, övriga rader läggs till. Ansvarig anges med e-postadress, Risk och Förvaltning med sina namn i nämnden. Riskvärde läses inte in.", "The file must have the same columns as the plan's Excel export. A row with the same Del and Nr as an existing control changes it; other rows are added. Ansvarig is given by email address, Risk and Förvaltning by their names within the board. Riskvärde is not read."},
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
