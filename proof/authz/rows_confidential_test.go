package authz_test

// confidentialRows check control 12 — confidential (sekretess) — and the
// deviation, action and evidence file under it, wherever they could show:
// pages, search, history, evidence downloads, documents (internal for
// those who may see every control, public for readers and on request),
// the calendar feed and the REST API. The reader and the other board's
// users never see them; the board's other members do.
func confidentialRows() []row {
	const members = "auditor,owner,other,coord"
	return []row{
		{route: "GET /controls/{id}", name: "the confidential control", url: "/controls/$c12",
			want: "guest,super:login reader,annan,ian:404 *:200", text: secretDeviation},
		{route: "GET /plans/{id}", name: "the plan without the confidential control", url: "/plans/$plan",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: members},
		{route: "GET /actions", name: "the confidential action", url: "/actions?status=all",
			want: "guest,super:login *:200", text: secretAction, sees: members},
		{route: "GET /search", name: "the confidential control", url: "/search?q=Cyberangrepp",
			want: "guest,super:login *:200", text: "informationsläckage och driftsstopp", sees: members},
		{route: "GET /search", name: "the confidential deviation", url: "/search?q=regelverk+sl%C3%A4pper",
			want: "guest,super:login *:200", text: secretDeviation, sees: members},
		{route: "GET /search", name: "the confidential action", url: "/search?q=om+brandv%C3%A4ggens",
			want: "guest,super:login *:200", text: secretAction, sees: members},
		{route: "GET /history", name: "the confidential action in the log", url: "/history?kind=actions&board=$ks",
			want: "guest,super:login reader,owner,other,annan:403 auditor,coord,ian:200", text: secretAction, sees: "auditor,coord"},
		{route: "GET /history/{collection}/{id}", name: "the confidential control", url: "/history/controls/$c12",
			want: "guest,super:login reader,annan,ian:404 owner,other:403 auditor,coord:200", text: control12Title},
		{route: "GET /history/{collection}/{id}", name: "the confidential deviation", url: "/history/deviations/$d12",
			want: "guest,super:login reader,annan,ian:404 owner,other:403 auditor,coord:200", text: secretDeviation},
		{route: "GET /history/{collection}/{id}", name: "the confidential action", url: "/history/actions/$a12",
			want: "guest,super:login reader,annan,ian:404 owner,other:403 auditor,coord:200", text: secretAction},
		{route: "GET /controls/{id}/evidence/{result}/{name}", name: "the confidential file", url: "/controls/$c12/evidence/$r12/$f12",
			want: "guest,super:login reader,annan,ian:404 *:200", text: secretFile},
		{route: "GET /reports/followup", name: "internal unless a reader", url: "/reports/followup?board=$ks&year=2024",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: members},
		{route: "GET /reports/followup", name: "public on request", url: "/reports/followup?board=$ks&year=2024&public=1",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: nobody},
		{route: "GET /reports/plan", name: "internal unless a reader", url: "/reports/plan?board=$ks&year=2024",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: members},
		{route: "GET /reports/plan", name: "public on request", url: "/reports/plan?board=$ks&year=2024&public=1",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: nobody},
		{route: "GET /reports/rollup", name: "internal unless a reader", url: "/reports/rollup?year=2024",
			want: "guest,super:login *:200", text: control12Title, sees: members},
		{route: "GET /reports/rollup", name: "public on request", url: "/reports/rollup?year=2024&public=1",
			want: "guest,super:login *:200", text: control12Title, sees: nobody},
		{route: "GET /reports/{kind}/download", name: "follow-up as HTML", url: "/reports/followup/download?board=$ks&year=2024&format=html",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: members},
		{route: "GET /reports/{kind}/download", name: "follow-up as DOCX", url: "/reports/followup/download?board=$ks&year=2024&format=docx",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: members, zip: true},
		{route: "GET /reports/{kind}/download", name: "plan as DOCX", url: "/reports/plan/download?board=$ks&year=2024&format=docx",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: members, zip: true},
		{route: "GET /reports/{kind}/download", name: "public follow-up as DOCX", url: "/reports/followup/download?board=$ks&year=2024&format=docx&public=1",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: nobody, zip: true},
		// the tjänsteskrivelse names the confidential control among the
		// significant deviations only in the internal version
		{route: "GET /reports/memo", name: "internal unless a reader", url: "/reports/memo?board=$ks&year=2024",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: members},
		{route: "GET /reports/memo", name: "public on request", url: "/reports/memo?board=$ks&year=2024&public=1",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: nobody},
		{route: "GET /reports/{kind}/download", name: "memo as DOCX", url: "/reports/memo/download?board=$ks&year=2024&format=docx",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: members, zip: true},
		{route: "GET /reports/{kind}/download", name: "public memo as DOCX", url: "/reports/memo/download?board=$ks&year=2024&format=docx&public=1",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: nobody, zip: true},
		// a PDF's creation time differs from one answer to the next, so it
		// stays out of the page rows the differential test compares
		{route: "GET /reports/{kind}/download", name: "memo as PDF (status only)", url: "/reports/memo/download?board=$ks&year=2024&format=pdf",
			want: "guest,super:login annan,ian:404 *:200"},
		// the other board has no plan of 2024: nothing to download
		{route: "GET /reports/{kind}/download", name: "roll-up as PDF (status only)", url: "/reports/rollup/download?year=2024&format=pdf",
			want: "guest,super:login annan,ian:404 *:200"},
		// the auditor's package holds what its maker may read: control 12's
		// evidence file (stored in the zip as it is) for the members who
		// read confidential controls, never for a reader; the other board's
		// people read no plan of 2024, so there is no package for them
		{route: "GET /audit/package/download", name: "the board's package", url: "/audit/package/download?year=2024&board=$ks",
			want: "guest,super:login annan,ian:404 *:200", text: "Brandväggsloggar från 2024", sees: members},
		{route: "GET /audit/package/download", name: "every board's package", url: "/audit/package/download?year=2024",
			want: "guest,super:login annan,ian:404 *:200", text: "Brandväggsloggar från 2024", sees: members},
		{route: "GET /plans/{id}/export.xlsx", name: "the plan's Excel file", url: "/plans/$plan/export.xlsx",
			want: "guest,super:login annan,ian:404 *:200", text: control12Title, sees: members, zip: true},
		// a reader cannot write under the confidential control: it does not exist for them
		{route: "POST /controls/{id}/results/{result}/deviations", name: "under the confidential control", url: "/controls/$c12/results/$r12/deviations",
			body: "description=Loggningen+saknas.", want: "guest,super:login reader,annan,ian:404 auditor,other:403 owner,coord:303"},
		{route: "POST /controls/{id}/deviations/{deviation}/status", name: "the confidential deviation", url: "/controls/$c12/deviations/$d12/status",
			body: "status=handled", want: "guest,super:login reader,annan,ian:404 auditor,other:403 owner,coord:303"},
		{route: "GET /actions/{id}/status", name: "the confidential action", url: "/actions/$a12/status",
			want: "guest,super:login reader,annan,ian:404 *:200", text: secretAction, sees: members},
		{route: "POST /actions/{id}/status", name: "the confidential action", url: "/actions/$a12/status",
			body: "status=in_progress", want: "guest,super:login reader,annan,ian:404 auditor,other:403 owner,coord:303"},
		{route: "GET /start/{list}", name: "the confidential action among its owner's", url: "/start/my-actions",
			want: "guest,super:login *:200", text: secretAction, sees: "owner"},
		{route: "GET /calendar/{file}", name: "the confidential action's deadline", url: "/calendar/$cal.ics",
			want: "guest,super:404 *:200", text: "Skriv om brandv", sees: "owner"},

		{route: "GET /api/collections/{collection}/records", name: "the plan's controls", url: "/api/collections/controls/records?perPage=100&filter=(plan%3D'$plan')",
			want: "*:200", text: control12Title, sees: members + ",super"},
		{route: "GET /api/collections/{collection}/records/{id}", name: "the confidential control", url: "/api/collections/controls/records/$c12",
			want: "guest,reader,annan,ian:404 *:200", text: control12Title},
		{route: "GET /api/collections/{collection}/records/{id}", name: "its result", url: "/api/collections/results/records/$r12",
			want: "guest,reader,annan,ian:404 *:200", text: "$r12"},
		{route: "GET /api/collections/{collection}/records/{id}", name: "its deviation", url: "/api/collections/deviations/records/$d12",
			want: "guest,reader,annan,ian:404 *:200", text: secretDeviation},
		{route: "GET /api/collections/{collection}/records/{id}", name: "its action", url: "/api/collections/actions/records/$a12",
			want: "guest,reader,annan,ian:404 *:200", text: secretAction},
		{route: "GET /api/collections/{collection}/records", name: "the confidential control's history", url: "/api/collections/audit_log/records?filter=(record%3D'$c12')",
			want: "*:200", text: control12Title, sees: "auditor,coord,super"},
		{route: "GET /api/files/{collection}/{recordId}/{filename}", name: "the confidential file", url: "/api/files/results/$r12/$f12?token=$ftoken",
			want: "guest,reader,annan,ian:404 *:200", text: secretFile},
		{route: "GET /api/files/{collection}/{recordId}/{filename}", name: "an open file", url: "/api/files/results/$r11/$f11?token=$ftoken",
			want: "guest,annan,ian:404 *:200", text: openFile},
		{route: "GET /api/files/{collection}/{recordId}/{filename}", name: "a protected file needs a token", url: "/api/files/results/$r11/$f11",
			want: "*:404", text: openFile},
	}
}

// nobody: no role may see the text.
const nobody = "-"
