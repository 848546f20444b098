package gen

// The word lists the generator draws from: Swedish names of boards, units,
// people, control themes, targets, risks and the texts of results,
// deviations and actions.

type boardName struct{ name, short string }

var boardNames = []boardName{
	{"Kommunstyrelsen", "KS"},
	{"Barn- och utbildningsnämnden", "BUN"},
	{"Socialnämnden", "SN"},
	{"Tekniska nämnden", "TN"},
	{"Kultur- och fritidsnämnden", "KFN"},
	{"Miljö- och byggnadsnämnden", "MBN"},
	{"Vård- och omsorgsnämnden", "VON"},
	{"Gymnasie- och vuxenutbildningsnämnden", "GVN"},
	{"Arbetsmarknadsnämnden", "AMN"},
	{"Samhällsbyggnadsnämnden", "SBN"},
	{"Räddningsnämnden", "RN"},
	{"Överförmyndarnämnden", "ÖFN"},
	{"Servicenämnden", "SEN"},
	{"Valnämnden", "VN"},
}

var unitNames = []string{
	"Kansliavdelningen", "Ekonomiavdelningen", "Personalavdelningen", "IT-avdelningen",
	"Verksamhetsstöd", "Myndighetsavdelningen", "Kvalitet och utveckling", "Upphandlingsenheten",
	"Driftavdelningen", "Kommunikationsenheten",
}

var firstNames = []string{
	"Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Eva", "Johan", "Sara", "Per",
	"Lena", "Mikael", "Emma", "Fredrik", "Elin", "Jonas", "Ida", "Magnus", "Sofia", "Oskar",
}

var lastNames = []string{
	"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
	"Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist", "Berg", "Holm",
}

type theme struct{ title, process, description, legal string }

var themes = []theme{
	{"Attest av leverantörsfakturor", "Ekonomi", "Stickprov på att leverantörsfakturor attesterats enligt attestreglementet.", "Kommunallagen 6 kap. 6 §"},
	{"Direktupphandlingar", "Upphandling", "Kontroll av att direktupphandlingar dokumenterats och följer riktlinjen.", "LOU 19 kap. 30 §"},
	{"Avtalstrohet", "Upphandling", "Andel inköp som görs hos avtalade leverantörer.", ""},
	{"Behörigheter i verksamhetssystem", "IT", "Genomgång av att behörigheter motsvarar anställdas uppdrag.", "GDPR art. 32"},
	{"Registerförteckning enligt dataskyddsförordningen", "Dataskydd", "Kontroll av att registerförteckningen är aktuell.", "GDPR art. 30"},
	{"Diarieföring av allmänna handlingar", "Kansli", "Stickprov på att inkomna handlingar diarieförs utan dröjsmål.", "OSL 5 kap. 1 §"},
	{"Handläggningstid för bygglov", "Myndighetsutövning", "Mätning av handläggningstiden från komplett ansökan till beslut.", "PBL 9 kap. 27 §"},
	{"Delegationsbeslut anmälda till nämnden", "Kansli", "Kontroll av att delegationsbeslut anmäls till nämnden.", "Kommunallagen 7 kap. 8 §"},
	{"Representation och gåvor", "Ekonomi", "Stickprov på att representation följer riktlinjen.", ""},
	{"Kontanthantering", "Ekonomi", "Kontroll av kassor och redovisning av kontanta medel.", ""},
	{"Lönerutiner och löneutbetalningar", "Personal", "Stickprov på att löneutbetalningar har underlag och attest.", ""},
	{"Sjukfrånvaro och rehabilitering", "Personal", "Uppföljning av att rehabiliteringsplaner upprättas i tid.", "Socialförsäkringsbalken 30 kap."},
	{"Systematiskt arbetsmiljöarbete", "Personal", "Genomgång av att skyddsronder och riskbedömningar görs.", "AFS 2001:1"},
	{"Bisysslor", "Personal", "Kontroll av att bisysslor anmäls och prövas.", "LOA 7 §"},
	{"Informationssäkerhet och säkerhetskopior", "IT", "Kontroll av att säkerhetskopior tas och återläsning prövas.", ""},
	{"Kontinuitetsplanering", "Säkerhet", "Genomgång av att kontinuitetsplaner finns och har övats.", ""},
	{"Utredningstid inom socialtjänsten", "Myndighetsutövning", "Mätning av andel utredningar avslutade inom fyra månader.", "SoL 11 kap. 2 §"},
	{"Lex Sarah-rapporter", "Kvalitet", "Uppföljning av att rapporter utreds och åtgärdas.", "SoL 14 kap."},
	{"Synpunkter och klagomål", "Kvalitet", "Kontroll av att synpunkter besvaras inom utsatt tid.", ""},
	{"Investeringsprojektens budgetföljsamhet", "Ekonomi", "Uppföljning av investeringsprojektens utfall mot budget.", ""},
	{"Fakturering av avgifter", "Ekonomi", "Stickprov på att avgifter debiteras enligt taxa.", ""},
	{"Inventarieförteckning", "Ekonomi", "Kontroll av att stöldbegärliga inventarier finns förtecknade.", ""},
	{"Tillsyn enligt plan", "Myndighetsutövning", "Uppföljning av att planerad tillsyn genomförts.", "Miljöbalken 26 kap."},
	{"Fordonsanvändning och körjournaler", "Verksamhetsstöd", "Stickprov på att körjournaler förs.", ""},
	{"Närvaroregistrering i förskola", "Verksamhet", "Kontroll av att närvaro registreras och ligger till grund för avgift.", ""},
	{"Elevfrånvaro och uppföljning", "Verksamhet", "Uppföljning av att hög frånvaro utreds.", "Skollagen 7 kap. 19 a §"},
	{"Utbetalning av ekonomiskt bistånd", "Myndighetsutövning", "Stickprov på att utbetalningar har beslut och underlag.", "SoL 4 kap. 1 §"},
	{"Avvikelsehantering i hemtjänsten", "Kvalitet", "Genomgång av att avvikelser dokumenteras och analyseras.", ""},
	{"Arkivredovisning", "Kansli", "Kontroll av att arkivredovisningen är aktuell.", "Arkivlagen 6 §"},
	{"Förtroendevaldas arvoden", "Kansli", "Stickprov på att arvoden betalas ut enligt reglementet.", ""},
	{"Leasingavtal", "Ekonomi", "Kontroll av att leasingavtal godkänts och redovisas rätt.", ""},
	{"Bidrag till föreningar", "Verksamhet", "Stickprov på att föreningsbidrag har beslut och redovisning.", ""},
	{"Underhållsplaner för fastigheter", "Drift", "Uppföljning av att planerat underhåll utförts.", ""},
	{"Brandskydd i verksamhetslokaler", "Säkerhet", "Kontroll av att systematiskt brandskyddsarbete bedrivs.", "LSO 2 kap. 2 §"},
	{"Mutor och jäv", "Kansli", "Genomgång av att riktlinjen mot mutor och jäv är känd.", "Kommunallagen 6 kap. 28 §"},
	{"Tidrapportering och övertid", "Personal", "Stickprov på att övertid är beordrad och attesterad.", ""},
}

