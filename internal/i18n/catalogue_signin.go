package i18n

// The texts of signing in with the municipality's own accounts (OpenID
// Connect) and of password sign-in switched off (issue 17, points 1–3).
func init() {
	for k, v := range map[string][2]string{
		"oidc.intro":            {"Logga in med samma konto som du använder för kommunens andra system.", "Sign in with the account you use for the municipality's other systems."},
		"oidc.signin":           {"Logga in med ditt kommunkonto", "Sign in with your municipality account"},
		"oidc.or_password":      {"Eller logga in med lösenord", "Or sign in with a password"},
		"oidc.no_way":           {"Inloggning är inte möjlig just nu. Kontakta systemförvaltaren.", "Signing in is not possible at the moment. Contact the system administrator."},
		"oidc.back":             {"Tillbaka till inloggningen", "Back to signing in"},
		"oidc.signed_out":       {"Du är utloggad från ikplan.", "You have signed out of ikplan."},
		"oidc.provider_signout": {"Logga ut från ditt kommunkonto också", "Sign out of your municipality account too"},

		"oidc.state_title": {"Inloggningen kunde inte slutföras", "The sign-in could not be completed"},
		"oidc.state_text": {
			"Inloggningen hörde inte till den här webbläsaren, hade redan använts eller tog för lång tid. Börja om från inloggningssidan.",
			"The sign-in did not belong to this browser, had been used already or took too long. Start again from the sign-in page.",
		},
		"oidc.cancelled_title": {"Inloggningen avbröts", "The sign-in was cancelled"},
		"oidc.cancelled_text": {
			"Kommunens inloggningstjänst avbröt inloggningen. Försök igen, eller kontakta systemförvaltaren om det händer igen.",
			"The municipality's sign-in service cancelled the sign-in. Try again, or contact the system administrator if it happens again.",
		},
		"oidc.failed_title": {"Inloggningen misslyckades", "The sign-in failed"},
		"oidc.failed_text": {
			"Svaret från kommunens inloggningstjänst kunde inte godkännas. Börja om från inloggningssidan; kontakta systemförvaltaren om det händer igen.",
			"The answer of the municipality's sign-in service could not be accepted. Start again from the sign-in page; contact the system administrator if it happens again.",
		},
		"oidc.unknown_title": {"Du har inget konto i ikplan", "You have no account in ikplan"},
		"oidc.unknown_text": {
			"Du loggade in med ditt kommunkonto, men det finns ingen användare i ikplan med din e-postadress. Be systemförvaltaren eller kommunens IK-samordnare att lägga upp dig som användare och försök sedan igen.",
			"You signed in with your municipality account, but ikplan has no user with your email address. Ask the system administrator or the municipality's internal control coordinator to add you as a user, then try again.",
		},
		"oidc.password_off_title": {"Inloggning med lösenord är avstängd", "Signing in with a password is switched off"},
		"oidc.password_off_text": {
			"Här loggar du in med ditt kommunkonto, inte med ett lösenord för ikplan. Gå till inloggningssidan och välj ”Logga in med ditt kommunkonto”.",
			"Here you sign in with your municipality account, not with a password for ikplan. Go to the sign-in page and choose “Sign in with your municipality account”.",
		},

		// the users collection's options: password sign-in off only while
		// single sign-on is on (hooks/signin.go)
		"ikplan.signin.password_needed": {
			"Inloggning med lösenord kan stängas av först när en OAuth2-leverantör (kommunens konton) är aktiverad för användarna. Aktivera leverantören först, eller låt lösenordsinloggningen vara på.",
			"Password sign-in can be switched off only while an OAuth2 provider (the municipality's accounts) is enabled for the users. Enable the provider first, or leave password sign-in on.",
		},
	} {
		catalogue[k] = v
	}
}
