package model

// CommonControls is the collection of kommungemensamma kontroller: the
// controls kommunstyrelsen decides for a year, which every board's plan of
// that year carries (hooks/common.go).
const CommonControls = "common_controls"

// CommonControlField is the control's link to the common control it is a
// board's copy of.
const CommonControlField = "common_control"

// ExecutiveField marks the board that is kommunstyrelsen: its coordinators
// define the common controls.
const ExecutiveField = "executive"

// CommonSection is the part (section) of a plan the common controls are
// added to, under its own numbering.
const CommonSection = "Kommungemensamma kontroller"

// CommonFields are the fields kommunstyrelsen decides for a common
// control, named alike on the common control and on each board's copy. A
// board sets the rest of its copy (owner, due date, unit, risk, number,
// report-to) but never these.
var CommonFields = []string{
	FieldControlTitle, FieldControlProcess, FieldControlDescription, FieldControlMethod,
	FieldControlFrequency, FieldControlLegalRefs, FieldControlConfidential, FieldControlTargetMetric,
	FieldControlTargetOperator, FieldControlTargetValue, FieldControlTargetUnit,
}

// CommonMismatch lists the common fields in which a board's copy differs
// from the common control, in CommonFields' order; copyOf and common read
// a field of each as text.
func CommonMismatch(copyOf, common func(field string) string) []string {
	var out []string
	for _, f := range CommonFields {
		if copyOf(f) != common(f) {
			out = append(out, f)
		}
	}
	return out
}

// Standings of a board's copy of a common control, as the comparison
// (the roll-up's table, the common controls' page, the start page) shows
// them; each is the catalogue key "common.standing.<standing>".
const (
	StandingNoPlan       = "no_plan"       // the board has no plan of the year
	StandingNotReported  = "not_reported"  // no result yet
	StandingPartly       = "partly"        // results for some periods, not all
	StandingNoDeviation  = "no_deviation"  // every period reported, none deviating
	StandingDeviation    = "deviation"     // a period deviates
	StandingNotPerformed = "not_performed" // every period reported as not performed
)

// CommonStanding is how a board's copy stands from its results' outcomes
// (one per reported period) and whether every period is reported
// (controls.reported).
func CommonStanding(outcomes []string, complete bool) string {
	if len(outcomes) == 0 {
		return StandingNotReported
	}
	deviating, performed := false, false
	for _, o := range outcomes {
		deviating = deviating || o == OutcomeDeviation
		performed = performed || o != OutcomeNotPerformed
	}
	switch {
	case deviating:
		return StandingDeviation
	case !complete:
		return StandingPartly
	case !performed:
		return StandingNotPerformed
	}
	return StandingNoDeviation
}

// StandingMissing reports whether a standing counts as not reported on the
// coordinator's start page.
func StandingMissing(s string) bool {
	return s == StandingNoPlan || s == StandingNotReported || s == StandingPartly
}
