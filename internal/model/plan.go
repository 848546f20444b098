package model

import "time"

// RiskValue is a risk's value: probability times consequence.
func RiskValue(probability, consequence int) int {
	return probability * consequence
}

// planMoves lists the status moves a plan may make. Two go back, each a
// coordinator's act with a reason (PlanMovesBack): adopted → draft undoes
// an adoption while no result is reported, and reported → adopted reopens
// a reported plan.
var planMoves = map[string][]string{
	PlanDraft:    {PlanAdopted},
	PlanAdopted:  {PlanReported, PlanDraft},
	PlanReported: {PlanArchived, PlanAdopted},
}

// CanMovePlan reports whether a plan may move from one status to another.
func CanMovePlan(from, to string) bool {
	if from == to {
		return true
	}
	for _, s := range planMoves[from] {
		if s == to {
			return true
		}
	}
	return false
}

// PlanMovesBack reports whether a move goes back: adopted → draft (the
// adoption undone) or reported → adopted (a reopen).
func PlanMovesBack(from, to string) bool {
	return (from == PlanAdopted && to == PlanDraft) || (from == PlanReported && to == PlanAdopted)
}

// PlanFrozen reports whether nothing under a plan of the status may be
// created, changed or deleted: once it is reported (or archived), until a
// coordinator reopens it.
func PlanFrozen(status string) bool {
	return status == PlanReported || status == PlanArchived
}

// PlanStatusSv is a plan status in Swedish.
func PlanStatusSv(s string) string {
	return map[string]string{
		PlanDraft: "utkast", PlanAdopted: "antagen", PlanReported: "återrapporterad", PlanArchived: "arkiverad",
	}[s]
}

// FrozenControlFields are the fields of a control that the board decided
// with the plan: they cannot change once the plan is adopted. The owner is
// not among them (people leave; a change is recorded in the history), nor
// what the server keeps of the results (reported, next_due, next_period).
var FrozenControlFields = []string{
	FieldControlTitle, FieldControlSection, FieldControlNumber, FieldControlPosition, FieldControlProcess,
	FieldControlDescription, FieldControlMethod, FieldControlFrequency, FieldControlDue,
	FieldControlTargetMetric, FieldControlTargetOperator, FieldControlTargetValue, FieldControlTargetUnit,
	FieldControlUnit, FieldControlReportTo, FieldControlLegalRefs, FieldControlConfidential,
	FieldControlRisk,
}

// DateProblem says what is wrong with a date a person gives for something
// done under a plan of the year (a result's performed_on, an action's
// done_on), on the day today: "future" after today, "early" before 1
// January of the plan's year, or "" when it is fine. Dates are compared as
// calendar days.
func DateProblem(d, today time.Time, year int) string {
	day := DateOnly(d)
	switch {
	case day.After(DateOnly(today)):
		return "future"
	case day.Before(time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)):
		return "early"
	}
	return ""
}
