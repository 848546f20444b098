package report

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// Memo builds the tjänsteskrivelse that carries a board's follow-up of its
// plan for a year to the board: the date and diarienummer, the ärende, a
// summary with the plan's figures and its significant deviations, the
// proposed decision, the background (6 kap. 6 § kommunallagen and the
// plan's adoption) with the significant deviations and their actions as a
// table, and the decision's basis. It is written from the same data as the
// follow-up and refused as the follow-up is; the public version leaves out
// the confidential controls exactly as the follow-up's does (loadPlan). The
// document is in lang (Swedish, or English for the English UI); the data's
// own texts stay as they were written. now dates it.
func Memo(app core.App, boardId string, year int, public bool, lang string, now time.Time) (*Doc, error) {
	return MemoIn(app, model.Version{Public: public}, boardId, year, lang, now)
}

// MemoIn is Memo with the controls of the version v.
func MemoIn(app core.App, v model.Version, boardId string, year int, lang string, now time.Time) (*Doc, error) {
	pd, err := loadPlan(app, boardId, year, v)
	if err != nil {
		return nil, err
	}
	if !pd.hasResults() {
		return nil, refuse(ErrNoResults, "report.refused.no_results_memo",
			"genitive", upperFirst(pd.board.Genitive()), "board", pd.board.Name(), "year", year)
	}
	return withIssuer(app, memoDoc(pd, i18n.Normalize(lang), now)), nil
}

// memoFigures are the plan's figures the summary gives.
type memoFigures struct {
	controls      int
	performed     int     // with a result other than not performed
	notFollowedUp int     // every result not performed
	unreported    int     // no result yet
	deviating     int     // with a deviation
	significant   []*item // with a deviation of significant importance
}

func (pd *planData) memoFigures() memoFigures {
	f := memoFigures{controls: len(pd.items)}
	for _, it := range pd.items {
		switch it.outcome() {
		case "":
			f.unreported++
		case model.OutcomeNotPerformed:
			f.notFollowedUp++
		default:
			f.performed++
		}
		if it.outcome() == model.OutcomeDeviation {
			f.deviating++
		}
		if len(significantDeviations(it)) > 0 {
			f.significant = append(f.significant, it)
		}
	}
	return f
}

// significantDeviations are an item's deviations of significant importance.
func significantDeviations(it *item) []*model.Deviation {
	var out []*model.Deviation
	for _, d := range it.deviations {
		if d.Significant() {
			out = append(out, d)
		}
	}
	return out
}

func memoDoc(pd *planData, lang string, now time.Time) *Doc {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	name := strings.TrimSpace(pd.board.Name())
	date := model.Today(now).Format(time.DateOnly)
	d := &Doc{
		Title:  t("memo.title"),
		Header: t("memo.header", name, pd.year),
		Lang:   lang,
	}
	if !pd.public && pd.hasConfidential() {
		d.Header += t("memo.header_internal")
	}
	d.P("", t("memo.date", date))
	if dnr := memoDiarienummer(pd.plan); dnr != "" {
		d.P("", t("memo.dnr", dnr))
	} else {
		d.P("", t("memo.dnr", "____________________"))
	}
	d.P("", t("memo.to", upperFirst(name)))

	d.H(1, "arende", t("memo.case", pd.year))

	f := pd.memoFigures()
	d.H(2, "sammanfattning", t("memo.summary"))
	d.P("", pd.memoSummary(lang, f))

	d.H(2, "forslag-till-beslut", t("memo.proposal"))
	d.P("", t("memo.proposal_text", upperFirst(model.BoardInTextIn(lang, pd.board.Record)), pd.year))

	d.H(2, "arendet", t("memo.background"))
	d.P("", t("memo.law"))
	if on := pd.plan.AdoptedOn(); !on.IsZero() {
		adopted := t("memo.adopted", upperFirst(model.BoardInTextIn(lang, pd.board.Record)), pd.year, on.Time().Format(time.DateOnly))
		if ref := strings.TrimSpace(pd.plan.AdoptedRef()); ref != "" {
			adopted += ", " + ref
		}
		d.P("", sentence(adopted))
	}
	d.P("", t("memo.followup_says", pd.year))
	d.H(3, "vasentliga-avvikelser", t("memo.significant"))
	if len(f.significant) == 0 {
		d.P("", t("memo.no_significant"))
	} else {
		d.P("", t("memo.significant_intro"))
		d.T(pd.memoTable(lang, f.significant))
	}

	d.H(2, "beslutsunderlag", t("memo.basis"))
	d.P("", t("memo.basis_memo", date))
	d.P("", followUpDoc(pd).Title+", "+date)
	return d
}

