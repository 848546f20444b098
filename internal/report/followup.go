package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// Confidential is the mark on a confidential item of the internal version.
const Confidential = "Sekretess"

// CommonMark marks a kommungemensam kontroll: one kommunstyrelsen decided
// for every board (scope "common").
const CommonMark = "Kommungemensam"

// FollowUp builds the follow-up report (uppföljning) of a board's plan for
// a year, in the structure and wording of the report the board adopts:
// 1.1 every control in the plan's order with its account and outcome, the
// controls not followed up in one paragraph per part of the plan, and 1.2
// the actions taken where deviations were found. The public version leaves
// out confidential controls and everything under them; the internal one
// marks them "Sekretess". A plan without any result yet is refused.
func FollowUp(app core.App, boardId string, year int, public bool) (*Doc, error) {
	return FollowUpIn(app, model.Version{Public: public}, boardId, year)
}

// FollowUpIn is FollowUp with the controls of the version v (whose
// pages' controls, or the public ones).
func FollowUpIn(app core.App, v model.Version, boardId string, year int) (*Doc, error) {
	pd, err := loadPlan(app, boardId, year, v)
	if err != nil {
		return nil, err
	}
	if !pd.hasResults() {
		return nil, refuse(ErrNoResults, "report.refused.no_results_followup",
			"genitive", upperFirst(pd.board.Genitive()), "board", pd.board.Name(), "year", year)
	}
	return withIssuer(app, followUpDoc(pd)), nil
}

func followUpDoc(pd *planData) *Doc {
	name := pd.board.Name()
	d := &Doc{
		Title:  fmt.Sprintf("Uppföljning av %s internkontrollplan %d", pd.board.Genitive(), pd.year),
		Header: fmt.Sprintf("%s – uppföljning %d", name, pd.year),
		Lang:   i18n.Sv,
	}
	if !pd.public && pd.hasConfidential() {
		d.Header += " – intern version med sekretessuppgifter"
	}
	d.H(1, "avvikelser-och-atgarder", fmt.Sprintf("1. Avvikelser och åtgärder intern kontroll %d", pd.year))
	d.H(2, "avvikelser", "1.1 Följande avvikelser av väsentlig betydelse har identifierats vid årets internkontroll")
	for _, part := range pd.parts() {
		pd.writePart(d, part)
	}
	d.H(2, "atgarder", "1.2 Åtgärder")
	d.P("", "Nedan redovisas de åtgärder som vidtas i de fall avvikelser konstaterats.")
	for _, it := range pd.items {
		pd.writeActions(d, it)
	}
	return d
}

// hasConfidential reports whether the document shows a confidential control.
func (pd *planData) hasConfidential() bool {
	for _, it := range pd.items {
		if it.control.Confidential() {
			return true
		}
	}
	return false
}

// part is a run of controls of the same part (section) of the plan.
type part struct {
	section string
	items   []*item
}

func (pd *planData) parts() []part {
	var out []part
	for _, it := range pd.items {
		s := it.control.Section()
		if n := len(out); n == 0 || out[n-1].section != s {
			out = append(out, part{section: s})
		}
		out[len(out)-1].items = append(out[len(out)-1].items, it)
	}
	return out
}

// lead writes an item's title line: "5. Medel responstid …", marked
// "Sekretess" when confidential (only the internal version shows those).
func lead(d *Doc, c *model.Control) {
	var marks []string
	if c.Confidential() {
		marks = append(marks, Confidential)
	}
	if c.GetString(model.CommonControlField) != "" {
		marks = append(marks, CommonMark)
	}
	d.P("lead", fmt.Sprintf("%d. %s", c.Number(), strings.TrimSpace(c.Title())), marks...)
}

// writePart writes a part of section 1.1: its items in order, the items not
// followed up gathered in one paragraph where the first of them stands.
func (pd *planData) writePart(d *Doc, p part) {
	var skipped, after []*item
	for _, it := range p.items {
		if it.outcome() == model.OutcomeNotPerformed {
			skipped = append(skipped, it)
		} else if len(skipped) > 0 {
			after = append(after, it)
		}
	}
	if p.section != "" && len(skipped) == 0 {
		d.P("", fmt.Sprintf("Följande punkter avser %s.", p.section))
	}
	for _, it := range p.items {
		if it.outcome() != model.OutcomeNotPerformed {
			lead(d, it.control)
			for _, text := range pd.account(it) {
				d.P("", text)
			}
			continue
		}
		if it == skipped[0] {
			text, confidential := pd.notFollowedUp(p.section, skipped, after)
			if confidential {
				d.P("", text, Confidential)
			} else {
				d.P("", text)
			}
		}
	}
}

