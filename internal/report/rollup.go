package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// RollUpColumns are the columns of the roll-up's summary table.
var RollUpColumns = []string{
	"Nämnd", "Kontrollpunkter", "Med resultat", "Genomförda", "Avvikelser",
	"Varav väsentliga", "Öppna åtgärder", "Försenade åtgärder",
}

// Summary is a board's figures in the roll-up.
type Summary struct {
	Board       string
	Controls    int // controls in the plan
	Reported    int // controls with at least one result
	Performed   int // controls with a result other than not performed
	Deviations  int
	Significant int // deviations of significant importance
	OpenActions int // planned or in progress
	Overdue     int // open actions whose deadline has passed on now
}

func (s Summary) row() []string {
	return []string{s.Board, strconv.Itoa(s.Controls), strconv.Itoa(s.Reported), strconv.Itoa(s.Performed),
		strconv.Itoa(s.Deviations), strconv.Itoa(s.Significant), strconv.Itoa(s.OpenActions), strconv.Itoa(s.Overdue)}
}

func (s *Summary) add(o Summary) {
	s.Controls += o.Controls
	s.Reported += o.Reported
	s.Performed += o.Performed
	s.Deviations += o.Deviations
	s.Significant += o.Significant
	s.OpenActions += o.OpenActions
	s.Overdue += o.Overdue
}

// summarize counts a plan's figures; an action is overdue on now.
func (pd *planData) summarize(now time.Time) Summary {
	s := Summary{Board: pd.board.Name(), Controls: len(pd.items)}
	actions := slices.Clone(pd.loose)
	for _, it := range pd.items {
		if len(it.results) > 0 {
			s.Reported++
		}
		if o := it.outcome(); o != "" && o != model.OutcomeNotPerformed {
			s.Performed++
		}
		s.Deviations += len(it.deviations)
		for _, d := range it.deviations {
			if d.Significant() {
				s.Significant++
			}
		}
		actions = append(actions, it.actions...)
	}
	for _, a := range actions {
		if isOpen(a) {
			s.OpenActions++
		}
		if overdue(a, now) {
			s.Overdue++
		}
	}
	return s
}

// RollUp builds kommunstyrelsen's roll-up for a year over every board with
// a plan that year: a summary table per board (controls, results,
// deviations, significant ones, open and overdue actions on now) followed
// by each board's follow-up, each on a new page.
func RollUp(app core.App, year int, public bool, now time.Time) (*Doc, error) {
	boards, err := app.FindAllRecords(model.Boards)
	if err != nil {
		return nil, fmt.Errorf("failed to load the boards: %w", err)
	}
	return RollUpOf(app, boards, year, model.Version{Public: public}, now)
}

// RollUpOf is RollUp over the given boards only (those a user may see),
// with the controls of the version v.
func RollUpOf(app core.App, boards []*core.Record, year int, v model.Version, now time.Time) (*Doc, error) {
	boards = slices.Clone(boards)
	slices.SortFunc(boards, func(a, b *core.Record) int { return strings.Compare(model.AsBoard(a).Name(), model.AsBoard(b).Name()) })
	var plans []*planData
	var without []string
	var withoutRecs []*core.Record
	nm, err := loadDocNames(app)
	if err != nil {
		return nil, err
	}
	for _, b := range boards {
		plan, err := app.FindFirstRecordByFilter(model.Plans, "board = {:b} && year = {:y}", dbx.Params{"b": b.Id, "y": year})
		if err != nil {
			if model.BoardActiveIn(b, year) {
				without = append(without, BoardInText(b))
				withoutRecs = append(withoutRecs, b)
			}
			continue
		}
		pd, err := loadPlanRecord(app, b, plan, v, nm)
		if err != nil {
			return nil, err
		}
		plans = append(plans, pd)
	}
	if len(plans) == 0 {
		return nil, refuse(ErrNoPlan, "report.refused.rollup_no_plan", "year", year)
	}

	d := &Doc{
		Title:  fmt.Sprintf("Sammanställning av nämndernas internkontroll %d", year),
		Header: fmt.Sprintf("Sammanställning av internkontroll %d", year),
		Lang:   i18n.Sv,
	}
	if !v.Public {
		d.Header += " – intern version"
	}
	d.H(1, "sammanfattning", "Sammanfattning")
	t := Table{Caption: fmt.Sprintf("Nämndernas internkontroll %d", year), Header: RollUpColumns, Widths: []float64{24, 11, 11, 11, 11, 11, 11, 11}}
	var total Summary
	for _, pd := range plans {
		s := pd.summarize(now)
		total.add(s)
		t.Rows = append(t.Rows, s.row())
	}
	if len(plans) > 1 {
		total.Board = "Totalt"
		t.Rows = append(t.Rows, total.row())
	}
	d.T(t)
	d.P("note", fmt.Sprintf("Försenade åtgärder är räknade per %s. Genomförda är kontrollpunkter med resultat där kontrollen inte angetts som ej genomförd.", now.Format(time.DateOnly)))
	if len(without) > 0 {
		d.P("", fmt.Sprintf("Ingen internkontrollplan för %d finns för %s.", year, joinSv(without)))
	}
	common, err := commonSection(app, plans, withoutRecs, year, v.Public)
	if err != nil {
		return nil, err
	}
	d.Blocks = append(d.Blocks, common...)
	for i, pd := range plans {
		d.Break()
		prefix := fmt.Sprintf("n%d-", i+1)
		if !pd.hasResults() {
			d.H(1, prefix+"uppfoljning", fmt.Sprintf("Uppföljning av %s internkontrollplan %d", pd.board.Genitive(), year))
			d.P("", "Planen har inga resultat ännu.")
			continue
		}
		f := followUpDoc(pd)
		d.H(1, prefix+"uppfoljning", f.Title)
		for _, b := range f.Blocks {
			if b.Heading != nil {
				h := *b.Heading
				h.Level++
				h.Id = prefix + h.Id
				b.Heading = &h
			}
			d.Blocks = append(d.Blocks, b)
		}
	}
	return withIssuer(app, d), nil
}
