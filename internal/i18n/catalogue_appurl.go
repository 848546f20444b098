package i18n

// The texts of the application's address: the coordinators' banner while
// none is set, and the password reset that waits for it.
func init() {
	for k, v := range map[string][2]string{
		"appurl.title": {"Ingen e-post skickas ännu", "No e-mail is sent yet"},
		"appurl.text": {
			"ikplans webbadress är inte inställd, så länkarna i e-post skulle inte fungera. Därför skickas varken påminnelser eller e-post för att återställa lösenord. Länkarna på sidorna fungerar ändå.",
			"ikplan's web address is not set, so the links in e-mails would not work. Reminders and password reset e-mails are therefore not sent. The links on the pages work all the same.",
		},
		"appurl.how": {
			"Ange webbadressen i inställningarna: en administratör loggar in i PocketBase-panelen på /_/, väljer Settings → Application och skriver adressen som alla når ikplan på i Application URL, till exempel https://ikplan.kommun.se. Påminnelserna skickas sedan vid nästa körning.",
			"Set the web address in the settings: an administrator signs in to the PocketBase dashboard at /_/, chooses Settings → Application and enters the address everyone reaches ikplan on as the Application URL, for example https://ikplan.kommun.se. The reminders are then sent on the next run.",
		},
		// the settings' fields in the history
		"history.f.municipality": {"Kommunens namn", "Municipality's name"},
		"history.f.logo":         {"Logotyp", "Logo"},
		"forgot.unavailable": {
			"Lösenordet kan inte återställas med e-post ännu: ikplans webbadress är inte inställd, så länken i e-postmeddelandet skulle inte fungera. Be systemförvaltaren att ange webbadressen i inställningarna, eller att ge dig ett nytt lösenord.",
			"Your password cannot be reset by e-mail yet: ikplan's web address is not set, so the link in the e-mail would not work. Ask the system administrator to set the web address in the settings, or to give you a new password.",
		},
	} {
		catalogue[k] = v
	}
}
