package report_test

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

func memo(t *testing.T, app core.App, public bool, lang string) *report.Doc {
	t.Helper()
	d, err := report.Memo(app, testapp.Fix(t).KS, 2024, public, lang, testapp.Today)
	if err != nil {
		t.Fatalf("Expected the tjänsteskrivelse, got %v", err)
	}
	return d
}

// memoWords are, per language, the memo's section headings in order (by
// their anchors and texts) and the patterns its summary gives its figures
// by: controls, performed, not followed up, with a deviation, with a
// significant deviation.
var memoWords = map[string]struct {
	title    string
	headings []string
	figures  []*regexp.Regexp
	proposal string
	law      string
}{
	"sv": {
		title: "Tjänsteskrivelse",
		headings: []string{"arende:Uppföljning av intern kontroll 2024", "sammanfattning:Sammanfattning", "forslag-till-beslut:Förslag till beslut",
			"arendet:Ärendet", "vasentliga-avvikelser:Avvikelser av väsentlig betydelse och åtgärder", "beslutsunderlag:Beslutsunderlag"},
		figures: []*regexp.Regexp{regexp.MustCompile(`omfattar (\d+) kontrollpunkter\.`), regexp.MustCompile(`Av dem har (\d+) genomförts`),
			regexp.MustCompile(`och (\d+) inte följts upp\.`), regexp.MustCompile(`konstaterats vid (\d+) kontrollpunkter\.`),
			regexp.MustCompile(`väsentlig betydelse gäller (\d+) kontrollpunkter:`)},
		proposal: "Kommunstyrelsen godkänner uppföljningen av internkontrollplan 2024.",
		law:      "6 kap. 6 § kommunallagen",
	},
	"en": {
		title: "Memorandum",
		headings: []string{"arende:Follow-up of internal control 2024", "sammanfattning:Summary", "forslag-till-beslut:Proposed decision",
			"arendet:Background", "vasentliga-avvikelser:Deviations of significant importance and actions", "beslutsunderlag:Decision basis"},
		figures: []*regexp.Regexp{regexp.MustCompile(`of Kommunstyrelsen has (\d+) controls\.`), regexp.MustCompile(`Of these, (\d+) have been performed`),
			regexp.MustCompile(`and (\d+) have not been followed up\.`), regexp.MustCompile(`found in (\d+) controls\.`),
			regexp.MustCompile(`significant importance concern (\d+) controls:`)},
		proposal: "Kommunstyrelsen approves the follow-up of the internal control plan 2024.",
		law:      "chapter 6, section 6 of the Local Government Act",
	},
}

