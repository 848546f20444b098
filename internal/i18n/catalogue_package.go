package i18n

// The auditor's package (revisionspaket), scope "package": the page, /me's
// key, the sheets' headers and the package's LASMIG.txt.
func init() {
	for k, v := range map[string][2]string{
		// the page
		"package.title":       {"Revisionspaket", "Audit package"},
		"package.lead":        {"Ladda ned allt revisorerna granskar för ett år i en zip-fil: planer och uppföljningar (PDF och Word), kontrollresultat med stickprov, underlag, avvikelser och åtgärder, ändringshistoriken (Excel) och ett manifest med varje fils SHA-256, signerat med den här installationens nyckel.", "Download everything the auditors review for a year in one zip file: plans and follow-ups (PDF and Word), control results with their samples, evidence, deviations and actions, the change history (Excel) and a manifest with each file's SHA-256, signed with this instance's key."},
		"package.scope":       {"Paketet innehåller det du själv får läsa. Konfidentiella kontrollpunkter och deras underlag kommer bara med för den som får läsa dem, och ändringshistoriken bara för revisorer och IK-samordnare.", "The package holds what you yourself may read. Confidential controls and their evidence are included only for those who may read them, and the change history only for auditors and coordinators."},
		"package.year":        {"År", "Year"},
		"package.board":       {"Nämnd", "Board"},
		"package.all_boards":  {"Alla nämnder jag får läsa", "Every board I may read"},
		"package.download":    {"Ladda ned revisionspaketet", "Download the audit package"},
		"package.preparing":   {"Förbereder paketet – det kan ta en stund med många underlag. Nedladdningen börjar när den första filen är klar.", "Preparing the package – with many evidence files it can take a while. The download starts as soon as the first file is ready."},
		"package.no_plans":    {"Det finns ingen plan du får läsa ännu, så det finns inget paket att ladda ned.", "There is no plan you may read yet, so there is no package to download."},
		"package.no_plan":     {"Det finns ingen plan för %d som du får läsa. Välj ett annat år eller en annan nämnd.", "There is no plan for %d that you may read. Choose another year or board."},
		"package.bad_year":    {"Välj ett år mellan 2000 och 2100.", "Choose a year between 2000 and 2100."},
		"package.verify_head": {"Kontrollera paketet", "Check the package"},
		"package.verify":      {"Kör ikplan package verify FIL.zip. Kommandot kontrollerar varje fil mot manifestet och signaturen, och säger om nyckeln är den här installationens. Jämför annars nyckelns fingeravtryck med det som står här.", "Run ikplan package verify FILE.zip. The command checks every file against the manifest and the signature, and tells whether the key is this instance's. Otherwise compare the key's fingerprint with the one shown here."},
		"package.key":         {"Installationens signeringsnyckel (Ed25519)", "This instance's signing key (Ed25519)"},
		"package.key_public":  {"Publik nyckel (base64)", "Public key (base64)"},
		"package.fingerprint": {"Fingeravtryck", "Fingerprint"},
		"package.key_none":    {"Nyckeln skapas när servern startar eller när det första paketet laddas ned.", "The key is created when the server starts or when the first package is downloaded."},
		"package.me_link":     {"Ladda ned ett revisionspaket", "Download an audit package"},

		// the settings' fields that show the key in the dashboard, as the
		// history names them
		"history.f.package_public_key":      {"Publik nyckel för revisionspaket", "Audit package public key"},
		"history.f.package_key_fingerprint": {"Fingeravtryck för revisionspaketens nyckel", "Audit package key fingerprint"},

		// the sheets
		"package.yes":                  {"Ja", "Yes"},
		"package.no":                   {"Nej", "No"},
		"package.sheet.results":        {"Resultat", "Results"},
		"package.sheet.samples":        {"Stickprov", "Samples"},
		"package.sheet.items":          {"Stickprovsposter", "Sample items"},
		"package.sheet.deviations":     {"Avvikelser", "Deviations"},
		"package.sheet.actions":        {"Åtgärder", "Actions"},
		"package.sheet.history":        {"Ändringshistorik", "Change history"},
		"package.col.control":          {"Kontrollpunkt", "Control"},
		"package.col.title":            {"Rubrik", "Title"},
		"package.col.period":           {"Period", "Period"},
		"package.col.performed_on":     {"Utförd den", "Performed on"},
		"package.col.performed_by":     {"Rapporterad av", "Reported by"},
		"package.col.outcome":          {"Utfall", "Outcome"},
		"package.col.measured":         {"Mätvärde", "Measured value"},
		"package.col.target_met":       {"Målet uppnått", "Target met"},
		"package.col.account":          {"Redovisning", "Account"},
		"package.col.not_performed":    {"Skäl till att kontrollen inte genomfördes", "Reason the control was not performed"},
		"package.col.evidence":         {"Underlag", "Evidence"},
		"package.col.id":               {"Id", "Id"},
		"package.col.method":           {"Metod", "Method"},
		"package.col.size":             {"Stickprovets storlek", "Sample size"},
		"package.col.rows":             {"Populationens rader", "Population rows"},
		"package.col.seed":             {"Frö", "Seed"},
		"package.col.file_sha256":      {"Populationsfilens SHA-256", "Population file SHA-256"},
		"package.col.canonical_sha256": {"Kanonisk SHA-256", "Canonical SHA-256"},
		"package.col.population":       {"Populationsfil", "Population file"},
		"package.col.findings":         {"Resultat", "Findings"},
		"package.col.position":         {"Post", "Item"},
		"package.col.row":              {"Rad i populationen", "Population row"},
		"package.col.values":           {"Värden", "Values"},
		"package.col.assessment":       {"Bedömning", "Assessment"},
		"package.col.note":             {"Anteckning", "Note"},
		"package.col.deviation":        {"Avvikelse (id)", "Deviation (id)"},
		"package.col.description":      {"Beskrivning", "Description"},
		"package.col.significant":      {"Av väsentlig betydelse", "Significant"},
		"package.col.root_cause":       {"Grundorsak", "Root cause"},
		"package.col.status":           {"Status", "Status"},
		"package.col.acceptance":       {"Skäl för godtagande", "Reason for acceptance"},
		"package.col.owner":            {"Ansvarig", "Owner"},
		"package.col.deadline":         {"Klar senast", "Deadline"},
		"package.col.done_on":          {"Klar den", "Done on"},
		"package.col.done_note":        {"Redovisning av åtgärden", "Note on completion"},
		"package.col.cancel_reason":    {"Skäl för avbrott", "Reason for cancelling"},
		"package.col.carried_from":     {"Fortsätter åtgärd (id)", "Continues action (id)"},
		"package.col.at":               {"Tid", "Time"},
		"package.col.collection":       {"Samling", "Collection"},
		"package.col.record":           {"Post (id)", "Record (id)"},
		"package.col.op":               {"Händelse", "Event"},
		"package.col.actor":            {"Aktör", "Actor"},
		"package.col.actor_name":       {"Namn", "Name"},
		"package.col.reason":           {"Skäl", "Reason"},
		"package.col.field":            {"Fält", "Field"},
		"package.col.before":           {"Före", "Before"},
		"package.col.after":            {"Efter", "After"},

		// LASMIG.txt
		"package.readme.every_board": {"alla nämnder som mottagaren får läsa", "every board the recipient may read"},
		"package.readme.title":       {"Revisionspaket för intern kontroll %d – %s", "Audit package for internal control %d – %s"},
		"package.readme.made":        {"Skapat %s av ikplan för %s.", "Made %s by ikplan for %s."},
		"package.readme.body": {"Innehåll, per nämnd i en egen mapp: internkontrollplanen (PDF, Word och Excel), uppföljningen (PDF och Word) när det finns resultat, " +
			"resultat-….xlsx (kontrollresultat, stickprov och stickprovsposter), avvikelser-och-atgarder-….xlsx, andringshistorik-….xlsx (för revisorer och IK-samordnare) " +
			"och mappen underlag/ med underlagen per kontrollpunkt och period, med stickprovens populationsfiler. Utan vald nämnd finns också sammanställningen till kommunstyrelsen. " +
			"Filnamn som slutar på -offentlig är den offentliga versionen, utan konfidentiella kontrollpunkter.\n\n" +
			"manifest.json listar varje fil med storlek och SHA-256. manifest.sig är en Ed25519-signatur av manifest.json, gjord med installationens nyckel; " +
			"manifest.pub är den publika nyckeln (PEM). Kontrollera paketet med: ikplan package verify PAKET.zip – kommandot vägrar paketet om någon byte har ändrats, " +
			"och säger om nyckeln är installationens. Jämför annars nyckelns fingeravtryck med det som visas under Mitt konto i ikplan. Med OpenSSL: " +
			"openssl pkeyutl -verify -pubin -inkey manifest.pub -rawin -in manifest.json -sigfile manifest.sig, och sha256sum för varje fil. " +
			"Ett stickprov dras om med: ikplan sample verify POPULATIONSFIL --seed FRÖ --size STORLEK (fröet och storleken står i resultat-filens flik Stickprov).",
			"Contents, one folder per board: the internal control plan (PDF, Word and Excel), the follow-up (PDF and Word) once there are results, " +
				"resultat-….xlsx (control results, samples and sample items), avvikelser-och-atgarder-….xlsx (deviations and actions), andringshistorik-….xlsx (change history, for auditors and coordinators) " +
				"and the folder underlag/ with the evidence per control and period, with the samples' population files. Without a chosen board the roll-up to the municipal executive board is included too. " +
				"File names ending in -offentlig are the public version, without confidential controls.\n\n" +
				"manifest.json lists every file with its size and SHA-256. manifest.sig is an Ed25519 signature of manifest.json, made with the instance's key; " +
				"manifest.pub is the public key (PEM). Check the package with: ikplan package verify PACKAGE.zip – the command refuses the package if any byte has changed, " +
				"and tells whether the key is the instance's. Otherwise compare the key's fingerprint with the one shown under My account in ikplan. With OpenSSL: " +
				"openssl pkeyutl -verify -pubin -inkey manifest.pub -rawin -in manifest.json -sigfile manifest.sig, and sha256sum for each file. " +
				"A sample is drawn again with: ikplan sample verify POPULATION_FILE --seed SEED --size SIZE (the seed and the size are on the Samples sheet of the results file)."},
	} {
		catalogue[k] = v
	}
}