type target struct {
	metric, op, value, unit string
	good, bad               []string // measured values that meet and miss the target
}

var targets = []target{
	{"Andel fakturor attesterade i tid", ">=", "95", "procent", []string{"96.5", "98", "97.2"}, []string{"91", "88.4"}},
	{"Medel handläggningstid", "<=", "10", "veckor", []string{"8.5", "9", "7.2"}, []string{"11.5", "13"}},
	{"Andel inköp hos avtalade leverantörer", ">=", "85", "procent", []string{"88", "90.1", "86"}, []string{"79", "82.5"}},
	{"Antal behörigheter utan beslut", "=", "0", "st", []string{"0"}, []string{"3", "7"}},
	{"Andel utredningar klara inom fyra månader", ">=", "90", "procent", []string{"92", "95.5"}, []string{"84", "87"}},
	{"Medel svarstid på synpunkter", "<", "10", "dagar", []string{"6", "8.1", "4.5"}, []string{"12", "15"}},
}

var methods = []string{"stickprov", "genomgang", "matning", "analys", "intervju", "lopande"}

var riskTitles = []struct{ title, category string }{
	{"Bristande attestkontroll", "ekonomi"},
	{"Otillåten direktupphandling", "legal"},
	{"Obehörig åtkomst till personuppgifter", "it"},
	{"Långa handläggningstider", "verksamhet"},
	{"Kompetensförsörjning", "personal"},
	{"Felaktiga utbetalningar", "ekonomi"},
	{"Driftavbrott i verksamhetssystem", "it"},
	{"Bristande dokumentation", "rapportering"},
	{"Hög sjukfrånvaro", "personal"},
	{"Förändrad lagstiftning", "omvarld"},
}

var treatments = []string{"control", "action", "accept"}

var deviationTexts = []string{
	"I stickprovet saknade %d av 25 underlag attest eller beslut.",
	"Rutinen följdes inte i %d fall; dokumentationen var ofullständig.",
	"Målvärdet nåddes inte; %d ärenden överskred tidsgränsen.",
	"%d behörigheter saknade giltigt beslut vid genomgången.",
	"Uppföljningen visade %d fall där riktlinjen inte var känd.",
}

var noDeviationTexts = []string{
	"Kontrollen genomförd utan anmärkning.",
	"Stickprovet visade att rutinen följs.",
	"Genomgången visade inga brister.",
	"Målet uppnått; rutinen fungerar väl.",
}

var notPerformedReasons = []string{
	"Kontrollen kunde inte genomföras på grund av vakanser under perioden.",
	"Systembyte under perioden gjorde att underlag saknades.",
	"Kontrollen sköts upp på grund av omorganisation.",
}

var actionTexts = []string{
	"Ta fram en skriftlig rutin och informera berörda medarbetare.",
	"Utbilda attestanter i attestreglementet.",
	"Inför en månatlig avstämning som följs upp av enhetschef.",
	"Se över behörighetsprocessen och rensa inaktuella behörigheter.",
	"Uppdatera riktlinjen och förankra den i ledningsgruppen.",
	"Följ upp ärendena i en extra kontroll nästa kvartal.",
}

var doneNotes = []string{
	"Rutinen är framtagen och kommunicerad på arbetsplatsträffar.",
	"Utbildningen genomförd med samtliga berörda.",
	"Avstämningen är införd och följs upp månadsvis.",
}

var cancelReasons = []string{
	"Åtgärden ersätts av en kommungemensam rutin.",
	"Verksamheten har lagts ned; åtgärden behövs inte längre.",
}
