package i18n

// The texts of the header's menu and of the coordinators' settings page:
// the municipality's name and logo (issue 19, points 1, 9 and the menu).
func init() {
	for k, v := range map[string][2]string{
		"nav.menu":     {"Meny", "Menu"},
		"nav.history":  {"Historik", "History"},
		"nav.settings": {"Inställningar", "Settings"},

		"settings.title": {"Inställningar", "Settings"},
		"settings.intro": {
			"Kommunens namn och logotyp visas i sidhuvudet på varje sida och överst i dokumenten (uppföljning, plan och sammanställning i HTML, PDF och Word).",
			"The municipality's name and logo are shown in the header of every page and at the top of the documents (follow-up, plan and roll-up in HTML, PDF and Word).",
		},
		"settings.municipality": {"Kommunens namn (frivilligt)", "Municipality's name (optional)"},
		"settings.municipality_hint": {
			"Till exempel Exempelby kommun. Lämna tomt för att inte visa något namn.",
			"For example Exempelby kommun. Leave it empty to show no name.",
		},
		"settings.logo":         {"Logotyp", "Logo"},
		"settings.logo_current": {"Nuvarande logotyp", "Current logo"},
		"settings.logo_none":    {"Ingen logotyp är vald.", "No logo is chosen."},
		"settings.logo_hint": {
			"En PNG- eller JPEG-bild, högst %s. Den visas högst 32 pixlar hög i sidhuvudet. SVG tas inte emot: Word- och PDF-dokumenten kan inte visa den.",
			"A PNG or JPEG image, at most %s. It is shown at most 32 pixels high in the header. SVG is not accepted: the Word and PDF documents cannot show it.",
		},
		"settings.logo_new":    {"Ny logotyp (frivilligt)", "New logo (optional)"},
		"settings.logo_remove": {"Ta bort logotypen", "Remove the logo"},
		"settings.logo_too_large": {
			"Filen i fältet ”Logotyp” är för stor – högst %s. Välj en mindre bild.",
			"The file in “Logo” is too large – at most %s. Choose a smaller image.",
		},
		"settings.logo_unreadable": {
			"Filen i fältet ”Logotyp” kunde inte läsas; välj den igen.",
			"The file in “Logo” could not be read; choose it again.",
		},
		"settings.save": {"Spara inställningarna", "Save the settings"},

		// a file of another type in the logo field: only the two kinds
		// every document format takes
		"ikplan.file.type.settings.logo": {
			"Filen i fältet ”{t:field}” måste vara en PNG- eller JPEG-bild. Spara om bilden som PNG och välj den igen.",
			"The file in “{t:field}” must be a PNG or JPEG image. Save the image as PNG and choose it again.",
		},
	} {
		catalogue[k] = v
	}
}
