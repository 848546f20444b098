package i18n

// The texts of the risk register, the risk matrix and a risk's page.
func init() {
	for k, v := range map[string][2]string{
		// the register
		"risks.title":        {"Risker", "Risks"},
		"risks.intro":        {"Riskportföljen per nämnd med riskbedömningen för valt år: sannolikhet × konsekvens = riskvärde.", "The risk register of each board with the assessment of the chosen year: probability × consequence = risk value."},
		"risks.filter_label": {"Filtrera risker", "Filter the risks"},
		"risks.year":         {"År", "Year"},
		"risks.board":        {"Nämnd", "Board"},
		"risks.all_boards":   {"Alla nämnder", "All boards"},
		"risks.status":       {"Status", "Status"},
		"risks.all_statuses": {"Alla", "All"},
		"risks.show":         {"Visa", "Show"},
		"risks.list":         {"Riskregister %d", "Risk register %d"},
		"risks.none":         {"Det finns inga risker att visa.", "There are no risks to show."},
		"risks.filtered":     {"Visar risker med sannolikhet %d och konsekvens %d.", "Showing the risks with probability %d and consequence %d."},
		"risks.show_all":     {"Visa alla risker", "Show all risks"},
		"risks.not_assessed": {"Ej bedömd %d", "Not assessed in %d"},
		"risks.count_one":    {"%d risk", "%d risk"},
		"risks.count":        {"%d risker", "%d risks"},
		"risks.pages":        {"Sidor i riskregistret", "Pages of the risk register"},
		"risks.page":         {"Sida %d av %d (hela nämnder per sida)", "Page %d of %d (whole boards on each page)"},
		"risks.prev":         {"Föregående sida", "Previous page"},
		"risks.next":         {"Nästa sida", "Next page"},

		// the matrix
		"risks.matrix":         {"Riskmatris %d", "Risk matrix %d"},
		"risks.matrix_title":   {"Riskmatris %d: sannolikhet × konsekvens", "Risk matrix %d: probability × consequence"},
		"risks.matrix_desc":    {"Varje ruta visar antalet risker med den sannolikheten och konsekvensen och nivån låg, medel eller hög. Välj en ruta för att visa dess risker.", "Each cell shows the number of risks with that probability and consequence and the level low, medium or high. Choose a cell to show its risks."},
		"risks.probability":    {"Sannolikhet", "Probability"},
		"risks.consequence":    {"Konsekvens", "Consequence"},
		"risks.cell_label":     {"Sannolikhet %d, konsekvens %d: %s, %s", "Probability %d, consequence %d: %s, %s"},
		"risks.matrix_table":   {"Riskmatrisen som tabell", "The risk matrix as a table"},
		"risks.matrix_caption": {"Antal risker per sannolikhet och konsekvens %d", "Number of risks by probability and consequence %d"},
		"risks.p_by_c":         {"Sannolikhet \\ konsekvens", "Probability \\ consequence"},
		"risks.band.green":     {"låg", "low"},
		"risks.band.yellow":    {"medel", "medium"},
		"risks.band.red":       {"hög", "high"},
		"risks.bands_help":     {"Nivå: hög från riskvärde %d, medel från %d, annars låg.", "Level: high from risk value %d, medium from %d, otherwise low."},

		// the register's columns
		"risks.col.risk":       {"Risk", "Risk"},
		"risks.col.process":    {"Process / rutin", "Process"},
		"risks.col.category":   {"Kategori", "Category"},
		"risks.col.unit":       {"Förvaltning / avdelning", "Unit"},
		"risks.col.status":     {"Status", "Status"},
		"risks.col.assessment": {"Sannolikhet × konsekvens = riskvärde", "Probability × consequence = risk value"},
		"risks.col.treatment":  {"Hantering", "Treatment"},
		"risks.col.motivation": {"Motivering", "Motivation"},

		// values
		"risks.category.verksamhet":   {"Verksamhet", "Operations"},
		"risks.category.ekonomi":      {"Ekonomi", "Finance"},
		"risks.category.legal":        {"Legal", "Legal"},
		"risks.category.it":           {"IT/informationssäkerhet", "IT/information security"},
		"risks.category.personal":     {"Personal", "Staff"},
		"risks.category.omvarld":      {"Omvärld", "External"},
		"risks.category.rapportering": {"Rapportering", "Reporting"},
		"risks.status.active":         {"Aktiv", "Active"},
		"risks.status.dormant":        {"Vilande", "Dormant"},
		"risks.status.closed":         {"Avslutad", "Closed"},
		"risks.treatment.control":     {"Kontroll i internkontrollplanen", "Control in the plan"},
		"risks.treatment.action":      {"Åtgärd", "Action"},
		"risks.treatment.accept":      {"Accepteras", "Accepted"},

		// a new risk
		"risks.new":               {"Ny risk", "New risk"},
		"risks.add":               {"Lägg till risken", "Add the risk"},
		"risks.field.title":       {"Risk (rubrik)", "Risk (title)"},
		"risks.field.description": {"Beskrivning (frivillig)", "Description (optional)"},
		"risks.field.process":     {"Process, rutin eller system (frivillig)", "Process, routine or system (optional)"},
		"risks.field.category":    {"Kategori (frivillig)", "Category (optional)"},
		"risks.field.unit":        {"Förvaltning / avdelning (frivillig)", "Unit (optional)"},
		"risks.none_option":       {"Ingen", "None"},

		// a risk's page
		"risk.facts":              {"Uppgifter om risken", "About the risk"},
		"risk.description":        {"Beskrivning", "Description"},
		"risk.assessments":        {"Riskbedömningar", "Assessments"},
		"risk.no_assessments":     {"Risken har inte bedömts ännu.", "The risk has not been assessed yet."},
		"risk.assess":             {"Bedöm risken", "Assess the risk"},
		"risk.assess_intro":       {"Välj sannolikhet och konsekvens på skalan 1–%d (1 är lägst). Riskvärdet räknas ut när bedömningen sparas. Finns en bedömning för året ändras den.", "Choose probability and consequence on the scale 1–%d (1 is the lowest). The risk value is computed when the assessment is saved. An existing assessment of the year is changed."},
		"risk.assess_year":        {"År", "Year"},
		"risk.treatment":          {"Hantering (frivillig)", "Treatment (optional)"},
		"risk.motivation":         {"Motivering (frivillig)", "Motivation (optional)"},
		"risk.save_assessment":    {"Spara bedömningen", "Save the assessment"},
		"risk.change":             {"Ändra", "Change"},
		"risk.value":              {"Riskvärde", "Risk value"},
		"risk.controls":           {"Kontrollpunkter för risken", "Controls of the risk"},
		"risk.no_controls":        {"Risken har ingen kontrollpunkt ännu.", "The risk has no control yet."},
		"risk.plan":               {"Plan", "Plan"},
		"risk.to_control":         {"Gör risken till en kontrollpunkt", "Turn the risk into a control"},
		"risk.to_control_intro":   {"Kontrollpunkten får riskens rubrik, process och förvaltning, nästa lediga nummer och frekvensen årligen. Komplettera den sedan i planen.", "The control gets the risk's title, process and unit, the next free number and a yearly frequency. Complete it in the plan afterwards."},
		"risk.to_control_plan":    {"Utkast till internkontrollplan", "Draft internal control plan"},
		"risk.create_control":     {"Skapa kontrollpunkten", "Create the control"},
		"risk.no_draft_plans":     {"Nämnden har inget utkast till internkontrollplan. Skapa ett under Planer för att kunna göra risken till en kontrollpunkt.", "The board has no draft plan. Create one under Plans to turn the risk into a control."},
		"risk.back":               {"Tillbaka till riskregistret", "Back to the risk register"},
		"risk.assessment_summary": {"%d × %d = %d", "%d × %d = %d"},
	} {
		catalogue[k] = v
	}
}