// TestMemoSectionsAndFigures: the memo of the demo's 2024 plan, internal
// and public, in Swedish and English, has its sections in order, and its
// figures are the follow-up's own: the controls and those performed as the
// roll-up's summary of the same follow-up counts them, the controls not
// followed up as the follow-up's own paragraph numbers them, and the
// controls with a deviation and with a significant one as the database
// holds them (less the confidential control in the public version). The
// table lists each significant deviation, in the follow-up's order.
func TestMemoSectionsAndFigures(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	for _, public := range []bool{false, true} {
		rollUp, err := report.RollUp(app, 2024, public, testapp.Today)
		if err != nil {
			t.Fatal(err)
		}
		row := summary(t, rollUp)[0]
		controls, reported, performed, significantDeviations := atoi(t, row[1]), atoi(t, row[2]), atoi(t, row[3]), atoi(t, row[5])
		followUp, err := report.FollowUp(app, f.KS, 2024, public)
		if err != nil {
			t.Fatal(err)
		}
		notFollowedUp := numbersNotFollowedUp(t, followUp)
		deviating, significant := deviatingControls(t, app, f.Plan, public)
		want := []int{controls, performed, notFollowedUp, len(deviating), len(significant)}
		if reported != controls || notFollowedUp != controls-performed {
			t.Fatalf("Expected every control of the demo reported, performed or not followed up; the roll-up says %v", row)
		}
		// leads of the follow-up's section 1.1, in order: the significant
		// controls must come in this order
		var order []string
		for _, b := range followUp.Blocks {
			if p := b.Paragraph; p != nil && p.Style == "lead" && !slices.Contains(order, p.Text) {
				order = append(order, p.Text)
			}
		}

		for lang, w := range memoWords {
			name := lang
			if public {
				name += " public"
			}
			d := memo(t, app, public, lang)
			if d.Title != w.title || d.Lang != lang {
				t.Errorf("%s: Expected the title %q in %q, got %q in %q", name, w.title, lang, d.Title, d.Lang)
			}
			var headings []string
			section := map[string][]report.Block{}
			at := ""
			for _, b := range d.Blocks {
				if b.Heading != nil {
					at = b.Heading.Id
					headings = append(headings, b.Heading.Id+":"+b.Heading.Text)
					continue
				}
				section[at] = append(section[at], b)
			}
			if !slices.Equal(headings, w.headings) {
				t.Errorf("%s: Expected the sections\n%q, got\n%q", name, w.headings, headings)
			}
			// before the first heading: date, diarienummer (a line to fill
			// in: the plan is not reported yet), the board
			if got := paragraphs(section[""]); len(got) != 3 || !strings.HasSuffix(got[0], "2025-03-15") ||
				!strings.HasSuffix(got[1], "_____") || !strings.HasSuffix(got[2], "Kommunstyrelsen") {
				t.Errorf("%s: Expected the date, a diarienummer to fill in and the board first, got %q", name, got)
			}
			sum := strings.Join(paragraphs(section["sammanfattning"]), " ")
			for i, re := range w.figures {
				m := re.FindStringSubmatch(sum)
				if m == nil {
					t.Errorf("%s: Expected the figure %s in the summary %q", name, re, sum)
					continue
				}
				if got := atoi(t, m[1]); got != want[i] {
					t.Errorf("%s: Expected %d for %s, as the follow-up counts, got %d", name, want[i], re, got)
				}
			}
			if got := paragraphs(section["forslag-till-beslut"]); !slices.Equal(got, []string{w.proposal}) {
				t.Errorf("%s: Expected the proposal %q, got %q", name, w.proposal, got)
			}
			background := strings.Join(paragraphs(section["arendet"]), " ")
			for _, want := range []string{w.law, "2024-01-29", "KS § 5"} {
				if !strings.Contains(background, want) {
					t.Errorf("%s: Expected %q in the background %q", name, want, background)
				}
			}
			if basis := paragraphs(section["beslutsunderlag"]); len(basis) != 2 || basis[1] != followUp.Title+", 2025-03-15" {
				t.Errorf("%s: Expected the follow-up %q with its date in the decision basis, got %q", name, followUp.Title, basis)
			}

			// the table: every significant deviation (the roll-up's count),
			// of the significant controls, in the follow-up's order, each
			// also named in the summary
			var table *report.Table
			for _, b := range section["vasentliga-avvikelser"] {
				if b.Table != nil {
					table = b.Table
				}
			}
			if table == nil {
				t.Fatalf("%s: Expected the significant deviations as a table", name)
			}
			var rowControls, rowDeviations []string
			for _, r := range table.Rows {
				if len(r) != len(table.Header) {
					t.Fatalf("%s: Expected %d cells in each row, got %q", name, len(table.Header), r)
				}
				title := strings.TrimSuffix(strings.TrimSuffix(r[0], " (sekretess)"), " (confidential)")
				if !slices.Contains(rowControls, title) {
					rowControls = append(rowControls, title)
				}
				if !slices.Contains(rowDeviations, r[1]) {
					rowDeviations = append(rowDeviations, r[1])
				}
				if r[2] == "" || r[5] == "" {
					t.Errorf("%s: Expected each row's action and status, got %q", name, r)
				}
			}
			if len(rowDeviations) != significantDeviations {
				t.Errorf("%s: Expected the %d significant deviations the roll-up counts, got %d: %q", name, significantDeviations, len(rowDeviations), rowDeviations)
			}
			var wantControls []string
			for _, lead := range order {
				for _, c := range significant {
					if strings.HasPrefix(lead, strconv.Itoa(c.GetInt("number"))+". "+c.GetString("title")) {
						wantControls = append(wantControls, lead)
					}
				}
			}
			if !slices.Equal(rowControls, wantControls) {
				t.Errorf("%s: Expected the significant controls in the follow-up's order\n%q, got\n%q", name, wantControls, rowControls)
			}
			for _, c := range significant {
				if !strings.Contains(sum, c.GetString("title")) {
					t.Errorf("%s: Expected the significant control %q named in the summary", name, c.GetString("title"))
				}
			}
		}
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("Expected a number, got %q", s)
	}
	return n
}

func paragraphs(blocks []report.Block) []string {
	var out []string
	for _, b := range blocks {
		if b.Paragraph != nil {
			out = append(out, b.Paragraph.Text)
		}
	}
	return out
}

var pointList = regexp.MustCompile(`Punkt ([\d, och-]+?) (?:i internkontrollplanen|har inte)`)

