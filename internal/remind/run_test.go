package remind_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/proof/testapp"
)

const (
	owner       = "ansvarig@ikplan.test"
	coordinator = "samordnare@ikplan.test"
	site        = "https://ikplan.example.se"
)

// run runs the job on the day and fails the test on an error.
func run(t testing.TB, app core.App, day string) (remind.Summary, string) {
	t.Helper()
	var out bytes.Buffer
	sum, err := remind.Run(app, at(day), false, &out)
	if err != nil {
		t.Fatalf("Expected the job to run on %s, got %v\n%s", day, err, out.String())
	}
	return sum, out.String()
}

// recorded lists the reminders recorded for a recipient as "kind key".
func recorded(t testing.TB, app core.App, recipient string) []string {
	t.Helper()
	rs, err := app.FindRecordsByFilter(model.Reminders, "recipient = {:r}", "created,key", 0, 0, dbx.Params{"r": recipient})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rs {
		out = append(out, r.GetString("kind")+" "+r.GetString("key"))
	}
	return out
}

func contains(t testing.TB, what, s string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(s, w) {
			t.Errorf("Expected %q in the %s, got\n%s", w, what, s)
		}
	}
}

func TestRunSendsEachReminderOnce(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	box := startSMTP(t)
	app := newApp(t, box)
	link := site + "/controls/" + f.Controls["2"] + "#action-" + f.Actions["2"]
	// the confidential action 12, overdue, is reminded of every week (its
	// own tests); done here, so that only action 2 is due
	if err := testapp.Update(app, model.Actions, f.Actions["12"], map[string]any{"status": "done", "done_note": "Regelverket är omskrivet."}); err != nil {
		t.Fatal(err)
	}

	sum, _ := run(t, app, "2025-06-20")
	if sum != (remind.Summary{Emails: 1, Items: 1}) {
		t.Fatalf("Expected one e-mail with one reminder, got %+v", sum)
	}
	mails := box.Mails()
	if len(mails) != 1 {
		t.Fatalf("Expected 1 e-mail, got %d: %+v", len(mails), mails)
	}
	m := mails[0]
	if !slices.Equal(m.To, []string{owner}) || m.From != "ikplan@kommun.example" {
		t.Fatalf("Expected an e-mail from ikplan@kommun.example to %s, got from %s to %v", owner, m.From, m.To)
	}
	if m.Subject != "ikplan: 1 ska snart vara klar" {
		t.Fatalf("Expected the subject %q, got %q", "ikplan: 1 ska snart vara klar", m.Subject)
	}
	autoSubmitted(t, mails)
	contains(t, "plain text", m.Text, "Hej Anders Ansvarig!", "Ska snart vara klart",
		"Åtgärd: Excelfil har tagits fram för att varje medarbetare", "Slutdatum: kvartal 2 2025 (om 10 dagar)", link)
	contains(t, "HTML", m.HTML, `lang="sv"`, `<a href="`+link+`">Åtgärd: Excelfil har tagits fram`, "Slutdatum: kvartal 2 2025 (om 10 dagar)")
	if strings.Contains(m.Text, "Det pågår ett kontinuerligt arbete") {
		t.Errorf("Expected no reminder of an action without a deadline")
	}
	rs, err := app.FindRecordsByFilter(model.Reminders, "", "", 0, 0)
	if err != nil || len(rs) != 1 {
		t.Fatalf("Expected 1 recorded reminder, got %d (%v)", len(rs), err)
	}
	r := rs[0]
	if r.GetString("target_collection") != model.Actions || r.GetString("target") != f.Actions["2"] || r.GetString("kind") != remind.DueSoon ||
		r.GetString("recipient") != f.Users["ansvarig"] || r.GetString("key") != "14d:2025-06-30" || !r.GetDateTime("sent_at").Time().Equal(at("2025-06-20")) {
		t.Fatalf("Expected the due_soon reminder of the action recorded for its owner, got %v", r.PublicExport())
	}

	// running the job twice sends once; so does the next day, in the same window
	for _, day := range []string{"2025-06-20", "2025-06-21", "2025-06-26"} {
		if sum, out := run(t, app, day); sum.Emails != 0 || len(box.Mails()) != 1 {
			t.Fatalf("Expected nothing more sent on %s, got %+v and %d e-mails\n%s", day, sum, len(box.Mails()), out)
		}
	}
	// three days before, the 3-day window reminds once more; then on the day
	if sum, _ := run(t, app, "2025-06-27"); sum.Emails != 1 {
		t.Fatalf("Expected the 3-day reminder, got %+v", sum)
	}
	contains(t, "3-day reminder", box.Mails()[1].Text, "Slutdatum: kvartal 2 2025 (om 3 dagar)")
	if sum, _ := run(t, app, "2025-06-28"); sum.Emails != 0 {
		t.Fatalf("Expected nothing on 2025-06-28, got %+v", sum)
	}
	run(t, app, "2025-06-30")
	run(t, app, "2025-06-30")
	mails = box.To(owner)
	if len(mails) != 3 || mails[2].Subject != "ikplan: 1 ska vara klar i dag" {
		t.Fatalf("Expected three e-mails, the last due today, got %d: %+v", len(mails), mails)
	}
	contains(t, "due-today reminder", mails[2].Text, "Ska vara klart i dag", "Slutdatum: kvartal 2 2025\n")
	want := []string{"due_soon 14d:2025-06-30", "due_soon 3d:2025-06-30", "due_today 2025-06-30"}
	if got := recorded(t, app, f.Users["ansvarig"]); !slices.Equal(got, want) {
		t.Fatalf("Expected the reminders %v recorded, got %v", want, got)
	}
	if len(box.Mails()) != 3 {
		t.Fatalf("Expected no e-mail to anyone else, got %+v", box.Mails())
	}
}

