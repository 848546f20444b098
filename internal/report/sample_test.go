package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The texts a writer must keep, as a reader of the written file sees them.
const (
	sampleTitle    = "Uppföljning av kommunstyrelsens internkontrollplan 2024"
	sampleHeader   = "Kommunstyrelsen – 2024"
	sampleH1       = "1. Avvikelser och åtgärder intern kontroll 2024"
	sampleH11      = "1.1 Följande avvikelser av väsentlig betydelse har identifierats vid årets internkontroll"
	sampleH12      = "1.2 Åtgärder"
	sampleH2       = "2. Kontroller som inte följts upp"
	sampleH21      = "2.1 Övertagna av individ- och arbetsmarknadsnämnden"
	sampleLead5    = "5. Medel responstid (tid från samtal till SOS till dess att första räddningsresurs är på plats) ska understiga 10 minuter."
	sampleOutcome5 = "Målet är uppnått, ingen avvikelse har konstaterats. Responstiden för 2024 är 8,1 minuter."
	sampleSecret   = "12. Cyberangrepp – risk för informationsläckage och driftsstopp"
	sampleHostile  = `Kommentar från Åsa Öberg om Ärende 7: <script>alert(1)</script> och =HYPERLINK("http://example.com","klicka") – 6 kap 40 § KL, ”Anställning”, svarstid ≤ 10 och ≥ 2 dagar.`
	sampleNotDone  = "Punkt 1-7 har inte följts upp då det varit fokus på omorganisation och hanteras av individ- och arbetsmarknadsnämnden."
	sampleNote     = "Uppgifter om sekretessbelagda kontroller lämnas inte i den offentliga versionen."
	sampleCaption  = "Tabell 1. Åtgärder med ansvarig, tid och status"
	sampleQ2       = "kvartal 2 2025"
)

// sampleHeaderRow is the actions table's header row.
var sampleHeaderRow = []string{"Nr", "Kontroll", "Åtgärd", "Ansvarig", "Klart", "Status"}

// sampleDoc is a follow-up report of n controls, built by hand the way the
// report builders build the real one: a title, numbered headings, each
// control's title line, account and outcome, a confidential item marked,
// the controls not followed up, and the actions as a table of n rows.
func sampleDoc(n int) *Doc {
	d := &Doc{Title: sampleTitle, Header: sampleHeader, Lang: "sv"}
	d.H(1, "avvikelser", sampleH1)
	d.H(2, "vasentliga", sampleH11)
	for i := 1; i <= n; i++ {
		switch i {
		case 5:
			d.P("lead", sampleLead5)
			d.P("", sampleOutcome5)
		case 12:
			d.P("lead", sampleSecret, "Sekretess")
			d.P("", "Löpande kontroll har genomförts. Inga avvikelser finns att rapportera. Fortsatta investeringar i IT-säkerhet kommer att genomföras.")
		default:
			d.P("lead", fmt.Sprintf("%d. Kontrollmoment %d – Fastighetsdata och ärendehantering", i, i))
			d.P("", fmt.Sprintf("Kontroll %d har gjorts av om det finns beskrivning av arbetsuppgifter samt rutinbeskrivningar och checklistor. "+
				"Detta finns till viss del men inte samlat och lättöverskådligt. Enligt 6 kap 40 § KL ska nämnden besluta i vilken "+
				"utsträckning beslut som har fattats med stöd av delegation ska anmälas till nämnden.", i))
		}
		if i == 3 {
			d.P("", sampleHostile)
		}
	}
	d.P("note", sampleNote)
	d.H(2, "atgarder", sampleH12)
	d.P("", "Nedan redovisas de åtgärder som vidtas i de fall avvikelser konstaterats.")
	t := Table{Caption: sampleCaption, Header: sampleHeaderRow, Widths: []float64{0.7, 2.8, 4.4, 3, 2.1, 1.6}}
	for i := 1; i <= n; i++ {
		deadline := []string{"2025-03-31", sampleQ2, "under 2025"}[i%3]
		t.Rows = append(t.Rows, []string{
			fmt.Sprint(i), fmt.Sprintf("Kontroll %d – minska sårbarheten", i),
			fmt.Sprintf("Åtgärd %d: rutiner ska upprättas för att säkerställa att primärkartan håller korrekt kvalitet.", i),
			"Kansliavdelningen", deadline, []string{"Pågår", "Klar", "Ej påbörjad"}[i%3],
		})
	}
	d.T(t)
	d.Break()
	d.H(1, "ej-uppfoljda", sampleH2)
	d.H(2, "ian", sampleH21)
	d.P("", sampleNotDone)
	return d
}

// sampleTexts are the strings every format must show.
var sampleTexts = []string{
	sampleTitle, sampleHeader, sampleH1, sampleH11, sampleH12, sampleH2, sampleH21,
	sampleLead5, sampleOutcome5, sampleSecret, sampleNotDone, sampleNote, sampleCaption, sampleQ2,
	"Sekretess", "Åsa Öberg om Ärende 7", "<script>alert(1)</script>", `=HYPERLINK("http://example.com","klicka")`,
	"6 kap 40 § KL", "”Anställning”", "≤ 10", "≥ 2", "Åtgärd 40: rutiner",
	"Kansliavdelningen", "Ej påbörjad", "2025-03-31", "under 2025",
}

// keepFile writes a written document to the repository's tmp/reports for a
// person to open.
func keepFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	dir := filepath.Join("..", "..", "tmp", "reports")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// squash joins all runs of white space into one space.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
