// Package gen generates a large, realistic ikplan data set for measuring
// the application at municipal and national scale: boards with units and
// users, risks with yearly assessments, and a plan per board and year with
// controls, results, deviations and actions, older plans reported and
// archived. Every record is written with app.Save as the system actor, so
// the hooks check it and write its history like any other write.
//
// The data depend only on the random source and the given time: the same
// seed and the same now give the same boards, titles, outcomes and texts.
package gen

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// ErrNotEmpty is returned when the data folder already holds boards or users.
var ErrNotEmpty = errors.New("datamappen har redan ikplan-data")

// Options is the size of the data set and where progress goes.
type Options struct {
	Boards   int       // number of boards (nämnder)
	Years    int       // number of plan years, ending with now's year
	Controls int       // controls per plan
	Password string    // password of every account, at least model.PasswordMin characters
	Progress io.Writer // one line per board and year; nil for none
}

// Summary counts what Run created.
type Summary struct {
	Boards, Units, Users, Risks, Assessments      int
	Plans, Controls, Results, Deviations, Actions int
	Significant, NotPerformed, Overdue            int
	ActionsByStatus                               map[string]int
	PlansByStatus                                 map[string]int
	Elapsed                                       time.Duration
}

// DemoAccounts are the four accounts of the demo, with the generated password.
var DemoAccounts = []struct{ Email, Name, Role string }{
	{"samordnare@ikplan.test", "Sanna Samordnare", model.RoleCoordinator},
	{"ansvarig@ikplan.test", "Anders Ansvarig", model.RoleOwner},
	{"lasare@ikplan.test", "Lars Läsare", model.RoleReader},
	{"revisor@ikplan.test", "Rebecka Revisor", model.RoleAuditor},
}

type board struct {
	rec    *core.Record
	name   string
	short  string
	units  []*core.Record
	owners []*core.Record // users who may own controls and actions
	risks  []*core.Record
}

type generator struct {
	app   core.App // the transaction in progress
	rng   *rand.Rand
	now   time.Time
	today time.Time
	opts  Options
	sum   *Summary
	start time.Time

	cols   map[string]*core.Collection
	hash   string // the password's bcrypt hash, computed once
	boards []*board
	turn   int // cycles action statuses so that every status occurs
}

// Run writes the data set into app, which must have no boards and no users.
func Run(app core.App, rng *rand.Rand, now time.Time, opts Options) (*Summary, error) {
	if utf8.RuneCountInString(opts.Password) < model.PasswordMin {
		return nil, fmt.Errorf("lösenordet måste ha minst %d tecken", model.PasswordMin)
	}
	if opts.Boards < 1 || opts.Years < 1 || opts.Controls < 1 {
		return nil, fmt.Errorf("ange minst en nämnd, ett år och en kontrollpunkt")
	}
	if opts.Controls > 9999 {
		return nil, fmt.Errorf("högst 9999 kontrollpunkter per plan")
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
		return nil, fmt.Errorf("%w (%d nämnder, %d användare); data genereras bara i en tom datamapp – välj en ny mapp med --dir", ErrNotEmpty, boards, users)
	}
	g := &generator{
		rng: rng, now: now, today: model.DateOnly(now), opts: opts, start: time.Now(),
		sum:  &Summary{ActionsByStatus: map[string]int{}, PlansByStatus: map[string]int{}},
		cols: map[string]*core.Collection{},
	}
	for _, name := range []string{model.Boards, model.Units, model.Users, model.Risks, model.RiskAssessments,
		model.Plans, model.Controls, model.Results, model.Deviations, model.Actions} {
		col, err := app.FindCachedCollectionByNameOrId(name)
		if err != nil {
			return nil, err
		}
		g.cols[name] = col
	}
	if err := g.in(app, g.organisation); err != nil {
		return nil, err
	}
	g.progress("%d nämnder, %d förvaltningar, %d användare, %d risker med %d bedömningar",
		g.sum.Boards, g.sum.Units, g.sum.Users, g.sum.Risks, g.sum.Assessments)
	last := now.Year()
	for _, b := range g.boards {
		for year := last - opts.Years + 1; year <= last; year++ {
			before := *g.sum
			if err := g.in(app, func() error { return g.plan(b, year, last-year) }); err != nil {
				return nil, fmt.Errorf("%s %d: %w", b.name, year, err)
			}
			g.progress("%s %d: %d kontrollpunkter, %d resultat, %d avvikelser, %d åtgärder",
				b.short, year, g.sum.Controls-before.Controls, g.sum.Results-before.Results,
				g.sum.Deviations-before.Deviations, g.sum.Actions-before.Actions)
		}
	}
	g.sum.Elapsed = time.Since(g.start)
	return g.sum, nil
}

// in runs fn in one transaction as the system actor.
func (g *generator) in(app core.App, fn func() error) error {
	return model.RunAs(app, model.System, func(tx core.App) error {
		g.app = tx
		defer func() { g.app = nil }()
		return fn()
	})
}

func (g *generator) progress(format string, args ...any) {
	if g.opts.Progress == nil {
		return
	}
	fmt.Fprintf(g.opts.Progress, "[%6.1f s] "+format+"\n", append([]any{time.Since(g.start).Seconds()}, args...)...)
}

