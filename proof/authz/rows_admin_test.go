package authz_test

// adminRows are PocketBase's superuser routes: settings, collections,
// logs, backups, crons and SQL. A guest is asked to sign in (401), any
// staff user is refused (403); the superuser gets the answer (a write the
// hooks refuse is still refused to them).
func adminRows() []row {
	const refused = "guest:401 reader,auditor,owner,other,annan,ian,coord:403"
	return []row{
		{route: "GET /api/settings", url: "/api/settings", want: refused + " super:200", text: `"smtp"`},
		{route: "PATCH /api/settings", url: "/api/settings", body: `{"meta":{"appName":"ikplan"}}`, want: refused + " super:200"},
		{route: "POST /api/settings/test/s3", url: "/api/settings/test/s3", body: `{"filesystem":"storage"}`, want: refused + " super:400"},
		{route: "POST /api/settings/test/email", url: "/api/settings/test/email", body: `{"template":"verification","email":"test@ikplan.test"}`, want: refused + " super:204"},
		{route: "POST /api/settings/apple/generate-client-secret", url: "/api/settings/apple/generate-client-secret", body: `{}`, want: refused + " super:400"},
		{route: "GET /api/collections", url: "/api/collections", want: refused + " super:200", text: `"name":"sessions"`},
		{route: "POST /api/collections", url: "/api/collections", body: `{"name":"anteckningar","type":"base"}`, want: refused + " super:200"},
		{route: "GET /api/collections/{collection}", url: "/api/collections/controls", want: refused + " super:200", text: `"confidential"`},
		{route: "PATCH /api/collections/{collection}", url: "/api/collections/controls", body: `{}`, want: refused + " super:200"},
		{route: "DELETE /api/collections/{collection}", name: "a collection ikplan needs", url: "/api/collections/sessions", want: refused + " super:400"},
		{route: "DELETE /api/collections/{collection}/truncate", url: "/api/collections/sessions/truncate", want: refused + " super:204"},
		{route: "PUT /api/collections/import", url: "/api/collections/import", body: `{"collections":[]}`, want: refused + " super:400"},
		{route: "GET /api/collections/meta/scaffolds", url: "/api/collections/meta/scaffolds", want: refused + " super:200"},
		{route: "GET /api/collections/meta/oauth2-providers", url: "/api/collections/meta/oauth2-providers", want: refused + " super:200"},
		{route: "POST /api/collections/meta/dry-run-view", url: "/api/collections/meta/dry-run-view", body: `{}`, want: refused + " super:400"},
		{route: "GET /api/logs", url: "/api/logs", want: refused + " super:200"},
		{route: "DELETE /api/logs", url: "/api/logs", want: refused + " super:204"},
		{route: "GET /api/logs/stats", url: "/api/logs/stats", want: refused + " super:200"},
		{route: "GET /api/logs/{id}", url: "/api/logs/ingen", want: refused + " super:404"},
		{route: "GET /api/backups", url: "/api/backups", want: refused + " super:200"},
		{route: "POST /api/backups", url: "/api/backups", body: `{"name":"matris.zip"}`, want: refused + " super:204"},
		{route: "POST /api/backups/upload", url: "/api/backups/upload", body: `{}`, want: refused + " super:400"},
		{route: "GET /api/backups/{key}", url: "/api/backups/ingen.zip?token=$ftoken", want: "guest,reader,auditor,owner,other,annan,ian,coord:403 super:404"},
		{route: "DELETE /api/backups/{key}", url: "/api/backups/ingen.zip", want: refused + " super:400"},
		{route: "POST /api/backups/{key}/restore", url: "/api/backups/ingen.zip/restore", want: refused + " super:400"},
		{route: "GET /api/crons", url: "/api/crons", want: refused + " super:200"},
		{route: "POST /api/crons/{id}", url: "/api/crons/__pbLogsCleanup__", want: refused + " super:204"},
		{route: "POST /api/sql", url: "/api/sql", body: `{"query":"SELECT count(*) AS n FROM sessions"}`, want: refused + " super:200", text: `"n"`},
	}
}
