package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

func TestExportPlan(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	enrichDemo(t, app, f)
	x, err := excelize.OpenReader(bytes.NewReader(exportPlan(t, app, f.Plan)))
	if err != nil {
		t.Fatalf("Expected the export to open in excelize, got %v", err)
	}
	defer x.Close()
	// the plan, and the board's units for Avdelning/enhet's list, hidden
	if got := x.GetSheetList(); len(got) != 2 || got[0] != "Plan" || got[1] != "Listor" {
		t.Fatalf("Expected the sheets Plan and Listor, got %v", got)
	}
	if visible, err := x.GetSheetVisible("Listor"); err != nil || visible {
		t.Errorf("Expected the sheet of lists hidden, got visible %v (%v)", visible, err)
	}
	rows, err := x.GetRows("Plan")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Del", "Nr", "Rubrik", "Process", "Risk", "Riskvärde", "Kontrollmoment", "Metod", "Frekvens",
		"Ansvarig (e-post)", "Rapporteras till", "Klar senast", "Lagrum", "Sekretess", "Mått", "Jämförelse", "Målvärde", "Måttenhet", "Avdelning/enhet"}
	if strings.Join(rows[0], "|") != strings.Join(want, "|") {
		t.Fatalf("Expected the header %v, got %v", want, rows[0])
	}
	if len(rows) != 21 {
		t.Fatalf("Expected the header and 20 controls, got %d rows", len(rows))
	}
	cell := func(ref string) string {
		v, err := x.GetCellValue("Plan", ref)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// control 1 on row 2, 3 on row 4, 5 on row 6, 12 on row 13, HR1 on row 14
	for ref, want := range map[string]string{
		"B2": "1", "C2": hostile, "C3": odd, "D2": "+Inköp", "E2": "Felaktig kontering av representation", "F2": "6",
		"G2": "Stickprov på 20 fakturor.\nJämför med attestordningen.", "H2": "Stickprov", "I2": "Årligen",
		"J2": "ansvarig@ikplan.test", "K2": "@Ekonomiutskottet", "L2": "2024-12-31", "M2": "-6 kap 6 § KL", "N2": "Nej",
		"S2": "Ekonomiavdelningen", "H4": "", "I4": "Kvartalsvis", "P4": "=", "S4": "",
		"L6": "2024-06-30", "O6": "Medel responstid", "P6": "≤", "Q6": "9.5", "R6": "minuter", "N13": "Ja",
		"H13": "Löpande kontroll", "I13": "Löpande", "A14": "HR- och arbetsmarknadsförvaltningen", "C14": "\tTabb först", "J14": "",
	} {
		if got := cell(ref); got != want {
			t.Errorf("Expected %s to be %q, got %q", ref, want, got)
		}
	}
	// texts that start like formulas are text cells, never formulas
	for _, ref := range []string{"C2", "D2", "K2", "M2", "P4", "C14"} {
		typ, err := x.GetCellType("Plan", ref)
		if err != nil || typ != excelize.CellTypeSharedString {
			t.Errorf("Expected %s to be a text cell, got type %v (%v)", ref, typ, err)
		}
		if formula, _ := x.GetCellFormula("Plan", ref); formula != "" {
			t.Errorf("Expected no formula in %s, got %q", ref, formula)
		}
	}
	// numbers and dates are real numbers and dates
	for _, ref := range []string{"B2", "F2", "L2", "Q6"} {
		if typ, _ := x.GetCellType("Plan", ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("Expected %s to be a number cell, got %v", ref, typ)
		}
	}
	if raw, _ := x.GetCellValue("Plan", "L2", excelize.Options{RawCellValue: true}); raw != "45657" {
		t.Errorf("Expected 2024-12-31 as Excel's day number 45657, got %q", raw)
	}
	// the header is bold and frozen, the columns have widths, the table a filter
	style, _ := x.GetCellStyle("Plan", "C1")
	if s, err := x.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold {
		t.Errorf("Expected a bold header, got %+v (%v)", s, err)
	}
	panes, err := x.GetPanes("Plan")
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("Expected the header row frozen, got %+v (%v)", panes, err)
	}
	for col, want := range map[string]float64{"A": 24, "B": 6, "C": 40, "G": 50, "S": 30} {
		if w, _ := x.GetColWidth("Plan", col); w != want {
			t.Errorf("Expected column %s %v wide, got %v", col, want, w)
		}
	}
	filter := ""
	for _, d := range x.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filter = d.RefersTo
		}
	}
	if filter != "'Plan'!$A$1:$S$21" && filter != "'Plan'!A1:S21" {
		t.Errorf("Expected an autofilter over A1:S21, got %q", filter)
	}
}