func TestOverdueRepeatsWeeklyWithTheCoordinatorsDigest(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	box := startSMTP(t)
	app := newApp(t, box)
	// the confidential control 12 not reported: its owner and the coordinator are told, the reader is not
	if err := testapp.Delete(app, model.Results, f.Results["12"]); err != nil {
		t.Fatal(err)
	}

	sum, out := run(t, app, "2025-07-02") // a Wednesday, week 27
	if sum.Emails != 3 || sum.Items != 4 || sum.Failed != 0 {
		t.Fatalf("Expected 3 e-mails with 4 reminders, got %+v\n%s", sum, out)
	}
	own := box.To(owner)
	if len(own) != 1 || own[0].Subject != "ikplan: 1 försenad" {
		t.Fatalf("Expected the owner's overdue reminder, got %+v", own)
	}
	contains(t, "overdue reminder", own[0].Text, "Försenat", "Slutdatum: kvartal 2 2025 (2 dagar sedan)", "en gång i veckan så länge det är försenat")
	it := box.To("it@ikplan.test")
	if len(it) != 1 {
		t.Fatalf("Expected the IT owner's reminder, got %+v", it)
	}
	contains(t, "IT owner's reminder", it[0].Text, "Kontroll att rapportera: Cyberangrepp", "Ska rapporteras senast: 2024-12-31", site+"/controls/"+f.Controls["12"])
	digest := box.To(coordinator)
	if len(digest) != 1 || digest[0].Subject != "ikplan: försenat i dina nämnder (2)" {
		t.Fatalf("Expected one digest to the coordinator, got %+v", digest)
	}
	autoSubmitted(t, box.Mails())
	contains(t, "digest", digest[0].Text, "Hej Sara Samordnare!", "Kommunstyrelsen", "Ansvarig: Anders Ansvarig", "Ansvarig: Ivar IT-chef",
		"Åtgärd: Excelfil", "Kontroll att rapportera: Cyberangrepp", site+"/controls/"+f.Controls["2"]+"#action-"+f.Actions["2"])
	contains(t, "digest HTML", digest[0].HTML, "<h2", "Kommunstyrelsen</h2>", "Ansvarig: Anders Ansvarig")
	if got := box.To("lasare@ikplan.test"); len(got) != 0 {
		t.Fatalf("Expected nothing to the reader, got %+v", got)
	}

	if sum, _ := run(t, app, "2025-07-03"); sum.Emails != 0 {
		t.Fatalf("Expected no repeat the next day, got %+v", sum)
	}
	if sum, _ := run(t, app, "2025-07-09"); sum.Emails != 3 {
		t.Fatalf("Expected the overdue reminders again a week later, got %+v", sum)
	}
	if got := box.To(owner); len(got) != 2 || !strings.Contains(got[1].Text, "(9 dagar sedan)") {
		t.Fatalf("Expected the owner's second overdue reminder, got %+v", got)
	}
	want := []string{"overdue 2025-W27", "overdue 2025-W28"}
	if got := recorded(t, app, f.Users["ansvarig"]); !slices.Equal(got, want) {
		t.Fatalf("Expected %v recorded for the owner, got %v", want, got)
	}
	want = []string{"overdue boards:2025-W27", "overdue boards:2025-W27", "overdue boards:2025-W28", "overdue boards:2025-W28"}
	if got := recorded(t, app, f.Users["samordnare"]); !slices.Equal(got, want) {
		t.Fatalf("Expected %v recorded for the coordinator, got %v", want, got)
	}
}

