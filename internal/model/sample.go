package model

import (
	"encoding/json"
	"math"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
)

// Findings is what a sample's items say so far.
type Findings struct {
	Size, Assessed, Deviating int
}

// Complete reports whether every item is assessed.
func (f Findings) Complete() bool { return f.Size > 0 && f.Assessed == f.Size }

// Percent is the share of the items deviating, in percent, rounded to two
// decimals.
func (f Findings) Percent() float64 {
	if f.Size == 0 {
		return 0
	}
	return math.Round(float64(f.Deviating)*10000/float64(f.Size)) / 100
}

// Outcome is the result's outcome the items give.
func (f Findings) Outcome() string {
	if f.Deviating > 0 {
		return OutcomeDeviation
	}
	return OutcomeNoDeviation
}

// FindingsOf counts a sample's items.
func FindingsOf(app core.App, sampleId string) Findings {
	var rows []struct {
		Status string `db:"status"`
	}
	_ = app.RecordQuery(SampleItems).Select("status").AndWhere(dbx.HashExp{"sample": sampleId}).All(&rows)
	f := Findings{Size: len(rows)}
	for _, r := range rows {
		if r.Status != "" {
			f.Assessed++
		}
		if r.Status == ItemDeviation {
			f.Deviating++
		}
	}
	return f
}

// Text is the findings as the pages and the follow-up report write them:
// "1 av 20 avvikande, 5 %".
func (f Findings) Text() i18n.Message {
	return i18n.M("sample.findings", "deviating", f.Deviating, "size", f.Size, "percent", FormatDecimalSv(f.Percent()))
}

// JSONStrings is a JSON field holding a list of texts (a sample's header,
// an item's values) as the list; nil when it holds anything else.
func JSONStrings(v any) []string {
	var raw []byte
	switch x := v.(type) {
	case []byte:
		raw = x
	case string:
		raw = []byte(x)
	default:
		b, err := json.Marshal(v)
		if err != nil {
			return nil
		}
		raw = b
	}
	var out []string
	if json.Unmarshal(raw, &out) != nil {
		return nil
	}
	return out
}
