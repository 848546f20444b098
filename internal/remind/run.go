// Package remind remembers for people: it selects the controls and actions
// someone has yet to finish, sends each person one reminder digest a day
// (and each coordinator one digest of their boards' overdue items), and
// writes each person's calendar feed. The job takes the time as an argument
// and never reads the clock.
package remind

import (
	"fmt"
	"io"
	"log/slog"
	"net/mail"
	"runtime/debug"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Stockholm on any server

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/mailer"

	"ikplan/internal/model"
)

// Summary is what a run did.
type Summary struct {
	Emails  int // e-mails sent, or that a dry run would send
	Items   int // reminders in them
	Failed  int // e-mails that could not be sent (or put together); they are tried again on the next run
	Skipped int // people with reminders due but no e-mail address
	// e-mails held back because no application URL is set: their links
	// would lead nowhere; they are sent on the first run after it is set
	NoURL int
}

// Run sends the reminder digests due on the day of now (in Sweden): to each
// user one e-mail of their own controls and actions that are due soon, due
// today or overdue, and to each coordinator one digest of the overdue items
// of their boards. A reminder already recorded in the reminders collection
// is not sent again; one that is sent is recorded. A failing address is
// logged and left unrecorded, so the next run tries again, and the others
// are sent all the same. With dryRun it only writes to out who would get
// what. It writes a line to out for each e-mail; a panic is recovered and
// returned as an error, so the job can never stop the server.
func Run(app core.App, now time.Time, dryRun bool, out io.Writer) (sum Summary, err error) {
	defer func() {
		if r := recover(); r != nil {
			app.Logger().Error("reminders: the job panicked", slog.Any("panic", r), slog.String("stack", string(debug.Stack())))
			err = fmt.Errorf("the reminder job stopped: %v", r)
		}
	}()
	j := &job{app: app, now: now, dryRun: dryRun, out: out, days: Days(app), appURL: model.AppURL(app),
		boards: map[string]string{}, names: map[string]string{}}
	if j.appURL == "" && !dryRun {
		app.Logger().Warn("reminders: none are sent until the application URL is set (Settings → Application → Application URL in /_/): their links would lead nowhere")
	}
	users, err := app.FindRecordsByFilter(model.Users, "id != ''", "name,email", 0, 0)
	if err != nil {
		return sum, fmt.Errorf("failed to list the users: %w", err)
	}
	for _, u := range users {
		j.names[u.Id] = nameOf(u)
	}
	for _, u := range users {
		j.safely(u, j.personal)
	}
	for _, u := range users {
		if model.AsUser(u).Role() == model.RoleCoordinator {
			j.safely(u, j.digest)
		}
	}
	return j.sum, nil
}

// safely runs one person's part of the job; a panic there is logged and
// counted as a failure, and the others still get theirs.
func (j *job) safely(u *core.Record, part func(*core.Record)) {
	defer func() {
		if r := recover(); r != nil {
			j.fail(u, "panicked", fmt.Errorf("%v\n%s", r, debug.Stack()))
		}
	}()
	part(u)
}

// job is one run.
type job struct {
	app    core.App
	now    time.Time
	dryRun bool
	out    io.Writer
	days   []int
	appURL string
	sum    Summary
	boards map[string]string // plan id → board name
	names  map[string]string // user id → name
}

// personal sends a user the reminders of their own items.
func (j *job) personal(u *core.Record) {
	items, err := Open(As(j.app, u), u.Id, Horizon(j.days, j.now))
	if err != nil {
		j.fail(u, "failed to select the items", err)
		return
	}
	due := j.unsent(Select(items, j.days, j.now), u.Id, "")
	if len(due) > 0 {
		j.deliver(u, personal(nameOf(u), due, j.appURL), due, "")
	}
}

// digest sends a coordinator the overdue items of their boards.
func (j *job) digest(u *core.Record) {
	items, err := Open(As(j.app, u), "", Today(j.now))
	if err != nil {
		j.fail(u, "failed to select the items of the boards", err)
		return
	}
	var overdue []Due
	for _, d := range Select(items, j.days, j.now) {
		if d.Kind == Overdue {
			overdue = append(overdue, d)
		}
	}
	const prefix = "boards:" // the digest is another reminder than the person's own
	due := j.unsent(overdue, u.Id, prefix)
	if len(due) == 0 {
		return
	}
	for _, d := range due {
		j.boardOf(d.Plan)
	}
	j.deliver(u, digest(nameOf(u), due, j.boards, j.names, j.appURL), due, prefix)
}