// notFollowedUp is the paragraph on a part's items that were not followed
// up: "Punkt 1-7 i internkontrollplanen som avser … har inte följts upp då …
// Internkontrollen kommer fortsatt att hanteras av …", one sentence per
// reason, and, for a part taken over by another board, what of it stays
// and is reported below. It is marked confidential when one of its items is.
func (pd *planData) notFollowedUp(section string, skipped, after []*item) (text string, confidential bool) {
	type group struct {
		reason, to string
		numbers    []int
	}
	var groups []*group
	transferred := false
	for _, it := range skipped {
		r := it.lastNotPerformed()
		reason, to := strings.TrimSpace(r.NotPerformedReason()), r.TransferredTo()
		transferred = transferred || to != ""
		var g *group
		for _, x := range groups {
			if x.reason == reason && x.to == to {
				g = x
			}
		}
		if g == nil {
			g = &group{reason: reason, to: to}
			groups = append(groups, g)
		}
		g.numbers = append(g.numbers, it.control.Number())
		confidential = confidential || it.control.Confidential()
	}
	var b strings.Builder
	for i, g := range groups {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString("Punkt " + numberList(g.numbers))
		if i == 0 {
			b.WriteString(" i internkontrollplanen")
			if section != "" {
				b.WriteString(" som avser " + section)
			}
		}
		switch {
		case g.reason == "":
			b.WriteString(" har inte följts upp.")
		case strings.HasPrefix(strings.ToLower(g.reason), "har inte följts upp"):
			b.WriteString(" " + sentence(lowerFirst(g.reason)))
		default:
			b.WriteString(" har inte följts upp. Orsak: " + sentence(g.reason))
		}
		if to := pd.boards[g.to]; to != "" && !containsFold(g.reason, to) {
			b.WriteString(" Internkontrollen kommer fortsatt att hanteras av " + to + ".")
		}
	}
	// a part of the plan that was taken over: say what stays with the board
	if len(after) > 0 && transferred && section != "" {
		if len(after) == 1 {
			b.WriteString(" Den punkt")
		} else {
			b.WriteString(" De punkter")
		}
		var units []string
		for _, it := range after {
			if u := pd.units[it.control.Unit()]; u != "" && !slices.Contains(units, u) {
				units = append(units, u)
			}
		}
		if len(units) > 0 {
			b.WriteString(" som avser " + joinSv(units))
		}
		b.WriteString(" som fortsatt tillhör " + pd.board.Genitive() + " verksamhet avrapporteras nedan.")
	}
	return b.String(), confidential
}

// account is what section 1.1 says about an item: the results' accounts
// (each period named when there are several), else the deviations, and
// the outcome against the target: "Målet är uppnått, ingen avvikelse har
// konstaterats. Responstiden för 2024 är 8,1 minuter." unless the account
// already says so.
func (pd *planData) account(it *item) []string {
	if len(it.results) == 0 {
		return []string{"Resultat har inte rapporterats ännu."}
	}
	var paras []string
	many := len(it.results) > 1
	for _, r := range it.results {
		var texts []string
		if r.Outcome() == model.OutcomeNotPerformed {
			t := "Kontrollen har inte genomförts."
			if reason := strings.TrimSpace(r.NotPerformedReason()); reason != "" {
				t += " " + sentence(upperFirst(reason))
			}
			texts = []string{t}
		} else {
			texts = splitParagraphs(r.Account())
		}
		if many && len(texts) > 0 {
			texts[0] = upperFirst(periodSv(r.Period())) + ": " + texts[0]
		}
		paras = append(paras, texts...)
		if note := pd.samples[r.Control()+"/"+r.Period()]; note != "" {
			paras = append(paras, note)
		}
	}
	if len(paras) == 0 {
		for _, dv := range it.deviations {
			paras = append(paras, splitParagraphs(dv.Description())...)
		}
	}
	outcome := it.outcome()
	all := strings.Join(paras, " ")
	var add []string
	c := it.control
	if m := lastMeasured(it); m != nil && c.TargetOperator() != "" {
		measured := decimalSv(m.MeasuredValue())
		met := m.TargetMet()
		switch {
		case met && outcome == model.OutcomeNoDeviation && !containsFold(all, "målet är uppnått"):
			add = append(add, "Målet är uppnått, ingen avvikelse har konstaterats.")
		case met && !containsFold(all, "målet är uppnått"):
			add = append(add, "Målet är uppnått.")
		case !met && !containsFold(all, "inte uppnått"):
			add = append(add, "Målet är inte uppnått.")
		}
		if !strings.Contains(all, measured) {
			s := fmt.Sprintf("%s för %d är %s", upperFirst(strings.TrimSpace(c.TargetMetric())), pd.year, measured)
			if u := c.TargetUnit(); u != "" {
				s += " " + u
			}
			if !met {
				s += ", målet är " + strings.TrimSpace(model.OperatorSv(c.TargetOperator())+" "+decimalSv(c.TargetValue())+" "+c.TargetUnit())
			}
			add = append(add, s+".")
		}
	} else if len(paras) == 0 && outcome == model.OutcomeNoDeviation {
		add = append(add, "Ingen avvikelse har konstaterats.")
	}
	if len(add) > 0 {
		extra := strings.Join(add, " ")
		if n := len(paras); n > 0 {
			paras[n-1] = sentence(paras[n-1]) + " " + extra
		} else {
			paras = append(paras, extra)
		}
	}
	return paras
}