func TestAFailingAddressIsRetriedWithoutBlockingTheOthers(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	box := startSMTP(t)
	app := newApp(t, box)
	for key, deadline := range map[string]string{"HR8": "2025-06-25", "8": "2025-06-20"} {
		if err := testapp.Update(app, model.Actions, f.Actions[key], map[string]any{"deadline": deadline, "deadline_precision": "day"}); err != nil {
			t.Fatal(err)
		}
	}
	box.Refuse(owner, true)

	// HR's and samhallsbyggnad's, and the overdue confidential action 12
	// to its owner and in the coordinator's digest
	sum, out := run(t, app, "2025-06-20")
	if sum.Emails != 4 || sum.Failed != 1 {
		t.Fatalf("Expected 4 sent and 1 failed, got %+v\n%s", sum, out)
	}
	contains(t, "output", out, "Kunde inte skicka till Anders Ansvarig <ansvarig@ikplan.test>")
	if got := box.To("hr@ikplan.test"); len(got) != 1 || got[0].Subject != "ikplan: 1 ska snart vara klar" {
		t.Fatalf("Expected HR's reminder, got %+v", got)
	}
	if got := box.To("samhallsbyggnad@ikplan.test"); len(got) != 1 || got[0].Subject != "ikplan: 1 ska vara klar i dag" {
		t.Fatalf("Expected the due-today reminder, got %+v", got)
	}
	if got := recorded(t, app, f.Users["ansvarig"]); len(got) != 0 {
		t.Fatalf("Expected nothing recorded for the failing address, got %v", got)
	}
	logs := logged(t, app, "reminders: failed to send")
	if len(logs) != 1 || logs[0].Data["email"] != owner || !strings.Contains(logs[0].Data["error"].(string), "550") {
		t.Fatalf("Expected the failure logged with the address and the server's answer, got %+v", logs)
	}

	box.Refuse(owner, false)
	sum, out = run(t, app, "2025-06-20")
	if sum.Emails != 1 || sum.Failed != 0 || len(box.To(owner)) != 1 {
		t.Fatalf("Expected the failed e-mail sent on the next run, and only it, got %+v\n%s", sum, out)
	}
	if len(box.Mails()) != 5 {
		t.Fatalf("Expected 5 e-mails in all, got %d", len(box.Mails()))
	}
}

