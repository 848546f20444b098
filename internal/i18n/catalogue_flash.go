package i18n

// The confirmations a change shows on the page it leads to, in the
// notification banner (internal/web/flash.go). Parameters are {name}.
func init() {
	for k, v := range map[string][2]string{
		"banner.done": {"Klart", "Done"},

		"flash.plan_created":        {"Utkastet ”{title}” för {year} är skapat. Lägg till kontrollpunkterna nedan.", "The draft “{title}” for {year} is created. Add its controls below."},
		"flash.plan_created_board":  {"Utkastet för {board_text} {year} är skapat. Lägg till kontrollpunkterna nedan.", "The draft for {board} {year} is created. Add its controls below."},
		"flash.plan_carried":        {"Utkast för {year} skapat med {count} kontrollpunkter.", "Draft for {year} created with {count} controls."},
		"flash.plan_carried_one":    {"Utkast för {year} skapat med 1 kontrollpunkt.", "Draft for {year} created with 1 control."},
		"flash.plan_adopted":        {"Planen är antagen.", "The plan is adopted."},
		"flash.plan_reported":       {"Planen är återrapporterad.", "The plan is reported."},
		"flash.plan_archived":       {"Planen är arkiverad.", "The plan is archived."},
		"flash.plan_reverted":       {"Planen är ett utkast igen.", "The plan is a draft again."},
		"flash.plan_reopened":       {"Planen är öppnad igen.", "The plan is reopened."},
		"flash.plan_status":         {"Planens status är ändrad.", "The plan's status is changed."},
		"flash.control_added":       {"Kontrollpunkt {number} ”{title}” är tillagd i planen.", "Control {number} “{title}” is added to the plan."},
		"flash.control_saved":       {"Ändringarna av kontrollpunkt {number} ”{title}” är sparade.", "The changes to control {number} “{title}” are saved."},
		"flash.control_deleted":     {"Kontrollpunkt {number} ”{title}” är borttagen ur planen.", "Control {number} “{title}” is removed from the plan."},
		"flash.risk_created":        {"Risken ”{title}” är skapad. Bedöm den nedan.", "The risk “{title}” is created. Assess it below."},
		"flash.risk_assessed":       {"Bedömningen för {year} är sparad.", "The assessment for {year} is saved."},
		"flash.risk_to_plan":        {"Risken är tillagd i planen som kontrollpunkt {number}.", "The risk is added to the plan as control {number}."},
		"flash.transferred":         {"Överföringen till {successor_text} är gjord.", "The transfer to {successor} is done."},
		"flash.imported":            {"{count} rader från Excel-filen är importerade.", "{count} rows from the Excel file are imported."},
		"flash.imported_one":        {"1 rad från Excel-filen är importerad.", "1 row from the Excel file is imported."},
		"flash.result_saved":        {"Resultatet för {period} är sparat.", "The result for {period} is saved."},
		"flash.deviation_saved":     {"Avvikelsen är sparad.", "The deviation is saved."},
		"flash.status_saved":        {"Statusen är sparad.", "The status is saved."},
		"flash.action_saved":        {"Åtgärden är sparad.", "The action is saved."},
		"flash.settings_saved":      {"Inställningarna är sparade.", "The settings are saved."},
		"flash.action_status_saved": {"Åtgärdens status är sparad.", "The action's status is saved."},
	} {
		catalogue[k] = v
	}
}

// The mark of a form field that may be left empty (templates.Page.FieldLabel).
func init() {
	catalogue["form.optional"] = [2]string{"(frivilligt)", "(optional)"}
	catalogue["form.needed_to_adopt"] = [2]string{"(behövs för att anta planen)", "(needed to adopt the plan)"}
	// the history's filter button (the actions list has its own)
	catalogue["history.filter_submit"] = [2]string{"Visa ändringarna", "Show the changes"}
}

// The hints below checkboxes (templates/checkbox.templ).
func init() {
	for k, v := range map[string][2]string{
		"control.confidential_hint": {"Kontrollpunkten visas inte för läsare eller i offentliga rapporter.", "The control is hidden from readers and from public reports."},
		"excel.dry_run_hint":        {"Filen kontrolleras utan att något sparas.", "The file is checked without saving anything."},
	} {
		catalogue[k] = v
	}
}