// numbersNotFollowedUp counts the items the follow-up's paragraphs say
// were not followed up ("Punkt 1-7 i internkontrollplanen …").
func numbersNotFollowedUp(t *testing.T, d *report.Doc) int {
	t.Helper()
	n := 0
	for _, m := range pointList.FindAllStringSubmatch(d.Text(), -1) {
		for _, part := range strings.FieldsFunc(strings.ReplaceAll(m[1], " och ", ","), func(r rune) bool { return r == ',' }) {
			from, to, isRange := strings.Cut(strings.TrimSpace(part), "-")
			if !isRange {
				to = from
			}
			n += atoi(t, to) - atoi(t, from) + 1
		}
	}
	return n
}

// deviatingControls are the plan's controls with a deviation and those with
// a significant one, read from the database (the public version's without
// the confidential controls).
func deviatingControls(t *testing.T, app core.App, plan string, public bool) (deviating, significant []*core.Record) {
	t.Helper()
	controls, err := app.FindRecordsByFilter(model.Controls, "plan = {:p}", "position,section,number", 0, 0, dbx.Params{"p": plan})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range controls {
		if public && c.GetBool("confidential") {
			continue
		}
		devs, err := app.FindRecordsByFilter(model.Deviations, "result.control = {:c}", "", 0, 0, dbx.Params{"c": c.Id})
		if err != nil {
			t.Fatal(err)
		}
		results, err := app.FindRecordsByFilter(model.Results, "control = {:c} && outcome = 'deviation'", "", 0, 0, dbx.Params{"c": c.Id})
		if err != nil {
			t.Fatal(err)
		}
		if len(devs) > 0 || len(results) > 0 {
			deviating = append(deviating, c)
		}
		if slices.ContainsFunc(devs, func(d *core.Record) bool { return d.GetBool("significant") }) {
			significant = append(significant, c)
		}
	}
	return deviating, significant
}

// TestMemoPublicWithholdsWhatTheFollowUpWithholds: every control title the
// public follow-up leaves out but the internal one shows is left out of the
// public memo too — in the document and in each format written from it —
// while the internal memo names the confidential control in its table.
func TestMemoPublicWithholdsWhatTheFollowUpWithholds(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	internalFollowUp, err := report.FollowUp(app, f.KS, 2024, false)
	if err != nil {
		t.Fatal(err)
	}
	publicFollowUp, err := report.FollowUp(app, f.KS, 2024, true)
	if err != nil {
		t.Fatal(err)
	}
	var withheld []string
	for _, b := range internalFollowUp.Blocks {
		if p := b.Paragraph; p != nil && p.Style == "lead" && !strings.Contains(publicFollowUp.Text(), p.Text) {
			if _, title, _ := strings.Cut(p.Text, ". "); !slices.Contains(withheld, title) {
				withheld = append(withheld, title)
			}
		}
	}
	if len(withheld) == 0 {
		t.Fatalf("Expected the public follow-up to withhold the confidential control")
	}
	for _, lang := range []string{"sv", "en"} {
		internal := memo(t, app, false, lang).Text()
		for _, title := range withheld {
			if !strings.Contains(internal, title) {
				t.Errorf("%s: Expected the internal memo to name %q", lang, title)
			}
		}
		d := memo(t, app, true, lang)
		texts := map[string]string{"doc": d.Text()}
		for _, format := range report.Formats() {
			var buf bytes.Buffer
			if err := report.Write(format, &buf, d); err != nil {
				t.Fatalf("Expected the public memo as %s, got %v", format, err)
			}
			switch format {
			case "pdf":
				texts[format] = report.PDFText(t, buf.Bytes(), d.Header)
			case "docx":
				texts[format] = report.DOCXText(t, buf.Bytes())
			default:
				texts[format] = buf.String()
			}
		}
		for format, text := range texts {
			if !strings.Contains(norm(text), memoWords[lang].proposal) {
				t.Errorf("%s %s: Expected the memo's text, got %q", lang, format, text)
			}
			for _, title := range withheld {
				if strings.Contains(norm(text), norm(title)) {
					t.Errorf("%s %s: Expected the public memo to withhold %q as the public follow-up does", lang, format, title)
				}
			}
			if leaks := testapp.Leaks(text); leaks != nil {
				t.Errorf("%s %s: Expected nothing of the confidential control in the public memo, got %q", lang, format, leaks)
			}
			if strings.Contains(text, "intern version") || strings.Contains(text, "internal version") {
				t.Errorf("%s %s: Expected the public memo not to call itself internal", lang, format)
			}
		}
	}
}