func TestAUserWithoutEmailIsSkipped(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	box := startSMTP(t)
	app := newApp(t, box)
	if err := testapp.Update(app, model.Actions, f.Actions["8"], map[string]any{"deadline": "2025-06-20", "deadline_precision": "day"}); err != nil {
		t.Fatal(err)
	}
	if _, err := app.DB().NewQuery("UPDATE users SET email = '' WHERE id = {:id}").Bind(dbx.Params{"id": f.Users["samhallsbyggnad"]}).Execute(); err != nil {
		t.Fatal(err)
	}
	// the owner's, and the overdue confidential action 12 to its owner and
	// in the coordinator's digest
	sum, out := run(t, app, "2025-06-20")
	if sum.Emails != 3 || sum.Skipped != 1 || sum.Failed != 0 {
		t.Fatalf("Expected three sent and one skipped, got %+v\n%s", sum, out)
	}
	contains(t, "output", out, "Ingen e-postadress, hoppar över: Sofia Samhällsbyggnadschef")
	if got := recipients(box.Mails()); !slices.Equal(got, []string{owner, "it@ikplan.test", coordinator}) {
		t.Fatalf("Expected only the owner's, IT's and the coordinator's e-mails, got %v", got)
	}
	if got := recorded(t, app, f.Users["samhallsbyggnad"]); len(got) != 0 {
		t.Fatalf("Expected nothing recorded for the user without e-mail, got %v", got)
	}
	if logs := logged(t, app, "reminders: a user has no e-mail address"); len(logs) != 1 || logs[0].Data["user"] != f.Users["samhallsbyggnad"] {
		t.Fatalf("Expected a log line naming the user, got %+v", logs)
	}
}

func TestDryRunSendsAndRecordsNothing(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	box := startSMTP(t)
	app := newApp(t, box)
	var out bytes.Buffer
	sum, err := remind.Run(app, at("2025-06-20"), true, &out)
	if err != nil || sum != (remind.Summary{Emails: 3, Items: 3}) {
		t.Fatalf("Expected three e-mails listed (the owner's, IT's and the coordinator's), got %+v, %v", sum, err)
	}
	contains(t, "output", out.String(), "Skulle skicka till Anders Ansvarig <ansvarig@ikplan.test> – ikplan: 1 ska snart vara klar",
		"Åtgärd: Excelfil har tagits fram", "Slutdatum: kvartal 2 2025 (om 10 dagar)", site+"/controls/"+f.Controls["2"]+"#action-"+f.Actions["2"],
		"Skulle skicka till Ivar IT-chef <it@ikplan.test> – ikplan: 1 försenad", "Åtgärd: "+testapp.SecretAction,
		"Skulle skicka till Sara Samordnare <samordnare@ikplan.test>")
	if n := testapp.Count(t, app, model.Reminders, nil); n != 0 || len(box.Mails()) != 0 {
		t.Fatalf("Expected nothing sent or recorded, got %d e-mails and %d reminders", len(box.Mails()), n)
	}
	// the real run after it still sends
	if sum, _ := run(t, app, "2025-06-20"); sum.Emails != 3 || len(box.Mails()) != 3 {
		t.Fatalf("Expected the real run to send, got %+v", sum)
	}
}

// panicky is an app whose database reads panic.
type panicky struct{ core.App }

func (panicky) FindRecordsByFilter(any, string, string, int, int, ...dbx.Params) ([]*core.Record, error) {
	panic("the disk is on fire")
}

