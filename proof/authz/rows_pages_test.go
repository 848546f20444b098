package authz_test

// Who is who in the answers: the board's members (reader, auditor, owner,
// other, coord) see Kommunstyrelsen; annan and ian belong to the other
// board only and find nothing of it (404); guests and superusers (who have
// no session, only the REST API) are sent to sign in.

// pageRows are the web UI's pages, reads and sign-in.
func pageRows() []row {
	return []row{
		{route: "GET /login", url: "/login", want: "guest,super:200 *:303"},
		{route: "POST /login", name: "right password", url: "/login", body: "email=lasare%40ikplan.test&password=ikplan-test-1", want: "*:303"},
		{route: "POST /login", name: "wrong password", url: "/login", body: "email=lasare%40ikplan.test&password=fel", want: "*:422"},
		{route: "POST /logout", url: "/logout", want: "*:login", fresh: true},
		// no provider is configured here: internal/web and the browser test
		// sign in through one
		{route: "GET /login/oidc", url: "/login/oidc", want: "*:404"},
		{route: "GET /login/oidc/callback", url: "/login/oidc/callback?state=x&code=y", want: "*:400"},
		{route: "GET /forgot", url: "/forgot", want: "*:200"},
		{route: "POST /forgot", url: "/forgot", body: "email=lasare%40ikplan.test", want: "*:200"},
		{route: "POST /lang", url: "/lang", body: "lang=en&back=%2Fplans", want: "*:303"},
		{route: "GET /{$}", url: "/", want: "guest,super:login *:200"},
		{route: "GET /start/{list}", name: "the open significant deviations", url: "/start/significant", want: "guest,super:login *:200",
			text: "Nya rutiner för mätningen av primärkartan", sees: "reader,auditor,owner,other,coord"},
		{route: "GET /start/{list}", name: "no such list", url: "/start/allt", want: "guest,super:login *:404"},
		{route: " /{path...}", name: "an unknown page", method: "GET", url: "/ingen/sida", want: "*:404"},
		{route: " /{path...}", name: "an unknown page, posted", method: "POST", url: "/ingen/sida", want: "*:404"},
		{route: "GET /static/{path...}", url: "/static/css/ikplan.css", want: "*:200"},
		{route: "GET /favicon.ico", url: "/favicon.ico", want: "*:200"},
		{route: "GET /manifest.webmanifest", url: "/manifest.webmanifest", want: "*:200"},
		{route: "GET /readyz", url: "/readyz", want: "*:200"}, // the load balancer's readiness check: "ok", to anyone
		{route: "GET /_/{path...}", url: "/_/", want: "*:200"},
		{route: "GET /_/extensions.js", url: "/_/extensions.js", want: "*:200"},

		// the list shows a year at a time (this year's, else the newest
		// year's: here the KS draft's), so the 2024 plan is asked for by year
		{route: "GET /plans", url: "/plans?year=2024", want: "guest,super:login *:200",
			text: "Kommunstyrelsens internkontrollplan 2024", sees: "reader,auditor,owner,other,coord"},
		{route: "GET /plans/{id}", url: "/plans/$plan", want: "guest,super:login annan,ian:404 *:200",
			text: "Ekonomiavdelningen"},
		{route: "GET /plans/{id}/controls/{control}/edit", url: "/plans/$ksdraft/controls/$dc/edit",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:200", text: "Utkastets kontroll"},
		{route: "GET /plans/{id}/back", url: "/plans/$plan/back",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:200", text: "kan inte återföras till utkast"},
		{route: "GET /plans/{id}/controls/{control}/delete", url: "/plans/$ksdraft/controls/$dc/delete",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:200", text: "Utkastets kontroll"},
		{route: "GET /plans/{id}/export.xlsx", url: "/plans/$plan/export.xlsx", want: "guest,super:login annan,ian:404 *:200"},
		{route: "GET /plans/{id}/import", url: "/plans/$ksdraft/import",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:200", text: "Utkast 2026"},
		{route: "GET /plans/{id}/next", url: "/plans/$plan/next",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:200", text: "Förbättrade rutiner i de fall en DDoS-attack"},
		{route: "GET /boards/{id}/transfer", url: "/boards/$ks/transfer",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:200", text: "Felaktig kontering av representation"},
		{route: "GET /actions", url: "/actions", want: "guest,super:login *:200",
			text: "Förbättrade rutiner i de fall en DDoS-attack", sees: "reader,auditor,owner,other,coord"},
		{route: "GET /history", url: "/history?kind=controls",
			want: "guest,super:login reader,owner,other,annan:403 auditor,coord,ian:200"},
		{route: "GET /history/{collection}/{id}", url: "/history/controls/$c11",
			want: "guest,super:login annan,ian:404 reader,owner,other:403 auditor,coord:200"},
		{route: "GET /search", url: "/search?q=DDoS", want: "guest,super:login *:200",
			text: "Förbättrade rutiner i de fall en DDoS-attack", sees: "reader,auditor,owner,other,coord"},
		{route: "GET /risks", url: "/risks", want: "guest,super:login *:200",
			text: "Felaktig kontering av representation", sees: "reader,auditor,owner,other,coord"},
		{route: "GET /risks/{id}", url: "/risks/$risk", want: "guest,super:login annan,ian:404 *:200",
			text: "Felaktig kontering av representation"},
		{route: "GET /controls/{id}", url: "/controls/$c11", want: "guest,super:login annan,ian:404 *:200",
			text: "DDoS-skyddet fungerade inte"},
		{route: "GET /controls/{id}/evidence/{result}/{name}", url: "/controls/$c11/evidence/$r11/$f11",
			want: "guest,super:login annan,ian:404 *:200", text: openFile},
		{route: "GET /reports/followup", url: "/reports/followup?board=$ks&year=2024",
			want: "guest,super:login annan,ian:404 *:200", text: "Medel responstid"},
		{route: "GET /reports/plan", url: "/reports/plan?board=$ks&year=2024",
			want: "guest,super:login annan,ian:404 *:200", text: "Ekonomiavdelningen"},
		{route: "GET /reports/rollup", url: "/reports/rollup?year=2024", want: "guest,super:login *:200",
			text: "Kommunstyrelsen", sees: "reader,auditor,owner,other,coord"},
		{route: "GET /reports/{kind}/download", url: "/reports/followup/download?board=$ks&year=2024&format=html",
			want: "guest,super:login annan,ian:404 *:200", text: "Medel responstid"},
		// the tjänsteskrivelse: to whoever may read the follow-up
		{route: "GET /reports/memo", url: "/reports/memo?board=$ks&year=2024",
			want: "guest,super:login annan,ian:404 *:200", text: "godkänner uppföljningen av internkontrollplan 2024"},
		{route: "GET /reports/{kind}/download", name: "the memo as HTML", url: "/reports/memo/download?board=$ks&year=2024&format=html",
			want: "guest,super:login annan,ian:404 *:200", text: "godkänner uppföljningen av internkontrollplan 2024"},
		{route: "GET /me", url: "/me", want: "guest,super:login *:200"},
		// the auditor's package (scope "package"): the page to anyone signed
		// in; the zip in confidentialRows
		{route: "GET /audit/package", url: "/audit/package", want: "guest,super:login *:200"},
		// the municipality's name and logo: the settings' update rule lets
		// coordinators only (the other board's coordinator too: the
		// settings are the whole municipality's)
		{route: "GET /settings", url: "/settings", want: "guest,super:login reader,auditor,owner,other,annan:403 coord,ian:200"},
		// kommungemensamma kontroller: everyone signed in reads them; the
		// form to change one is for kommunstyrelsen's coordinators (the
		// update rule), not the other board's
		{route: "GET /common", url: "/common?year=2023", want: "guest,super:login *:200",
			text: "Efterlevnad av attestreglementet", sees: "reader,auditor,owner,other,annan,ian,coord"},
		{route: "GET /common/{id}", url: "/common/$cc", want: "guest,super:login reader,auditor,owner,other,annan,ian:403 coord:200",
			text: "Efterlevnad av attestreglementet", sees: "coord"},
		// the feed is reached by its secret address, not by a session: each
		// role asks for its own; guests and superusers have none
		{route: "GET /calendar/{file}", url: "/calendar/$cal.ics", want: "guest,super:404 *:200",
			text: "Förbättrade rutiner i de fall en DDoS-attack", sees: "owner,coord"},
	}
}

// writeRows are the web UI's writes: each allowed one is made on an app of
// its own; a refused one must leave the shared app as it was.
func writeRows() []row {
	return []row{
		{route: "POST /plans", url: "/plans", body: "board=$ks&year=2027",
			want: "guest,super:login reader,auditor,owner,other,annan,ian:403 coord:303"},
		// the coordinator may ask; the demo plan has results, so the server
		// refuses to take it back to draft (422 with the reason)
		{route: "POST /plans/{id}/status", url: "/plans/$plan/status", body: "status=draft&status_reason=Fel+plan+antogs",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:422"},
		// the confirmation page of a step back: the demo plan has results, so
		// the server refuses to take it back to draft (422 with the reason)
		{route: "POST /plans/{id}/back", url: "/plans/$plan/back", body: "reason=Fel+plan+antogs",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:422"},
		{route: "POST /plans/{id}/controls", url: "/plans/$ksdraft/controls", body: "number=2&title=Ny+kontroll&frequency=yearly",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:303"},
		{route: "POST /plans/{id}/controls", name: "into the other board's draft", url: "/plans/$ianplan/controls", body: "number=1&title=Ny+kontroll&frequency=yearly",
			want: "guest,super:login reader,owner,other:404 annan:403 auditor:403 ian,coord:303"},
		{route: "POST /plans/{id}/controls/{control}", url: "/plans/$ksdraft/controls/$dc", body: "number=1&title=%C3%84ndrad+kontroll&frequency=yearly",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:303"},
		{route: "POST /plans/{id}/controls/{control}/delete", url: "/plans/$ksdraft/controls/$dc/delete", body: "reason=Dubblett",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:303"},
		{route: "POST /plans/{id}/import", url: "/plans/$ksdraft/import", upload: "ingen excelfil",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:422"},
		{route: "POST /plans/{id}/next", url: "/plans/$plan/next", body: nextForm,
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:303"},
		{route: "POST /boards/{id}/transfer", url: "/boards/$ks/transfer",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:303"},
		{route: "GET /actions/{id}/status", url: "/actions/$a11/status", want: "guest,super:login annan,ian:404 *:200",
			text: "Förbättrade rutiner i de fall en DDoS-attack"},
		{route: "POST /actions/{id}/status", url: "/actions/$a11/status", body: "status=in_progress",
			want: "guest,super:login annan,ian:404 reader,auditor,other:403 owner,coord:303"},
		{route: "POST /risks", url: "/risks", body: "board=$ks&title=Ny+risk",
			want: "guest,super:login reader,auditor,owner,other,annan,ian:403 coord:303"},
		{route: "POST /risks/{id}/assessments", url: "/risks/$risk/assessments", body: "year=2025&probability=2&consequence=3",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:303"},
		{route: "POST /risks/{id}/control", url: "/risks/$risk/control", body: "plan=$ksdraft",
			want: "guest,super:login annan,ian:404 reader,auditor,owner,other:403 coord:303"},
		// sampling (stickprov): control 9 is the "other" role's (ansvarig's)
		{route: "GET /controls/{id}/sample", url: "/controls/$c9/sample?period=2024", want: "guest,super:login annan,ian:404 *:200",
			text: "Post 1 (rad "},
		{route: "GET /samples/{id}/population", url: "/samples/$smp/population", want: "guest,super:login annan,ian:404 *:200"},
		{route: "GET /samples/{id}/items/{item}/evidence/{file}", url: "/samples/$smp/items/$si1/evidence/$sie",
			want: "guest,super:login annan,ian:404 *:200", text: "Faktura utan attest."},
		{route: "POST /controls/{id}/sample", name: "the period has its sample", url: "/controls/$c9/sample", body: "period=2024&size=1",
			want: "guest,super:login annan,ian:404 reader,auditor,owner:403 other,coord:422"},
		{route: "POST /samples/{id}/delete", name: "assessed: not drawn again", url: "/samples/$smp/delete",
			want: "guest,super:login annan,ian:404 reader,auditor,owner:403 other,coord:422"},
		{route: "POST /samples/{id}/items/{item}", url: "/samples/$smp/items/$si2", body: "status=deviation&note=Fel+belopp.",
			want: "guest,super:login annan,ian:404 reader,auditor,owner:403 other,coord:303"},
		{route: "POST /samples/{id}/items/{item}/deviation", url: "/samples/$smp/items/$si1/deviation",
			want: "guest,super:login annan,ian:404 reader,auditor,owner:403 other,coord:303"},
		{route: "POST /controls/{id}/target", url: "/controls/$c11/target", body: "measured_value=5",
			want: "guest,super:login annan,ian:404 *:200"},
		{route: "POST /controls/{id}/deadline", url: "/controls/$c11/deadline", body: "deadline=kvartal+3+2025",
			want: "guest,super:login annan,ian:404 *:200"},
		{route: "POST /controls/{id}/results", url: "/controls/$c11/results",
			body: "result=$r11&period=2024&outcome=deviation&account=Uppdaterad+redovisning.",
			want: "guest,super:login annan,ian:404 reader,auditor,other:403 owner,coord:303"},
		{route: "POST /controls/{id}/results/{result}/deviations", url: "/controls/$c11/results/$r11/deviations", body: "description=Larmet+n%C3%A5dde+inte+jouren.",
			want: "guest,super:login annan,ian:404 reader,auditor,other:403 owner,coord:303"},
		{route: "POST /controls/{id}/deviations/{deviation}/status", url: "/controls/$c11/deviations/$d11/status", body: "status=handled",
			want: "guest,super:login annan,ian:404 reader,auditor,other:403 owner,coord:303"},
		{route: "POST /controls/{id}/deviations/{deviation}/actions", url: "/controls/$c11/deviations/$d11/actions", body: "description=Byt+leverant%C3%B6r.",
			want: "guest,super:login annan,ian:404 reader,auditor,other:403 owner,coord:303"},
		{route: "POST /me/calendar", url: "/me/calendar", want: "guest,super:login *:303"},
		{route: "POST /settings", url: "/settings", body: "municipality=Exempelby+kommun",
			want: "guest,super:login reader,auditor,owner,other,annan:403 coord,ian:303"},
		// kommungemensamma kontroller: kommunstyrelsen's coordinators only
		{route: "POST /common", url: "/common", body: "year=2023&title=Delegationsbeslut&frequency=yearly",
			want: "guest,super:login reader,auditor,owner,other,annan,ian:403 coord:303"},
		{route: "POST /common/{id}", url: "/common/$cc", body: "title=Attestreglementet&frequency=yearly",
			want: "guest,super:login reader,auditor,owner,other,annan,ian:403 coord:303"},
		{route: "POST /common/{id}/delete", url: "/common/$cc/delete",
			want: "guest,super:login reader,auditor,owner,other,annan,ian:403 coord:303"},
	}
}

// nextForm decides every open action of the 2024 plan for the carry into
// 2025 (as internal/web's carry tests do), the confidential one too.
const nextForm = "decision-$a2=continue&decision-$a8=close&reason-$a8=Ers%C3%A4tts.&decision-$a10=continue" +
	"&decision-$a11=transfer&board-$a11=$ian&decision-$aHR8=continue&decision-$a12=continue"