// save creates a record of the collection through the hooks.
func (g *generator) save(collection string, fields map[string]any) (*core.Record, error) {
	r := core.NewRecord(g.cols[collection])
	for k, v := range fields {
		r.Set(k, v)
	}
	if err := g.app.Save(r); err != nil {
		return nil, fmt.Errorf("failed to save %s: %w", collection, err)
	}
	return r, nil
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *generator) chance(p float64) bool { return g.rng.Float64() < p }

// organisation writes the boards, their units, users and risks, and the
// demo accounts.
func (g *generator) organisation() error {
	for i := 0; i < g.opts.Boards; i++ {
		bn := boardNames[i%len(boardNames)]
		name, short := bn.name, bn.short
		if n := i / len(boardNames); n > 0 {
			name, short = fmt.Sprintf("%s %d", name, n+1), fmt.Sprintf("%s%d", short, n+1)
		}
		rec, err := g.save(model.Boards, map[string]any{"name": name, "short_name": short})
		if err != nil {
			return err
		}
		b := &board{rec: rec, name: name, short: short}
		for _, k := range g.rng.Perm(len(unitNames))[:3+g.rng.IntN(4)] {
			u, err := g.save(model.Units, map[string]any{"name": unitNames[k], "board": rec.Id})
			if err != nil {
				return err
			}
			b.units = append(b.units, u)
		}
		g.boards = append(g.boards, b)
		g.sum.Boards++
		g.sum.Units += len(b.units)
	}

	all := make([]string, len(g.boards))
	for i, b := range g.boards {
		all[i] = b.rec.Id
	}
	for _, a := range DemoAccounts {
		boards := all
		if a.Role == model.RoleOwner {
			boards = all[:1]
		}
		u, err := g.user(a.Email, a.Name, a.Role, boards)
		if err != nil {
			return err
		}
		switch a.Role {
		case model.RoleCoordinator:
			for _, b := range g.boards {
				b.owners = append(b.owners, u)
			}
		case model.RoleOwner:
			g.boards[0].owners = append(g.boards[0].owners, u)
		}
	}

	for i, b := range g.boards {
		n := i + 1
		people := []struct{ local, role string }{
			{"samordnare", model.RoleCoordinator}, {"lasare", model.RoleReader}, {"revisor", model.RoleAuditor},
		}
		for k := 1; k <= 7; k++ {
			people = append(people, struct{ local, role string }{fmt.Sprintf("agare%d", k), model.RoleOwner})
		}
		for _, p := range people {
			name := g.pick(firstNames) + " " + g.pick(lastNames)
			u, err := g.user(fmt.Sprintf("%s.b%d@ikplan.test", p.local, n), name, p.role, []string{b.rec.Id})
			if err != nil {
				return err
			}
			if p.role == model.RoleOwner || p.role == model.RoleCoordinator {
				b.owners = append(b.owners, u)
			}
		}
		if err := g.riskPortfolio(b); err != nil {
			return err
		}
	}
	return nil
}

// user saves an account. The first one is hashed by PocketBase; every later
// one gets the same bcrypt hash, as hashing takes a good part of a second.
func (g *generator) user(email, name, role string, boards []string) (*core.Record, error) {
	r := core.NewRecord(g.cols[model.Users])
	u := model.AsUser(r)
	u.SetEmail(email)
	u.SetName(name)
	u.SetRole(role)
	u.SetBoards(boards)
	u.SetVerified(true)
	if g.hash == "" {
		u.SetPassword(g.opts.Password)
	} else {
		r.SetRaw(core.FieldNamePassword, &core.PasswordFieldValue{Hash: g.hash})
	}
	if err := g.app.Save(r); err != nil {
		return nil, fmt.Errorf("failed to save the user %s: %w", email, err)
	}
	if g.hash == "" {
		g.hash = r.GetString(core.FieldNamePassword + ":hash")
	}
	g.sum.Users++
	return r, nil
}

// riskPortfolio writes 4–8 risks of the board, each assessed every year.
func (g *generator) riskPortfolio(b *board) error {
	last := g.now.Year()
	for _, k := range g.rng.Perm(len(riskTitles))[:4+g.rng.IntN(5)] {
		rt := riskTitles[k]
		risk, err := g.save(model.Risks, map[string]any{
			"board": b.rec.Id, "unit": b.units[g.rng.IntN(len(b.units))].Id, "title": rt.title,
			"category": rt.category, "process": g.pick(unitNames), "status": "active",
			"description": "Risken att " + lower(rt.title) + " leder till fel, förlust av förtroende eller sanktioner.",
		})
		if err != nil {
			return err
		}
		b.risks = append(b.risks, risk)
		g.sum.Risks++
		p, c := 1+g.rng.IntN(5), 1+g.rng.IntN(5)
		for year := last - g.opts.Years + 1; year <= last; year++ {
			p, c = clamp(p+g.rng.IntN(3)-1), clamp(c+g.rng.IntN(3)-1)
			if _, err := g.save(model.RiskAssessments, map[string]any{
				"risk": risk.Id, "year": year, "probability": p, "consequence": c,
				"treatment": g.pick(treatments), "motivation": fmt.Sprintf("Bedömd vid riskanalysen inför %d.", year),
			}); err != nil {
				return err
			}
			g.sum.Assessments++
		}
	}
	return nil
}

func clamp(n int) int { return min(max(n, 1), 5) }

func lower(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}
