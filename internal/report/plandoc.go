package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// PlanColumns are the plan document's columns, in order.
var PlanColumns = []string{
	"Nr", "Kontrollpunkt", "Process", "Risk (riskvärde)", "Kontrollmoment", "Metod",
	"Frekvens", "Ansvarig", "Rapporteras till", "Klar senast", "Mål",
}

var planWidths = []float64{3, 14, 8, 10, 14, 7, 7, 9, 8, 8, 10}

// PlanDoc builds the plan document: the board's plan for the year as a
// table per part and unit — number, title, process, risk and its value for
// the year, kontrollmoment, method, frequency, owner, report to, due date
// and target — with the plan's status and adoption, ready for the board to
// adopt. The public version leaves out confidential controls; the internal
// one marks them. A plan without results is fine.
func PlanDoc(app core.App, boardId string, year int, public bool) (*Doc, error) {
	return PlanDocIn(app, model.Version{Public: public}, boardId, year)
}

// PlanDocIn is PlanDoc with the controls of the version v.
func PlanDocIn(app core.App, v model.Version, boardId string, year int) (*Doc, error) {
	pd, err := loadPlan(app, boardId, year, v)
	if err != nil {
		return nil, err
	}
	return withIssuer(app, planDoc(pd)), nil
}

func planDoc(pd *planData) *Doc {
	name := pd.board.Name()
	title := strings.TrimSpace(pd.plan.Title())
	if title == "" {
		title = fmt.Sprintf("%s internkontrollplan %d", upperFirst(pd.board.Genitive()), pd.year)
	}
	d := &Doc{Title: title, Header: fmt.Sprintf("%s – internkontrollplan %d", name, pd.year), Lang: i18n.Sv}
	if !pd.public && pd.hasConfidential() {
		d.Header += " – intern version med sekretessuppgifter"
	}
	for _, text := range planFacts(pd) {
		d.P("", text)
	}
	if len(pd.items) == 0 {
		d.P("note", "Planen har inga kontrollpunkter ännu.")
		return d
	}
	// a plan in parts (sections) gets a heading per part; the part without
	// a name is the board's own
	named := false
	for _, it := range pd.items {
		named = named || it.control.Section() != ""
	}
	section, parts := "", 0
	var t *Table
	for _, it := range pd.items {
		c := it.control
		if s := c.Section(); parts == 0 || s != section {
			section, t = s, nil
			parts++
			if named {
				heading := s
				if heading == "" {
					heading = name
				}
				d.H(1, fmt.Sprintf("del-%d", parts), heading)
			}
		}
		caption := pd.units[c.Unit()]
		if caption == "" {
			caption = "Övriga kontrollpunkter"
		}
		if t == nil || t.Caption != caption {
			d.T(Table{Caption: caption, Header: PlanColumns, Widths: planWidths})
			t = d.Blocks[len(d.Blocks)-1].Table
		}
		t.Rows = append(t.Rows, pd.planRow(c))
	}
	d.P("note", fmt.Sprintf("Planen omfattar %d kontrollpunkter.", len(pd.items)))
	return d
}

// planFacts are the plan's status and adoption, as sentences.
func planFacts(pd *planData) []string {
	pl := pd.plan
	out := []string{fmt.Sprintf("Nämnd: %s. År: %d. Status: %s.", pd.board.Name(), pd.year, i18n.T(i18n.Sv, "plan.status."+pl.Status()))}
	if pl.Status() == model.PlanDraft {
		out = append(out, "Förslag till internkontrollplan för nämndens beslut.")
	}
	if on := pl.AdoptedOn(); !on.IsZero() {
		out = append(out, sentence(strings.TrimRight("Antagen "+on.Time().Format(time.DateOnly)+", "+pl.AdoptedRef(), ", ")))
	}
	if on := pl.ReportedOn(); !on.IsZero() {
		out = append(out, sentence(strings.TrimRight("Återrapporterad "+on.Time().Format(time.DateOnly)+", "+pl.ReportedRef(), ", ")))
	}
	return out
}

// planRow is a control as a row of the plan table.
func (pd *planData) planRow(c *model.Control) []string {
	title := strings.TrimSpace(c.Title())
	if c.Confidential() {
		title += " (" + strings.ToLower(Confidential) + ")"
	}
	if c.GetString(model.CommonControlField) != "" {
		title += " (" + strings.ToLower(CommonMark) + ")"
	}
	due := ""
	if d := c.Due(); !d.IsZero() {
		due = d.Time().Format(time.DateOnly)
	}
	method := ""
	if m := c.Method(); m != "" {
		method = i18n.T(i18n.Sv, "method."+m)
	}
	frequency := ""
	if f := c.Frequency(); f != "" {
		frequency = i18n.T(i18n.Sv, "frequency."+f)
	}
	return []string{
		strconv.Itoa(c.Number()),
		title,
		c.Process(),
		pd.risks[c.Risk()],
		c.Description(),
		method,
		frequency,
		pd.users[c.Owner()],
		c.ReportTo(),
		due,
		TargetText(c),
	}
}

// Targeted is a record with a target: a control (*model.Control), or the
// common control its copies take their target from (*model.CommonControl).
type Targeted interface {
	TargetMetric() string
	TargetOperator() string
	TargetValue() string
	TargetUnit() string
}

// TargetText writes a control's or a common control's target: "Medel
// responstid < 10 minuter", or "" when it has none.
func TargetText(c Targeted) string {
	op := c.TargetOperator()
	if op == "" {
		return ""
	}
	sym := map[string]string{"<": "<", "<=": "≤", "=": "=", ">=": "≥", ">": ">"}[op]
	s := strings.TrimSpace(c.TargetMetric() + " " + sym + " " + decimalSv(c.TargetValue()))
	if u := c.TargetUnit(); u != "" {
		s += " " + u
	}
	return s
}