// lastMeasured is the latest result with a measured value, or nil.
func lastMeasured(it *item) *model.Result {
	for i := len(it.results) - 1; i >= 0; i-- {
		if strings.TrimSpace(it.results[i].MeasuredValue()) != "" {
			return it.results[i]
		}
	}
	return nil
}

// decimalSv writes a stored number with a decimal comma: "8.1" → "8,1".
func decimalSv(s string) string {
	if f, err := model.ParseDecimal(s); err == nil {
		return model.FormatDecimalSv(f)
	}
	return strings.TrimSpace(s)
}

// splitParagraphs splits a text at its blank lines.
func splitParagraphs(s string) []string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// writeActions writes an item's part of section 1.2: its title line and
// each action with owner, deadline as people write it and status. A
// deviation still open without any action is said to have none yet; an
// accepted or handled one without actions is not listed, as in the report.
func (pd *planData) writeActions(d *Doc, it *item) {
	if len(it.actions) == 0 {
		for _, dv := range it.deviations {
			if dv.Status() == model.DeviationOpen {
				lead(d, it.control)
				d.P("note", "Ingen åtgärd har beslutats ännu.")
				return
			}
		}
		return
	}
	if it.outcome() != model.OutcomeDeviation && len(it.deviations) == 0 {
		return // actions not born from a deviation belong to the plan, not to 1.2
	}
	lead(d, it.control)
	for _, a := range it.actions {
		for _, text := range splitParagraphs(a.Description()) {
			d.P("", text)
		}
		d.P("note", pd.actionFacts(a))
	}
}

// actionFacts is an action's owner, deadline and status:
// "Ansvarig: Anders Ansvarig. Tidplan: kvartal 2 2025. Status: Pågår."
func (pd *planData) actionFacts(a *model.Action) string {
	var facts []string
	if o := pd.users[a.Owner()]; o != "" {
		facts = append(facts, "Ansvarig: "+o)
	}
	if dl := a.Deadline(); !dl.IsZero() {
		facts = append(facts, "Tidplan: "+model.FormatDeadline(dl.Time(), a.DeadlinePrecision()))
	}
	status := i18n.T(i18n.Sv, "action.status."+a.Status())
	switch a.Status() {
	case model.ActionDone:
		if on := a.DoneOn(); !on.IsZero() {
			status += " " + on.Time().Format(time.DateOnly)
		}
	case model.ActionCancelled:
		if r := strings.TrimSpace(a.CancelReason()); r != "" {
			status += " – " + strings.TrimSuffix(r, ".")
		}
	case model.ActionContinued:
		status = i18n.T(i18n.Sv, "action.status.continued_in", model.ContinuedYear(pd.year))
	}
	facts = append(facts, "Status: "+status)
	if to := pd.boards[a.TransferredTo()]; to != "" {
		facts = append(facts, "Överförd till "+to)
	}
	return strings.Join(facts, ". ") + "."
}