func TestAPanicIsRecovered(t *testing.T) {
	t.Parallel()
	box := startSMTP(t)
	app := newApp(t, box)

	// a panic while sending one person's e-mail leaves the others
	app.OnMailerSend().BindFunc(func(e *core.MailerEvent) error {
		if e.Message.To[0].Address == owner {
			panic("the mailer broke")
		}
		return e.Next()
	})
	sum, out := run(t, app, "2025-07-02")
	if sum.Failed != 1 || sum.Emails != 2 || len(box.To(coordinator)) != 1 || len(box.To("it@ikplan.test")) != 1 {
		t.Fatalf("Expected the owner's e-mail failed and IT's and the digest sent, got %+v\n%s", sum, out)
	}
	if logs := logged(t, app, "reminders: panicked"); len(logs) != 1 || !strings.Contains(logs[0].Data["error"].(string), "the mailer broke") {
		t.Fatalf("Expected the panic logged, got %+v", logs)
	}

	// a panic in the job itself is an error, never a crash
	sum, err := remind.Run(panicky{app}, at("2025-07-02"), false, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "the disk is on fire") || sum.Emails != 0 {
		t.Fatalf("Expected the panic returned as an error, got %+v, %v", sum, err)
	}
	if logs := logged(t, app, "reminders: the job panicked"); len(logs) != 1 {
		t.Fatalf("Expected the panic logged, got %+v", logs)
	}
}

