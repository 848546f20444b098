package i18n

// The refusals of a plan's Excel import (internal/report's xlsx_*.go):
// the file as a whole, its header row and each row's cells. The sheet may
// be in Swedish or English (its headers and the words of Metod, Frekvens
// and Sekretess): the import reads either, so each text names the words
// of its own language.
func init() {
	const retry = "kopiera planens rader och kolumner till en ny arbetsbok och försök igen."
	const retryEn = "copy the plan's rows and columns into a new workbook and try again."
	for k, v := range map[string][2]string{
		// where an error is: the command line prints it before the message
		"import.at_row":  {"rad {row}: {message}", "row {row}: {message}"},
		"import.at_cell": {"rad {row}, kolumn {column}: {message}", "row {row}, column {column}: {message}"},
		// a refusal of the hooks that carries no message of the catalogue
		"import.error": {"{error}", "{error}"},

		// the plan
		"import.not_draft": {
			"Planen är {t:status}. Kontrollpunkter kan bara importeras till en plan som är ett utkast; ingenting har importerats.",
			"The plan is {t:status}. Controls can only be imported into a draft plan; nothing has been imported.",
		},

		// the file
		"import.not_xlsx": {
			"Filen kunde inte läsas som en Excel-arbetsbok (.xlsx). Spara den som Excel-arbetsbok i Excel eller LibreOffice och försök igen.",
			"The file could not be read as an Excel workbook (.xlsx). Save it as an Excel workbook in Excel or LibreOffice and try again.",
		},
		"import.too_large": {
			"Filen är större än {mb} MB. Dela upp planen eller ta bort bilder och annat som inte hör till tabellen.",
			"The file is larger than {mb} MB. Split the plan or remove pictures and anything else that is not part of the table.",
		},
		"import.too_many_parts": {
			"Filen består av fler än {max} delar. En arbetsbok med en plan har ett tiotal; " + retry,
			"The file consists of more than {max} parts. A workbook with a plan has about ten; " + retryEn,
		},
		"import.unpacked": {
			"Filen blir mer än {mb} MB när den packas upp (en .xlsx-fil är packad). En plan får bli högst {mb} MB uppackad; " + retry,
			"The file grows to more than {mb} MB when it is unpacked (an .xlsx file is packed). A plan may be at most {mb} MB unpacked; " + retryEn,
		},
		"import.part_large.book": {
			"Arbetsbokens innehållsförteckning blir mer än {mb} MB när den packas upp. En plan ryms gott inom {mb} MB; " + retry,
			"The workbook's table of contents grows to more than {mb} MB when it is unpacked. A plan fits well within {mb} MB; " + retryEn,
		},
		"import.part_large.shared": {
			"Arbetsbokens texter blir mer än {mb} MB när de packas upp. En plan ryms gott inom {mb} MB; " + retry,
			"The workbook's texts grow to more than {mb} MB when they are unpacked. A plan fits well within {mb} MB; " + retryEn,
		},
		"import.part_large.sheet": {
			"Bladet {sheet} blir mer än {mb} MB när det packas upp. En plan ryms gott inom {mb} MB; " + retry,
			"The sheet {sheet} grows to more than {mb} MB when it is unpacked. A plan fits well within {mb} MB; " + retryEn,
		},
		"import.cell_right": {
			"Cellen {cell} ligger utanför planens kolumner: en plan får bara ha något i kolumnerna A–{last} (högst {max}). Ta bort det som står i kolumn {column} och försök igen.",
			"The cell {cell} lies outside the plan's columns: a plan may only have something in columns A–{last} (at most {max}). Remove what is in column {column} and try again.",
		},
		"import.cell_below": {
			"Cellen {cell} ligger för långt ned i bladet: en plan läses bara till och med rad {max}. Ta bort det som står under planen och försök igen.",
			"The cell {cell} lies too far down the sheet: a plan is read only up to row {max}. Remove what is below the plan and try again.",
		},

		// the sheet and its header row
		"import.too_many_rows": {
			"Bladet har fler än {max} rader med kontrollpunkter. Dela upp planen i flera filer.",
			"The sheet has more than {max} rows of controls. Split the plan into several files.",
		},
		"import.sheet_empty": {
			"Bladet {sheet} är tomt. Första raden ska ha kolumnrubrikerna: {headers}.",
			"The sheet {sheet} is empty. Its first row must hold the column headers: {headers}.",
		},
		"import.no_rows": {
			"Bladet {sheet} har inga kontrollpunkter under rubrikraden.",
			"The sheet {sheet} has no controls below the header row.",
		},
		"import.column_twice": {
			"Kolumnen {column} finns två gånger i rubrikraden.",
			"The column {column} appears twice in the header row.",
		},
		"import.columns.missing": {
			"Kolumnerna stämmer inte med planens Excel-format. Saknas: {missing}. Exportera planen till Excel för att få en mall med rätt kolumner.",
			"The columns do not match the plan's Excel format. Missing: {missing}. Export the plan to Excel to get a template with the right columns.",
		},
		"import.columns.unknown": {
			"Kolumnerna stämmer inte med planens Excel-format. Okända: {unknown}. Exportera planen till Excel för att få en mall med rätt kolumner.",
			"The columns do not match the plan's Excel format. Unknown: {unknown}. Export the plan to Excel to get a template with the right columns.",
		},
		"import.columns.missing_unknown": {
			"Kolumnerna stämmer inte med planens Excel-format. Saknas: {missing}. Okända: {unknown}. Exportera planen till Excel för att få en mall med rätt kolumner.",
			"The columns do not match the plan's Excel format. Missing: {missing}. Unknown: {unknown}. Export the plan to Excel to get a template with the right columns.",
		},

		// a row's cells
		"import.number_missing": {"Ange kontrollpunktens nummer, t.ex. 5.", "Give the control's number, e.g. 5."},
		"import.number_bad":     {"Numret måste vara ett heltal 1–9999, inte {value}.", "The number must be a whole number 1–9999, not {value}."},
		"import.number_twice":   {"Rad {first} har redan samma del och nummer {number}.", "Row {first} already has the same part and number {number}."},
		"import.method":         {"Okänd metod {value}. Skriv en av: {allowed}.", "Unknown method {value}. Write one of: {allowed}."},
		"import.frequency":      {"Okänd frekvens {value}. Skriv en av: {allowed}.", "Unknown frequency {value}. Write one of: {allowed}."},
		"import.operator":       {"Okänd jämförelse {value}. Skriv en av: <, ≤, =, ≥, >.", "Unknown comparison {value}. Write one of: <, ≤, =, ≥, >."},
		"import.confidential":   {"Skriv Ja eller Nej, inte {value}.", "Write Yes or No, not {value}."},
		"import.due": {
			"{value} kan inte tolkas som ett datum. Skriv ett datum eller en period, till exempel 2025-09-30, mars 2025, kvartal 3 2025, tertial 2 2025, första halvåret 2025 eller under 2025.",
			"{value} cannot be read as a date. Write a date or a period, for example 2025-09-30, March 2025, Q3 2025, T2 2025, first half 2025 or year 2025.",
		},
		"import.owner": {"Ingen användare har e-postadressen {email}.", "No user has the email address {email}."},
		"import.risk_none": {
			"Nämnden har ingen risk med rubriken {title}. Lägg in risken i riskregistret eller lämna fältet tomt.",
			"The board has no risk with the title {title}. Add the risk to the risk register or leave the field empty.",
		},
		"import.risk_many": {
			"Flera risker i nämndens riskregister har rubriken {title}. Ge dem olika rubriker först.",
			"Several risks in the board's risk register have the title {title}. Give them different titles first.",
		},
		"import.unit": {"Nämnden har ingen avdelning eller enhet som heter {name}.", "The board has no department or unit named {name}."},
	} {
		catalogue[k] = v
	}
}
