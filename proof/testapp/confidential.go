package testapp

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/model"
)

// The confidential records of the data set: control 12 (Cyberangrepp) is
// confidential, its 2024 result (the seed's account, kept) has the outcome
// deviation, a significant open deviation, an open action of the control's
// owner whose deadline has passed, and an evidence file. Their texts are
// found nowhere else, so a page, document, count, reminder, calendar or
// search that shows one to a reader, to another board's user or in a
// public document leaks it.
const (
	SecretTitle     = "Cyberangrepp" // control 12's title begins so
	SecretDeviation = "Brandväggens regelverk släpper igenom trafik"
	SecretAction    = "Skriv om brandväggens regelverk"
	SecretFile      = "Brandväggsloggar från 2024" // the evidence file's text
	SecretFileName  = "brandvagg.txt"              // as uploaded; stored with a suffix (Fixture.Evidence)
	SecretDeadline  = "2025-01-31"                 // the action's deadline: overdue on Today
)

// Secrets are the confidential texts as they are written, for a page or
// document that must not show them (tests.ApiScenario's
// NotExpectedContent): control 12's title, its deviation, its action, its
// evidence file's text and name.
var Secrets = []string{SecretTitle, SecretDeviation, SecretAction, SecretFile, "brandvagg"}

// secretMarks are the parts of the confidential texts Leaks looks for,
// lower-cased: each occurs only in a confidential record.
var secretMarks = []string{"cyberangrepp", "brandväggens regelverk", "brandväggsloggar", "brandvagg"}

// Leaks lists the marks of the confidential records found in text (case
// insensitively): nil when text shows nothing of them.
func Leaks(text string) []string {
	lower := strings.ToLower(text)
	var found []string
	for _, m := range secretMarks {
		if strings.Contains(lower, m) {
			found = append(found, m)
		}
	}
	return found
}

// confidential gives control 12's result its deviation, action and
// evidence file through the hooks, and records their ids in f.
func confidential(tx core.App, f *Fixture) error {
	result, err := tx.FindRecordById(model.Results, f.Results["12"])
	if err != nil {
		return err
	}
	result.Set("outcome", model.OutcomeDeviation)
	file, err := filesystem.NewFileFromBytes([]byte(SecretFile+".\n"), SecretFileName)
	if err != nil {
		return err
	}
	result.Set("evidence+", file)
	if err := tx.Save(result); err != nil {
		return err
	}
	f.Evidence["12"] = result.GetStringSlice("evidence")[0]
	dev, err := Create(tx, model.Deviations, map[string]any{
		"result": result.Id, "description": SecretDeviation + ".", "significant": true, "status": "open",
	})
	if err != nil {
		return err
	}
	f.Deviations["12"] = dev.Id
	act, err := Create(tx, model.Actions, map[string]any{
		"deviation": dev.Id, "description": SecretAction + ".", "owner": f.Users["it"],
		"deadline": SecretDeadline, "deadline_precision": "day", "status": "planned",
	})
	if err != nil {
		return err
	}
	f.Actions["12"] = act.Id
	return nil
}
