package i18n

// The texts of the report pages (the documents themselves are Swedish, as
// the boards adopt them) and of the documents' links on a plan's page.
func init() {
	for k, v := range map[string][2]string{
		"reports.documents":     {"Dokument", "Documents"},
		"reports.followup":      {"Uppföljningsrapport", "Follow-up report"},
		"reports.plan":          {"Plandokument", "Plan document"},
		"reports.rollup":        {"Sammanställning av nämndernas internkontroll %d", "Roll-up of the boards' internal control %d"},
		"reports.download_as":   {"ladda ned som", "download as"},
		"reports.download":      {"Ladda ned", "Download"},
		"reports.download_this": {"Ladda ned dokumentet som", "Download the document as"},
		"reports.preview":       {"Förhandsgranskning av dokumentet", "Preview of the document"},
		"reports.back_to_plan":  {"Tillbaka till planen", "Back to the plan"},
		"reports.version":       {"Version:", "Version:"},
		"reports.internal":      {"Intern version (med punkter under sekretess)", "Internal version (with confidential items)"},
		"reports.public":        {"Offentlig version", "Public version"},
		"reports.year":          {"År", "Year"},
		"reports.show":          {"Visa rapporten", "Show the report"},
		"reports.refused":       {"Dokumentet kan inte skrivas", "The document cannot be written"},
		"reports.years":         {"Det finns planer för dessa år:", "There are plans for these years:"},
		"reports.no_plan":       {"%s har ingen internkontrollplan för %d.", "%s has no internal control plan for %d."},
	} {
		catalogue[k] = v
	}
}
