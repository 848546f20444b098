package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// planData is a board's plan for a year with everything under it, read in
// a handful of queries, in a version (model.Version): a person's holds the
// controls they may read, the public one no confidential control; what is
// left out is not read at all.
type planData struct {
	board  *model.Board
	plan   *model.Plan
	year   int
	public bool
	items  []*item
	users  map[string]string // user id → name
	boards map[string]string // board id → its name inside a sentence (model.BoardInText)
	units  map[string]string // unit id → name
	risks  map[string]string // risk id → "title (value)"
	// actions of the plan that belong to no control (born from a risk)
	loose []*model.Action
	// samples: the description of each sampled period ("control/period"),
	// as the follow-up prints it (sample_report.go, scope "sample")
	samples map[string]string
}

// item is a control with its results, deviations and actions.
type item struct {
	control    *model.Control
	results    []*model.Result // in period order
	deviations []*model.Deviation
	actions    []*model.Action // under its deviations or the control itself
}

// loadPlan reads the board's plan for the year, with the controls of the
// version v.
func loadPlan(app core.App, boardId string, year int, v model.Version) (*planData, error) {
	board, err := app.FindRecordById(model.Boards, boardId)
	if err != nil {
		return nil, refuse(ErrUnknownBoard, "report.refused.no_board")
	}
	plan, err := app.FindFirstRecordByFilter(model.Plans, "board = {:b} && year = {:y}", dbx.Params{"b": board.Id, "y": year})
	if err != nil {
		return nil, refuse(ErrNoPlan, "report.refused.no_plan", "board", model.AsBoard(board).Name(), "year", year)
	}
	return loadPlanRecord(app, board, plan, v, nil)
}

// loadPlanRecord reads the plan with the controls of the version v — the
// same controls the version's person sees on the plan's pages (a reader's
// leave out the confidential ones: model.PublicControls) — and everything
// under them.
func loadPlanRecord(app core.App, board, plan *core.Record, v model.Version, nm *docNames) (*planData, error) {
	pd := &planData{board: model.AsBoard(board), plan: model.AsPlan(plan), public: v.Public}
	pd.year = pd.plan.Year()
	p := dbx.Params{"p": plan.Id}
	controls, err := v.Controls(app, plan.Id)
	if err != nil {
		return nil, fmt.Errorf("failed to load the controls of plan %s: %w", plan.Id, err)
	}
	byControl := map[string]*item{}
	for _, c := range model.AsControls(controls) {
		it := &item{control: c}
		pd.items = append(pd.items, it)
		byControl[c.Id] = it
	}

	// by the controls' and results' ids: a filter through control.plan made
	// SQLite read every result of every plan, once per plan of a roll-up
	results, err := byField(app, model.Results, "control", access.IDs(controls))
	if err != nil {
		return nil, fmt.Errorf("failed to load the results of plan %s: %w", plan.Id, err)
	}
	resultControl := map[string]string{}
	for _, r := range model.AsResults(results) {
		if it := byControl[r.Control()]; it != nil {
			it.results = append(it.results, r)
			resultControl[r.Id] = it.control.Id
		}
	}
	for _, it := range pd.items {
		slices.SortStableFunc(it.results, func(a, b *model.Result) int {
			return comparePeriods(a.Period(), b.Period())
		})
	}

	deviations, err := byField(app, model.Deviations, "result", access.IDs(results))
	if err != nil {
		return nil, fmt.Errorf("failed to load the deviations of plan %s: %w", plan.Id, err)
	}
	deviationControl := map[string]string{}
	for _, d := range model.AsDeviations(deviations) {
		cid, ok := resultControl[d.Result()]
		if !ok {
			continue
		}
		byControl[cid].deviations = append(byControl[cid].deviations, d)
		deviationControl[d.Id] = cid
	}

	actions, err := app.FindRecordsByFilter(model.Actions, "plan = {:p}", "created", 0, 0, p)
	if err != nil {
		return nil, fmt.Errorf("failed to load the actions of plan %s: %w", plan.Id, err)
	}
	for _, a := range model.AsActions(actions) {
		cid := a.Control()
		if d := a.Deviation(); d != "" {
			cid = deviationControl[d]
		}
		switch {
		case byControl[cid] != nil:
			byControl[cid].actions = append(byControl[cid].actions, a)
		case a.Control() == "" && a.Deviation() == "":
			pd.loose = append(pd.loose, a)
		}
	}

	if nm == nil {
		if nm, err = loadDocNames(app); err != nil {
			return nil, err
		}
	}
	pd.users, pd.boards, pd.units = nm.users, nm.boards, nm.units
	if pd.risks, err = riskNames(app, board.Id, pd.year); err != nil {
		return nil, err
	}
	pd.samples = sampleNotes(app, pd)
	return pd, nil
}

