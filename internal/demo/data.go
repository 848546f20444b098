// Package demo loads the seed follow-up report (Uppföljning av
// kommunstyrelsens internkontrollplan 2024) as a complete ikplan data set,
// written through the same hooks as any other write.
package demo

import "strconv"

// Account is a demo user.
type Account struct {
	Key    string // short name used in the data below
	Email  string
	Name   string
	Role   string
	Boards []string // board keys
}

// Accounts are the demo users: the four of the README plus the owners the
// report's controls call for.
var Accounts = []Account{
	{"samordnare", "samordnare@ikplan.test", "Sara Samordnare", "coordinator", []string{"KS", "IAN"}},
	{"ansvarig", "ansvarig@ikplan.test", "Anders Ansvarig", "owner", []string{"KS"}},
	{"lasare", "lasare@ikplan.test", "Lena Läsare", "reader", []string{"KS"}},
	{"revisor", "revisor@ikplan.test", "Rolf Revisor", "auditor", []string{"KS", "IAN"}},
	{"raddning", "raddning@ikplan.test", "Rasmus Räddningschef", "owner", []string{"KS"}},
	{"samhallsbyggnad", "samhallsbyggnad@ikplan.test", "Sofia Samhällsbyggnadschef", "owner", []string{"KS"}},
	{"it", "it@ikplan.test", "Ivar IT-chef", "owner", []string{"KS"}},
	{"hr", "hr@ikplan.test", "Hanna HR-chef", "owner", []string{"KS", "IAN"}},
}

// Board is a demo board with its units.
type Board struct {
	Key, Name, ShortName string
	Units                []string
}

// Boards are Kommunstyrelsen and the board that took over HR- och
// arbetsmarknadsförvaltningen's items in the reorganisation.
var Boards = []Board{
	{"KS", "Kommunstyrelsen", "KS", []string{
		"Ekonomiavdelningen", "Räddningstjänsten", "Samhällsbyggnadsavdelningen",
		"Kansliavdelningen", "IT-avdelningen", "HR- och arbetsmarknadsförvaltningen", "HR-avdelningen",
	}},
	{"IAN", "Individ- och arbetsmarknadsnämnden", "IAN", []string{"Individ- och arbetsmarknadsförvaltningen"}},
}

// Year is the plan year of the seed report.
const Year = 2024

// PerformedOn is the day the demo's controls were performed: the seed
// report gives the year of its follow-up, not the day, so the demo dates
// its results (and the actions it reports done) on the year's last day —
// never on the day the demo was loaded.
const PerformedOn = "2024-12-31"

// HRSection is the part of the plan that HR- och arbetsmarknadsförvaltningen
// had, numbered from 1 again in the report.
const HRSection = "HR- och arbetsmarknadsförvaltningen"

// hrNotFollowedUp is the report's reason why items 1–7 of the HR part were
// not followed up.
const hrNotFollowedUp = "Har inte följts upp då det varit fokus på arbete med omorganisation. " +
	"Internkontrollen kommer fortsatt att hanteras av den nya individ- och arbetsmarknadsnämnden där merparten av verksamheten ingår."

// Action is a demo action (section 1.2 of the report).
type Action struct {
	Description string // the report's text
	Owner       string
	Deadline    string // YYYY-MM-DD or ""
	Precision   string
	Status      string
	DoneNote    string
	DoneOn      string // YYYY-MM-DD, the day a done action was done
}

// Deviation is a demo deviation with its actions.
type Deviation struct {
	Description      string
	Significant      bool
	Status           string
	AcceptanceReason string
	Actions          []Action
}

// Control is a demo control with its 2024 result.
type Control struct {
	Section      string
	Number       int
	Unit         string
	Title        string
	Method       string
	Frequency    string
	Owner        string
	LegalRefs    string
	Confidential bool
	TargetMetric string
	TargetOp     string
	TargetValue  string
	TargetUnit   string

	Outcome       string
	Account       string // the report's running text for the control
	Measured      string
	NotPerformed  string // reason
	TransferredTo string // board key
	Deviations    []Deviation
}