// memoSummary is the summary: the plan's controls, how many were performed,
// not followed up or not reported yet, how many had deviations and which
// had deviations of significant importance.
func (pd *planData) memoSummary(lang string, f memoFigures) string {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	n := func(key string, count int) string { return i18n.N(lang, key, count, count) }
	name := strings.TrimSpace(pd.board.Name())
	var b strings.Builder
	if lang == i18n.En {
		b.WriteString(t("memo.summary_plan", upperFirst(name), pd.year, n("memo.controls", f.controls)))
	} else {
		b.WriteString(t("memo.summary_plan", upperFirst(pd.board.Genitive()), pd.year, n("memo.controls", f.controls)))
	}
	parts := []string{n("memo.performed", f.performed)}
	if f.notFollowedUp > 0 {
		parts = append(parts, n("memo.not_followed_up", f.notFollowedUp))
	}
	if f.unreported > 0 {
		parts = append(parts, n("memo.unreported", f.unreported))
	}
	b.WriteString(" " + t("memo.summary_of_these", joinLang(lang, parts)))
	switch {
	case f.deviating == 0:
		b.WriteString(" " + t("memo.summary_no_deviations"))
	case len(f.significant) == 0:
		b.WriteString(" " + t("memo.summary_deviations", n("memo.controls", f.deviating)) + " " + t("memo.summary_none_significant"))
	default:
		var titles []string
		for _, it := range f.significant {
			titles = append(titles, fmt.Sprintf("%s (%s)", strings.TrimSpace(it.control.Title()), t("memo.point", it.control.Number())))
		}
		b.WriteString(" " + t("memo.summary_deviations", n("memo.controls", f.deviating)) + " " +
			t("memo.summary_significant", n("memo.controls", len(f.significant)), joinLang(lang, titles)))
	}
	return b.String()
}

// memoColumns are the keys of the significant deviations' table's columns.
var memoColumns = []string{"memo.col_control", "memo.col_deviation", "memo.col_action", "memo.col_owner", "memo.col_due", "memo.col_status"}

var memoWidths = []float64{19, 21, 25, 13, 12, 10}

// memoTable lists each significant deviation with its actions, one row per
// action (owner, deadline as people write it, status); a deviation without
// an action has one row that says so, or why it was accepted.
func (pd *planData) memoTable(lang string, items []*item) Table {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	tb := Table{Caption: t("memo.table_caption", pd.year), Widths: memoWidths}
	for _, k := range memoColumns {
		tb.Header = append(tb.Header, t(k))
	}
	for _, it := range items {
		c := it.control
		title := fmt.Sprintf("%d. %s", c.Number(), strings.TrimSpace(c.Title()))
		if c.Confidential() {
			title += " (" + strings.ToLower(t("memo.confidential")) + ")"
		}
		for _, dv := range significantDeviations(it) {
			desc := strings.Join(splitParagraphs(dv.Description()), " ")
			var acts []*model.Action
			for _, a := range it.actions {
				if a.Deviation() == dv.Id {
					acts = append(acts, a)
				}
			}
			if len(acts) == 0 {
				none := t("memo.no_action")
				if dv.Status() == model.DeviationAccepted {
					none = t("memo.accepted", sentence(strings.TrimSpace(dv.AcceptanceReason())))
				}
				tb.Rows = append(tb.Rows, []string{title, desc, strings.TrimSpace(none), "", "", t("deviation.status." + dv.Status())})
				continue
			}
			for _, a := range acts {
				tb.Rows = append(tb.Rows, []string{title, desc,
					strings.Join(splitParagraphs(a.Description()), " "),
					pd.users[a.Owner()], memoDeadline(lang, a), pd.memoStatus(lang, a)})
			}
		}
	}
	return tb
}

// memoDeadline is an action's deadline as people write it, in lang.
func memoDeadline(lang string, a *model.Action) string {
	dl := a.Deadline()
	if dl.IsZero() {
		return ""
	}
	if lang == i18n.En {
		return model.FormatDeadlineEnglish(dl.Time(), a.DeadlinePrecision())
	}
	return model.FormatDeadline(dl.Time(), a.DeadlinePrecision())
}

// memoStatus is an action's status in lang: a done one with its date, a
// continued one with the year it continues in.
func (pd *planData) memoStatus(lang string, a *model.Action) string {
	status := a.Status()
	switch status {
	case model.ActionContinued:
		return i18n.T(lang, "action.status.continued_in", model.ContinuedYear(pd.year))
	case model.ActionDone:
		if on := a.DoneOn(); !on.IsZero() {
			return i18n.T(lang, "action.status.done") + " " + on.Time().Format(time.DateOnly)
		}
	}
	return i18n.T(lang, "action.status."+status)
}

// dnrPattern finds a diarienummer in a reference: "KS § 12, dnr KS 2025/0012".
var dnrPattern = regexp.MustCompile(`(?i)\bdnr\.?:?\s*([^,;()]+)`)

// memoDiarienummer is the diarienummer of the plan's report-back, when its
// reference names one ("" leaves a line to fill in).
func memoDiarienummer(plan *model.Plan) string {
	if m := dnrPattern.FindStringSubmatch(plan.ReportedRef()); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}

// joinLang joins words as lang does: "a, b och c" or "a, b and c".
func joinLang(lang string, words []string) string {
	if lang != i18n.En || len(words) < 2 {
		return joinSv(words)
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
