package hostile_test

import (
	"fmt"
	"sort"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/hooks"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// textField is a text or editor field that people write.
type textField struct {
	Collection, Name string
	Max              int // the most characters (text) or bytes (editor); 0 is none
}

func (f textField) String() string { return f.Collection + "." + f.Name }

// serverWritten are the collections nobody but the server writes: their
// text is the server's own (ids, labels, keys), never a person's.
var serverWritten = map[string]string{
	model.AuditLog:  "the history: a hook refuses every write but the server's",
	model.Reminders: "the record of reminders sent: written by the reminder job only",
	model.Samples:   "a drawn sample: its period is one of its control's, the rest the server computes, and nothing changes after the draw (hooks/samples.go)",
}

// serverFields are fields of collections people write that only the
// server sets: whatever is sent for them is replaced.
var serverFields = map[string]string{
	"settings.package_public_key":      "the package key's public half: the server sets it from the key file on every save (hooks/package_key.go)",
	"settings.package_key_fingerprint": "the package key's fingerprint, set with it",
}

// textFields lists every text and editor field of every collection that
// people write, read from the collections themselves: a new field is
// covered without anyone listing it. System, hidden and primary-key fields
// (id, password, tokens) are not text a person writes or reads.
func textFields(t testing.TB, app core.App) []textField {
	t.Helper()
	cols, err := app.FindAllCollections()
	if err != nil {
		t.Fatal(err)
	}
	var out []textField
	for _, c := range cols {
		if c.System || serverWritten[c.Name] != "" {
			continue
		}
		for _, fl := range c.Fields {
			if fl.GetSystem() || fl.GetHidden() || serverFields[c.Name+"."+fl.GetName()] != "" {
				continue
			}
			switch f := fl.(type) {
			case *core.TextField:
				if f.PrimaryKey {
					continue
				}
				out = append(out, textField{c.Name, f.Name, f.Max})
			case *core.EditorField:
				out = append(out, textField{c.Name, f.Name, int(f.MaxSize)})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// hosts are the records that carry the payloads: control 2 of the 2024
// plan (owner Anders Ansvarig) with its result, deviation and action, the
// risk with its assessment, the board, a unit and the two people whose
// names every page, e-mail and history row shows. A collection with text
// fields but no host fails the test: add its record here.
func hosts(f *testapp.Fixture) map[string][]string {
	return map[string][]string{
		model.Users:           {f.Users["ansvarig"], f.Users["samordnare"]},
		model.Boards:          {f.KS},
		model.Units:           {f.Unit},
		model.Plans:           {f.Plan},
		model.Controls:        {f.Controls["2"]},
		model.Results:         {f.Results["2"]},
		model.Deviations:      {f.Deviations["2"]},
		model.Actions:         {f.Actions["2"]},
		model.Risks:           {f.Risk},
		model.RiskAssessments: {f.Assessment},
		model.Settings:        {f.Settings},                     // the municipality's name, in every page's header and every document
		model.SampleItems:     {hooks.ItemId(hostileSample, 1)}, // newServer draws it
		model.CommonControls:  {hostileCommon},                  // newServer defines it
	}
}

// written is what became of one payload in one field of one record.
type written struct {
	Field   textField
	Id      string
	Refused string // the field's message when the server refused the value
}

// plant writes the payload into every text field of every host, one field
// per save, through the hooks: as Sara Samordnare (the coordinator of both
// boards) for the boards' records, as a superuser for people, whom only a
// superuser may change. The plan's and its control's fields that the
// board decides are written while the plan is put back in draft.
func plant(t testing.TB, s *server, text string) []written {
	t.Helper()
	app, f := s.app, s.f
	fields := textFields(t, app)
	hs := hosts(f)
	byCollection := map[string][]textField{}
	for _, fl := range fields {
		if len(hs[fl.Collection]) == 0 {
			t.Fatalf("Collection %s has the text field %s but no host record in hosts(): add one", fl.Collection, fl.Name)
		}
		byCollection[fl.Collection] = append(byCollection[fl.Collection], fl)
	}
	admin, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, "admin@ikplan.test")
	if err != nil {
		t.Fatal(err)
	}
	var out []written
	write := func(by *core.Record, fl textField, id string) {
		err := model.RunAs(app, model.ActorFromAuth(by), func(tx core.App) error {
			r, err := tx.FindRecordById(fl.Collection, id)
			if err != nil {
				return err
			}
			r.Set(fl.Name, text)
			return tx.Save(r)
		})
		w := written{Field: fl, Id: id}
		if err != nil {
			msgs := testapp.FieldErrors(err)
			if msgs == nil {
				t.Fatalf("Expected the write of %s to be saved or refused with field messages, got %v", fl, err)
			}
			w.Refused = msgs[fl.Name]
			if w.Refused == "" {
				w.Refused = fmt.Sprint(msgs)
			}
		}
		out = append(out, w)
	}
	// people first, so the coordinator who writes the rest carries her new name
	for _, fl := range byCollection[model.Users] {
		for _, id := range hs[model.Users] {
			write(admin, fl, id)
		}
	}
	coordinator := testapp.Find(t, app, model.Users, f.Users["samordnare"])
	// what the board decides — the plan's adoption and its controls — is
	// written as it would be while the plan was a draft: the fixture puts
	// it there and back (testapp.WhileDraft), the writes meet the rules
	err = testapp.WhileDraft(app, f.Plan, func() error {
		giveTarget(t, app, coordinator, f.Controls["2"])
		for _, c := range []string{model.Plans, model.Controls} {
			for _, fl := range byCollection[c] {
				for _, id := range hs[c] {
					write(coordinator, fl, id)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var rest []string
	for c := range byCollection {
		if c != model.Users && c != model.Controls && c != model.Plans {
			rest = append(rest, c)
		}
	}
	sort.Strings(rest)
	for _, c := range rest {
		for _, fl := range byCollection[c] {
			for _, id := range hs[c] {
				write(coordinator, fl, id)
			}
		}
	}
	return out
}

// giveTarget gives a control of a draft plan a target, so that its metric
// and unit may be written alone: a target is all four or nothing.
func giveTarget(t testing.TB, app core.App, by *core.Record, control string) {
	t.Helper()
	err := model.RunAs(app, model.ActorFromAuth(by), func(tx core.App) error {
		c, err := tx.FindRecordById(model.Controls, control)
		if err != nil {
			return err
		}
		c.Set("target_metric", "Dokumenterade arbetsuppgifter")
		c.Set("target_operator", ">=")
		c.Set("target_value", "90")
		c.Set("target_unit", "procent")
		return tx.Save(c)
	})
	if err != nil {
		t.Fatalf("Expected the control to take a target, got %v", err)
	}
}
