package demo

// Risk is a demo risk of Kommunstyrelsen with its assessment for the plan
// year: the risk analysis the board's plan was built from.
type Risk struct {
	Title       string
	Process     string
	Category    string // verksamhet, ekonomi, legal, it, personal, omvarld, rapportering
	Description string
	Probability int // 1..5
	Consequence int // 1..5
	Motivation  string
}

// Risks are the demo risks by the control (key "1".."11", "HR8") whose
// control point treats them. The confidential control 12 has none: a risk
// is not confidential, and its title would tell readers what the control
// keeps from them. Items 1–7 of the HR part are named only by number in the
// report, so there is nothing to assess.
var Risks = map[string]Risk{
	"1": {
		Title: "Representation och resor utan angivet syfte och deltagare", Process: "Leverantörsfakturor", Category: "ekonomi",
		Description: "Fakturor för utbildningar, resor och representation konteras fel eller saknar syfte och deltagare.",
		Probability: 3, Consequence: 2,
		Motivation: "Många medarbetare konterar sådana fakturor och fel har hittats tidigare år. Ett enskilt fel kostar lite, " +
			"men representation utan angivet syfte kan skada förtroendet för kommunen om den granskas.",
	},
	"2": {
		Title: "Verksamheten stannar när en nyckelperson slutar eller är borta länge", Process: "Ekonomiadministration", Category: "personal",
		Description: "Arbetsuppgifter, rutiner och checklistor finns bara i enskilda medarbetares huvuden.",
		Probability: 3, Consequence: 4,
		Motivation: "Avdelningen är liten och flera uppgifter kan bara utföras av en person. Om den personen slutar eller blir " +
			"långvarigt sjuk kan bokslut, utbetalningar och rapportering till nämnderna bli försenade.",
	},
	"3": {
		Title: "Tillsyn enligt LSO genomförs inte i den omfattning som planerats", Process: "Tillsyn", Category: "legal",
		Description: "Räddningstjänsten hinner inte genomföra planerade tillsyner enligt lagen om skydd mot olyckor.",
		Probability: 2, Consequence: 4,
		Motivation: "Målet har nåtts de senaste åren, men vakanser kan snabbt minska antalet tillsyner. Uteblivna tillsyner " +
			"innebär att brister i brandskyddet inte upptäcks och att kommunen inte fullgör sitt ansvar enligt LSO.",
	},
	"4": {
		Title: "Otillräckligt förebyggande brandskydd i bostäder", Process: "Förebyggande arbete", Category: "verksamhet",
		Description: "För få hushåll får information om brandskydd, särskilt äldre som bor ensamma.",
		Probability: 2, Consequence: 3,
		Motivation: "Hembesöken är det främsta sättet att nå riskgrupperna. Färre besök ökar risken för bostadsbränder " +
			"med personskador, men målet har nåtts och arbetssättet är inarbetat.",
	},
	"5": {
		Title: "Lång responstid vid räddningsinsatser", Process: "Räddningsinsats", Category: "verksamhet",
		Description: "Tiden från larm till att första räddningsresurs är på plats blir för lång.",
		Probability: 2, Consequence: 5,
		Motivation: "Responstiden har legat under målet, men långa avstånd och bemanning av deltidsstyrkan gör den sårbar. " +
			"En lång responstid kan kosta liv, därför bedöms konsekvensen som mycket allvarlig.",
	},
	"6": {
		Title: "Obehöriga får tillgång till Lantmäteriets fastighetsdata", Process: "Behörighetshantering", Category: "it",
		Description: "Inloggningsuppgifter till Lantmäteriets tjänster delas eller byts inte, så att obehöriga kan se personuppgifter om fastighetsägare.",
		Probability: 3, Consequence: 3,
		Motivation: "Rutinen för lösenordsbyte följs inte fullt ut. Uppgifterna är personuppgifter och ett intrång " +
			"måste anmälas till Integritetsskyddsmyndigheten, men mängden data hos Lantmäteriet har minskat.",
	},
	"7": {
		Title: "Planärenden hanteras i strid med delegationsordningen", Process: "Detaljplanering", Category: "legal",
		Description: "Beslut i planärenden fattas av fel instans eller utan stöd i delegationsordningen.",
		Probability: 2, Consequence: 3,
		Motivation: "Inga planer har upphävts vid prövning, men ett felaktigt beslut kan överklagas och försena " +
			"bostadsbyggande och exploatering.",
	},
	"8": {
		Title: "Bristande kvalitet i kommunens primärkarta", Process: "Kart- och mätverksamhet", Category: "verksamhet",
		Description: "Primärkartan uppdateras utan fastställda rutiner sedan mätningen togs tillbaka i egen regi.",
		Probability: 4, Consequence: 3,
		Motivation: "Rutiner saknas för mätningen i egen regi, så fel är sannolika. Primärkartan ligger till grund för " +
			"detaljplaner, bygglov och ledningsarbeten, och fel där blir dyra att rätta i efterhand.",
	},
	"9": {
		Title: "Allmänna handlingar registreras inte så att de kan hittas", Process: "Diarieföring", Category: "legal",
		Description: "Handlingar registreras med otydliga ärenderubriker eller inte alls, så att de inte går att söka fram.",
		Probability: 3, Consequence: 3,
		Motivation: "Otydliga rubriker förekommer fortfarande. Offentlighetsprincipen kräver att allmänna handlingar kan " +
			"lämnas ut skyndsamt, och sekretessbelagda uppgifter måste kunna skyddas.",
	},
	"10": {
		Title: "Delegationsbeslut anmäls inte till kommunstyrelsen", Process: "Beslutsfattande", Category: "legal",
		Description: "Beslut som fattas med stöd av delegation anmäls inte, så att överklagandetiden aldrig börjar löpa.",
		Probability: 4, Consequence: 3,
		Motivation: "Kansliavdelningen har anledning att tro att beslut fortfarande inte anmäls. Oanmälda beslut kan " +
			"överklagas långt i efterhand och nämnden saknar överblick över vad som beslutas i dess namn.",
	},
	"11": {
		Title: "Driftstopp i kommunens IT-system vid överbelastningsattacker", Process: "IT-drift", Category: "it",
		Description: "En DDoS-attack gör kommunens e-tjänster, webbplats och verksamhetssystem otillgängliga.",
		Probability: 4, Consequence: 4,
		Motivation: "Attackerna mot kommuner har blivit fler och en del har trängt igenom skyddet under året. " +
			"Ett längre driftstopp drabbar både invånarnas e-tjänster och verksamheter som vård och omsorg.",
	},
	"HR8": {
		Title: "Sårbarhet när bara en person kan utföra en arbetsuppgift", Process: "Kompetensförsörjning", Category: "personal",
		Description: "HR-avdelningens uppgifter, som lönefrågor och rekrytering, kan bara utföras av enstaka medarbetare.",
		Probability: 3, Consequence: 3,
		Motivation: "Avdelningen har få medarbetare och konkurrensen om HR-kompetens är hård. Vid frånvaro riskerar " +
			"förvaltningarna att bli utan stöd i arbetsrättsliga frågor.",
	},
}