func TestImportRoundTrip(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	enrichDemo(t, app, f)
	data := nextYearSheet(t, app, f.Plan)
	draft := newDraft(t, app, f.KS, 2025)

	res, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(data), false)
	if err != nil || !res.OK() {
		t.Fatalf("Expected the export to import, got %v %+v", err, res.Errors)
	}
	if res.Rows != 20 || res.Created != 20 || res.Updated != 0 || res.Unchanged != 0 || res.DryRun {
		t.Errorf("Expected 20 rows created, got %+v", res)
	}
	from, to := planControls(t, app, f.Plan), planControls(t, app, draft)
	if len(to) != len(from) {
		t.Fatalf("Expected %d controls, got %d", len(from), len(to))
	}
	fields := []string{"section", "number", "title", "process", "risk", "description", "method", "frequency", "owner",
		"report_to", "due", "legal_refs", "confidential", "target_metric", "target_operator", "target_value", "target_unit", "unit"}
	for i := range from {
		for _, field := range fields {
			a, b := from[i].GetString(field), to[i].GetString(field)
			if d := from[i].GetDateTime(field); field == "due" && !d.IsZero() {
				a = model.DateOnly(d.Time().AddDate(1, 0, 0)).Format("2006-01-02 15:04:05.000Z") // moved into the new year
			}
			if a != b {
				t.Errorf("Control %d, %s: expected %q, got %q", i+1, field, a, b)
			}
		}
	}
	if to[0].GetString("title") != hostile || to[0].GetString("risk") != f.Risk || to[4].GetString("target_value") != "9.5" {
		t.Errorf("Expected the hostile title, the risk and 9.5 back, got %q %q %q", to[0].GetString("title"), to[0].GetString("risk"), to[4].GetString("target_value"))
	}

	// the same file again changes nothing and writes no history
	before := tally(t, app)
	again, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(data), false)
	if err != nil || !again.OK() || again.Unchanged != 20 || again.Created+again.Updated != 0 {
		t.Fatalf("Expected 20 unchanged rows, got %v %+v", err, again)
	}
	if after := tally(t, app); after != before {
		t.Errorf("Expected nothing written by an unchanged import, got %v → %v", before, after)
	}

	// an edited row updates its control, matched by Del and Nr
	changed := edit(t, data, map[string]string{"C3": "Ny rubrik", "Q6": "8,5"})
	upd, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(changed), false)
	if err != nil || !upd.OK() || upd.Updated != 2 || upd.Unchanged != 18 || upd.Created != 0 {
		t.Fatalf("Expected 2 updated rows, got %v %+v", err, upd)
	}
	if c := planControls(t, app, draft); c[1].GetString("title") != "Ny rubrik" || c[4].GetString("target_value") != "8.5" || len(c) != 20 {
		t.Errorf("Expected controls 2 and 5 changed in place, got %q %q (%d controls)", c[1].GetString("title"), c[4].GetString("target_value"), len(c))
	}
}