// unsent leaves out the reminders already recorded for the recipient.
func (j *job) unsent(due []Due, recipient, prefix string) []Due {
	var out []Due
	for _, d := range due {
		n, err := j.app.CountRecords(model.Reminders, dbx.HashExp{
			"target_collection": d.Collection, "target": d.Id, "kind": d.Kind,
			"recipient": recipient, "key": prefix + d.Key,
		})
		if err != nil || n == 0 {
			out = append(out, d)
		}
	}
	return out
}

// deliver sends one letter and records its reminders, or in a dry run
// only says what it would send.
func (j *job) deliver(u *core.Record, l letter, due []Due, prefix string) {
	to := nameOf(u) + " <" + u.Email() + ">"
	if u.Email() == "" {
		j.sum.Skipped++
		j.app.Logger().Warn("reminders: a user has no e-mail address", slog.String("user", u.Id), slog.String("name", nameOf(u)))
		fmt.Fprintf(j.out, "Ingen e-postadress, hoppar över: %s (%s)\n", nameOf(u), Reminders(len(due)))
		return
	}
	verb := "Skickat till"
	if j.dryRun {
		verb = "Skulle skicka till"
	}
	if j.appURL == "" {
		// not recorded: sent on the first run once the address is known
		j.sum.NoURL++
		if !j.dryRun {
			fmt.Fprintf(j.out, "Webbadressen saknas, skickar inte till %s (%s)\n", to, Reminders(len(due)))
			return
		}
	}
	if !j.dryRun {
		meta := j.app.Settings().Meta
		err := j.app.NewMailClient().Send(&mailer.Message{
			From:    mail.Address{Name: meta.SenderName, Address: meta.SenderAddress},
			To:      []mail.Address{{Name: nameOf(u), Address: u.Email()}},
			Subject: l.Subject, HTML: l.HTML(), Text: l.Text(),
			Headers: autoHeaders,
		})
		if err != nil {
			j.fail(u, "failed to send", err)
			fmt.Fprintf(j.out, "Kunde inte skicka till %s: %v (försöker igen nästa gång)\n", to, err)
			return
		}
		if err := j.record(u.Id, due, prefix); err != nil {
			j.app.Logger().Error("reminders: sent but failed to record", slog.String("user", u.Id), slog.String("error", err.Error()))
		}
		j.app.Logger().Info("reminders: sent", slog.String("user", u.Id), slog.Int("items", len(due)))
	}
	j.sum.Emails++
	j.sum.Items += len(due)
	fmt.Fprintf(j.out, "%s %s – %s\n", verb, to, l.Subject)
	for _, g := range l.Groups {
		for _, e := range g.Entries {
			fmt.Fprintf(j.out, "  %s: %s – %s\n", g.Heading, shorten(e.Title, 100), e.When)
			if e.Owner != "" {
				fmt.Fprintf(j.out, "    %s\n", e.Owner)
			}
			fmt.Fprintf(j.out, "    %s\n", e.URL)
		}
	}
}

// record writes the reminders that were sent, as the system.
func (j *job) record(recipient string, due []Due, prefix string) error {
	return model.RunAs(j.app, model.System, func(tx core.App) error {
		col, err := tx.FindCachedCollectionByNameOrId(model.Reminders)
		if err != nil {
			return err
		}
		for _, d := range due {
			r := model.AsReminder(core.NewRecord(col))
			r.SetTargetCollection(d.Collection)
			r.SetTarget(d.Id)
			r.SetKind(d.Kind)
			r.SetRecipient(recipient)
			r.SetKey(prefix + d.Key)
			r.SetSentAt(j.now.UTC())
			if err := tx.Save(r); err != nil {
				return fmt.Errorf("failed to record the %s reminder of %s %s: %w", d.Kind, d.Collection, d.Id, err)
			}
		}
		return nil
	})
}

func (j *job) fail(u *core.Record, what string, err error) {
	j.sum.Failed++
	j.app.Logger().Warn("reminders: "+what, slog.String("user", u.Id), slog.String("email", u.Email()), slog.String("error", err.Error()))
}

// boardOf finds (once) the name of the board of a plan.
func (j *job) boardOf(plan string) {
	if _, ok := j.boards[plan]; ok {
		return
	}
	j.boards[plan] = "Okänd nämnd"
	if p, err := j.app.FindRecordById(model.Plans, plan); err == nil {
		if b, err := j.app.FindRecordById(model.Boards, model.AsPlan(p).Board()); err == nil {
			j.boards[plan] = model.AsBoard(b).Name()
		}
	}
}

func nameOf(u *core.Record) string {
	if n := strings.TrimSpace(model.AsUser(u).Name()); n != "" {
		return n
	}
	if e := u.Email(); e != "" {
		return e
	}
	return u.Id
}