func TestOpenFollowsPeriodsAndRules(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := newApp(t, nil)
	user := func(key string) *core.Record { return testapp.Find(t, app, model.Users, f.Users[key]) }
	ids := func(key, owner string) []string {
		t.Helper()
		items, err := remind.Open(remind.As(app, user(key)), owner, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, it := range items {
			out = append(out, it.Id)
		}
		return out
	}
	// a quarterly control with only a result for the whole year is still open
	err := testapp.WhileDraft(app, f.Plan, func() error { // as if the board had decided so
		return testapp.Update(app, model.Controls, f.Controls["5"], map[string]any{"frequency": model.FreqQuarterly})
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids("raddning", f.Users["raddning"]); !slices.Equal(got, []string{f.Controls["5"]}) {
		t.Fatalf("Expected only control 5 open for its owner, got %v", got)
	}
	// the whole year not performed is done; HR's open action has no deadline but is open
	if got := ids("hr", f.Users["hr"]); !slices.Equal(got, []string{f.Actions["HR8"]}) {
		t.Fatalf("Expected only HR's open action, got %v", got)
	}
	// the rules decide: a reader never sees the confidential control, another board sees nothing
	if err := testapp.Delete(app, model.Results, f.Results["12"]); err != nil {
		t.Fatal(err)
	}
	if got := ids("lasare", ""); slices.Contains(got, f.Controls["12"]) || !slices.Contains(got, f.Controls["5"]) {
		t.Fatalf("Expected the reader to see control 5 but not the confidential 12, got %v", got)
	}
	if got := ids("it", f.Users["it"]); !slices.Contains(got, f.Controls["12"]) {
		t.Fatalf("Expected the owner to see their confidential control, got %v", got)
	}
	if got := ids("annan", ""); len(got) != 0 {
		t.Fatalf("Expected nothing for another board, got %v", got)
	}
	// an action handed over to another board is no longer its owner's to do
	err = model.RunCarry(app, func(tx core.App) error { // as a transfer marks it
		return testapp.Update(tx, model.Actions, f.Actions["HR8"], map[string]any{"transferred_to": f.IAN})
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids("hr", f.Users["hr"]); len(got) != 0 {
		t.Fatalf("Expected the transferred action gone from HR's list, got %v", got)
	}
}

func TestTheSettingsChooseTheDays(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := newApp(t, nil)
	if got := remind.Days(app); !slices.Equal(got, []int{14, 3}) {
		t.Fatalf("Expected the default settings' [14 3], got %v", got)
	}
	if err := testapp.Update(app, model.Settings, f.Settings, map[string]any{"reminder_days": []int{7, 30}}); err != nil {
		t.Fatal(err)
	}
	if got := remind.Days(app); !slices.Equal(got, []int{30, 7}) {
		t.Fatalf("Expected [30 7] from the settings, got %v", got)
	}
	var out bytes.Buffer
	if _, err := remind.Run(app, at("2025-06-20"), true, &out); err != nil || !strings.Contains(out.String(), "(om 10 dagar)") {
		t.Fatalf("Expected the action within the 30-day window, got %v\n%s", err, out.String())
	}
	if err := testapp.Update(app, model.Settings, f.Settings, map[string]any{"reminder_days": []int{7}}); err != nil {
		t.Fatal(err)
	}
	// nothing is due within 7 days: only the overdue confidential action
	// 12, to its owner and in the coordinator's digest
	out.Reset()
	if sum, err := remind.Run(app, at("2025-06-20"), true, &out); err != nil || sum.Emails != 2 || strings.Contains(out.String(), "Ska snart") {
		t.Fatalf("Expected nothing within 7 days, got %+v, %v\n%s", sum, err, out.String())
	}
}

// TestRemindersOfTheConfidentialAction: the overdue action under the
// confidential control 12 is reminded of to its owner and in the digest of
// its board's coordinator, and to nobody else — not the reader, not the
// other board's user, not a coordinator of the other board.
func TestRemindersOfTheConfidentialAction(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	box := startSMTP(t)
	app := newApp(t, box)
	if _, err := testapp.Create(app, model.Users, map[string]any{
		"email": "samordnare_ian@ikplan.test", "password": testapp.Password, "name": "Ingrid IAN-samordnare",
		"role": model.RoleCoordinator, "boards": []string{f.IAN},
	}); err != nil {
		t.Fatal(err)
	}
	if sum, out := run(t, app, "2025-03-17"); sum.Failed != 0 { // a Monday
		t.Fatalf("Expected the job to send, got %+v\n%s", sum, out)
	}
	link := site + "/controls/" + f.Controls["12"] + "#action-" + f.Actions["12"]
	for _, m := range box.Mails() {
		if leaks := testapp.Leaks(m.Text + m.HTML); leaks != nil && m.To[0] != "it@ikplan.test" && m.To[0] != coordinator {
			t.Errorf("Expected nothing of the confidential control in the e-mail to %s, got %q\n%s", m.To[0], leaks, m.Text)
		}
	}
	it := box.To("it@ikplan.test")
	if len(it) != 1 {
		t.Fatalf("Expected the IT owner's reminder, got %+v", it)
	}
	contains(t, "IT owner's reminder", it[0].Text, "Försenat", "Åtgärd: "+testapp.SecretAction, "Slutdatum: "+testapp.SecretDeadline, link)
	digest := box.To(coordinator)
	if len(digest) != 1 {
		t.Fatalf("Expected the coordinator's digest, got %+v", digest)
	}
	contains(t, "digest", digest[0].Text, "Kommunstyrelsen", "Åtgärd: "+testapp.SecretAction, "Ansvarig: Ivar IT-chef", link)
	if got := recipients(box.Mails()); !slices.Equal(got, []string{"it@ikplan.test", coordinator}) {
		t.Errorf("Expected e-mails to IT and the coordinator only, got %v", got)
	}
}

// recipients are the first addressee of each e-mail, in order.
func recipients(mails []received) []string {
	var out []string
	for _, m := range mails {
		out = append(out, m.To[0])
	}
	return out
}

// autoSubmitted checks that every e-mail, as the SMTP server received it,
// says it was sent by a machine (RFC 3834, and Exchange's own header), so
// that no out-of-office reply comes back for it.
func autoSubmitted(t *testing.T, mails []received) {
	t.Helper()
	for _, m := range mails {
		if got := m.Header.Get("Auto-Submitted"); got != "auto-generated" {
			t.Errorf("Expected Auto-Submitted: auto-generated on %q to %v, got %q", m.Subject, m.To, got)
		}
		if got := m.Header.Get("X-Auto-Response-Suppress"); got != "All" {
			t.Errorf("Expected X-Auto-Response-Suppress: All on %q to %v, got %q", m.Subject, m.To, got)
		}
	}
}