// docNames are the names of every user, board and unit, by id, loaded once
// per document: a roll-up loaded them again for every board's plan. A
// board's is its name inside a sentence ("överförd till
// individ- och arbetsmarknadsnämnden"), the only way documents name
// another board.
type docNames struct{ users, boards, units map[string]string }

func loadDocNames(app core.App) (*docNames, error) {
	var nm docNames
	var err error
	if nm.users, err = nameIndex(app, model.Users); err != nil {
		return nil, err
	}
	if nm.boards, err = nameIndex(app, model.Boards); err != nil {
		return nil, err
	}
	if nm.units, err = nameIndex(app, model.Units); err != nil {
		return nil, err
	}
	return &nm, nil
}

// nameIndex maps the ids of a collection's records to their names (a user
// without a name by their email, a board by its name inside a sentence).
func nameIndex(app core.App, collection string) (map[string]string, error) {
	recs, err := app.FindAllRecords(collection)
	if err != nil {
		return nil, fmt.Errorf("failed to load %s: %w", collection, err)
	}
	out := make(map[string]string, len(recs))
	for _, r := range recs {
		var n string
		switch collection {
		case model.Users:
			if n = model.AsUser(r).Name(); n == "" {
				n = r.Email()
			}
		case model.Boards:
			n = model.BoardInText(r)
		case model.Units:
			n = model.AsUnit(r).Name()
		default:
			return nil, fmt.Errorf("no names for %s", collection)
		}
		out[r.Id] = n
	}
	return out, nil
}

// riskNames maps the board's risks to "title (6: Möjlig × Lindrig)": the
// value of the risk's assessment for the year with the words of its
// probability and consequence from the settings' risk scale.
func riskNames(app core.App, boardId string, year int) (map[string]string, error) {
	risks, err := app.FindRecordsByFilter(model.Risks, "board = {:b}", "", 0, 0, dbx.Params{"b": boardId})
	if err != nil {
		return nil, fmt.Errorf("failed to load the risks: %w", err)
	}
	assessments, err := app.FindRecordsByFilter(model.RiskAssessments, "risk.board = {:b} && year = {:y}", "", 0, 0, dbx.Params{"b": boardId, "y": year})
	if err != nil {
		return nil, fmt.Errorf("failed to load the risk assessments: %w", err)
	}
	words := model.ParseRiskWords(nil, 5)
	if s, err := app.FindRecordsByFilter(model.Settings, "", "created", 1, 0); err == nil && len(s) > 0 {
		set := model.AsSetup(s[0])
		words = model.ParseRiskWords([]byte(set.RiskWords()), set.RiskScale())
	}
	value := map[string]string{}
	for _, a := range model.AsRiskAssessments(assessments) {
		p, c := a.Probability(), a.Consequence()
		v := a.Value()
		if v == 0 {
			v = model.RiskValue(p, c)
		}
		text := strconv.Itoa(v)
		if wp, wc := words.Word(i18n.Sv, model.AxisProbability, p), words.Word(i18n.Sv, model.AxisConsequence, c); wp != "" && wc != "" {
			text += ": " + wp + " × " + wc
		}
		value[a.Risk()] = text
	}
	out := make(map[string]string, len(risks))
	for _, r := range model.AsRisks(risks) {
		n := r.Title()
		if v, ok := value[r.Id]; ok {
			n += " (" + v + ")"
		}
		out[r.Id] = n
	}
	return out, nil
}