// Controls are every control of the report, in its order and numbering.
var Controls = []Control{
	{
		Number: 1, Unit: "Ekonomiavdelningen", Title: "Utbildningar, resor och representation",
		Method: "stickprov", Frequency: "yearly", Owner: "ansvarig", Outcome: "deviation",
		Account: "Kontroll genomförs på varje kontering och komplettering görs av syfte och deltagare om det saknas. " +
			"Kontroll har genomförts på leverantörer som brukar tillhandahålla tjänster inom detta område om det är så att det blivit felkonteringar och att deltagare och syfte saknas. " +
			"En felkontering hittades. Deltagare och syfte finns angivet i kommentarerna till fakturan.",
		Deviations: []Deviation{{
			Description: "En felkontering hittades.", Significant: false, Status: "handled",
			Actions: []Action{{
				Description: "Fakturan har konterats om, inga ytterligare åtgärder har vidtagits då det bedöms som en liten avvikelse.",
				Owner:       "ansvarig", Status: "done", DoneNote: "Fakturan har konterats om.", DoneOn: PerformedOn,
			}},
		}},
	},
	{
		Number: 2, Unit: "Ekonomiavdelningen", Title: "Minska sårbarheten vid avslutad anställning och långvarig frånvaro",
		Method: "genomgang", Frequency: "yearly", Owner: "ansvarig", Outcome: "deviation",
		Account: "Kontroll har gjorts av om det finns beskrivning av arbetsuppgifter samt rutinbeskrivningar och checklistor. " +
			"Detta finns till viss del men inte samlat och lättöverskådligt.",
		Deviations: []Deviation{{
			Description: "Beskrivningar av arbetsuppgifter, rutinbeskrivningar och checklistor finns bara till viss del och inte samlat och lättöverskådligt.",
			Significant: true, Status: "open",
			Actions: []Action{{
				Description: "Excelfil har tagits fram för att varje medarbetare ska dokumentera arbetsuppgifter med länkar till beskrivningar. " +
					"Filerna samlas på samma ställe så att det är enkelt att gå in och se vad som är gjort och vad som ska göras. " +
					"Arbetet planeras att slutföras kvartal 2 2025.",
				Owner: "ansvarig", Deadline: "2025-04-01", Precision: "quarter", Status: "in_progress",
			}},
		}},
	},
	{
		Number: 3, Unit: "Räddningstjänsten", Title: "25 stycken genomförda tillsyner enligt LSO",
		Method: "matning", Frequency: "yearly", Owner: "raddning", LegalRefs: "LSO",
		TargetMetric: "Genomförda tillsyner enligt LSO", TargetOp: ">=", TargetValue: "25", TargetUnit: "st",
		Outcome: "no_deviation", Account: "Målet är uppnått, ingen avvikelse har konstaterats.",
	},
	{
		Number: 4, Unit: "Räddningstjänsten", Title: "200 genomförda hembesök där de boende informeras om brandskydd",
		Method: "matning", Frequency: "yearly", Owner: "raddning", LegalRefs: "LSO",
		TargetMetric: "Genomförda hembesök med information om brandskydd", TargetOp: ">=", TargetValue: "200", TargetUnit: "st",
		Outcome: "no_deviation", Account: "Målet är uppnått, ingen avvikelse har konstaterats.",
	},
	{
		Number: 5, Unit: "Räddningstjänsten",
		Title:  "Medel responstid (tid från samtal till SOS till dess att första räddningsresurs är på plats) ska understiga 10 minuter.",
		Method: "matning", Frequency: "yearly", Owner: "raddning", LegalRefs: "LSO",
		TargetMetric: "Medel responstid", TargetOp: "<", TargetValue: "10", TargetUnit: "minuter",
		Outcome: "no_deviation", Measured: "8,1",
		Account: "Målet är uppnått, ingen avvikelse har konstaterats. Responstiden för 2024 är 8,1 minuter.",
	},
	{
		Number: 6, Unit: "Samhällsbyggnadsavdelningen",
		Title:  "Fastighetsdata – risk att obehöriga får tillgång till Lantmäteriets fastighetsdata",
		Method: "genomgang", Frequency: "yearly", Owner: "samhallsbyggnad", Outcome: "deviation",
		Account: "Rutinen säger att lösenord ska bytas halvårsvis. Detta är inte genomfört, med anledning av att Lantmäteriet har egna säkerhetsbrister och har tagit bort merparten fastighetsdata.",
		Deviations: []Deviation{{
			Description: "Lösenorden har inte bytts halvårsvis enligt rutinen.", Status: "accepted",
			AcceptanceReason: "Lantmäteriet har egna säkerhetsbrister och har tagit bort merparten fastighetsdata.",
		}},
	},
	{
		Number: 7, Unit: "Samhällsbyggnadsavdelningen", Title: "Fastighetsdata – efterlevnad av delegationsordning",
		Method: "genomgang", Frequency: "yearly", Owner: "samhallsbyggnad", Outcome: "no_deviation",
		Account: "Uppföljning ska ske i varje planärende. Vi har inte haft några överklagade planer som vi har förlorat i prövning pga. att vi har hanterat planärenden felaktigt.",
	},
	{
		Number: 8, Unit: "Samhällsbyggnadsavdelningen", Title: "Fastighetsdata – kvalitet av kommunens GEO-data",
		Method: "genomgang", Frequency: "yearly", Owner: "samhallsbyggnad", Outcome: "deviation",
		Account: "Säkerställa hög kvalitet av kommunens GEO-data. (Primärkarta). Kommunen har återtagit mätning av primärkartan i egen regi. Nya rutiner för hur detta sker har inte upprättats.",
		Deviations: []Deviation{{
			Description: "Nya rutiner för mätningen av primärkartan i egen regi har inte upprättats.", Significant: true, Status: "open",
			Actions: []Action{{
				Description: "Rutiner bör upprättas för att säkerställa att primärkartan håller korrekt kvalitet.",
				Owner:       "samhallsbyggnad", Status: "planned",
			}},
		}},
	},
	{
		Number: 9, Unit: "Kansliavdelningen", Title: "Ärendehantering – registrering av kommunens handlingar",
		Method: "stickprov", Frequency: "yearly", Owner: "ansvarig", Outcome: "deviation",
		Account: "Kansliavdelningen har kontrollerat om kommunstyrelsens handlingar registrerats på ett korrekt sätt och är sökbara. " +
			"Sedan 2020 är kommunens process för ärendehantering digital, genom systemet W3D3. " +
			"I hanteringen är ärenderubriken central eftersom den följer med genom hela processen, från registrering och handläggning tills beslutet är fattat och expedierat. " +
			"Otydliga rubriker blir allt mer ovanligt men rättas till när de upptäcks. Sekretessfunktionen används där så krävs.",
		Deviations: []Deviation{{
			Description: "Otydliga ärenderubriker förekommer fortfarande, om än allt mer sällan.", Status: "handled",
			Actions: []Action{{
				Description: "De som registrerar ärenden har informerats om att rubriken på ärende och därmed även handlingar måste vara tydlig och informativ utan att bli för omfattande.",
				Owner:       "ansvarig", Status: "done", DoneNote: "De som registrerar ärenden har informerats.", DoneOn: PerformedOn,
			}},
		}},
	},
	{
		Number: 10, Unit: "Kansliavdelningen", Title: "Beslutsfattande – efterlevnad av delegationsordning",
		Method: "genomgang", Frequency: "yearly", Owner: "ansvarig", LegalRefs: "6 kap 40 § KL; 13 kap KL", Outcome: "deviation",
		Account: "Enligt 6 kap 40 § KL ska nämnden besluta i vilken utsträckning beslut som har fattats med stöd av delegation ska anmälas till nämnden. " +
			"Beslut som inte anmäls ska protokollföras särskilt om beslutet får överklagas genom laglighetsprövning, KL kap 13. " +
			"Beslut som kan överklagas via förvaltningsbesvär behöver inte anmälas till nämnd. " +
			"Exempel på sådana beslut är försörjningsstöd och bygglov (myndighetsutövning).\n\n" +
			"Kontrollen för 2024 visar att besluten anmäls inom rimlig tid, det vill säga en eller ett par månader efter fattat beslut. " +
			"Vid förra uppföljningen, hösten 2023, konstaterades att exempelvis beslut under avsnittet ”Anställning” inte anmäldes till kommunstyrelsen. " +
			"Detta har rättats till. Kansliavdelningen har dock anledning att tro att det inom nämndens ansvarsområde fortfarande fattas delegationsbeslut som inte anmäls till kommunstyrelsen. " +
			"Kontrollerna visar att de anmälda besluten har fattats av utsedd delegat.",
		Deviations: []Deviation{{
			Description: "Det finns anledning att tro att delegationsbeslut inom nämndens ansvarsområde fortfarande fattas utan att anmälas till kommunstyrelsen.",
			Significant: true, Status: "open",
			Actions: []Action{{
				Description: "Det pågår ett kontinuerligt arbete med att dels uppdatera delegationsordningen, dels informera verksamheterna om vikten av att fattade beslut anmäls.",
				Owner:       "ansvarig", Status: "in_progress",
			}},
		}},
	},
	{
		Number: 11, Unit: "IT-avdelningen", Title: "IT-säkerhet – risk för driftstopp",
		Method: "lopande", Frequency: "continuous", Owner: "it", Outcome: "deviation",
		Account: "Löpande kontroll har gjorts under året. Skydd på DDos-attecker fungerade i en majoritet av fallen.",
		Deviations: []Deviation{{
			Description: "DDoS-skyddet fungerade inte i alla fall; en del attacker trängde igenom.", Significant: true, Status: "open",
			Actions: []Action{{
				Description: "Förbättrade rutiner i de fall en DDoS-attack tränger igenom vårt nuvarande DDoS-skydd. " +
					"Åtgärden genomförs under 2025 och innebär internt arbete och arbete i samarbete med leverantör.",
				Owner: "it", Deadline: "2025-01-01", Precision: "year", Status: "planned",
			}},
		}},
	},
	{
		Number: 12, Unit: "IT-avdelningen", Title: "Cyberangrepp – risk för informationsläckage och driftsstopp",
		Method: "lopande", Frequency: "continuous", Owner: "it", Confidential: true, Outcome: "no_deviation",
		Account: "Löpande kontroll har genomförts. Inga avvikelser finns att rapportera. Fortsatta investeringar i IT-säkerhet kommer att genomföras.",
	},
	hrItem(1), hrItem(2), hrItem(3), hrItem(4), hrItem(5), hrItem(6), hrItem(7),
	{
		Section: HRSection, Number: 8, Unit: "HR-avdelningen",
		Title:  "HR-avdelningen – minskad sårbarhet – arbete med kompetensförsörjning",
		Method: "genomgang", Frequency: "yearly", Owner: "hr", Outcome: "deviation",
		Account: "Inga enstaka kontroller har skett utan förhållningssättet har varit att arbeta in i alla processer att det ska finnas fler än en som kan utföra en arbetsuppgift. " +
			"Avdelningen har arbetat för att bredda kompetens så att fler kan varandras uppgifter.",
		Deviations: []Deviation{{
			Description: "Inga enstaka kontroller har skett.", Status: "open",
			Actions: []Action{{
				Description: "Fortsätta arbeta utifrån ovanstående och kanske bredda till fler områden som vi idag inte har identifierat.",
				Owner:       "hr", Status: "in_progress",
			}},
		}},
	},
}

// Key names the control as the test data does: its number, "HR" first in
// HR- och arbetsmarknadsförvaltningen's part.
func (c Control) Key() string {
	if c.Section != "" {
		return "HR" + strconv.Itoa(c.Number)
	}
	return strconv.Itoa(c.Number)
}

// hrItem is one of items 1–7 of HR- och arbetsmarknadsförvaltningen's part:
// the report names them only by number, says they were not followed up and
// that the new individ- och arbetsmarknadsnämnden handles them.
func hrItem(n int) Control {
	return Control{
		Section: HRSection, Number: n, Unit: "HR- och arbetsmarknadsförvaltningen",
		Title:     "Punkt " + string(rune('0'+n)) + " i HR- och arbetsmarknadsförvaltningens del av planen",
		Method:    "genomgang",
		Frequency: "yearly", Owner: "hr",
		Outcome: "not_performed", NotPerformed: hrNotFollowedUp, TransferredTo: "IAN",
	}
}