// TestMemoInEveryFormat: the memo written as HTML, PDF and Word says what
// its document says: the title, the proposal and the table's cells.
func TestMemoInEveryFormat(t *testing.T) {
	t.Parallel()
	d := memo(t, testapp.New(t), false, "sv")
	for _, format := range []string{"html", "pdf", "docx"} {
		var buf bytes.Buffer
		if err := report.Write(format, &buf, d); err != nil {
			t.Fatalf("Expected the memo as %s, got %v", format, err)
		}
		var text string
		switch format {
		case "pdf":
			text = report.PDFText(t, buf.Bytes(), d.Header)
		case "docx":
			text = report.DOCXText(t, buf.Bytes())
		default:
			text = buf.String()
		}
		text = norm(text)
		for _, want := range []string{"Tjänsteskrivelse", "Uppföljning av intern kontroll 2024", "Förslag till beslut", "Beslutsunderlag",
			"IT-chef", "Anders Ansvarig", testapp.SecretAction} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: Expected %q in the memo", format, want)
			}
		}
		if format != "pdf" && !strings.Contains(text, "Kommunstyrelsen godkänner uppföljningen av internkontrollplan 2024.") {
			t.Errorf("%s: Expected the proposal in the memo", format)
		}
	}
}

// TestMemoDiarienummerAndRefusal: a plan reported back under a reference
// with a diarienummer gives the memo that number; a plan without results
// has no memo, as it has no follow-up.
func TestMemoDiarienummerAndRefusal(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	if err := testapp.ForceValues(app, model.Plans, f.Plan, map[string]any{"reported_ref": "KS § 30, dnr KS 2025/0042"}); err != nil {
		t.Fatal(err)
	}
	d := memo(t, app, false, "sv")
	if got := paragraphs(d.Blocks[:3]); got[1] != "Diarienummer: KS 2025/0042" {
		t.Errorf("Expected the report-back's diarienummer, got %q", got)
	}

	plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025, "status": "draft"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := testapp.Create(app, model.Controls, map[string]any{"plan": plan.Id, "number": 1, "title": "Försörjningsstöd", "frequency": "yearly"}); err != nil {
		t.Fatal(err)
	}
	_, err = report.Memo(app, f.IAN, 2025, false, "sv", testapp.Today)
	if !errors.Is(err, report.ErrNoResults) || !strings.Contains(err.Error(), "Individ- och arbetsmarknadsnämndens internkontrollplan 2025 har inga resultat ännu") {
		t.Errorf("Expected the memo of a plan without results refused, got %v", err)
	}
}

// TestMemoSignificantBranches: an accepted significant deviation without an
// action stands in the table with the reason it was accepted; with no
// significant deviation left the summary and the section say so, and no
// table is written.
func TestMemoSignificantBranches(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	if err := testapp.Update(app, model.Deviations, f.Deviations["6"], map[string]any{"significant": true}); err != nil {
		t.Fatal(err)
	}
	text := memo(t, app, true, "sv").Text()
	if want := "6. Fastighetsdata – risk att obehöriga får tillgång till Lantmäteriets fastighetsdata | Lösenorden har inte bytts halvårsvis enligt rutinen. | " +
		"Avvikelsen har godtagits: Lantmäteriet har egna säkerhetsbrister och har tagit bort merparten fastighetsdata. |  |  | Godtagen"; !strings.Contains(text, want) {
		t.Errorf("Expected the accepted significant deviation with its reason\n%q in\n%s", want, text)
	}

	devs, err := app.FindRecordsByFilter(model.Deviations, "significant = true", "", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range devs {
		if err := testapp.Update(app, model.Deviations, d.Id, map[string]any{"significant": false}); err != nil {
			t.Fatal(err)
		}
	}
	for lang, want := range map[string][]string{
		"sv": {"Avvikelser har konstaterats vid 8 kontrollpunkter. Ingen av avvikelserna är av väsentlig betydelse.", "Inga avvikelser av väsentlig betydelse har identifierats."},
		"en": {"Deviations have been found in 8 controls. None of the deviations is of significant importance.", "No deviations of significant importance have been found."},
	} {
		d := memo(t, app, true, lang)
		for _, w := range want {
			if !strings.Contains(d.Text(), w) {
				t.Errorf("%s: Expected %q in\n%s", lang, w, d.Text())
			}
		}
		for _, b := range d.Blocks {
			if b.Table != nil {
				t.Errorf("%s: Expected no table without significant deviations, got %q", lang, b.Table.Caption)
			}
		}
	}
}
