package authz_test

// apiRows are PocketBase's REST API for the collections' records and files:
// one row per route (the per-collection detail, every collection × role ×
// operation, is pb_migrations' TestAPIRules), with an action under the
// confidential control 12 as the record. The REST API takes the
// Authorization header, never the session cookie. A create refused by the
// rule is a 400, an update or delete of a record the rule hides a 404, and
// a collection without a rule (the sessions) is for superusers only: 403.
func apiRows() []row {
	const writers = "owner,coord,super"
	return []row{
		{route: "GET /api/collections/{collection}/records", url: "/api/collections/actions/records?perPage=100",
			want: "*:200", text: secretAction, sees: "auditor,owner,other,coord,super"},
		{route: "GET /api/collections/{collection}/records", name: "the sessions", url: "/api/collections/sessions/records",
			want: "guest,reader,auditor,owner,other,annan,ian,coord:403 super:200"},
		{route: "GET /api/collections/{collection}/records", name: "the session cookie is no REST credential", url: "/api/collections/plans/records",
			cookie: true, want: "*:200", text: "Kommunstyrelsens internkontrollplan 2024", sees: "super"},
		{route: "GET /api/collections/{collection}/records/{id}", url: "/api/collections/actions/records/$a11",
			want: "guest,annan,ian:404 *:200", text: "Förbättrade rutiner i de fall en DDoS-attack"},
		{route: "GET /api/collections/{collection}/records/{id}", name: "a session", url: "/api/collections/sessions/records/$session",
			want: "guest,reader,auditor,owner,other,annan,ian,coord:403 super:200"},
		{route: "POST /api/collections/{collection}/records", url: "/api/collections/actions/records",
			body: `{"deviation":"$d12","description":"Ännu en åtgärd."}`, want: writers + ":200 *:400"},
		{route: "POST /api/collections/{collection}/records", name: "a session", url: "/api/collections/sessions/records",
			body: `{"user":"$it","token_hash":"` + hash64 + `","expires":"2099-01-01 00:00:00.000Z","last_seen":"2025-03-15 00:00:00.000Z","signed_in":"2025-03-15 00:00:00.000Z"}`,
			want: "super:200 *:403"},
		{route: "PATCH /api/collections/{collection}/records/{id}", url: "/api/collections/actions/records/$a12",
			body: `{"description":"Skriv om och pröva brandväggens regelverk."}`, want: writers + ":200 *:404"},
		{route: "DELETE /api/collections/{collection}/records/{id}", url: "/api/collections/actions/records/$a12",
			want: writers + ":204 *:404"},
		{route: "POST /api/batch", url: "/api/batch",
			body: `{"requests":[{"method":"DELETE","url":"/api/collections/actions/records/$a12"}]}`, want: "*:403"},
		{route: "POST /api/files/token", url: "/api/files/token", want: "guest:401 *:200"},
		{route: "GET /api/realtime", url: "/api/realtime", want: "*:200", stream: true},
		{route: "POST /api/realtime", url: "/api/realtime", body: `{"clientId":"ingen","subscriptions":["actions"]}`, want: "*:404"},
		{route: "GET /api/health", url: "/api/health", want: "*:200"},
	}
}

// hash64 is 64 hexadecimal digits, the form of a session token's hash.
const hash64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

// apiAuthRows are PocketBase's sign-in routes of the users collection. They
// answer the same to everyone but where they act on the caller; one-time
// passwords and OAuth2 are not enabled (403).
func apiAuthRows() []row {
	const users = "/api/collections/users"
	return []row{
		{route: "GET /api/collections/{collection}/auth-methods", url: users + "/auth-methods", want: "*:200"},
		{route: "POST /api/collections/{collection}/auth-refresh", url: users + "/auth-refresh", want: "guest:401 super:403 *:200"},
		{route: "POST /api/collections/{collection}/auth-with-password", url: users + "/auth-with-password",
			body: `{"identity":"lasare@ikplan.test","password":"ikplan-test-1"}`, want: "*:200"},
		{route: "POST /api/collections/{collection}/auth-with-password", name: "wrong password", url: users + "/auth-with-password",
			body: `{"identity":"lasare@ikplan.test","password":"fel"}`, want: "*:400"},
		{route: "POST /api/collections/{collection}/auth-with-oauth2", url: users + "/auth-with-oauth2", body: `{}`, want: "*:403"},
		{route: "POST /api/collections/{collection}/request-otp", url: users + "/request-otp", body: `{"email":"lasare@ikplan.test"}`, want: "*:403"},
		{route: "POST /api/collections/{collection}/auth-with-otp", url: users + "/auth-with-otp", body: `{"otpId":"x","password":"y"}`, want: "*:403"},
		{route: "POST /api/collections/{collection}/request-password-reset", url: users + "/request-password-reset",
			body: `{"email":"lasare@ikplan.test"}`, want: "*:204"},
		{route: "POST /api/collections/{collection}/confirm-password-reset", url: users + "/confirm-password-reset",
			body: `{"token":"ogiltig","password":"ikplan-nytt-1","passwordConfirm":"ikplan-nytt-1"}`, want: "*:400"},
		{route: "POST /api/collections/{collection}/request-verification", url: users + "/request-verification",
			body: `{"email":"lasare@ikplan.test"}`, want: "*:204"},
		{route: "POST /api/collections/{collection}/confirm-verification", url: users + "/confirm-verification",
			body: `{"token":"ogiltig"}`, want: "*:400"},
		{route: "POST /api/collections/{collection}/request-email-change", url: users + "/request-email-change",
			// 400: the test data has no application URL, and the mail with
			// the confirming link is not sent without one (hooks/mail.go)
			body: `{"newEmail":"ny@ikplan.test"}`, want: "guest:401 super:403 *:400"},
		{route: "POST /api/collections/{collection}/confirm-email-change", url: users + "/confirm-email-change",
			body: `{"token":"ogiltig","password":"ikplan-test-1"}`, want: "*:400"},
		{route: "POST /api/collections/{collection}/impersonate/{id}", url: users + "/impersonate/$it",
			body: `{}`, want: "guest:401 super:200 *:403"},
		{route: "GET /api/oauth2-redirect", url: "/api/oauth2-redirect?state=x&code=y", want: "*:307"},
		{route: "POST /api/oauth2-redirect", url: "/api/oauth2-redirect", body: `{}`, want: "*:303"},
	}
}