// hasResults reports whether any control of the plan has a result.
func (pd *planData) hasResults() bool {
	for _, it := range pd.items {
		if len(it.results) > 0 {
			return true
		}
	}
	return false
}

// outcome is the control's outcome over its results: a deviation in any
// period is a deviation; not followed up only if no period was; "" when
// nothing is reported yet.
func (it *item) outcome() string {
	if len(it.results) == 0 {
		return ""
	}
	out := model.OutcomeNotPerformed
	for _, r := range it.results {
		switch r.Outcome() {
		case model.OutcomeDeviation:
			return model.OutcomeDeviation
		case model.OutcomeNoDeviation:
			out = model.OutcomeNoDeviation
		}
	}
	if len(it.deviations) > 0 {
		return model.OutcomeDeviation
	}
	return out
}

// lastNotPerformed is the latest result that was not followed up.
func (it *item) lastNotPerformed() *model.Result {
	for i := len(it.results) - 1; i >= 0; i-- {
		if it.results[i].Outcome() == model.OutcomeNotPerformed {
			return it.results[i]
		}
	}
	return nil
}

// isOpen reports whether an action is still to be done in its plan: one
// that continues in next year's plan is done with here.
func isOpen(a *model.Action) bool {
	return model.OpenStatus(a.Status())
}

// overdue reports whether an open action's deadline has passed on now.
func overdue(a *model.Action, now time.Time) bool {
	return model.Overdue(a.Deadline().Time(), !isOpen(a), now)
}

// comparePeriods orders periods by where they start, a whole year first.
func comparePeriods(a, b string) int {
	pa, ea := model.ParsePeriod(a)
	pb, eb := model.ParsePeriod(b)
	if ea != nil || eb != nil {
		return cmp.Compare(a, b)
	}
	return cmp.Or(cmp.Compare(pa.Year, pb.Year), cmp.Compare(periodStart(pa), periodStart(pb)), cmp.Compare(pa.N, pb.N))
}

// periodStart is the first month (1-12) of a period.
func periodStart(p model.Period) int {
	size := map[string]int{model.PeriodHalf: 6, model.PeriodTertial: 4, model.PeriodQuarter: 3, model.PeriodMonth: 1}[p.Kind]
	if size == 0 {
		return 0 // a whole year sorts before its parts
	}
	return (p.N-1)*size + 1
}

// periodSv writes a period as people say it: "2024", "kvartal 2 2024",
// "första halvåret 2024", "mars 2024".
func periodSv(s string) string {
	p, err := model.ParsePeriod(s)
	if err != nil {
		return s
	}
	switch p.Kind {
	case model.PeriodHalf:
		if p.N == 1 {
			return fmt.Sprintf("första halvåret %d", p.Year)
		}
		return fmt.Sprintf("andra halvåret %d", p.Year)
	case model.PeriodTertial:
		return fmt.Sprintf("tertial %d %d", p.N, p.Year)
	case model.PeriodQuarter:
		return fmt.Sprintf("kvartal %d %d", p.N, p.Year)
	case model.PeriodMonth:
		return model.FormatDeadline(time.Date(p.Year, time.Month(p.N), 1, 0, 0, 0, 0, time.UTC), model.PrecisionMonth)
	}
	return s
}

// byField lists the records of collection whose field is one of values,
// in the order they were created.
func byField(app core.App, collection, field string, values []string) ([]*core.Record, error) {
	var out []*core.Record
	if len(values) == 0 {
		return out, nil
	}
	in := make([]any, len(values))
	for i, v := range values {
		in[i] = v
	}
	err := app.RecordQuery(collection).AndWhere(dbx.In(collection+"."+field, in...)).
		OrderBy(collection + ".created ASC").All(&out)
	return out, err
}
