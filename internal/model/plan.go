package model

// RiskValue is a risk's value: probability times consequence.
func RiskValue(probability, consequence int) int {
	return probability * consequence
}

// planMoves lists the status moves a plan may make; adopted → draft is the
// one step back, and only a coordinator may take it.
var planMoves = map[string][]string{
	PlanDraft:    {PlanAdopted},
	PlanAdopted:  {PlanReported, PlanDraft},
	PlanReported: {PlanArchived},
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

// PlanStatusSv is a plan status in Swedish.
func PlanStatusSv(s string) string {
	return map[string]string{
		PlanDraft: "utkast", PlanAdopted: "antagen", PlanReported: "återrapporterad", PlanArchived: "arkiverad",
	}[s]
}

// FrozenControlFields are the fields of a control that cannot change once
// its plan is adopted.
var FrozenControlFields = []string{
	"title", "description", "method", "owner",
	"target_metric", "target_operator", "target_value", "target_unit",
}
