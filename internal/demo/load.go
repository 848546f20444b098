package demo

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// ErrNotEmpty is returned when the data folder already holds ikplan data.
var ErrNotEmpty = errors.New("datamappen har redan ikplan-data")

// Loaded is what Load created, for printing and for tests.
type Loaded struct {
	Boards map[string]*core.Record // by key
	Users  map[string]*core.Record // by key
	Plan   *core.Record
}

// Load writes the seed report as a complete data set into an empty data
// folder, all in one transaction through the ordinary hooks, and returns
// what it created. It refuses a folder that already has boards or users.
func Load(app core.App, password string) (*Loaded, error) {
	if utf8.RuneCountInString(password) < model.PasswordMin {
		return nil, fmt.Errorf("lösenordet måste ha minst %d tecken", model.PasswordMin)
	}
	boards, err := app.CountRecords(model.Boards)
	if err != nil {
		return nil, fmt.Errorf("failed to count boards: %w", err)
	}
	users, err := app.CountRecords(model.Users)
	if err != nil {
		return nil, fmt.Errorf("failed to count users: %w", err)
	}
	if boards > 0 || users > 0 {
		return nil, fmt.Errorf("%w (%d nämnder, %d användare); demodata läses bara in i en tom datamapp – välj en ny mapp med --dir", ErrNotEmpty, boards, users)
	}
	out := &Loaded{Boards: map[string]*core.Record{}, Users: map[string]*core.Record{}}
	err = model.RunAs(app, model.System, func(tx core.App) error {
		l := loader{app: tx, out: out, units: map[string]string{}}
		return l.run(password)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

type loader struct {
	app   core.App
	out   *Loaded
	units map[string]string // unit name → id
}

func (l *loader) save(collection string, fields map[string]any) (*core.Record, error) {
	col, err := l.app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	r := core.NewRecord(col)
	for k, v := range fields {
		r.Set(k, v)
	}
	if err := l.app.Save(r); err != nil {
		return nil, fmt.Errorf("failed to save %s %v: %w", collection, fields, err)
	}
	return r, nil
}

// carried is save run as a carry operation (model.RunCarry): the only
// write that may mark a record transferred to another board.
func (l *loader) carried(collection string, fields map[string]any) (rec *core.Record, err error) {
	err = model.RunCarry(l.app, func(tx core.App) error {
		rec, err = (&loader{app: tx, out: l.out, units: l.units}).save(collection, fields)
		return err
	})
	return rec, err
}

func date(s string) any {
	if s == "" {
		return ""
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err) // the demo data is fixed; a bad date is a programming error
	}
	return t
}

func (l *loader) run(password string) error {
	for _, b := range Boards {
		rec, err := l.save(model.Boards, map[string]any{"name": b.Name, "short_name": b.ShortName, model.ExecutiveField: b.Key == "KS"})
		if err != nil {
			return err
		}
		l.out.Boards[b.Key] = rec
		for _, u := range b.Units {
			unit, err := l.save(model.Units, map[string]any{"name": u, "board": rec.Id})
			if err != nil {
				return err
			}
			l.units[u] = unit.Id
		}
	}
	for _, a := range Accounts {
		var boards []string
		for _, k := range a.Boards {
			boards = append(boards, l.out.Boards[k].Id)
		}
		rec, err := l.save(model.Users, map[string]any{
			"email": a.Email, "name": a.Name, "role": a.Role, "boards": boards,
			"password": password, "passwordConfirm": password, "verified": true,
		})
		if err != nil {
			return err
		}
		l.out.Users[a.Key] = rec
	}

	ks := l.out.Boards["KS"]
	plan, err := l.save(model.Plans, map[string]any{
		"board": ks.Id, "year": Year, "title": fmt.Sprintf("Kommunstyrelsens internkontrollplan %d", Year),
	})
	if err != nil {
		return err
	}
	risks, err := l.risks(ks.Id)
	if err != nil {
		return err
	}
	controls := make([]*core.Record, len(Controls))
	for i, c := range Controls {
		rec, err := l.save(model.Controls, map[string]any{
			"risk": risks[c.Key()],
			"plan": plan.Id, "section": c.Section, "number": c.Number, "unit": l.units[c.Unit],
			"title": c.Title, "method": c.Method, "frequency": c.Frequency,
			"owner": l.out.Users[c.Owner].Id, "report_to": "Kommunstyrelsen", "due": date("2024-12-31"),
			"legal_refs": c.LegalRefs, "confidential": c.Confidential,
			"target_metric": c.TargetMetric, "target_operator": c.TargetOp, "target_value": c.TargetValue, "target_unit": c.TargetUnit,
		})
		if err != nil {
			return err
		}
		controls[i] = rec
	}

	// adopt the plan, as the board did before the year began
	plan, err = l.app.FindRecordById(model.Plans, plan.Id)
	if err != nil {
		return err
	}
	adopted := model.AsPlan(plan)
	adopted.SetStatus(model.PlanAdopted)
	adopted.SetAdoptedOn(time.Date(2024, time.January, 29, 0, 0, 0, 0, time.UTC))
	adopted.SetAdoptedRef("KS § 5, dnr KS 2024/0001 (demodata)")
	if err := l.app.Save(plan); err != nil {
		return fmt.Errorf("failed to adopt the demo plan: %w", err)
	}
	l.out.Plan = plan

	for i, c := range Controls {
		fields := map[string]any{
			"control": controls[i].Id, "period": fmt.Sprint(Year), "outcome": c.Outcome,
			"account": c.Account, "measured_value": c.Measured, "not_performed_reason": c.NotPerformed,
		}
		if c.Outcome != model.OutcomeNotPerformed {
			fields["performed_on"] = date(PerformedOn)
			fields["performed_by"] = l.out.Users[c.Owner].Id
		}
		save := l.save
		if c.TransferredTo != "" {
			// the seed's control that went to another board, as the
			// transfer operation records it
			fields["transferred_to"] = l.out.Boards[c.TransferredTo].Id
			save = l.carried
		}
		result, err := save(model.Results, fields)
		if err != nil {
			return err
		}
		for _, d := range c.Deviations {
			dev, err := l.save(model.Deviations, map[string]any{
				"result": result.Id, "description": d.Description, "significant": d.Significant,
				"status": d.Status, "acceptance_reason": d.AcceptanceReason,
			})
			if err != nil {
				return err
			}
			for _, a := range d.Actions {
				fields := map[string]any{
					"deviation": dev.Id, "description": a.Description, "owner": l.out.Users[a.Owner].Id,
					"deadline": date(a.Deadline), "deadline_precision": a.Precision, "status": a.Status, "done_note": a.DoneNote,
				}
				if a.DoneOn != "" {
					// the day it was done, as the report has it; else the
					// server would date it the day the demo is loaded
					fields["done_on"] = date(a.DoneOn)
				}
				if _, err := l.save(model.Actions, fields); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// risks writes the risk register Kommunstyrelsen's plan was built from:
// each risk with its assessment for the plan year, treated by a control.
// It returns the risks' ids by their control's key.
func (l *loader) risks(board string) (map[string]string, error) {
	ids := map[string]string{}
	for _, c := range Controls {
		k, ok := Risks[c.Key()]
		if !ok {
			continue
		}
		risk, err := l.save(model.Risks, map[string]any{
			"board": board, "unit": l.units[c.Unit], "process": k.Process, "category": k.Category,
			"title": k.Title, "description": k.Description, "status": "active",
		})
		if err != nil {
			return nil, err
		}
		if _, err := l.save(model.RiskAssessments, map[string]any{
			"risk": risk.Id, "year": Year, "probability": k.Probability, "consequence": k.Consequence,
			"motivation": k.Motivation, "treatment": "control",
		}); err != nil {
			return nil, err
		}
		ids[c.Key()] = risk.Id
	}
	return ids, nil
}