func TestImportRefusesBadRows(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	data := nextYearSheet(t, app, f.Plan)
	draft := newDraft(t, app, f.KS, 2025)
	bad := edit(t, data, map[string]string{
		"H3":  "Slumpvis",          // control 2: an unknown method
		"J4":  "annan@ikplan.test", // control 3: an owner of another board
		"Q6":  "tio",               // control 5: a target value that is no number
		"C7":  "",                  // control 6: no title
		"J8":  "okand@ikplan.test", // control 7: nobody
		"S9":  "Påhittade avdelningen",
		"B10": "1", // control 9 numbered 1 like row 2
		"L11": "31/12/2024",
		"N12": "kanske",
	})
	before := tally(t, app)
	res, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(bad), false)
	if err != nil {
		t.Fatalf("Expected a refusal, not an error: %v", err)
	}
	want := []string{
		"rad 3, kolumn H (Metod): Okänd metod \"Slumpvis\". Skriv en av: Stickprov, Genomgång, Mätning, Analys, Intervju, Löpande kontroll.",
		"rad 4, kolumn J (Ansvarig (e-post)): Den ansvariga måste vara användare i planens nämnd.",
		"rad 6, kolumn Q (Målvärde): Målvärdet måste vara ett tal, t.ex. 10 eller 8,1.",
		"rad 7, kolumn C (Rubrik): Skriv en rubrik för kontrollpunkten.",
		"rad 8, kolumn J (Ansvarig (e-post)): Ingen användare har e-postadressen \"okand@ikplan.test\".",
		"rad 9, kolumn S (Avdelning/enhet): Nämnden har ingen avdelning eller enhet som heter \"Påhittade avdelningen\".",
		"rad 10, kolumn B (Nr): Rad 2 har redan samma del och nummer 1.",
		"rad 11, kolumn L (Klar senast): \"31/12/2024\" kan inte tolkas som ett datum. Skriv ett datum eller en period, till exempel 2025-09-30, mars 2025, kvartal 3 2025, tertial 2 2025, första halvåret 2025 eller under 2025.",
		"rad 12, kolumn N (Sekretess): Skriv Ja eller Nej, inte \"kanske\".",
	}
	var got []string
	for _, e := range res.Errors {
		got = append(got, e.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Expected the errors\n%s\ngot\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
	// the same errors in English, as the web UI shows them in English (the
	// sheet's headers stay as the sheet has them; the values it takes are
	// named in English, which the import reads as well)
	wantEn := []string{
		"row 3, column H (Metod): Unknown method \"Slumpvis\". Write one of: Sample, Review, Measurement, Analysis, Interview, Continuous control.",
		"row 4, column J (Ansvarig (e-post)): The owner must be a user of the plan's board.",
		"row 6, column Q (Målvärde): The target value must be a number, e.g. 10 or 8.1.",
		"row 7, column C (Rubrik): Enter a title for the control.",
		"row 8, column J (Ansvarig (e-post)): No user has the email address \"okand@ikplan.test\".",
		"row 9, column S (Avdelning/enhet): The board has no department or unit named \"Påhittade avdelningen\".",
		"row 10, column B (Nr): Row 2 already has the same part and number 1.",
		"row 11, column L (Klar senast): \"31/12/2024\" cannot be read as a date. Write a date or a period, for example 2025-09-30, March 2025, Q3 2025, T2 2025, first half 2025 or year 2025.",
		"row 12, column N (Sekretess): Write Yes or No, not \"kanske\".",
	}
	got = got[:0]
	for _, e := range res.Errors {
		got = append(got, e.In(i18n.En))
	}
	if strings.Join(got, "\n") != strings.Join(wantEn, "\n") {
		t.Errorf("Expected the errors in English\n%s\ngot\n%s", strings.Join(wantEn, "\n"), strings.Join(got, "\n"))
	}
	if res.OK() || res.Created != 0 || res.Rows != 20 {
		t.Errorf("Expected a refused import of 20 rows with nothing created, got %+v", res)
	}
	if after := tally(t, app); after != before {
		t.Errorf("Expected nothing written (controls, history), got %v → %v", before, after)
	}
	if n := len(planControls(t, app, draft)); n != 0 {
		t.Errorf("Expected the draft to stay empty, got %d controls", n)
	}
}

func TestImportOnlyIntoDrafts(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	data := exportPlan(t, app, f.Plan)
	before := tally(t, app)
	res, err := report.ImportPlan(app, model.System, f.Plan, bytes.NewReader(data), false)
	if err != nil || len(res.Errors) != 1 || res.Errors[0].Row != 0 ||
		res.Errors[0].Text(i18n.Sv) != "Planen är antagen. Kontrollpunkter kan bara importeras till en plan som är ett utkast; ingenting har importerats." {
		t.Fatalf("Expected one refusal naming the adopted plan, got %v %+v", err, res.Errors)
	}
	if after := tally(t, app); after != before {
		t.Errorf("Expected nothing written, got %v → %v", before, after)
	}
}

func TestImportDryRun(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	data := nextYearSheet(t, app, f.Plan)
	draft := newDraft(t, app, f.KS, 2025)
	before := tally(t, app)
	res, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(data), true)
	if err != nil || !res.OK() || !res.DryRun || res.Created != 20 {
		t.Fatalf("Expected a dry run that would create 20 controls, got %v %+v", err, res)
	}
	if after := tally(t, app); after != before {
		t.Errorf("Expected a dry run to write nothing, got %v → %v", before, after)
	}
}

func TestImportRefusesFiles(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	draft := newDraft(t, app, f.KS, 2025)
	valid := nextYearSheet(t, app, f.Plan)
	other := append([]any{"Kommentar"}, headerRow()[1:]...) // Del replaced by an unknown column
	many := [][]any{headerRow()}
	for i := 1; i <= report.MaxImportRows+1; i++ {
		many = append(many, []any{"", i, "Rubrik"})
	}
	scenarios := []struct {
		name string
		data []byte
		want string
		row  int
	}{
		{"not a file at all", []byte("Del;Nr;Rubrik\n;1;Test\n"), "Filen kunde inte läsas som en Excel-arbetsbok (.xlsx).", 0},
		{"half a file", valid[:len(valid)/2], "Filen kunde inte läsas som en Excel-arbetsbok (.xlsx).", 0},
		{"an empty sheet", workbook(t, "Plan", nil), "Bladet \"Plan\" är tomt.", 0},
		{"only the header", workbook(t, "Plan", [][]any{headerRow()}), "Bladet \"Plan\" har inga kontrollpunkter under rubrikraden.", 0},
		{"other columns", workbook(t, "Blad1", [][]any{other, append([]any{""}, 1, "Rubrik")}),
			"Kolumnerna stämmer inte med planens Excel-format. Saknas: Del. Okända: Kommentar.", 1},
		{"columns missing", workbook(t, "Plan", [][]any{{"Nr", "Rubrik"}, {1, "Rubrik"}}),
			"Saknas: Del, Process, Risk, Riskvärde, Kontrollmoment, Metod, Frekvens, Ansvarig (e-post), Rapporteras till, Klar senast, Lagrum, Sekretess, Mått, Jämförelse, Målvärde, Måttenhet, Avdelning/enhet.", 1},
		{"too many rows", workbook(t, "Plan", many), "Bladet har fler än 5000 rader med kontrollpunkter.", 0},
		{"too large", make([]byte, report.MaxImportBytes+1), "Filen är större än 5 MB.", 0},
	}
	for _, s := range scenarios {
		before := tally(t, app)
		res, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(s.data), false)
		if err != nil || len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Text(i18n.Sv), s.want) || res.Errors[0].Row != s.row {
			t.Errorf("%s: expected one refusal %q on row %d, got %v %+v", s.name, s.want, s.row, err, res.Errors)
		} else if e := res.Errors[0]; !i18n.Has(e.Msg.Key) || e.Text(i18n.En) == e.Text(i18n.Sv) || strings.Contains(e.Text(i18n.En), "{") {
			t.Errorf("%s: expected a catalogue message with its own English, got %q: %q", s.name, e.Msg.Key, e.Text(i18n.En))
		}
		if after := tally(t, app); after != before {
			t.Errorf("%s: expected nothing written, got %v → %v", s.name, before, after)
		}
	}
}
